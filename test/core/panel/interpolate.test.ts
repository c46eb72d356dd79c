import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { createPanel, type Panel } from '../../../src/core/panel/panel.js';
import { interpolate } from '../../../src/core/panel/interpolate.js';
import { UsageError } from '../../../src/core/errors.js';
import { expectClose } from '../../helpers.js';

const years = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, k) => a + k);
function panel1(values: number[], periods = years(2000, 2000 + values.length - 1), id = 'A'): Panel {
  return createPanel({ ids: [id], periods, entity: periods.map(() => id), period: periods, values: { x: values } });
}
const col = (p: Panel, v = 'x') => Array.from(p.columns[v]);

describe('interpolate', () => {
  test('interior linear (default) and loglinear', () => {
    const r = interpolate(panel1([1, NaN, NaN, 4]));
    expect(col(r.panel)).toEqual([1, 2, 3, 4]);
    expect(Array.from(r.mask.x)).toEqual([0, 1, 1, 0]);
    expect(r.cells.map((c) => [c.period, c.method, c.value])).toEqual([[2001, 'linear', 2], [2002, 'linear', 3]]);
    const g = interpolate(panel1([1, NaN, 4]), { interior: 'loglinear' });
    expectClose(g.panel.columns.x[1], 2, 1e-15, 0, 'loglinear');
  });

  test('uneven periods use period distances', () => {
    const r = interpolate(panel1([10, NaN, 40], [2000, 2001, 2003]));
    expect(col(r.panel)).toEqual([10, 20, 40]);
  });

  test('trailing growth with k = 3: g = (x_e/x_f)^{1/(e−f)} − 1', () => {
    // e = 2003, f = 2000 (≤ e − 3): g = (133.1/100)^{1/3} − 1 = 0.1 → 146.41, 161.051
    const r = interpolate(panel1([100, 110, 121, 133.1, NaN, NaN]));
    expectClose(r.panel.columns.x[4], 146.41, 1e-12, 0, '2004');
    expectClose(r.panel.columns.x[5], 161.051, 1e-12, 0, '2005');
    expect(Array.from(r.mask.x)).toEqual([0, 0, 0, 0, 2, 2]);
    expect(r.cells[0].method).toBe('growth');
  });

  test('leading gaps are symmetric; f falls back to the first/last observation', () => {
    // s = 2001, anchor f' = 2004: g = 0.1, x_2000 = 100/1.1
    const r = interpolate(panel1([NaN, 100, 110, 121, 133.1]));
    expectClose(r.panel.columns.x[0], 100 / 1.1, 1e-12, 0, 'lead');
    // only two observations one year apart: f = first observation
    const s = interpolate(panel1([100, 120, NaN]));
    expectClose(s.panel.columns.x[2], 144, 1e-12, 0, 'short');
  });

  test('maxExtrapolate and fewer than 2 observations leave cells missing with status', () => {
    const r = interpolate(panel1([1, 2, NaN, NaN, NaN, NaN, NaN]));
    expect(r.cells.filter((c) => c.status === 'insufficient_data').map((c) => c.period)).toEqual([2005, 2006]);
    expect(Number.isNaN(r.panel.columns.x[5])).toBe(true);
    expect(r.card.conventions.maxExtrapolate).toBe(3);
    const one = interpolate(panel1([NaN, 5, NaN]));
    expect(one.cells.every((c) => c.status === 'insufficient_data' && c.value === null)).toBe(true);
    expect(one.cells[0].reason).toMatch(/fewer than 2/);
    const limit1 = interpolate(panel1([1, 2, NaN, NaN]), { maxExtrapolate: 1 });
    expect(limit1.cells.map((c) => c.status)).toEqual(['ok', 'insufficient_data']);
  });

  test('end options: arithmetic, linear, carry, none', () => {
    const base = [100, 110, 132, NaN];
    // arithmetic: mean of 10% and 20% = 15% → 151.8
    expectClose(interpolate(panel1(base), { ends: 'arithmetic' }).panel.columns.x[3], 151.8, 1e-12, 0, 'arith');
    // linear through (2000,100) and (2002,132): slope 16 → 148
    expectClose(interpolate(panel1(base), { ends: 'linear' }).panel.columns.x[3], 148, 1e-12, 0, 'linear');
    expect(interpolate(panel1(base), { ends: 'carry' }).panel.columns.x[3]).toBe(132);
    const none = interpolate(panel1(base), { ends: 'none' });
    expect(Number.isNaN(none.panel.columns.x[3])).toBe(true);
    expect(none.cells[0].status).toBe('insufficient_data');
  });

  test('non-positive anchor falls back to linear with a warning', () => {
    const r = interpolate(panel1([-2, 0, 2, NaN]));
    expect(r.panel.columns.x[3]).toBe(4);
    expect(r.cells[0].method).toBe('linear-fallback');
    expect(r.warnings.map((w) => w.code)).toContain('interpolate-linear-fallback');
  });

  test('input unchanged; bad options are usage errors', () => {
    const p = panel1([1, NaN, 3]);
    interpolate(p);
    expect(Number.isNaN(p.columns.x[1])).toBe(true);
    expect(() => interpolate(p, { ends: 'spline' as never })).toThrow(UsageError);
  });

  test('property: observed values are kept, interior linear fills lie between their anchors', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null, freq: 3 }), { minLength: 2, maxLength: 15 }), (xs) => {
        const vals = xs.map((v) => (v === null ? NaN : v));
        const r = interpolate(panel1(vals));
        const got = r.panel.columns.x;
        const obs = vals.map((v, t) => [v, t] as const).filter(([v]) => Number.isFinite(v));
        for (const [v, t] of obs) expect(got[t]).toBe(v);
        for (let q = 0; q + 1 < obs.length; q++) {
          const [a] = obs[q];
          const [b] = obs[q + 1];
          for (let t = obs[q][1] + 1; t < obs[q + 1][1]; t++) {
            expect(got[t]).toBeGreaterThanOrEqual(Math.min(a, b) - 1e-9);
            expect(got[t]).toBeLessThanOrEqual(Math.max(a, b) + 1e-9);
          }
        }
        // every cell is finite or listed with status insufficient_data
        const missing = new Set(r.cells.filter((c) => c.status === 'insufficient_data').map((c) => c.period));
        Array.from(got).forEach((v, t) => expect(Number.isFinite(v) || missing.has(2000 + t)).toBe(true));
      }),
      { numRuns: 200, seed: 3 },
    );
  });
});
