import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readJson, expectClose } from '../../helpers.js';
import { gm11Fit, gm11, gm11Grade, levelRatioShift } from '../../../src/core/forecast/index.js';
import { createPanel } from '../../../src/core/panel/panel.js';

// Reference: shared/fixtures/index/expected/gm11_national_patents.json (numpy + R). Closed form: 1e-9 relative;
// P (a share) exact.
const fx = readJson('fixtures/index/expected/gm11_national_patents.json');
const x0: number[] = fx.input.x0;
const R = fx.result;
const REL = 1e-9, ABS = 1e-12;

describe('GM(1,1) on national invention patents (fixture)', () => {
  const f = gm11Fit(x0, { horizon: 3 });
  it('a, b, AGO, background values', () => {
    expectClose(f.a, R.a, REL, ABS, 'a');
    expectClose(f.b, R.b, REL, ABS, 'b');
    expectClose(f.development, R.development_coefficient_minus_a, REL, ABS, '-a');
    R.x1.forEach((v: number, k: number) => expectClose(f.x1[k], v, REL, ABS, `x1[${k}]`));
    R.z1.forEach((v: number, k: number) => expectClose(f.z1[k], v, REL, ABS, `z1[${k}]`));
  });
  it('fitted values, forecasts, residuals, relative errors', () => {
    R.fitted.forEach((v: number, k: number) => expectClose(f.fitted[k], v, REL, ABS, `fitted[${k}]`));
    Object.values(R.forecast).forEach((v, k) => expectClose(f.forecast[k], v as number, REL, ABS, `forecast[${k}]`));
    // Residuals are differences of nearly equal numbers: relative to the data scale.
    R.residuals.forEach((v: number, k: number) => expectClose(f.residuals[k], v, 0, 1e-9 * x0[k], `residual[${k}]`));
    R.relative_error.forEach((v: number, k: number) => expectClose(f.relativeErrors[k], v, 0, 1e-9, `rel[${k}]`));
    expectClose(f.meanRelativeError, R.mean_relative_error_k2n, REL, 0, 'MRE');
  });
  it('level ratios and bounds', () => {
    R.level_ratio.forEach((v: number, k: number) => expectClose(f.levelRatios[k], v, REL, ABS, `lambda[${k}]`));
    expectClose(f.levelRatioBounds[0], R.level_ratio_bounds[0], REL, ABS, 'lo');
    expectClose(f.levelRatioBounds[1], R.level_ratio_bounds[1], REL, ABS, 'hi');
    expect(f.levelRatioPass).toBe(R.level_ratio_all_in_bounds);
    expect(f.shift).toBe(0);
  });
  it('posterior error: k1n and k2n, population and sample SD', () => {
    for (const key of ['k1n', 'k2n'] as const) {
      const exp = R[`posterior_${key}`], got = f.posterior[key];
      expectClose(got.S1, exp.S1_pop, REL, ABS, `${key} S1`);
      expectClose(got.S2, exp.S2_pop, REL, ABS, `${key} S2`);
      expectClose(got.C, exp.C, REL, ABS, `${key} C`);
      expect(got.P).toBe(exp.P);
      expectClose(got.S1Sample, exp.S1_sample, REL, ABS, `${key} S1 sample`);
      expectClose(got.S2Sample, exp.S2_sample, REL, ABS, `${key} S2 sample`);
      expectClose(got.CSample, exp.C_sample_sd, REL, ABS, `${key} C sample`);
      expect(got.PSample).toBe(exp.P_sample_sd);
    }
    // Default: k = 2..n, population SD (methods.md M); includeFirst selects k1n.
    expectClose(f.C, R.posterior_k2n.C, REL, 0, 'default C');
    expectClose(gm11Fit(x0, { includeFirst: true }).C, R.posterior_k1n.C, REL, 0, 'includeFirst C');
    expect(f.grade).toBe(1);
  });
});

