// Capital share α by regression (methods.md G1 option alphaFromRegression, a check item): exact recovery on
// synthetic panels generated with a known α (pooled and within), closed-form SEs on a hand-sized panel,
// invariances (fast-check), the α ∉ (0, 1) warning, the labour product L = labor·hc·hours, and errors.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { estimateCapitalShare, tfpGrowth } from '../../../src/core/productivity/index.js';
import { createPanel, type Panel } from '../../../src/core/panel/panel.js';
import { createRng } from '../../../src/core/random.js';
import { DataError, UsageError } from '../../../src/core/errors.js';

/** Panel with ln(Y/L) = μ_i + α ln(K/L) + e exactly; μ_i correlated with ln(K/L) so pooled OLS is biased. */
function synth(alpha: number, opts: { n?: number; T?: number; mu?: (i: number) => number; noise?: number; seed?: number } = {}): Panel {
  const n = opts.n ?? 8, T = opts.T ?? 12;
  const rng = createRng(opts.seed ?? 7);
  const entity: string[] = [], period: number[] = [];
  const Y: number[] = [], K: number[] = [], L: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < T; t++) {
      const l = 100 * (1 + rng.uniform());
      const x = 0.5 * i + 0.1 * t + rng.normal() * 0.3; // ln(K/L)
      const mu = opts.mu ? opts.mu(i) : 0;
      const y = mu + alpha * x + (opts.noise ?? 0) * rng.normal();
      entity.push(`u${String(i).padStart(2, '0')}`); period.push(2000 + t);
      L.push(l); K.push(l * Math.exp(x)); Y.push(l * Math.exp(y));
    }
  }
  const ids = [...new Set(entity)];
  return createPanel({ ids, periods: [...new Set(period)], entity, period, values: { Y, K, L } });
}

describe('exact recovery of a known α', () => {
  test('pooled: ln(Y/L) = c + α ln(K/L) without noise', () => {
    for (const alpha of [0.25, 0.4, 0.6]) {
      const e = estimateCapitalShare(synth(alpha, { mu: () => 1.3 }), { output: 'Y', capital: 'K', labor: 'L' });
      expect(Math.abs(e.alpha - alpha)).toBeLessThan(1e-12);
      expect(Math.abs((e.intercept as number) - 1.3)).toBeLessThan(1e-12);
      expect(e.se).toBeLessThan(1e-12);
      expect(e.r2).toBeCloseTo(1, 12);
      expect(e.n).toBe(96);
      expect(e.units).toBe(8);
      expect(e.df).toBe(94);
      expect(e.effects).toBe('pooled');
    }
  });
  test('within: unit effects correlated with ln(K/L) — FE recovers α exactly, pooled does not', () => {
    const p = synth(0.35, { mu: (i) => 0.4 * i });
    const fe = estimateCapitalShare(p, { output: 'Y', capital: 'K', labor: 'L', effects: 'within' });
    const po = estimateCapitalShare(p, { output: 'Y', capital: 'K', labor: 'L' });
    expect(Math.abs(fe.alpha - 0.35)).toBeLessThan(1e-12);
    expect(fe.intercept).toBeNull();
    expect(fe.df).toBe(96 - 8 - 1);
    expect(Math.abs(po.alpha - 0.35)).toBeGreaterThan(0.1);
  });
  test('with noise: α within 4 SEs on a large seeded panel, SEs positive, cluster ≠ classical', () => {
    const p = synth(0.4, { n: 40, T: 25, mu: (i) => 0.2 * i, noise: 0.05, seed: 11 });
    const fe = estimateCapitalShare(p, { output: 'Y', capital: 'K', labor: 'L', effects: 'within' });
    expect(Math.abs(fe.alpha - 0.4)).toBeLessThan(4 * fe.se);
    expect(fe.se).toBeGreaterThan(0);
    expect(fe.seCluster).toBeGreaterThan(0);
    expect(fe.seCluster).not.toBe(fe.se);
    expect(fe.outsideUnitInterval).toBe(false);
  });
});

