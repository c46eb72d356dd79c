// SBM scale efficiency SE_SBM = ρ*_CRS/ρ*_VRS (Tone 2001; methods.md E1/E4) against the ratio of two deaR 1.5.3
// fixtures (tone2001 SBM non-oriented CRS and VRS; tone2003 SBM with an undesirable output, CRS and VRS; 1e-9 as
// the scale-efficiency tests), and against an independent HiGHS solve of the textbook SBM LPs (CRS, VRS, NIRS) for
// the non-oriented, input- and output-oriented models, with and without bad outputs (1e-8 as highs-fixtures).
import { describe, expect, test, beforeAll } from 'vitest';
import fc from 'fast-check';
import { scaleEfficiency } from '../../../src/core/frontier/index.js';
import { UsageError } from '../../../src/core/errors.js';
import { loadFixture, type DeaFixture } from './fixtures.js';
import { getHighs, solveHighs, type LinProgram, type LinTerm } from './highs-ref.js';

type Highs = Awaited<ReturnType<typeof getHighs>>;
let highs: Highs;
beforeAll(async () => { highs = await getHighs(); });

describe('SBM scale efficiency: ratio of deaR CRS and VRS fixtures', () => {
  for (const set of ['tone2001_sbm_no', 'tone2003_sbm_undesirable_no']) {
    test(set, () => {
      const c = loadFixture(`${set}_crs`), v = loadFixture(`${set}_vrs`);
      const res = scaleEfficiency(c.data, { model: 'sbm', inputs: c.inputs, outputs: c.goods, undesirable: c.bads });
      const ids: string[] = c.json.dmus;
      expect(res.rows.map((r) => r.id)).toEqual(ids);
      res.rows.forEach((r, k) => {
        const eC = c.json.efficiency[k], eV = v.json.efficiency[k];
        expect(r.status).toBe('optimal');
        expect(Math.abs((r.crs as number) - eC), `${r.id} crs`).toBeLessThan(1e-9);
        expect(Math.abs((r.vrs as number) - eV), `${r.id} vrs`).toBeLessThan(1e-9);
        expect(Math.abs((r.scale as number) - eC / eV), `${r.id} scale`).toBeLessThan(1e-9);
        expect(r.nirs as number).toBeGreaterThanOrEqual((r.crs as number) - 1e-9);
        expect(r.nirs as number).toBeLessThanOrEqual((r.vrs as number) + 1e-9);
      });
      expect(res.params.model).toBe('sbm');
      expect(res.params.orientation).toBe('non');
      expect(res.card.title.en).toMatch(/SBM/);
      expect(String(res.card.conventions.scaleEfficiency)).toMatch(/rho\*_CRS \/ rho\*_VRS/);
      expect(res.card.citations.some((x) => /Tone, K\. \(2001\)/.test(x.text))).toBe(true);
    });
  }

  test('tone2001: classes (A irs: NIRS = CRS < VRS; B drs: NIRS = VRS; C, D, E crs)', () => {
    const c = loadFixture('tone2001_sbm_no_crs');
    const res = scaleEfficiency(c.data, { model: 'sbm', inputs: c.inputs, outputs: c.goods });
    expect(res.rows.map((r) => r.rts)).toEqual(['irs', 'drs', 'crs', 'crs', 'crs']);
    expect(res.summary.rtsCounts).toEqual({ crs: 3, drs: 1, irs: 1 });
  });

  test('golany_roll_1989: input-oriented CRS ρ = deaR io_crs; output-oriented VRS ρ = deaR oo_vrs', () => {
    const io = loadFixture('golany_roll_1989_sbm_io_crs'), oo = loadFixture('golany_roll_1989_sbm_oo_vrs');
    const rin = scaleEfficiency(io.data, { model: 'sbm', orientation: 'in', inputs: io.inputs, outputs: io.goods });
    const rout = scaleEfficiency(oo.data, { model: 'sbm', orientation: 'out', inputs: oo.inputs, outputs: oo.goods });
    // rows come sorted by id (DMU_1, DMU_10, …): match by id
    const k = (id: string) => (io.json.dmus as string[]).indexOf(id);
    for (const r of rin.rows) expect(Math.abs((r.crs as number) - io.json.efficiency[k(r.id)]), r.id).toBeLessThan(1e-9);
    for (const r of rout.rows) expect(Math.abs((r.vrs as number) - oo.json.efficiency[k(r.id)]), r.id).toBeLessThan(1e-9);
  });
});

