// Scale efficiency and returns-to-scale class (methods.md E1) against deaR's CCR/BCC fixtures (SE = E_CRS/E_VRS to
// 1e-9), DEAP 2.1 published runs (Coelli 1996 eg1; an output-oriented DEAP run printed to 3 decimals), and a
// 1-input 1-output technology whose frontier and classes are obvious by hand.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { scaleEfficiency, dea } from '../../../src/core/frontier/index.js';
import { UsageError } from '../../../src/core/errors.js';
import { loadFixture } from './fixtures.js';

describe('scale efficiency against deaR fixtures (CRS and VRS efficiencies)', () => {
  for (const [set, orient] of [['coelli_1998', 'io'], ['coelli_1998', 'oo'], ['fried1993', 'io'], ['fried1993', 'oo']] as const) {
    test(`${set} ${orient}`, () => {
      const ccr = loadFixture(`${set}_ccr_${orient}`), bcc = loadFixture(`${set}_bcc_${orient}`);
      const res = scaleEfficiency(ccr.data, { inputs: ccr.inputs, outputs: ccr.goods, orientation: orient === 'io' ? 'in' : 'out' });
      const ids: string[] = ccr.json.dmus;
      expect(res.rows.map((r) => r.id).sort()).toEqual([...ids].sort());
      const byId = new Map(res.rows.map((r) => [r.id, r]));
      ids.forEach((id, k) => {
        const r = byId.get(id)!;
        // output-oriented fixtures give phi >= 1; efficiency = 1/phi, so SE = phi_VRS / phi_CRS
        const eC = orient === 'io' ? ccr.json.efficiency[k] : 1 / ccr.json.efficiency[k];
        const eV = orient === 'io' ? bcc.json.efficiency[k] : 1 / bcc.json.efficiency[k];
        expect(r.status).toBe('optimal');
        expect(Math.abs((r.crs as number) - eC), `${id} crs`).toBeLessThan(1e-9);
        expect(Math.abs((r.vrs as number) - eV), `${id} vrs`).toBeLessThan(1e-9);
        expect(Math.abs((r.scale as number) - eC / eV), `${id} scale`).toBeLessThan(1e-9);
        expect(r.nirs as number).toBeGreaterThanOrEqual((r.crs as number) - 1e-9);
        expect(r.nirs as number).toBeLessThanOrEqual((r.vrs as number) + 1e-9);
      });
    });
  }

  test('DEAP eg1 (Coelli 1996; coelli_1998 data): CRS TE .5, 1, .833, .714, 1; VRS all 1; classes by hand', () => {
    const fx = loadFixture('coelli_1998_ccr_io');
    const res = scaleEfficiency(fx.data, { inputs: fx.inputs, outputs: fx.goods });
    const te = [0.5, 1, 5 / 6, 5 / 7, 1];
    res.rows.forEach((r, k) => {
      expect(Math.abs((r.crs as number) - te[k])).toBeLessThan(1e-9);
      expect(Math.abs((r.vrs as number) - 1)).toBeLessThan(1e-9);
      expect(Math.abs((r.scale as number) - te[k])).toBeLessThan(1e-9);
    });
    // DMU1 (2,5;1) and DMU4 (3,2;1) are below the most productive scale (their CRS projections are scaled-down DMU2/
    // DMU5 mixes, NIRS = CRS < VRS): irs. DMU3 (6,6;3) can only be matched by scaling up: NIRS = VRS = 1: drs.
    expect(res.rows.map((r) => r.rts)).toEqual(['irs', 'crs', 'drs', 'irs', 'crs']);
    expect(res.summary.rtsCounts).toEqual({ crs: 2, drs: 1, irs: 2 });
  });

  test('DEAP 2.1 output-oriented VRS run (1 input, 3 outputs; crste .843 .632 .650 .633, all drs)', () => {
    // Published DEAP output (3 decimals): firm 1 is CRS-efficient, all firms VRS-efficient, firms 2–5 drs.
    const data = { ids: ['1', '2', '3', '4', '5'], columns: { y1: [6149, 7364, 8874, 10063, 12359], y2: [5, 5, 8, 13, 19], y3: [537, 679, 905, 1094, 1623], x: [6, 9, 16, 24, 36] } };
    const res = scaleEfficiency(data, { inputs: ['x'], outputs: ['y1', 'y2', 'y3'], orientation: 'out' });
    const crste = [1, 0.843, 0.632, 0.65, 0.633];
    res.rows.forEach((r, k) => {
      expect(Math.abs((r.crs as number) - crste[k]), `firm ${r.id}`).toBeLessThanOrEqual(5e-4 + 1e-12);
      expect(Math.abs((r.vrs as number) - 1)).toBeLessThan(1e-9);
      expect(Math.abs((r.scale as number) - crste[k])).toBeLessThanOrEqual(5e-4 + 1e-12);
    });
    expect(res.rows.map((r) => r.rts)).toEqual(['crs', 'drs', 'drs', 'drs', 'drs']);
  });
});