describe('closed forms on a hand-sized panel (2 units × 3 periods)', () => {
  // ln(K/L) = x, ln(Y/L) = y with L = 1: x = [0, 1, 3 | 1, 2, 2], y = [0, 1, 2 | 2, 2, 3]
  const x = [0, 1, 3, 1, 2, 2], y = [0, 1, 2, 2, 2, 3];
  const p = createPanel({ ids: ['a', 'b'], periods: [1, 2, 3], entity: ['a', 'a', 'a', 'b', 'b', 'b'], period: [1, 2, 3, 1, 2, 3], values: { Y: y.map(Math.exp), K: x.map(Math.exp), L: [1, 1, 1, 1, 1, 1] } });
  test('within: slope Σx̃ỹ/Σx̃², classical SE √(RSS/(N−G−1)/Σx̃²), cluster G/(G−1)·(N−1)/(N−2)', () => {
    // unit means: a x̄ = 4/3, ȳ = 1; b x̄ = 5/3, ȳ = 7/3
    const xd = [-4 / 3, -1 / 3, 5 / 3, -2 / 3, 1 / 3, 1 / 3], yd = [-1, 0, 1, -1 / 3, -1 / 3, 2 / 3];
    const sxx = xd.reduce((s, v) => s + v * v, 0), sxy = xd.reduce((s, v, k) => s + v * yd[k], 0);
    const a = sxy / sxx;
    const e = yd.map((v, k) => v - a * xd[k]);
    const rss = e.reduce((s, v) => s + v * v, 0);
    const sa = xd.slice(0, 3).reduce((s, v, k) => s + v * e[k], 0), sb = xd.slice(3).reduce((s, v, k) => s + v * e[k + 3], 0);
    const fe = estimateCapitalShare(p, { output: 'Y', capital: 'K', labor: 'L', effects: 'within' });
    expect(fe.alpha).toBeCloseTo(a, 12);
    expect(fe.se).toBeCloseTo(Math.sqrt(rss / (6 - 2 - 1) / sxx), 12);
    expect(fe.seCluster as number).toBeCloseTo(Math.sqrt((2 / 1) * (5 / 4) * (sa * sa + sb * sb) / (sxx * sxx)), 12);
    expect(fe.r2).toBeCloseTo(1 - rss / yd.reduce((s, v) => s + v * v, 0), 12);
  });
  test('pooled: textbook OLS slope and SE', () => {
    const xm = x.reduce((s, v) => s + v, 0) / 6, ym = y.reduce((s, v) => s + v, 0) / 6;
    const sxx = x.reduce((s, v) => s + (v - xm) ** 2, 0), sxy = x.reduce((s, v, k) => s + (v - xm) * (y[k] - ym), 0);
    const b = sxy / sxx, c = ym - b * xm;
    const rss = x.reduce((s, v, k) => s + (y[k] - c - b * v) ** 2, 0);
    const po = estimateCapitalShare(p, { output: 'Y', capital: 'K', labor: 'L' });
    expect(po.alpha).toBeCloseTo(b, 12);
    expect(po.intercept as number).toBeCloseTo(c, 12);
    expect(po.se).toBeCloseTo(Math.sqrt(rss / 4 / sxx), 12);
  });
});

describe('invariances (fast-check, seeded)', () => {
  test('within α unchanged by unit-specific rescaling of Y; pooled α unchanged by a common rescaling', () => {
    const p = synth(0.45, { mu: (i) => 0.1 * i, noise: 0.1, seed: 3 });
    const fe0 = estimateCapitalShare(p, { output: 'Y', capital: 'K', labor: 'L', effects: 'within' });
    const po0 = estimateCapitalShare(p, { output: 'Y', capital: 'K', labor: 'L' });
    const T = p.periods.length;
    fc.assert(fc.property(fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: 8, maxLength: 8 }), fc.double({ min: 0.1, max: 10, noNaN: true }), (f, common) => {
      const Yu = Float64Array.from(p.columns.Y, (v, k) => v * f[Math.floor(k / T)]);
      const Yc = Float64Array.from(p.columns.Y, (v) => v * common);
      const fe = estimateCapitalShare({ ...p, columns: { ...p.columns, Y: Yu } }, { output: 'Y', capital: 'K', labor: 'L', effects: 'within' });
      const po = estimateCapitalShare({ ...p, columns: { ...p.columns, Y: Yc } }, { output: 'Y', capital: 'K', labor: 'L' });
      expect(Math.abs(fe.alpha - fe0.alpha)).toBeLessThan(1e-10);
      expect(Math.abs(fe.se - fe0.se)).toBeLessThan(1e-10);
      expect(Math.abs(po.alpha - po0.alpha)).toBeLessThan(1e-10);
    }), { seed: 20261128, numRuns: 30 });
  });
});

