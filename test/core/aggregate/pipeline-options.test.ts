// compositeIndex options: AHP from framework matrices, fixed weights, nested hierarchy, missing data,
// constant indicators, vector normalisation guard.
import { describe, it, expect } from 'vitest';
import { expectClose } from '../../helpers.js';
import { compositeIndex } from '../../../src/core/composite/composite-index.js';
import { parseFramework } from '../../../src/core/framework/parse.js';
import { ahpWeights } from '../../../src/core/weights/ahp.js';
import { createPanel } from '../../../src/core/panel/panel.js';
import { DataError, UsageError } from '../../../src/core/errors.js';
import { couplingCoordination } from '../../../src/core/coordination/coupling-panel.js';
import { obstacleAnalysis } from '../../../src/core/coordination/obstacle-panel.js';
import { loadIndexPanel, fixtureFramework } from './index-fixture.js';

const panel = loadIndexPanel();
const yaml = (dimAhp: string, techAhp: string, weights = false) => `framework: ahp-test
ahp: ${dimAhp}
dimensions:
  - key: tech
    ${weights ? 'weight: 2' : ''}
    ahp: ${techAhp}
    indicators:
      - { key: researcher_fte, direction: "+"${weights ? ', weight: 1' : ''} }
      - { key: rd_intensity, direction: "+"${weights ? ', weight: 3' : ''} }
      - { key: ei_papers, direction: "+"${weights ? ', weight: 1' : ''} }
  - key: agri
    indicators:
      - { key: pesticide_use, direction: "-"${weights ? ', weight: 1' : ''} }
`;

describe('AHP and fixed weights from the framework', () => {
  it('global AHP weight = product of local eigenvector weights', () => {
    const dim = [[1, 3], [1 / 3, 1]];
    const tech = [[1, 2, 4], [1 / 2, 1, 2], [1 / 4, 1 / 2, 1]];
    const fw = parseFramework(yaml('[[1, 3], ["1/3", 1]]', '[[1, 2, 4], ["1/2", 1, 2], ["1/4", "1/2", 1]]'));
    const res = compositeIndex(panel, { framework: fw, weights: 'ahp' });
    const wd = ahpWeights(dim).weights, wt = ahpWeights(tech).weights;
    const w = (res.summary.weights as { weight: number }[]).map((x) => x.weight);
    [wd[0] * wt[0], wd[0] * wt[1], wd[0] * wt[2], wd[1]].forEach((v, j) => expectClose(w[j], v, 1e-12, 0, `w${j}`));
    expect(res.rows.every((r) => r.status === 'ok')).toBe(true);
  });
  it('CR ≥ 0.1 is a data error unless forced; forced rows carry status inconsistent', () => {
    const bad = parseFramework(yaml('[[1, 3], ["1/3", 1]]', '[[1, 9, "1/9"], ["1/9", 1, 9], [9, "1/9", 1]]'));
    expect(() => compositeIndex(panel, { framework: bad, weights: 'ahp' })).toThrow(DataError);
    const res = compositeIndex(panel, { framework: bad, weights: { method: 'ahp', ahp: { force: true } } });
    expect(res.rows[0].status).toBe('inconsistent');
    expect(res.warnings.some((w) => w.code === 'ahp-inconsistent')).toBe(true);
  });
  it('fixed weights: product along the path, normalised', () => {
    const fw = parseFramework(yaml('[[1, 1], [1, 1]]', '[[1, 1, 1], [1, 1, 1], [1, 1, 1]]', true));
    const res = compositeIndex(panel, { framework: fw, weights: 'fixed' });
    const w = (res.summary.weights as { weight: number }[]).map((x) => x.weight);
    [2 / 11, 6 / 11, 2 / 11, 1 / 11].forEach((v, j) => expectClose(w[j], v, 1e-12, 0, `w${j}`));
  });
});

