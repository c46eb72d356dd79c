// VIKOR, RSR and weight sensitivity: hand-checked cases and determinism.
import { describe, it, expect } from 'vitest';
import { vikor } from '../../../src/core/aggregate/vikor.js';
import { rankSumRatio } from '../../../src/core/aggregate/rsr.js';
import { rankWithinGroups } from '../../../src/core/aggregate/rank.js';
import { weightSensitivity, dirichletDraw } from '../../../src/core/aggregate/sensitivity.js';
import { weightedSum } from '../../../src/core/aggregate/weighted-sum.js';
import { createRng } from '../../../src/core/random.js';
import { compositeIndex } from '../../../src/core/composite/composite-index.js';
import { loadIndexPanel, fixtureFramework } from './index-fixture.js';

describe('VIKOR', () => {
  it('S, R, Q and the acceptance conditions on a hand example', () => {
    const res = vikor([Float64Array.of(1, 0.5, 0), Float64Array.of(0, 0.5, 1)], [0.5, 0.5]);
    expect(Array.from(res.S)).toEqual([0.5, 0.5, 0.5]);
    expect(Array.from(res.R)).toEqual([0.5, 0.25, 0.5]);
    expect(Array.from(res.Q)).toEqual([0.5, 0, 0.5]);
    expect(res.zeroRanges).toBe(1); // the S range is zero
    expect(res.conditions[0]).toEqual({ best: 1, advantage: true, stability: true, compromiseSet: [1] });
  });
  it('failing C1 gives a compromise set of every alternative close to the best', () => {
    const res = vikor([Float64Array.of(1, 0.9, 0), Float64Array.of(1, 0.95, 0)], [0.5, 0.5]);
    expect(res.conditions[0].advantage).toBe(false);
    expect(res.conditions[0].compromiseSet).toEqual([0, 1]);
  });
  it('ranks ascending by Q', () => {
    expect(Array.from(rankWithinGroups(Float64Array.of(0.5, 0, 0.7), undefined, true))).toEqual([2, 1, 3]);
  });
});

describe('rank-sum ratio', () => {
  it('benefit, cost and ties', () => {
    expect(Array.from(rankSumRatio([Float64Array.of(3, 1, 2)], [1]))).toEqual([1, 1 / 3, 2 / 3]);
    expect(Array.from(rankSumRatio([Float64Array.of(3, 1, 2)], [1], { benefit: [false] }))).toEqual([1 / 3, 1, 2 / 3]);
    expect(Array.from(rankSumRatio([Float64Array.of(1, 1, 2)], [1]))).toEqual([0.5, 0.5, 1]);
    expect(Array.from(rankSumRatio([Float64Array.of(0, 5, 10)], [1], { nonInteger: true }))).toEqual([1 / 3, 2 / 3, 1]);
  });
  it('ranks within each period group', () => {
    const g = { group: Int32Array.of(0, 0, 1, 1), nGroups: 2 };
    expect(Array.from(rankSumRatio([Float64Array.of(1, 2, 9, 3)], [1], { groups: g }))).toEqual([0.5, 1, 1, 0.5]);
  });
});

describe('ranks', () => {
  it('ties within 1e-12 share the lowest rank; NaN gets 0', () => {
    expect(Array.from(rankWithinGroups(Float64Array.of(0.3, 0.3 + 1e-14, 0.1, NaN)))).toEqual([1, 1, 3, 0]);
  });
});

describe('weight sensitivity', () => {
  const cols = [Float64Array.of(0, 0.2, 0.5, 0.9, 1), Float64Array.of(1, 0.7, 0.5, 0.2, 0)];
  const score = (w: Float64Array) => weightedSum(cols, w).score;
  it('Dirichlet draws sum to 1 and keep zero weights at 0', () => {
    const d = dirichletDraw([20, 0, 60], createRng(1, 0));
    expect(d[1]).toBe(0);
    expect(d[0] + d[2]).toBeCloseTo(1, 14);
  });
  it('is deterministic for a seed; a huge concentration keeps the base ranking', () => {
    const a = weightSensitivity(score, [0.7, 0.3], { draws: 50, seed: 3 });
    const b = weightSensitivity(score, [0.7, 0.3], { draws: 50, seed: 3 });
    expect(Array.from(a.spearman)).toEqual(Array.from(b.spearman));
    const tight = weightSensitivity(score, [0.7, 0.3], { draws: 50, concentration: 1e9 });
    expect(Array.from(tight.rankMedian)).toEqual([5, 4, 3, 2, 1]);
    expect(tight.spearmanSummary.min).toBeCloseTo(1, 12);
    const loose = weightSensitivity(score, [0.5, 0.5], { draws: 200, concentration: 2 });
    expect(loose.spearmanSummary.min).toBeLessThan(1);
    expect(Array.from(loose.rankP05).every((v, i) => v <= loose.rankMedian[i] && loose.rankMedian[i] <= loose.rankP95[i])).toBe(true);
  });
  it('through compositeIndex: bands per row and a summary', () => {
    const res = compositeIndex(loadIndexPanel(), { framework: fixtureFramework(), shift: 1e-4, sensitivity: { draws: 30, seed: 1 } });
    const s = res.summary.sensitivity as { spearman: { median: number } };
    expect(s.spearman.median).toBeGreaterThan(0.9);
    for (const r of res.rows) expect(r.rankP05!).toBeLessThanOrEqual(r.rankP95!);
    expect(res.card.conventions.sensitivity).toBeTruthy();
  });
});
