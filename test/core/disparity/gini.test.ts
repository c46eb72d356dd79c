import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readJson, expectClose } from '../../helpers.js';
import { gini, giniCoefficient } from '../../../src/core/disparity/gini.js';
import { coefficientOfVariation, disparityCv } from '../../../src/core/disparity/cv.js';
import { createPanel } from '../../../src/core/panel/panel.js';
import { DataError } from '../../../src/core/errors.js';
import { indexPanel } from './index-fixture.js';

describe('Gini ratio', () => {
  it('equals the Dagum fixture G for every year (1e-9 relative)', () => {
    const fx = readJson('fixtures/index/expected/dagum_gini_region4.json');
    const res = gini(indexPanel(), { value: 'score' });
    for (const row of res.rows) expectClose(row.G!, fx.result.by_year[String(row.period)].G, 1e-9, 0, `G ${row.period}`);
  });

  it('equals the O(n²) definition, weighted and unweighted, and the small-sample factor', () => {
    const arb = fc.array(fc.tuple(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true })), { minLength: 2, maxLength: 40 })
      .filter((a) => a.some(([y]) => y > 1e-6));
    fc.assert(fc.property(arb, (rows) => {
      const y = rows.map((r) => r[0]);
      const w = rows.map((r) => r[1]);
      let s = 0; let sw = 0; let W = 0; let WY = 0;
      for (let i = 0; i < y.length; i++) {
        W += w[i]; WY += w[i] * y[i];
        for (let j = 0; j < y.length; j++) { s += Math.abs(y[i] - y[j]); sw += w[i] * w[j] * Math.abs(y[i] - y[j]); }
      }
      const mu = y.reduce((a, b) => a + b, 0) / y.length;
      expect(Math.abs(giniCoefficient(y) - s / (2 * y.length ** 2 * mu))).toBeLessThan(1e-12);
      expect(Math.abs(giniCoefficient(y, { weights: w }) - sw / (2 * W * W * (WY / W)))).toBeLessThan(1e-12);
      expect(giniCoefficient(y, { smallSample: true })).toBeCloseTo(giniCoefficient(y) * y.length / (y.length - 1), 12);
    }), { numRuns: 200 });
  });

  it('rejects negative values with the id, period and column; null + status when μ = 0', () => {
    const p = createPanel({ ids: ['a', 'b'], periods: [1, 2], entity: ['a', 'b', 'a', 'b'], period: [1, 1, 2, 2], values: { y: [1, 2, 0, 0] } });
    const r = gini(p, { value: 'y' });
    expect(r.rows[1]).toMatchObject({ period: 2, G: null, status: 'undefined' });
    expect(r.card.statusCounts).toEqual({ ok: 1, undefined: 1 });
    const bad = createPanel({ ids: ['a', 'b'], periods: [1], entity: ['a', 'b'], period: [1, 1], values: { y: [1, -2] } });
    try {
      gini(bad, { value: 'y' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DataError);
      expect((e as DataError).kind).toBe('negative-value');
      expect((e as DataError).location).toMatchObject({ id: 'b', period: 1, column: 'y' });
    }
  });
});

describe('Coefficient of variation', () => {
  it('matches the convergence fixture cv_pop (default) and cv_sample (option)', () => {
    const fx = readJson('fixtures/index/expected/convergence.json');
    const pop = disparityCv(indexPanel(), { value: 'score' });
    const smp = disparityCv(indexPanel(), { value: 'score', sample: true });
    for (let k = 0; k < 6; k++) {
      const e = fx.result.sigma[String(pop.rows[k].period)];
      expectClose(pop.rows[k].cv!, e.cv_pop, 1e-9, 0, 'cv_pop');
      expectClose(pop.rows[k].sd!, e.sd_pop, 1e-9, 0, 'sd_pop');
      expectClose(smp.rows[k].cv!, e.cv_sample, 1e-9, 0, 'cv_sample');
    }
  });
  it('Williamson weighted CV', () => {
    const v = coefficientOfVariation([1, 2, 4], { weights: [1, 1, 2] });
    const m = (1 + 2 + 8) / 4;
    const sd = Math.sqrt((0.25 * (1 - m) ** 2) + 0.25 * (2 - m) ** 2 + 0.5 * (4 - m) ** 2);
    expect(v.cv).toBeCloseTo(sd / m, 14);
  });
});
