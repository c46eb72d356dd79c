// RSR probit grading (methods.md C5) and GRA mean/initial preprocessing (C3) against an independent
// numpy/scipy computation (scripts/index-options/make_references.py), 1e-9 relative, plus hand checks.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { expectClose } from '../../helpers.js';
import { rankSumRatio, rsrGrading } from '../../../src/core/aggregate/rsr.js';
import { greyRelational, graPreprocess } from '../../../src/core/aggregate/gra.js';
import { compositeIndex } from '../../../src/core/composite/composite-index.js';
import { loadIndexPanel, COLS, DIRS, fixtureFramework } from './index-fixture.js';

const ref = JSON.parse(readFileSync(new URL('../../fixtures/index-options/references.json', import.meta.url), 'utf8'));
const panel = loadIndexPanel();
const cols = COLS.map((c) => panel.columns[c]);
const T = panel.periods.length;
const groups = { group: Int32Array.from({ length: cols[0].length }, (_, q) => q % T), nGroups: T };

describe('RSR probit grading', () => {
  const w = new Float64Array(COLS.length).fill(1 / COLS.length);
  const rsr = rankSumRatio(cols, w, { benefit: DIRS.map((d) => d !== '-'), groups });
  it('RSR values per year match scipy rankdata', () => {
    ref.rsr.values.forEach((v: number, q: number) => expectClose(rsr[q], v, 1e-12, 0, `rsr${q}`));
  });
  for (const reg of ['distinct', 'rows'] as const) {
    it(`grading (regression on ${reg}) matches numpy polyfit and scipy norm.ppf`, () => {
      const g = rsrGrading(rsr, { groups, regression: reg });
      const r = ref.rsr.grading[reg];
      r.probit.forEach((v: number, q: number) => expectClose(g.probit[q], v, 1e-12, 0, `probit${q}`));
      r.fitted.forEach((v: number, q: number) => expectClose(g.fitted[q], v, 1e-9, 0, `fitted${q}`));
      expect(Array.from(g.grade)).toEqual(r.grade);
      panel.periods.forEach((y, t) => {
        const f = r.fit[String(y)];
        expectClose(g.fit[t].a, f.a, 1e-9, 1e-12, 'a'); expectClose(g.fit[t].b, f.b, 1e-9, 0, 'b');
      });
    });
  }
  it('hand example: RSR 0.2, 0.4, 0.4, 0.8 (n = 4)', () => {
    const g = rsrGrading([0.2, 0.4, 0.4, 0.8]);
    // f = 1/4, 3/4, 1 − 1/16; Φ⁻¹(0.25) = −0.6744897501960817, Φ⁻¹(0.9375) = 1.5341205443525465
    expect(Array.from(g.frequency)).toEqual([0.25, 0.75, 0.75, 0.9375]);
    expectClose(g.probit[0], 5 - 0.6744897501960817, 1e-14, 0, 'p1');
    expectClose(g.probit[1], 5 + 0.6744897501960817, 1e-14, 0, 'p2');
    expectClose(g.probit[3], 5 + 1.5341205443525465, 1e-14, 0, 'p3');
    // regression through the three distinct points, by hand
    const xs = [g.probit[0], g.probit[1], g.probit[3]], ys = [0.2, 0.4, 0.8];
    const mx = (xs[0] + xs[1] + xs[2]) / 3, my = 1.4 / 3;
    const b = xs.reduce((s, x, k) => s + (x - mx) * (ys[k] - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    expectClose(g.fit[0].b, b, 1e-12, 0, 'slope');
    // Probit 4.33 … 6.53: only the top value reaches the Probit-6 cut-off; none is below Probit 4
    expect(Array.from(g.grade)).toEqual([2, 2, 2, 3]);
    expect(Array.from(rsrGrading([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]).grade)).toEqual([1, 2, 2, 2, 2, 3, 3]);
  });
  it('hand example, averageRank frequency: R̄ = 1, 2.5, 4 → f = 0.25, 0.625, 1 − 1/16', () => {
    const g = rsrGrading([0.2, 0.4, 0.4, 0.8], { frequency: 'averageRank' });
    expect(Array.from(g.frequency)).toEqual([0.25, 0.625, 0.625, 0.9375]);
    // Φ⁻¹(0.625) = 0.3186393639643752
    expectClose(g.probit[1], 5.3186393639643752, 1e-14, 0, 'probit 0.625');
  });
  it('a single distinct value leaves the grade undefined', () => {
    const g = rsrGrading([0.5, 0.5, 0.5]);
    expect(Number.isNaN(g.grade[0])).toBe(true);
  });
});

describe('GRA mean / initial preprocessing', () => {
  const ben = ref.gra.benefitColumns.map((c: string) => panel.columns[c]);
  it('mean (均值化), pooled', () => {
    const g = greyRelational(graPreprocess(ben, 'mean'));
    ref.gra.mean.forEach((v: number, q: number) => expectClose(g.grade[q], v, 1e-12, 0, `mean${q}`));
  });
  it('initial (初值化), pooled: divided by the first row', () => {
    const g = greyRelational(graPreprocess(ben, 'initial'));
    ref.gra.initial.forEach((v: number, q: number) => expectClose(g.grade[q], v, 1e-12, 0, `initial${q}`));
  });
  it('initial per period divides by the first entity of each period', () => {
    const x = graPreprocess(ben, 'initial', groups);
    ref.gra.initialPeriodPreprocessed.forEach((row: number[], q: number) => row.forEach((v, j) => expectClose(x[j][q], v, 1e-15, 0, `x${q},${j}`)));
  });
  it('a zero divisor is a data error naming the indicator', () => {
    expect(() => graPreprocess([Float64Array.of(0, 1, 2)], 'initial', undefined, ['k'])).toThrow(/"k"/);
  });
});