describe('hierarchy', () => {
  it('nested with W_d = sum reproduces the flat total; dimension scores lie in [0, 1]', () => {
    const fw = fixtureFramework('subsystem');
    const flat = compositeIndex(panel, { framework: fw, shift: 1e-4 });
    const nested = compositeIndex(panel, { framework: fw, shift: 1e-4, hierarchy: 'nested', dimensionWeights: 'sum' });
    flat.rows.forEach((r, k) => expectClose(nested.rows[k].score!, r.score!, 1e-12, 1e-15, 'total'));
    for (const r of nested.rows) for (const v of Object.values(r.dimensions)) { expect(v!).toBeGreaterThanOrEqual(0); expect(v!).toBeLessThanOrEqual(1 + 1e-12); }
    const eq = compositeIndex(panel, { framework: fw, shift: 1e-4, hierarchy: 'nested', dimensionWeights: 'equal' });
    const W = eq.summary.dimensionWeights as { weight: number }[];
    W.forEach((d) => expectClose(d.weight, 1 / 3, 1e-12, 0, 'W'));
    const r0 = eq.rows[0];
    expectClose(r0.score!, (Object.values(r0.dimensions) as number[]).reduce((a, b) => a + b / 3, 0), 1e-12, 0, 'Σ W S');
  });
  it('flat: dimension scores add up to the total', () => {
    const res = compositeIndex(panel, { framework: fixtureFramework('subsystem'), shift: 1e-4 });
    for (const r of res.rows) expectClose((Object.values(r.dimensions) as number[]).reduce((a, b) => a + b, 0), r.score!, 1e-12, 1e-15, 'sum');
  });
});

describe('messy data', () => {
  const mk = (x: number[], y: number[]) => createPanel({ ids: ['a', 'b', 'c'], periods: [1, 2], entity: ['a', 'a', 'b', 'b', 'c', 'c'], period: [1, 2, 1, 2, 1, 2], values: { x, y }, source: 'toy.csv' });
  const fw = parseFramework('framework: toy\ndimensions:\n  - key: d\n    indicators:\n      - { key: x, direction: "+" }\n      - { key: y, direction: "-" }\n');
  it('incomplete entity-periods are reported with insufficient_data, never dropped', () => {
    const res = compositeIndex(mk([1, 2, NaN, 4, 5, 6], [3, 2, 1, 5, 4, 2]), { framework: fw });
    expect(res.rows.length).toBe(6);
    const bad = res.rows.find((r) => r.id === 'b' && r.period === 1)!;
    expect(bad).toMatchObject({ score: null, rank: null, status: 'insufficient_data' });
    expect(bad.reason).toMatch(/x/);
    expect(res.rows.filter((r) => r.status === 'ok').length).toBe(5);
    expect(res.card.statusCounts).toEqual({ ok: 5, insufficient_data: 1 });
    expect(res.warnings.some((w) => w.code === 'insufficient-data')).toBe(true);
    expect(JSON.stringify(res)).not.toMatch(/NaN|Infinity/);
  });
  it('a constant indicator is a data error naming it; constantPolicy drop gives it weight 0', () => {
    const p = mk([1, 1, 1, 1, 1, 1], [3, 2, 1, 5, 4, 2]);
    try { compositeIndex(p, { framework: fw }); expect.unreachable(); } catch (e) {
      expect((e as DataError).kind).toBe('constant-indicator');
      expect((e as DataError).location.column).toBe('x');
    }
    const res = compositeIndex(p, { framework: fw, constantPolicy: 'drop' });
    expect((res.summary.weights as { weight: number }[])[0].weight).toBe(0);
  });
  it('per-period scope: a period with a single complete entity is reported, not a crash', () => {
    const p = mk([1, 2, NaN, 4, NaN, 6], [3, 2, 1, 5, 4, 2]);
    const res = compositeIndex(p, { framework: fw, scope: 'period' });
    const lone = res.rows.find((r) => r.id === 'a' && r.period === 1)!;
    expect(lone).toMatchObject({ score: null, status: 'insufficient_data' });
    expect(res.rows.filter((r) => r.period === 2).every((r) => r.status === 'ok')).toBe(true);
    expect(res.warnings.some((w) => w.code === 'thin-period')).toBe(true);
    const cc = couplingCoordination(p, { systems: parseFramework('framework: s\ndimensions:\n  - key: a\n    indicators: [{ key: x, direction: "+" }]\n  - key: b\n    indicators: [{ key: y, direction: "-" }]\n'), scope: 'period' });
    expect(cc.rows.find((r) => r.id === 'a' && r.period === 1)!.status).toBe('insufficient_data');
    const ob = obstacleAnalysis(p, { framework: fw, scope: 'period' });
    expect(ob.rows.filter((r) => r.id === 'a' && r.period === 1).every((r) => r.status === 'insufficient_data')).toBe(true);
  });
  it('vector normalisation with a cost indicator and a weighted sum is refused', () => {
    expect(() => compositeIndex(mk([1, 2, 3, 4, 5, 6], [3, 2, 1, 5, 4, 2]), { framework: fw, normalize: 'vector' })).toThrow(UsageError);
  });
});
