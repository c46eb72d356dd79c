import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readJson, expectClose } from '../../helpers.js';
import { markov } from '../../../src/core/dynamics/markov.js';
import { spatialMarkov } from '../../../src/core/dynamics/spatial-markov.js';
import { markovHomogeneity } from '../../../src/core/dynamics/homogeneity.js';
import { steadyState, firstMeanPassageTimes } from '../../../src/core/dynamics/markov-chain.js';
import { quantileCutoffs, classify } from '../../../src/core/dynamics/quantile-classes.js';
import { createPanel } from '../../../src/core/panel/panel.js';
import { indexPanel } from '../disparity/index-fixture.js';
import { queenWeights } from './queen-weights.js';

const fx = readJson('fixtures/index/expected/markov_quartile.json').result;
const REL = 1e-9;
const closeOrZero = (got: number, exp: number, what: string) => expectClose(got, exp, REL, exp === 0 ? 1e-12 : 0, what);

describe('classical Markov chain (markov_quartile.json)', () => {
  const res = markov(indexPanel(), { value: 'score' });
  it('cut-offs, classes, counts (exact), probabilities and steady state (1e-9)', () => {
    const s = res.summary as any;
    s.cutoffs.forEach((c: number, i: number) => expectClose(c, fx.cutoffs[i], REL, 0, `cutoff ${i}`));
    expect(s.classMatrix.ids).toEqual(fx.provinces);
    expect(s.classMatrix.classes).toEqual(fx.class_matrix);
    expect(s.classSizes).toEqual(fx.class_sizes);
    expect(s.counts).toEqual(fx.counts);
    expect(s.transitions).toBe(155);
    s.probabilities.forEach((row: number[], i: number) => row.forEach((p, j) => closeOrZero(p, fx.probabilities[i][j], `P ${i}${j}`)));
    s.steadyState.forEach((p: number, i: number) => closeOrZero(p, fx.steady_state[i], `pi ${i}`));
    expect(s.distribution['2015']).toEqual(fx.initial_distribution_2015);
    expect(s.distribution['2020']).toEqual(fx.final_distribution_2020);
    expect(res.rows.map((r) => r.counts)).toEqual(fx.counts);
    expect(s.emptyRows).toEqual([]);
  });
  it('flags the reducible chain (class 4 absorbing) and gives passage times with nulls where unreachable', () => {
    expect(res.warnings.map((w) => w.code)).toContain('reducible-chain');
    const s = res.summary as any;
    expect(s.structure.irreducible).toBe(false);
    expect(s.fmpt[3][0]).toBeNull();          // from the absorbing class 4 class 1 is never reached
    expect(s.fmpt[3][3]).toBe(1);
    expect(s.fmpt[0][3]).toBeGreaterThan(0);
    expect(JSON.stringify(res)).not.toMatch(/NaN|Infinity/);
  });
});

describe('spatial Markov chain (markov_quartile.json, queen weights)', () => {
  const res = spatialMarkov(indexPanel(), queenWeights(), { value: 'score' });
  const s = res.summary as any;
  it('lags, lag cut-offs and lag classes', () => {
    s.lagMatrix.lags.forEach((row: number[], i: number) => row.forEach((v, t) => expectClose(v, fx.spatial.lag_matrix[i][t], REL, 0, `lag ${i},${t}`)));
    s.lagCutoffs.forEach((c: number, i: number) => expectClose(c, fx.spatial.lag_cutoffs[i], REL, 0, `lag cutoff ${i}`));
    expect(s.lagMatrix.lagClasses).toEqual(fx.spatial.lag_class_matrix);
    expect(s.islands).toEqual([]);
  });
  it('conditional counts exact, probabilities 1e-9, empty rows (null in the fixture) zero and flagged', () => {
    expect(s.regimes.map((r: any) => r.counts)).toEqual(fx.spatial.counts);
    s.regimes.forEach((r: any, l: number) => {
      r.probabilities.forEach((row: number[], i: number) => {
        const e = fx.spatial.probabilities[l][i];
        if (e === null) {
          expect(r.emptyRows).toContain(i + 1);
          expect(row).toEqual([0, 0, 0, 0]);
        } else {
          expect(r.emptyRows).not.toContain(i + 1);
          row.forEach((p, j) => closeOrZero(p, e[j], `P_${l} ${i}${j}`));
        }
      });
    });
    expect(s.pooled.counts).toEqual(fx.counts);
    expect(res.rows).toHaveLength(16);
    expect(JSON.stringify(res)).not.toMatch(/NaN|Infinity/);
  });
  it('homogeneity statistics follow the Bickenbach–Bode formulas', () => {
    const h = s.homogeneity;
    expect(h.df).toBeGreaterThan(0);
    expect(h.Q).toBeGreaterThanOrEqual(0);
    expect(h.LR).toBeGreaterThanOrEqual(0);
    expect(h.Q_p).toBeGreaterThan(0);
    expect(h.Q_p).toBeLessThanOrEqual(1);
  });
});