/** SBM score by HiGHS, textbook Charnes–Cooper form in original units, equal weights. */
function sbmHighs(fx: DeaFixture, o: number, rts: 'crs' | 'vrs' | 'nirs', orientation: 'non' | 'in' | 'out'): number {
  const cols = fx.data.columns as Record<string, number[]>;
  const n = fx.data.ids.length;
  const { inputs, goods, bads } = fx;
  const L = (j: number, a: number): LinTerm => ({ v: `l${j}`, a });
  const sumL = (v: string, extra: LinTerm[]) => [...Array.from({ length: n }, (_, j) => L(j, cols[v][j])), ...extra];
  const rows: LinProgram['rows'] = [];
  const bounds: Record<string, [number, number]> = {};
  if (orientation !== 'non') bounds.t = [1, 1];
  inputs.forEach((v, i) => rows.push({ terms: sumL(v, [{ v: `sm${i}`, a: 1 }, { v: 't', a: -cols[v][o] }]), sense: '=', rhs: 0 }));
  goods.forEach((v, r) => rows.push({ terms: sumL(v, [{ v: `sp${r}`, a: -1 }, { v: 't', a: -cols[v][o] }]), sense: '=', rhs: 0 }));
  bads.forEach((v, q) => rows.push({ terms: sumL(v, [{ v: `sb${q}`, a: 1 }, { v: 't', a: -cols[v][o] }]), sense: '=', rhs: 0 }));
  if (rts !== 'crs') rows.push({ terms: [...Array.from({ length: n }, (_, j) => L(j, 1)), { v: 't', a: -1 }], sense: rts === 'vrs' ? '=' : '<=', rhs: 0 });
  const so = goods.length + bads.length;
  const outTerms: LinTerm[] = [...goods.map((v, r) => ({ v: `sp${r}`, a: 1 / (so * cols[v][o]) })), ...bads.map((v, q) => ({ v: `sb${q}`, a: 1 / (so * cols[v][o]) }))];
  const inTerms: LinTerm[] = inputs.map((v, i) => ({ v: `sm${i}`, a: -1 / (inputs.length * cols[v][o]) }));
  if (orientation === 'non') {
    rows.push({ terms: [{ v: 't', a: 1 }, ...outTerms], sense: '=', rhs: 1 });
    return solveHighs(highs, { sense: 'min', objective: [{ v: 't', a: 1 }, ...inTerms], rows, bounds }).objective;
  }
  if (orientation === 'in') return 1 + solveHighs(highs, { sense: 'min', objective: inTerms, rows, bounds }).objective;
  return 1 / (1 + solveHighs(highs, { sense: 'max', objective: outTerms, rows, bounds }).objective);
}

