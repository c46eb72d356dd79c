import { describe, it, expect } from 'vitest';
import { readJson, expectClose } from '../../helpers.js';
import { convergence, betaConvergence } from '../../../src/core/dynamics/convergence.js';
import { ols } from '../../../src/core/math/regression.js';
import { createPanel } from '../../../src/core/panel/panel.js';
import { createRng } from '../../../src/core/random.js';
import { indexPanel } from '../disparity/index-fixture.js';

const fx = readJson('fixtures/index/expected/convergence.json').result;
const REL = 1e-9;

describe('convergence (convergence.json)', () => {
  const res = convergence(indexPanel(), { value: 'score' });
  it('σ: CV with population SD (default) and sample SD, per year', () => {
    for (const row of res.rows) {
      const e = fx.sigma[String(row.period)];
      expectClose(row.mean!, e.mean, REL, 0, 'mean');
      expectClose(row.sd_sample!, e.sd_sample, REL, 0, 'sd_sample');
      expectClose(row.sd_pop!, e.sd_pop, REL, 0, 'sd_pop');
      expectClose(row.cv_sample!, e.cv_sample, REL, 0, 'cv_sample');
      expectClose(row.cv_pop!, e.cv_pop, REL, 0, 'cv_pop');
      expect(row.sigma).toBe(row.cv_pop);
    }
    const s2 = convergence(indexPanel(), { value: 'score', sigma: 'cv_sample', beta: 'none' });
    s2.rows.forEach((r) => expectClose(r.sigma!, fx.sigma[String(r.period)].cv_sample, REL, 0, 'cv_sample headline'));
    expect(s2.summary.beta).toBeNull();
  });
  it('absolute β, pooled OLS: every statistic of R lm at 1e-9', () => {
    const b = res.summary.beta as any;
    for (const k of ['alpha', 'beta', 'se_alpha', 'se_beta', 't_alpha', 't_beta', 'p_alpha', 'p_beta', 'r_squared', 'adj_r_squared', 'residual_se', 'F', 'speed']) {
      expectClose(b[k], fx.beta[k], REL, 0, k);
    }
    expect(b.n).toBe(fx.beta.n);
    expect(b.df).toBe(fx.beta.df);
    expect(b.converging).toBe(false);
    expect(b.half_life).toBeNull();
    expect(b.reason).toMatch(/no convergence/);
  });
});

function syntheticPanel(n: number, T: number, seed = 3) {
  const rng = createRng(seed);
  const ids = Array.from({ length: n }, (_, i) => `u${String(i).padStart(3, '0')}`);
  const periods = Array.from({ length: T }, (_, t) => 2000 + t);
  const entity: string[] = []; const period: number[] = []; const x: number[] = []; const z: number[] = [];
  for (let i = 0; i < n; i++) {
    const mu = 0.5 * rng.normal();
    let lx = mu + rng.normal();
    for (let t = 0; t < T; t++) {
      entity.push(ids[i]); period.push(periods[t]); x.push(Math.exp(lx)); z.push(rng.normal());
      lx = lx + 0.1 * (mu - lx) + 0.02 * t + 0.05 * rng.normal();
    }
  }
  return createPanel({ ids, periods, entity, period, values: { x, z } });
}