describe('scale efficiency by hand: 1 input, 1 output', () => {
  // VRS frontier A(1,1)–B(2,4)–C(4,6); the CRS ray has slope 2 (through B). D(3,2) and E(5,5) are interior.
  const data = { ids: ['A', 'B', 'C', 'D', 'E'], columns: { x: [1, 2, 4, 3, 5], y: [1, 4, 6, 2, 5] } };
  test('input orientation', () => {
    const res = scaleEfficiency(data, { inputs: ['x'], outputs: ['y'] });
    // A: CRS x = 1/2 → .5, VRS 1 → irs. C: CRS 3/4, VRS 1, NIRS (scale down only) 1 → drs.
    // D: CRS x = 1 → 1/3; VRS on A–B at y = 2: x = 4/3 → 4/9; SE = 3/4; NIRS = 1/2·B → 1/3 = CRS → irs.
    // E: CRS 2.5/5 = .5; VRS on B–C at y = 5: x = 3 → .6; SE = 5/6; NIRS = VRS → drs.
    const exp = { A: [0.5, 1, 0.5, 'irs'], B: [1, 1, 1, 'crs'], C: [0.75, 1, 0.75, 'drs'], D: [1 / 3, 4 / 9, 0.75, 'irs'], E: [0.5, 0.6, 5 / 6, 'drs'] } as const;
    for (const r of res.rows) {
      const [c, v, s, k] = exp[r.id as keyof typeof exp];
      expect(Math.abs((r.crs as number) - c)).toBeLessThan(1e-12);
      expect(Math.abs((r.vrs as number) - v)).toBeLessThan(1e-12);
      expect(Math.abs((r.scale as number) - s)).toBeLessThan(1e-12);
      expect(r.rts, r.id).toBe(k);
    }
  });
  test('output orientation classifies by the output projection', () => {
    const res = scaleEfficiency(data, { inputs: ['x'], outputs: ['y'], orientation: 'out' });
    const d = res.rows.find((r) => r.id === 'D')!;
    // D(3,2): CRS y = 6 → 1/3; VRS on B–C at x = 3: y = 5 → .4; SE = 5/6; x = 3 is beyond B, NIRS = VRS → drs
    // (input-oriented D was irs: the class depends on the orientation).
    expect(Math.abs((d.crs as number) - 1 / 3)).toBeLessThan(1e-12);
    expect(Math.abs((d.vrs as number) - 0.4)).toBeLessThan(1e-12);
    expect(Math.abs((d.scale as number) - 5 / 6)).toBeLessThan(1e-12);
    expect(d.rts).toBe('drs');
    const a = res.rows.find((r) => r.id === 'A')!;
    // A(1,1): CRS y = 2 → .5; VRS 1; NIRS = CRS ray below B → irs
    expect(a.rts).toBe('irs');
    expect(res.card.method).toBe('scale-efficiency');
    expect(res.params.orientation).toBe('out');
  });
  test('panel periods, missing values and bad options', () => {
    const pd = { ids: ['A', 'B', 'A', 'B'], periods: [2, 2, 1, 1], columns: { x: [1, 2, 1, NaN], y: [1, 4, 2, 2] } };
    const res = scaleEfficiency(pd, { inputs: ['x'], outputs: ['y'] });
    expect(res.rows.map((r) => [r.id, r.period])).toEqual([['A', 1], ['B', 1], ['A', 2], ['B', 2]]);
    expect(res.rows[1].status).toBe('insufficient_data');
    expect(res.rows[1].scale).toBeNull();
    expect(res.rows[1].rts).toBeNull();
    expect(res.rows[1].reason).toMatch(/CRS run/);
    expect(res.rows[0].rts).toBe('crs');
    expect(res.warnings.filter((w) => w.code === 'missing-values')).toHaveLength(1);
    expect(() => scaleEfficiency(pd, { inputs: ['x'], outputs: ['y'], orientation: 'non' as 'in' })).toThrow(UsageError);
  });
});

describe('scale efficiency identities (fast-check, seeded)', () => {
  test('CRS ≤ NIRS ≤ VRS, SE in (0,1], SE = CRS/VRS, class consistent with the scores', () => {
    const obs = fc.record({ x1: fc.integer({ min: 1, max: 50 }), x2: fc.integer({ min: 1, max: 50 }), y: fc.integer({ min: 1, max: 50 }) });
    fc.assert(fc.property(fc.array(obs, { minLength: 3, maxLength: 12 }), fc.constantFrom('in', 'out'), (list, orientation) => {
      const data = { ids: list.map((_, k) => `d${String(k).padStart(2, '0')}`), columns: { x1: list.map((o) => o.x1), x2: list.map((o) => o.x2), y: list.map((o) => o.y) } };
      const res = scaleEfficiency(data, { inputs: ['x1', 'x2'], outputs: ['y'], orientation: orientation as 'in' | 'out' });
      const vrs = dea(data, { inputs: ['x1', 'x2'], outputs: ['y'], rts: 'vrs', orientation: orientation as 'in' | 'out', slack: 'none' });
      res.rows.forEach((r, k) => {
        const c = r.crs as number, n = r.nirs as number, v = r.vrs as number, s = r.scale as number;
        expect(r.status).toBe('optimal');
        expect(c).toBeLessThanOrEqual(n + 1e-9);
        expect(n).toBeLessThanOrEqual(v + 1e-9);
        expect(s).toBeGreaterThan(0);
        expect(s).toBeLessThanOrEqual(1 + 1e-9);
        expect(Math.abs(s - c / v)).toBeLessThan(1e-15);
        expect(Math.abs(v - (vrs.rows[k].efficiency as number))).toBeLessThan(1e-12);
        if (r.rts === 'crs') expect(s).toBeGreaterThanOrEqual(1 - 1e-8);
        if (r.rts === 'drs') expect(Math.abs(n - v)).toBeLessThanOrEqual(1e-8);
        // irs: NIRS falls on the CRS frontier (below the most productive scale size)
        if (r.rts === 'irs') expect(Math.abs(n - c)).toBeLessThan(1e-7);
      });
    }), { seed: 20261128, numRuns: 60 });
  });
});
