// Independent cross-check (helper J): problems large enough (480 DMUs in one frontier) to go through xinzhi's
// efficient-frame path — pooled-frontier DEA on usagri (radial, AP super-efficiency with column generation, SBM,
// super-SBM) and the global / sequential Malmquist — against scripts/crosscheck/make_large_refs.py.
import { describe, it, expect } from 'vitest';
import { createPanel } from '../../src/core/panel/panel.js';
import { dea } from '../../src/core/frontier/index.js';
import { malmquist } from '../../src/core/productivity/index.js';
import { refJson, readMore, Mismatches } from './util.js';

const REL = 1e-6;
const ref = refJson('usagri_large.json');
const { head, rows } = readMore(ref.dataset);
const entity = rows.map((r) => r[0]);
const period = rows.map((r) => Number(r[1]));
const values: Record<string, Float64Array> = {};
head.slice(2).forEach((h, k) => { values[h] = Float64Array.from(rows, (r) => Number(r[k + 2])); });
const panel = createPanel({ ids: [...new Set(entity)], periods: [...new Set(period)], entity, period, values });
const P = ref.pooled;

function check(res: any, exp: any[], what: string): Mismatches {
  const got = new Map<string, any>(res.rows.map((r: any) => [`${r.id}|${r.period}`, r]));
  const mm = new Mismatches();
  P.ids.forEach((id: string, j: number) => {
    const r = got.get(`${id}|${P.periods[j]}`);
    const e = exp[j];
    if (typeof e === 'number') mm.close(r?.efficiency, e, REL, `${what} ${id} ${P.periods[j]}`);
    else if (r?.efficiency !== null || r?.status !== e.status) mm.push(`${what} ${id} ${P.periods[j]}: expected null/${e.status}, got ${r?.efficiency}/${r?.status}`);
  });
  return mm;
}

describe('usagri, one pooled frontier of 480 state-years (efficient-frame path)', () => {
  for (const [key, c] of Object.entries<any>(P.cases)) {
    const [orientation, rts] = key.split('_') as ['in' | 'out', 'crs' | 'vrs'];
    it(`radial ${key}`, () => {
      const mm = check(dea(panel, { inputs: ref.inputs, outputs: ref.outputs, orientation, rts, frontier: 'pooled' }), c.efficiency, key);
      expect(mm.list, mm.report()).toEqual([]);
    });
    if (c.superAP) {
      it(`AP super-efficiency ${key}`, () => {
        const mm = check(dea(panel, { inputs: ref.inputs, outputs: ref.outputs, orientation, rts, frontier: 'pooled', super: 'ap' }), c.superAP, `super ${key}`);
        expect(mm.list, mm.report()).toEqual([]);
      });
    }
  }
  it('SBM and super-SBM (VRS, non-oriented)', () => {
    const mm = check(dea(panel, { inputs: ref.inputs, outputs: ref.outputs, model: 'sbm', rts: 'vrs', frontier: 'pooled' }), P.sbm_vrs.rho, 'sbm');
    mm.list.push(...check(dea(panel, { inputs: ref.inputs, outputs: ref.outputs, model: 'sbm', rts: 'vrs', frontier: 'pooled', super: true }), P.sbm_vrs.superDelta, 'super-sbm').list);
    expect(mm.list, mm.report()).toEqual([]);
  });
});

describe('usagri global and sequential Malmquist (input, CRS)', () => {
  for (const [frontier, exp] of [['global', ref.malmquistGlobal], ['sequential', ref.malmquistSequential]] as const) {
    it(frontier, () => {
      const res = malmquist(panel, { inputs: ref.inputs, outputs: ref.outputs, frontier });
      const got = new Map<string, any>((res.rows as any[]).map((r) => [`${r.id}|${r.from}|${r.to}`, r]));
      const mm = new Mismatches();
      for (const e of exp) for (const f of ['tfpch', 'effch', 'techch']) mm.close(got.get(`${e.id}|${e.from}|${e.to}`)?.[f], e[f], REL, `${e.id} ${e.from} ${f}`);
      expect(mm.list, mm.report()).toEqual([]);
    });
  }
});