describe('SBM scale efficiency against HiGHS (textbook LPs)', () => {
  const cases = [
    ['golany_roll_1989_sbm_io_crs', 'in'], ['golany_roll_1989_sbm_io_crs', 'out'], ['golany_roll_1989_sbm_io_crs', 'non'],
    ['tone2003_sbm_undesirable_no_crs', 'in'], ['tone2003_sbm_undesirable_no_crs', 'out'], ['tone2003_sbm_undesirable_no_crs', 'non'],
  ] as const;
  for (const [name, orientation] of cases) {
    test(`${name} ${orientation}`, () => {
      const fx = loadFixture(name);
      const res = scaleEfficiency(fx.data, { model: 'sbm', orientation, inputs: fx.inputs, outputs: fx.goods, undesirable: fx.bads });
      let irs = 0, drs = 0;
      res.rows.forEach((r) => {
        const o = fx.data.ids.indexOf(r.id);
        const c = sbmHighs(fx, o, 'crs', orientation), v = sbmHighs(fx, o, 'vrs', orientation), nn = sbmHighs(fx, o, 'nirs', orientation);
        expect(r.status).toBe('optimal');
        expect(Math.abs((r.crs as number) - c), `${r.id} crs`).toBeLessThan(1e-8);
        expect(Math.abs((r.vrs as number) - v), `${r.id} vrs`).toBeLessThan(1e-8);
        expect(Math.abs((r.nirs as number) - nn), `${r.id} nirs`).toBeLessThan(1e-8);
        expect(Math.abs((r.scale as number) - c / v), `${r.id} scale`).toBeLessThan(1e-8);
        const want = c / v >= 1 - 1e-6 ? 'crs' : Math.abs(nn - v) <= 1e-6 ? 'drs' : Math.abs(nn - c) <= 1e-6 ? 'irs' : null;
        if (want) expect(r.rts, r.id).toBe(want);
        if (r.rts === 'irs') irs++;
        if (r.rts === 'drs') drs++;
      });
      expect(res.params.orientation).toBe(orientation);
      expect(irs + drs).toBeGreaterThan(0);
    });
  }
});

describe('SBM scale efficiency: identities and options', () => {
  test('CRS ≤ NIRS ≤ VRS, SE in (0,1], class consistent (fast-check, seeded)', () => {
    const obs = fc.record({ x1: fc.integer({ min: 1, max: 50 }), x2: fc.integer({ min: 1, max: 50 }), y: fc.integer({ min: 1, max: 50 }), b: fc.integer({ min: 1, max: 50 }) });
    fc.assert(fc.property(fc.array(obs, { minLength: 3, maxLength: 10 }), fc.constantFrom('non', 'in', 'out'), (list, orientation) => {
      const data = { ids: list.map((_, k) => `d${String(k).padStart(2, '0')}`), columns: { x1: list.map((o) => o.x1), x2: list.map((o) => o.x2), y: list.map((o) => o.y), b: list.map((o) => o.b) } };
      const res = scaleEfficiency(data, { model: 'sbm', inputs: ['x1', 'x2'], outputs: ['y'], undesirable: ['b'], orientation: orientation as 'non' });
      for (const r of res.rows) {
        const c = r.crs as number, n = r.nirs as number, v = r.vrs as number, s = r.scale as number;
        expect(r.status).toBe('optimal');
        expect(c).toBeLessThanOrEqual(n + 1e-9);
        expect(n).toBeLessThanOrEqual(v + 1e-9);
        expect(s).toBeGreaterThan(0);
        expect(s).toBeLessThanOrEqual(1 + 1e-9);
        expect(Math.abs(s - c / v)).toBeLessThan(1e-15);
        if (r.rts === 'crs') expect(s).toBeGreaterThanOrEqual(1 - 1e-8);
        if (r.rts === 'drs') expect(Math.abs(n - v)).toBeLessThanOrEqual(1e-8);
      }
    }), { seed: 20261128, numRuns: 40 });
  });

  test('bad options', () => {
    const fx = loadFixture('tone2001_sbm_no_crs');
    const base = { inputs: fx.inputs, outputs: fx.goods };
    expect(() => scaleEfficiency(fx.data, { ...base, model: 'sbm', translate: 'max+1' })).toThrow(UsageError);
    expect(() => scaleEfficiency(fx.data, { ...base, model: 'sbm', orientation: 'up' as 'in' })).toThrow(UsageError);
    expect(() => scaleEfficiency(fx.data, { ...base, model: 'ddf' as 'sbm' })).toThrow(UsageError);
    expect(() => scaleEfficiency(fx.data, { ...base, zeroOutput: 'drop' })).toThrow(/model sbm/);
  });
});