describe('tfpGrowth with alpha: regression', () => {
  test('α outside (0, 1) is kept and warned about', () => {
    const p = synth(1.3, { mu: () => 0.2 });
    const r = tfpGrowth(p, { method: 'solow', output: 'Y', capital: 'K', labor: 'L', alpha: 'regression' });
    expect(r.warnings.map((w) => w.code)).toContain('alpha-outside-unit-interval');
    const est = r.summary.alphaEstimate as { alpha: number; beta: number; outsideUnitInterval: boolean };
    expect(est.alpha).toBeCloseTo(1.3, 12);
    expect(est.beta).toBeCloseTo(-0.3, 12);
    expect(est.outsideUnitInterval).toBe(true);
    expect(r.card.conventions.alpha).toBeCloseTo(1.3, 12);
  });
  test('labour is labor × humanCapital × hours; cells missing hours are dropped (no fill) and counted', () => {
    const p = synth(0.4, { mu: () => 0.5, n: 3, T: 5 });
    const N = 15;
    const hc = Float64Array.from({ length: N }, (_, k) => 1.5 + 0.1 * k);
    const hours = Float64Array.from({ length: N }, (_, k) => (k === 4 ? NaN : 2000 - k));
    // Y and K scale with hc·hours so that ln(Y/L) = 0.5 + 0.4 ln(K/L) holds for L = labor·hc·hours
    const Y = Float64Array.from(p.columns.Y, (v, k) => v * hc[k] * (Number.isFinite(hours[k]) ? hours[k] : 1));
    const K = Float64Array.from(p.columns.K, (v, k) => v * hc[k] * (Number.isFinite(hours[k]) ? hours[k] : 1));
    const q: Panel = { ...p, columns: { ...p.columns, Y, K, hc, hours } };
    const e = estimateCapitalShare(q, { output: 'Y', capital: 'K', labor: 'L', humanCapital: 'hc', hours: 'hours' });
    expect(e.alpha).toBeCloseTo(0.4, 12);
    expect(e.n).toBe(14);
    expect(e.dropped).toBe(1);
    const r = tfpGrowth(q, { method: 'solow', output: 'Y', capital: 'K', labor: 'L', humanCapital: 'hc', hours: 'hours', alpha: 'regression' });
    expect(r.card.conventions.alpha).toBeCloseTo(0.4, 12);
    expect(String(r.card.conventions.alphaSource)).toMatch(/pooled OLS .*L = L·hc·hours/);
  });
  test('one unit: no cluster SE (null); errors for bad options and data', () => {
    const p = synth(0.4, { n: 1, T: 6, noise: 0.1 });
    const e = estimateCapitalShare(p, { output: 'Y', capital: 'K', labor: 'L' });
    expect(e.seCluster).toBeNull();
    expect(e.units).toBe(1);
    expect(() => tfpGrowth(p, { method: 'solow', output: 'Y', capital: 'K', labor: 'L', alpha: 'ols' as 'regression' })).toThrow(UsageError);
    expect(() => tfpGrowth(p, { method: 'tornqvist', output: 'Y', capital: 'K', labor: 'L', share: 'L', alpha: 'regression' })).toThrow(UsageError);
    expect(() => estimateCapitalShare(p, { output: 'Y', capital: 'K', labor: 'L', effects: 'random' as 'within' })).toThrow(UsageError);
    expect(() => estimateCapitalShare(p, { output: 'Y', capital: 'nope', labor: 'L' })).toThrow(DataError);
    const bad = { ...p, columns: { ...p.columns, K: Float64Array.from(p.columns.K, (v, k) => (k === 2 ? -1 : v)) } };
    expect(() => estimateCapitalShare(bad, { output: 'Y', capital: 'K', labor: 'L' })).toThrow(DataError);
    // within on a single unit with 2 rows leaves no residual df
    const two = synth(0.4, { n: 1, T: 2 });
    expect(() => estimateCapitalShare(two, { output: 'Y', capital: 'K', labor: 'L', effects: 'within' })).toThrow(DataError);
  });
});
