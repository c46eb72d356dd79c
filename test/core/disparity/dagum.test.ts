import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readJson, expectClose } from '../../helpers.js';
import { dagumDecomposition, dagum } from '../../../src/core/disparity/dagum.js';
import { dagumBruteForce } from '../../../src/core/disparity/dagum-reference.js';
import { indexPanel } from './index-fixture.js';

// Closed-form fixture values: 1e-9 relative, absolute floor 1e-12 where the expected value is 0 (README).
const REL = 1e-9;
const ABS0 = 1e-12;
const close = (got: number | null, exp: number, what: string) => {
  expect(got, what).not.toBeNull();
  expectClose(got as number, exp, REL, exp === 0 ? ABS0 : 0, what);
};

function compareToFixture(got: ReturnType<typeof dagumDecomposition>, exp: any, tag: string) {
  for (const k of ['mean', 'G', 'Gw', 'Gnb', 'Gt', 'share_w', 'share_nb', 'share_t'] as const) close(got[k], exp[k], `${tag} ${k}`);
  expect(got.n).toBe(exp.n);
  expect(got.groupOrder).toEqual(exp.groups_by_ascending_mean);
  for (const [g, eg] of Object.entries<any>(exp.group)) {
    const gg = got.within[g];
    expect(gg.n, `${tag} ${g} n`).toBe(eg.n);
    for (const k of ['mean', 'p', 's', 'G_jj', 'contribution_w'] as const) close(gg[k], eg[k], `${tag} ${g} ${k}`);
  }
  expect(Object.keys(got.between)).toEqual(Object.keys(exp.pairs));
  for (const [key, ep] of Object.entries<any>(exp.pairs)) {
    const gp = got.between[key];
    expect(gp.j).toBe(ep.j);
    expect(gp.h).toBe(ep.h);
    for (const k of ['G_jh', 'd_jh', 'p_jh', 'D_jh', 'weight_pj_sh_plus_ph_sj', 'contribution_nb', 'contribution_t'] as const) close(gp[k], ep[k], `${tag} ${key} ${k}`);
  }
}

describe('Dagum decomposition (fixtures)', () => {
  it('matches the hand-checkable toy (dagum_gini_toy.json) and its exact fractions', () => {
    const fx = readJson('fixtures/index/expected/dagum_gini_toy.json');
    const names = ['A', 'B', 'C'];
    const groups = Int32Array.from(fx.input.group.map((g: string) => names.indexOf(g)));
    const d = dagumDecomposition(Float64Array.from(fx.input.y), groups, names);
    compareToFixture(d, fx.result, 'toy');
    expect(d.G).toBeCloseTo(27 / 80, 14);
    expect(d.Gw).toBeCloseTo(13 / 160, 14);
    expect(d.Gnb).toBeCloseTo(33 / 160, 14);
    expect(d.Gt).toBeCloseTo(1 / 20, 14);
    expect(d.between['C|A'].p_jh).toBe(0);
    expect(d.between['C|A'].D_jh).toBe(1);
  });

  it('matches dagum_gini_region4.json for every year through the panel API', () => {
    const fx = readJson('fixtures/index/expected/dagum_gini_region4.json');
    const res = dagum(indexPanel(), { value: 'score', group: 'region4' });
    expect(res.rows.map((r) => r.period)).toEqual([2015, 2016, 2017, 2018, 2019, 2020]);
    for (const row of res.rows) {
      compareToFixture(row, fx.result.by_year[String(row.period)], String(row.period));
      expect(Math.abs(row.G! - (row.Gw! + row.Gnb! + row.Gt!))).toBeLessThan(1e-15);
    }
    expect(res.card.software.name).toBe('xinzhi');
    expect(res.card.conventions.groupOrder).toMatch(/ascending mean/);
    expect(res.warnings).toEqual([]);
  });
});

describe('Dagum decomposition (properties)', () => {
  const sample = fc.array(
    fc.record({ y: fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1000, noNaN: true })), g: fc.integer({ min: 0, max: 4 }) }),
    { minLength: 2, maxLength: 60 },
  ).filter((a) => a.some((r) => r.y > 0));
  const names = ['a', 'b', 'c', 'd', 'e'];

  it('G = Gw + Gnb + Gt to 1e-12 on random data', () => {
    fc.assert(fc.property(sample, (rows) => {
      const d = dagumDecomposition(Float64Array.from(rows.map((r) => r.y)), Int32Array.from(rows.map((r) => r.g)), names);
      expect(d.status).toBe('ok');
      expect(Math.abs(d.G! - (d.Gw! + d.Gnb! + d.Gt!))).toBeLessThanOrEqual(1e-12);
    }), { numRuns: 300 });
  });

  it('the O(n log n) sweep equals the O(n²) brute force (ties included)', () => {
    const withTies = fc.array(
      fc.record({ y: fc.integer({ min: 0, max: 20 }), g: fc.integer({ min: 0, max: 4 }) }),
      { minLength: 2, maxLength: 60 },
    ).filter((a) => a.some((r) => r.y > 0));
    for (const arb of [sample, withTies]) {
      fc.assert(fc.property(arb, (rows) => {
        const y = Float64Array.from(rows.map((r) => r.y));
        const g = Int32Array.from(rows.map((r) => r.g));
        const fast = dagumDecomposition(y, g, names);
        const slow = dagumBruteForce(y, g, names);
        expect(fast.groupOrder).toEqual(slow.groupOrder);
        expect(fast.omittedGroups).toEqual(slow.omittedGroups);
        const near = (a: number | null, b: number | null) => {
          if (b === null) { expect(a).toBeNull(); return; }
          expect(a).not.toBeNull();
          expect(Math.abs((a as number) - (b as number))).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b as number)));
        };
        for (const k of ['G', 'Gw', 'Gnb', 'Gt'] as const) near(fast[k], slow[k]);
        for (const key of Object.keys(slow.within)) near(fast.within[key].G_jj, slow.within[key].G_jj);
        expect(Object.keys(fast.between)).toEqual(Object.keys(slow.between));
        for (const key of Object.keys(slow.between)) {
          for (const k of ['G_jh', 'd_jh', 'p_jh', 'D_jh', 'contribution_nb', 'contribution_t'] as const) {
            near(fast.between[key][k], slow.between[key][k]);
          }
        }
      }), { numRuns: 100 });
    }
  });

  it('reports null with a status, never NaN, when the mean is 0 or there is no data', () => {
    const z = dagumDecomposition(new Float64Array([0, 0, 0]), new Int32Array([0, 1, 1]), ['a', 'b']);
    expect(z.status).toBe('undefined');
    expect(z.G).toBeNull();
    expect(z.reason).toMatch(/mean is 0/);
    const e = dagumDecomposition(new Float64Array(0), new Int32Array(0), ['a']);
    expect(e.status).toBe('insufficient_data');
    const one = dagumDecomposition(new Float64Array([1, 2, 3]), new Int32Array([0, 0, 0]), ['a', 'b']);
    expect(one.omittedGroups).toEqual(['b']);
    expect(one.Gnb).toBe(0);
    expect(JSON.stringify(one)).not.toMatch(/NaN|Infinity/);
  });
});
