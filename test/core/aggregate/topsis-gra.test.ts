// TOPSIS and GRA against topsis_2020.json and gra_2020.json (1e-9 relative; exact ranks), through the
// kernels and through compositeIndex; property: closeness in [0, 1].
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { expectClose } from '../../helpers.js';
import { topsis } from '../../../src/core/aggregate/topsis.js';
import { greyRelational } from '../../../src/core/aggregate/gra.js';
import { compositeIndex } from '../../../src/core/composite/composite-index.js';
import { normalizeMatrix } from '../../../src/core/normalize/normalize.js';
import { loadIndexPanel, fixtureFramework, fx, COLS, DIRS } from './index-fixture.js';

const panel = loadIndexPanel();
const REL = 1e-9;
const T = fx('topsis_2020');
const G = fx('gra_2020');
const t2020 = panel.periods.indexOf(2020);
const col = (name: string, pooled = false) => {
  const c = panel.columns[name];
  return Float64Array.from(T.result.provinces as string[], (p) => c[panel.ids.indexOf(p) * panel.periods.length + t2020]);
};
const raw2020 = COLS.map((c) => col(c));
const w = Float64Array.from(T.result.weights as number[]);
const pooledX = (() => {
  const all = COLS.map((c) => panel.columns[c]);
  const nm = normalizeMatrix(all, DIRS);
  return COLS.map((_, j) => { const c = nm.column(j); return Float64Array.from(T.result.provinces as string[], (p) => c[panel.ids.indexOf(p) * panel.periods.length + t2020]); });
})();

function checkTopsis(res: ReturnType<typeof topsis>, exp: any, what: string) {
  exp.d_plus.forEach((v: number, i: number) => expectClose(res.dPlus[i], v, REL, 1e-12, `${what} D+ ${i}`));
  exp.d_minus.forEach((v: number, i: number) => expectClose(res.dMinus[i], v, REL, 1e-12, `${what} D- ${i}`));
  exp.closeness.forEach((v: number, i: number) => expectClose(res.closeness[i], v, REL, 1e-12, `${what} C ${i}`));
  exp.ideal.forEach((v: number, j: number) => expectClose(res.ideal[0][j], v, REL, 1e-12, `${what} ideal ${j}`));
  exp.anti_ideal.forEach((v: number, j: number) => expectClose(res.antiIdeal[0][j], v, REL, 1e-12, `${what} anti ${j}`));
}

describe('TOPSIS kernel — topsis_2020', () => {
  it('(i) vector normalisation of raw data, ideal selection for the cost column', () => {
    const r = normalizeMatrix(raw2020, COLS.map(() => '+'), { method: 'vector' });
    const res = topsis(r, w, { benefit: DIRS.map((d) => d !== '-') });
    checkTopsis(res, T.result.vector, 'vector');
  });
  it('(ii) min–max within 2020', () => {
    const res = topsis(normalizeMatrix(raw2020, DIRS), w);
    checkTopsis(res, T.result.minmax_cross_section, 'mm-cs');
  });
  it('(iii) pooled x′ rows of 2020', () => {
    checkTopsis(topsis(pooledX, w), T.result.minmax_pooled, 'mm-pool');
  });
});

describe('TOPSIS through compositeIndex (1(a) weights, ideal per period)', () => {
  const cases: [string, any][] = [
    ['vector', { normalization: 'vector', normalizationScope: 'period', idealScope: 'period' }],
    ['minmax_cross_section', { normalization: 'minmax', normalizationScope: 'period', idealScope: 'period' }],
    ['minmax_pooled', { normalization: 'minmax', normalizationScope: 'pooled', idealScope: 'period' }],
  ];
  for (const [variant, topt] of cases) {
    it(variant, () => {
      const res = compositeIndex(panel, { framework: fixtureFramework(), weights: 'entropy', shift: 1e-4, aggregate: 'topsis', topsis: topt });
      const exp = T.result[variant];
      (T.result.provinces as string[]).forEach((p, i) => {
        const row = res.rows.find((r) => r.id === p && r.period === 2020)!;
        expectClose(row.score!, exp.closeness[i], REL, 1e-12, `${variant} ${p}`);
        expectClose(row.dPlus!, exp.d_plus[i], REL, 1e-12, `${variant} D+ ${p}`);
        expect(row.rank).toBe(exp.rank[i]);
      });
    });
  }
});

describe('GRA — gra_2020', () => {
  for (const variant of ['minmax_cross_section', 'minmax_pooled'] as const) {
    it(`${variant}: kernel`, () => {
      const x = variant === 'minmax_pooled' ? pooledX : normalizeMatrix(raw2020, DIRS);
      const exp = G.result[variant];
      const res = greyRelational(x, w, { keepCoefficients: true });
      expectClose(res.deltaMin[0], exp.delta_min, REL, 1e-12, 'dmin');
      expectClose(res.deltaMax[0], exp.delta_max, REL, 1e-12, 'dmax');
      exp.reference.forEach((v: number, j: number) => expectClose(res.reference[0][j], v, REL, 1e-12, 'ref'));
      exp.grade.forEach((v: number, i: number) => expectClose(res.grade[i], v, REL, 1e-12, `grade ${i}`));
      exp.coefficients.forEach((row: number[], i: number) => row.forEach((v, j) => expectClose(res.coefficients![j][i], v, REL, 1e-12, 'xi')));
      const eq = greyRelational(x);
      exp.grade_equal_weights.forEach((v: number, i: number) => expectClose(eq.grade[i], v, REL, 1e-12, `eq ${i}`));
    });
  }
  it('through compositeIndex (per-period reference and Δ range)', () => {
    for (const [variant, scope] of [['minmax_cross_section', 'period'], ['minmax_pooled', 'pooled']] as const) {
      // weights: the 1(a) weights, given as user weights so that per-period normalisation keeps them
      const user = Object.fromEntries(COLS.map((c, j) => [c, w[j]]));
      const res = compositeIndex(panel, { framework: fixtureFramework(), scope, weights: { method: 'user', user }, aggregate: 'gra', gra: { scope: 'period' } });
      const exp = G.result[variant];
      (G.result.provinces as string[]).forEach((p, i) => {
        const row = res.rows.find((r) => r.id === p && r.period === 2020)!;
        expectClose(row.score!, exp.grade[i], REL, 1e-12, `${variant} ${p}`);
        expect(row.rank).toBe(exp.rank[i]);
      });
    }
  });
});

describe('TOPSIS properties', () => {
  it('closeness lies in [0, 1]', () => {
    fc.assert(fc.property(
      fc.integer({ min: 2, max: 12 }), fc.integer({ min: 1, max: 5 }), fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 60, maxLength: 60 }), fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }), fc.boolean(),
      (n, m, vals, ws, matrixW) => {
        const cols = Array.from({ length: m }, (_, j) => Float64Array.from({ length: n }, (_, i) => vals[j * 12 + i]));
        const res = topsis(cols, ws.slice(0, m), { weighting: matrixW ? 'matrix' : 'distance', benefit: cols.map((_, j) => j % 2 === 0) });
        for (const c of res.closeness) if (!Number.isNaN(c)) { expect(c).toBeGreaterThanOrEqual(0); expect(c).toBeLessThanOrEqual(1); }
      }));
  });
});
