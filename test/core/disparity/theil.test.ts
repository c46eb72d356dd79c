import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readJson, expectClose } from '../../helpers.js';
import { theil, theilDecomposition, theilIndex, theilNested } from '../../../src/core/disparity/theil.js';
import { createPanel } from '../../../src/core/panel/panel.js';
import { indexPanel } from './index-fixture.js';

const REL = 1e-9; // closed-form fixture tolerance (README)

describe('Theil T (theil_region4.json)', () => {
  it('matches T, within, between, shares and every group for every year', () => {
    const fx = readJson('fixtures/index/expected/theil_region4.json');
    const res = theil(indexPanel(), { value: 'score', group: 'region4' });
    expect(res.rows).toHaveLength(6);
    for (const row of res.rows) {
      const e = fx.result.by_year[String(row.period)];
      expectClose(row.theil!, e.T, REL, 0, `${row.period} T`);
      expectClose(row.within!, e.T_within, REL, 0, `${row.period} Tw`);
      expectClose(row.between!, e.T_between, REL, 0, `${row.period} Tb`);
      expectClose(row.share_within!, e.share_within, REL, 0, 'share_w');
      expectClose(row.share_between!, e.share_between, REL, 0, 'share_b');
      for (const [g, eg] of Object.entries<any>(e.group)) {
        const gg = row.groups[g];
        expect(gg.n).toBe(eg.n);
        expectClose(gg.mean, eg.mean, REL, 0, `${g} mean`);
        expectClose(gg.theil_g!, eg.T_g, REL, 0, `${g} T_g`);
        expectClose(gg.income_share, eg.income_share, REL, 0, `${g} s_g`);
        expectClose(gg.contribution_within!, eg.contribution_within, REL, 0, `${g} contribution`);
      }
    }
    expect(res.card.conventions.index).toBe('T');
  });
});

describe('Theil properties', () => {
  const arb = fc.array(
    fc.record({ y: fc.double({ min: 1e-3, max: 1e4, noNaN: true }), g: fc.integer({ min: 0, max: 3 }), w: fc.double({ min: 0.1, max: 50, noNaN: true }) }),
    { minLength: 2, maxLength: 50 },
  );
  const names = ['a', 'b', 'c', 'd'];
  it('within + between = total for T and L, unweighted and weighted', () => {
    fc.assert(fc.property(arb, fc.boolean(), fc.constantFrom<'T' | 'L'>('T', 'L'), (rows, weighted, index) => {
      const y = rows.map((r) => r.y);
      const g = rows.map((r) => r.g);
      const d = theilDecomposition(y, g, names, { index, weights: weighted ? rows.map((r) => r.w) : undefined });
      expect(d.status).toBe('ok');
      expect(Math.abs(d.theil! - (d.within! + d.between!))).toBeLessThanOrEqual(1e-12 * Math.max(1, d.theil!));
    }), { numRuns: 300 });
  });

  it('weighted T with equal weights equals unweighted; weights act as replication', () => {
    const y = [1, 2, 2, 5, 9];
    const rep = theilIndex([1, 2, 5, 9], { weights: [1, 2, 1, 1] });
    expect(rep).toBeCloseTo(theilIndex(y), 14);
    expect(theilIndex(y, { weights: [3, 3, 3, 3, 3] })).toBeCloseTo(theilIndex(y), 14);
    expect(theilIndex(y, { index: 'L' })).toBeCloseTo(y.reduce((s, v) => s + Math.log(3.8 / v), 0) / 5, 14);
  });

  it('nested (Akita) components add up and reduce to the one-level split', () => {
    fc.assert(fc.property(arb, (rows) => {
      const y = rows.map((r) => r.y);
      const sub = rows.map((r, i) => (r.g * 3 + (i % 3)));          // 12 subgroups nested in 4 groups
      const reg = rows.map((r) => r.g);
      const subNames = Array.from({ length: 12 }, (_, k) => `s${k}`);
      const nst = theilNested(y, reg, names, sub, subNames)!;
      expect(Math.abs(nst.theil - (nst.T_BR + nst.T_BP + nst.T_WP))).toBeLessThanOrEqual(1e-12 * Math.max(1, nst.theil));
      const one = theilDecomposition(y, reg, names);
      expect(nst.T_BR).toBeCloseTo(one.between!, 12);
      expect(nst.T_BP + nst.T_WP).toBeCloseTo(one.within!, 12);
    }), { numRuns: 200 });
  });

  it('zero values: T treats 0·ln0 as 0, L reports null with a status', () => {
    expect(theilDecomposition([0, 1, 3], [0, 0, 1], ['a', 'b']).status).toBe('ok');
    const l = theilDecomposition([0, 1, 3], [0, 0, 1], ['a', 'b'], { index: 'L' });
    expect(l.status).toBe('undefined');
    expect(l.theil).toBeNull();
  });

  it('panel nested Theil rejects a subgroup that sits in two groups, naming it', () => {
    const p = createPanel({
      ids: ['c1', 'c2', 'c3'], periods: [2020], entity: ['c1', 'c2', 'c3'], period: [2020, 2020, 2020],
      values: { y: [1, 2, 3] }, labels: { region: ['E', 'W', 'W'], province: ['P1', 'P1', 'P2'] },
    });
    expect(() => theil(p, { value: 'y', group: 'region', subgroup: 'province' })).toThrow(/subgroup "P1"/);
    const ok = theil(p, { value: 'y', group: 'region', subgroup: 'region' });
    expect(ok.rows[0].nested!.T_WP).toBeCloseTo(ok.rows[0].within!, 14);
  });
});