describe('Markov building blocks', () => {
  it('right-closed classes and duplicate cut-offs reduce k', () => {
    expect(classify(1, [1, 2])).toBe(1);
    expect(classify(1.5, [1, 2])).toBe(2);
    expect(classify(2.0001, [1, 2])).toBe(3);
    const q = quantileCutoffs([0, 0, 0, 0, 0, 0, 1, 2], 4);
    expect(q.k).toBeLessThan(4);
    expect(q.duplicatesMerged).toBeGreaterThan(0);
  });

  it('homogeneity: hand example (two regimes, 2 × 2)', () => {
    const h = markovHomogeneity([[[8, 2], [1, 9]], [[5, 5], [3, 7]]]);
    const pooled = [[13 / 20, 7 / 20], [4 / 20, 16 / 20]];
    let Q = 0; let LR = 0;
    const C = [[[8, 2], [1, 9]], [[5, 5], [3, 7]]];
    for (const c of C) for (let i = 0; i < 2; i++) {
      const ni = c[i][0] + c[i][1];
      for (let j = 0; j < 2; j++) {
        Q += ni * (c[i][j] / ni - pooled[i][j]) ** 2 / pooled[i][j];
        LR += 2 * c[i][j] * Math.log(c[i][j] / ni / pooled[i][j]);
      }
    }
    expect(h.Q).toBeCloseTo(Q, 12);
    expect(h.LR).toBeCloseTo(LR, 12);
    expect(h.df).toBe(2);
  });

  it('steady state and passage times of an ergodic chain (m_jj = 1/π_j)', () => {
    const P = [[0.5, 0.5, 0], [0.25, 0.5, 0.25], [0, 0.5, 0.5]];
    const pi = steadyState(P).pi!;
    [0.25, 0.5, 0.25].forEach((v, i) => expect(pi[i]).toBeCloseTo(v, 12));
    const M = firstMeanPassageTimes(P);
    for (let j = 0; j < 3; j++) expect(M[j][j]!).toBeCloseTo(1 / pi[j], 10);
    expect(M[0][1]).toBeCloseTo(2, 12);
    expect(M[0][2]).toBeCloseTo(8, 12);
  });

  it('transition rows sum to 1 or are flagged empty (property)', () => {
    const arb = fc.record({
      n: fc.integer({ min: 2, max: 12 }), T: fc.integer({ min: 2, max: 6 }), k: fc.integer({ min: 2, max: 5 }),
      seed: fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 72, maxLength: 72 }),
    });
    fc.assert(fc.property(arb, ({ n, T, k, seed }) => {
      const ids = Array.from({ length: n }, (_, i) => `u${i}`);
      const periods = Array.from({ length: T }, (_, t) => 2000 + t);
      const entity: string[] = []; const period: number[] = []; const v: number[] = [];
      for (let i = 0; i < n; i++) for (let t = 0; t < T; t++) { entity.push(ids[i]); period.push(periods[t]); v.push(seed[(i * T + t) % 72]); }
      const p = createPanel({ ids, periods, entity, period, values: { y: v } });
      const r = markov(p, { value: 'y', k });
      for (const row of r.rows) {
        const s = row.probabilities.reduce((a, b) => a + b, 0);
        if (row.empty) { expect(s).toBe(0); expect(row.n).toBe(0); } else expect(Math.abs(s - 1)).toBeLessThan(1e-12);
      }
      const rf = markov(p, { value: 'y', k, fillEmpty: true });
      for (const row of rf.rows) expect(Math.abs(row.probabilities.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
      expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
    }), { numRuns: 150 });
  });

  it('island units get lag 0 and are flagged; mismatched weights name the unit', () => {
    const p = createPanel({
      ids: ['a', 'b', 'c'], periods: [1, 2], entity: ['a', 'b', 'c', 'a', 'b', 'c'], period: [1, 1, 1, 2, 2, 2], values: { y: [1, 2, 3, 2, 3, 1] },
    });
    const W = { ids: ['a', 'b', 'c'], offsets: Int32Array.from([0, 1, 2, 2]), neighbors: Int32Array.from([1, 0]), weights: Float64Array.from([1, 1]), style: 'B' as const, islands: ['c'], card: {} };
    const r = spatialMarkov(p, W, { value: 'y', k: 2 });
    expect((r.summary as any).islands).toEqual(['c']);
    expect((r.summary as any).lagMatrix.lags[2]).toEqual([0, 0]);
    expect(r.warnings.map((w) => w.code)).toContain('islands');
    expect(() => spatialMarkov(p, { ...W, ids: ['a', 'b', 'x'] }, { value: 'y', k: 2 })).toThrow(/no row in the spatial weights: c/);
  });
});