describe('β-convergence with fixed effects', () => {
  const p = syntheticPanel(25, 6);
  it('within estimator = LSDV (unit and period dummies): same β, residual SE and cluster sandwich (FWL)', () => {
    const fe = betaConvergence(p, { value: 'x', effects: 'twoway', controls: ['z'], vcov: 'classical' }).beta;
    // LSDV: ln growth on ln x, z, period dummies (2001..2004 starts) and 25 unit dummies (no intercept).
    const rowsX: number[] = []; const ys: number[] = []; const cl: number[] = [];
    const T = p.periods.length;
    const n = p.ids.length;
    const K = 2 + (T - 2) + n;
    for (let i = 0; i < n; i++) for (let t = 0; t + 1 < T; t++) {
      const a = i * T + t;
      const row = new Array<number>(K).fill(0);
      row[0] = Math.log(p.columns.x[a]); row[1] = p.columns.z[a];
      if (t >= 1) row[2 + t - 1] = 1;
      row[2 + (T - 2) + i] = 1;
      rowsX.push(...row); ys.push(Math.log(p.columns.x[a + 1] / p.columns.x[a])); cl.push(i);
    }
    const lsdv = ols(Float64Array.from(rowsX), Float64Array.from(ys), K, { vcov: 'classical' });
    expect(fe.beta).toBeCloseTo(lsdv.coef[0], 12);
    expect(fe.coefficients[1].estimate).toBeCloseTo(lsdv.coef[1], 12);
    expect(fe.residual_se).toBeCloseTo(lsdv.sigma, 12);
    expect(fe.se_beta).toBeCloseTo(lsdv.se[0], 12);
    expect(fe.alpha).toBeNull();
    const feC = betaConvergence(p, { value: 'x', effects: 'twoway', controls: ['z'] }).beta;
    const lsdvC = ols(Float64Array.from(rowsX), Float64Array.from(ys), K, { vcov: 'cluster', clusters: cl, clusterK: 2 + (T - 2) + 1 });
    expect(feC.vcov).toBe('cluster');
    expect(feC.clusters).toBe(25);
    expect(feC.se_beta).toBeCloseTo(lsdvC.se[0], 12);
    expect(feC.p_beta).toBeCloseTo(lsdvC.p[0], 12);
    expect(feC.beta).toBeLessThan(0);
    expect(feC.half_life).toBeCloseTo(Math.LN2 / feC.speed!, 12);
  });

  it('HC1 equals the textbook sandwich n/(n−k)·(X′X)⁻¹X′diag(e²)X(X′X)⁻¹ on a 2-regressor OLS', () => {
    const x = [1, 2, 3, 4, 5, 7];
    const y = [1.1, 1.9, 3.2, 3.8, 5.3, 6.4];
    const X = Float64Array.from(x.flatMap((v) => [1, v]));
    const f = ols(X, Float64Array.from(y), 2, { names: ['(Intercept)', 'x'], vcov: 'hc1' });
    const n = 6;
    const sx = x.reduce((a, b) => a + b, 0);
    const sxx = x.reduce((a, b) => a + b * b, 0);
    const det = n * sxx - sx * sx;
    const inv = [[sxx / det, -sx / det], [-sx / det, n / det]];
    const meat = [[0, 0], [0, 0]];
    x.forEach((v, i) => {
      const e2 = f.residuals[i] ** 2;
      const r = [1, v];
      for (let a = 0; a < 2; a++) for (let b = 0; b < 2; b++) meat[a][b] += r[a] * r[b] * e2;
    });
    const mul = (A: number[][], B: number[][]) => A.map((row, i) => B[0].map((_, j) => row.reduce((s, _v, m) => s + A[i][m] * B[m][j], 0)));
    const V = mul(mul(inv, meat), inv);
    expect(f.se[1]).toBeCloseTo(Math.sqrt((n / (n - 2)) * V[1][1]), 12);
  });

  it('cross-section β: (1/τ)ln(x_T/x_0) on ln x_0 with θ = −ln(1 + βτ)/τ', () => {
    const b = betaConvergence(p, { value: 'x', beta: 'cross-section' }).beta;
    expect(b.span).toBe(5);
    expect(b.n).toBe(25);
    expect(b.speed).toBeCloseTo(-Math.log(1 + 5 * b.beta) / 5, 14);
  });

  it('non-positive values are dropped with a warning, collinear controls are a DataError', () => {
    const q = createPanel({
      ids: ['a', 'b', 'c', 'd'], periods: [1, 2], entity: ['a', 'b', 'c', 'd', 'a', 'b', 'c', 'd'], period: [1, 1, 1, 1, 2, 2, 2, 2],
      values: { x: [1, 2, 0, 4, 1.5, 2.2, 1, 4.1], z: [1, 1, 1, 1, 1, 1, 1, 1] },
    });
    const r = convergence(q, { value: 'x' });
    expect(r.warnings.map((w) => w.code)).toContain('dropped-observations');
    expect((r.summary.beta as any).n).toBe(3);
    expect(() => convergence(q, { value: 'x', controls: ['z'] })).toThrow(/more observations than parameters/);
    const big = syntheticPanel(6, 3);
    const zc = new Float64Array(big.columns.z.length).fill(2);
    expect(() => convergence({ ...big, columns: { ...big.columns, z: zc } }, { value: 'x', controls: ['z'] })).toThrow(/"z" is constant or a linear combination/);
  });
});

describe('β-convergence variants', () => {
  const p = syntheticPanel(30, 5, 9);
  it('entity FE = twoway without time variation in the design; time effects keep an intercept', () => {
    const e = betaConvergence(p, { value: 'x', effects: 'entity' }).beta;
    expect(e.alpha).toBeNull();
    expect(e.coefficients).toHaveLength(1);
    const t = betaConvergence(p, { value: 'x', effects: 'time', vcov: 'hc1' }).beta;
    expect(t.alpha).not.toBeNull();
    expect(t.coefficients.map((c) => c.term)).toEqual(['(Intercept)', 'ln x', 'period 2001', 'period 2002', 'period 2003']);
    expect(t.vcov).toBe('hc1');
  });
  it('sd_log σ and a two-period span', () => {
    const r = convergence(p, { value: 'x', sigma: 'sd_log', lag: 2 });
    for (const row of r.rows) expect(row.sigma).toBe(row.sd_log);
    expect((r.summary.beta as any).span).toBe(2);
    expect((r.summary.beta as any).n).toBe(30 * 3);
  });
});