describe('GM(1,1) rules', () => {
  it('grades take the worse of C and P', () => {
    expect(gm11Grade(0.3, 0.96)).toBe(1);
    expect(gm11Grade(0.3, 0.85)).toBe(2);
    expect(gm11Grade(0.6, 0.99)).toBe(3);
    expect(gm11Grade(0.7, 0.99)).toBe(4);
    expect(gm11Grade(0.35, 0.95)).toBe(1);
    expect(gm11Grade(0.5, 0.8)).toBe(2);
  });
  it('on a geometric series x(k) = c·r^k the background equation is exact: a = −2(r−1)/(r+1)', () => {
    fc.assert(fc.property(fc.double({ min: 1, max: 1e6, noNaN: true }), fc.double({ min: -0.15, max: 0.15, noNaN: true }), (x1, g) => {
      if (Math.abs(g) < 1e-4) return; // a ≈ 0 is degenerate
      const r = Math.exp(g);
      const xs = Array.from({ length: 7 }, (_, k) => x1 * r ** k);
      const f = gm11Fit(xs, { horizon: 2 });
      expect(f.status).toBe('ok');
      expectClose(f.a, (-2 * (r - 1)) / (r + 1), 1e-8, 1e-12, 'a');
      // and the model tracks the series closely (bias of order g³ per step)
      for (let k = 1; k < 7; k++) expectClose(f.fitted[k], xs[k], 1e-2, 0, 'fit');
    }), { numRuns: 60 });
  });
  it('level-ratio failure: warning, and autoShift finds the smallest passing constant', () => {
    const xs = [10, 30, 32, 35, 40, 41];
    const f = gm11Fit(xs);
    expect(f.levelRatioPass).toBe(false);
    const c = levelRatioShift(xs);
    expect(c).toBeGreaterThan(0);
    const n = xs.length, lo = Math.exp(-2 / (n + 1));
    // At c the worst ratio sits just inside the bound; slightly less fails.
    expect((xs[0] + c) / (xs[1] + c)).toBeGreaterThan(lo);
    expect((xs[0] + c * 0.999) / (xs[1] + c * 0.999)).toBeLessThanOrEqual(lo);
    const s = gm11Fit(xs, { autoShift: true, horizon: 2 });
    expect(s.shift).toBeCloseTo(c, 12);
    expect(s.levelRatioPassAfterShift).toBe(true);
    expect(s.fitted[0]).toBe(10);
  });
  it('bad input gives a status, not NaN', () => {
    expect(gm11Fit([1, 2, 3]).status).toBe('insufficient_data');
    expect(gm11Fit([1, 2, -3, 4]).status).toBe('undefined');
    expect(gm11Fit([5, 5, 5, 5]).status).toBe('undefined');
  });
});

describe('gm11 panel API', () => {
  const years = fx.input.years as number[];
  const panel = createPanel({
    ids: ['全国', '缺'], periods: years,
    entity: [...years.map(() => '全国'), ...years.map(() => '缺')],
    period: [...years, ...years],
    values: { patents: [...x0, 1, 2, NaN, 4, 5, 6] },
  });
  it('rows per unit with forecast periods; gaps give a status', () => {
    const res = gm11(panel, { value: 'patents', horizon: 3 });
    expect(res.rows.map((r) => r.id)).toEqual(['全国', '缺'].sort());
    const row = res.rows.find((r) => r.id === '全国')!;
    expect(row.forecastPeriods).toEqual([2021, 2022, 2023]);
    Object.values(R.forecast).forEach((v, k) => expectClose(row.forecast[k]!, v as number, REL, 0, `forecast ${k}`));
    expect(row.grade).toBe(1);
    const bad = res.rows.find((r) => r.id === '缺')!;
    expect(bad.status).toBe('insufficient_data');
    expect(bad.reason).toMatch(/2017/);
    expect(JSON.stringify(res)).not.toMatch(/NaN|Infinity/);
  });
});