describe('homogeneity df conventions', () => {
  it('an empty pooled row adds 0 (Bickenbach–Bode) or 1 (giddy)', () => {
    const C = [[[8, 2, 0], [1, 9, 0], [0, 0, 0]], [[5, 5, 0], [3, 7, 0], [0, 0, 0]]];
    expect(markovHomogeneity(C).df).toBe(2);
    expect(markovHomogeneity(C, { emptyRowDf: 'giddy' }).df).toBe(3);
    expect(markovHomogeneity(C, { emptyRowDf: 'giddy' }).Q).toBe(markovHomogeneity(C).Q);
  });
});

describe('Markov options', () => {
  const p = indexPanel();
  it('user cut-offs equal to the pooled quartiles reproduce the fixture counts', () => {
    const r = markov(p, { value: 'score', cutoffs: fx.cutoffs });
    expect((r.summary as any).counts).toEqual(fx.counts);
    expect(r.card.conventions.classes).toBe('user cut-offs');
  });
  it('lag 2 counts pairs (t, t+2); per-period classes put ~1/4 of each year in each class', () => {
    const r2 = markov(p, { value: 'score', lag: 2 });
    expect((r2.summary as any).transitions).toBe(31 * 4);
    const rp = markov(p, { value: 'score', scope: 'period' });
    for (const d of Object.values<number[]>((rp.summary as any).distribution)) expect(d.reduce((a, b) => a + b, 0)).toBe(31);
    expect((rp.summary as any).cutoffsByPeriod).toHaveLength(6);
  });
  it('relative values (÷ period mean) are classed, and a lag ≥ T is a usage error', () => {
    const r = markov(p, { value: 'score', relative: true });
    expect((r.summary as any).transitions).toBe(155);
    expect(() => markov(p, { value: 'score', lag: 6 })).toThrow(/lag 6/);
  });
});

describe('spatial Markov with missing neighbour values', () => {
  it('a missing neighbour value leaves the lag missing; the transition counts only in the pooled chain', () => {
    const p = createPanel({
      ids: ['a', 'b', 'c', 'd'], periods: [1, 2, 3],
      entity: ['a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', 'c', 'd', 'd', 'd'], period: [1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3],
      values: { y: [1, 2, 3, 4, NaN, 2, 3, 1, 4, 2, 3, 1] },
    });
    const W = { ids: ['a', 'b', 'c', 'd'], offsets: Int32Array.from([0, 1, 2, 3, 4]), neighbors: Int32Array.from([1, 2, 3, 0]), weights: Float64Array.from([1, 1, 1, 1]), style: 'B' as const, islands: [], card: {} };
    const r = spatialMarkov(p, W, { value: 'y', k: 2 });
    const s = r.summary as any;
    expect(s.lagMatrix.lags[0][1]).toBeNull();           // a's neighbour b is missing in period 2
    expect(r.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['missing-values', 'unconditioned-transitions']));
    const conditioned = s.regimes.reduce((acc: number, g: any) => acc + g.transitions, 0);
    const pooled = s.pooled.counts.flat().reduce((a: number, b: number) => a + b, 0);
    expect(pooled - conditioned).toBe(1);
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });
});

describe('class closure', () => {
  it('left-closed classes reproduce counts_left_closed; a value on a cut-off moves class', () => {
    const r = markov(indexPanel(), { value: 'score', closure: 'left' });
    expect((r.summary as any).counts).toEqual(fx.counts_left_closed);
    expect(r.card.conventions.closure).toMatch(/left-closed/);
    expect(classify(2, [1, 2, 3])).toBe(2);
    expect(classify(2, [1, 2, 3], 'left')).toBe(3);
    const tied = markov(indexPanel(), { value: 'score', cutoffs: [0.2, 0.3] });
    expect((tied.summary as any).k).toBe(3);
  });
});
