// Independent cross-check (helper J): radial CCR/BCC with max-slack phase II, AP super-efficiency, SBM (Tone 2001),
// SBM with undesirable outputs (Tone 2004) and super-SBM (Tone 2002) on the `more/` datasets, against references
// computed by scripts/crosscheck/make_dea_refs.py (scipy HiGHS, formulations written from methods.md E1–E6).
import { describe, it, expect } from 'vitest';
import { dea } from '../../src/core/frontier/index.js';
import { runCli } from '../helpers.js';
import { refJson, deaData, morePath, Mismatches } from './util.js';

const REL = 1e-6;

function byId<T extends { id: string }>(rows: T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.id, r]));
}

function means(data: ReturnType<typeof deaData>, cols: string[]): number[] {
  return cols.map((c) => data.columns[c].reduce((a, b) => a + b, 0) / data.columns[c].length);
}

for (const file of ['charnes1981_radial.json', 'airlines_radial.json', 'doyle_green_radial.json']) {
  const ref = refJson(file);
  const data = deaData(ref.dataset);
  const mx = means(data, ref.inputs), my = means(data, ref.outputs);
  describe(`radial ${ref.dataset}`, () => {
    for (const [key, c] of Object.entries<any>(ref.cases)) {
      const [orientation, rts] = key.split('_') as ['in' | 'out', 'crs' | 'vrs'];
      it(`${key}: efficiency and max-slack totals (scaled and raw objective)`, () => {
        const mm = new Mismatches();
        for (const slackObjective of ['scaled', 'raw'] as const) {
          const res = dea(data, { inputs: ref.inputs, outputs: ref.outputs, orientation, rts, slackObjective });
          const rows = byId(res.rows as any[]);
          ref.ids.forEach((id: string, j: number) => {
            const r = rows.get(id)!;
            mm.close(r.efficiency, c.efficiency[j], REL, `${id} efficiency`);
            if (orientation === 'out') mm.close(r.phi, 1 / c.efficiency[j], REL, `${id} phi`);
            const sIn = ref.inputs.map((v: string) => r.slacks?.[v]);
            const sOut = ref.outputs.map((v: string) => r.slacks?.[v]);
            if (slackObjective === 'scaled') {
              const tot = sIn.reduce((a: number, s: number, k: number) => a + s / mx[k], 0) + sOut.reduce((a: number, s: number, k: number) => a + s / my[k], 0);
              mm.close(tot, c.slackSumScaled[j], 1e-5, `${id} Σslack (scaled)`, 1e-6);
            } else {
              const tot = [...sIn, ...sOut].reduce((a: number, s: number) => a + s, 0);
              mm.close(tot, c.slackSumRaw[j], 1e-5, `${id} Σslack (raw units)`, 1e-6 * Math.max(...mx, ...my));
            }
          });
        }
        expect(mm.list, mm.report()).toEqual([]);
      });
      it(`${key}: Andersen–Petersen super-efficiency, infeasible VRS rows kept`, () => {
        const res = dea(data, { inputs: ref.inputs, outputs: ref.outputs, orientation, rts, super: 'ap' });
        const rows = byId(res.rows as any[]);
        const mm = new Mismatches();
        ref.ids.forEach((id: string, j: number) => {
          const r = rows.get(id)!;
          const e = c.superAP[j];
          if (typeof e === 'number') mm.close(r.efficiency, e, REL, `${id} super`);
          else if (r.efficiency !== null || r.status !== e.status) mm.push(`${id}: expected null/${e.status}, got ${r.efficiency}/${r.status}`);
        });
        expect(res.rows.length).toBe(ref.ids.length);
        expect(mm.list, mm.report()).toEqual([]);
      });
    }
  });
}

// Individual max-slack values: unique for every DMU of these datasets (scripts/crosscheck/make_slack_refs.py brackets
// each slack over the optimal face of phase II in original units), so slacks and targets must match deaR.
for (const file of ['charnes1981_slacks.json', 'airlines_slacks.json']) {
  const ref = refJson(file);
  const eff = refJson(file.replace('_slacks', '_radial'));
  const data = deaData(ref.dataset);
  describe(`individual slacks and targets ${ref.dataset}`, () => {
    for (const [key, rowsRef] of Object.entries<any>(ref.cases)) {
      const [orientation, rts] = key.split('_') as ['in' | 'out', 'crs' | 'vrs'];
      for (const slackObjective of ['raw', 'scaled'] as const) {
        it(`${key} slackObjective ${slackObjective}`, () => {
          const res = dea(data, { inputs: ref.inputs, outputs: ref.outputs, orientation, rts, slackObjective });
          const rows = byId(res.rows as any[]);
          const mm = new Mismatches();
          const vars = [...ref.inputs, ...ref.outputs];
          ref.ids.forEach((id: string, j: number) => {
            const r: any = rows.get(id);
            const score = orientation === 'in' ? eff.cases[key].efficiency[j] : 1 / eff.cases[key].efficiency[j];
            vars.forEach((v: string, k: number) => {
              const lo = rowsRef[j].lo[k], hi = rowsRef[j].hi[k];
              const exp = (lo + hi) / 2;
              const scale = Math.max(1e-6 * data.columns[v].reduce((a, b) => a + b, 0) / data.columns[v].length, 1e-9);
              mm.close(r.slacks?.[v], exp, 1e-6, `${id} slack ${v}`, scale);
              const x = data.columns[v][j];
              const isIn = k < ref.inputs.length;
              const target = isIn ? (orientation === 'in' ? score * x : x) - exp : (orientation === 'out' ? score * x : x) + exp;
              mm.close(r.targets?.[v], target, 1e-6, `${id} target ${v}`, scale);
            });
          });
          expect(mm.list, mm.report()).toEqual([]);
        });
      }
    }
  });
}

for (const file of ['airlines_sbm.json', 'hua_bian_sbm.json', 'doyle_green_sbm.json']) {
  const ref = refJson(file);
  const data = deaData(ref.dataset);
  describe(`sbm ${ref.dataset}`, () => {
    for (const [key, c] of Object.entries<any>(ref.cases)) {
      const [orientation, rts] = key.split('_') as ['in' | 'out' | 'non', 'crs' | 'vrs'];
      it(`${key}: SBM rho`, () => {
        const res = dea(data, { inputs: ref.inputs, outputs: ref.outputs, undesirable: ref.undesirable.length ? ref.undesirable : undefined, model: 'sbm', orientation, rts });
        const rows = byId(res.rows as any[]);
        const mm = new Mismatches();
        ref.ids.forEach((id: string, j: number) => mm.close(rows.get(id)!.efficiency, c.rho[j], REL, `${id} rho`));
        expect(mm.list, mm.report()).toEqual([]);
      });
      if (c.superDelta) {
        it(`${key}: super-SBM delta and composite`, () => {
          const mm = new Mismatches();
          for (const superScore of ['delta', 'composite'] as const) {
            const res = dea(data, { inputs: ref.inputs, outputs: ref.outputs, model: 'sbm', orientation, rts, super: true, superScore });
            const rows = byId(res.rows as any[]);
            ref.ids.forEach((id: string, j: number) => {
              const exp = superScore === 'delta' ? c.superDelta[j] : c.superComposite[j];
              const r = rows.get(id)!;
              if (typeof exp === 'number') mm.close(r.efficiency, exp, REL, `${id} ${superScore}`);
              else if (exp && exp.status && (r.efficiency !== null || r.status !== exp.status)) mm.push(`${id} ${superScore}: expected null/${exp.status}, got ${r.efficiency}/${r.status}`);
            });
          }
          expect(mm.list, mm.report()).toEqual([]);
        });
      }
    }
  });
}

describe('Hua & Bian (2007) with deaR vtrans_o = 1500 (Seiford & Zhu translation, BCC output)', () => {
  // The manual route — a translated column used as an ordinary output — must reproduce deaR's
  // model_basic(orientation = "oo", rts = "vrs", vtrans_o = 1500); the `translate` option is tested below.
  const ref = refJson('hua_bian_translated.json');
  const data = deaData(ref.dataset);
  for (const [label, c] of Object.entries<any>(ref.cases)) {
    it(`${label}: phi with b' = ${c.translation} − b as an output`, () => {
      const cols = { ...data.columns, bt: data.columns['UD-Output1'].map((b) => c.translation - b) };
      const res = dea({ ids: data.ids, columns: cols }, { inputs: ['D-Input1', 'D-Input2'], outputs: ['D-Output1', 'D-Output2', 'bt'], rts: 'vrs', orientation: 'out' });
      const rows = byId(res.rows as any[]);
      const mm = new Mismatches();
      ref.ids.forEach((id: string, j: number) => mm.close((rows.get(id) as any).phi, c.phi[j], REL, id));
      expect(mm.list, mm.report()).toEqual([]);
    });
  }
});

describe('Hua & Bian (2007): radial model with `translate` (deaR model_basic ud_outputs + vtrans_o)', () => {
  const ref = refJson('hua_bian_translated.json');
  const data = deaData(ref.dataset);
  const base = { inputs: ['D-Input1', 'D-Input2'], outputs: ['D-Output1', 'D-Output2'], undesirable: ['UD-Output1'], rts: 'vrs' as const, orientation: 'out' as const };
  for (const [label, c] of Object.entries<any>(ref.cases)) {
    const translate = label === 'maxPlus1' ? 'max+1' as const : c.translation as number;
    it(`${label}: phi, efficiency = 1/phi, targets of b in original units, card records c = ${c.translation}`, () => {
      const res = dea(data, { ...base, translate });
      expect(res.params.translate).toEqual({ 'UD-Output1': c.translation });
      expect(String(res.card.conventions.translation)).toMatch(/Seiford/);
      const rows = byId(res.rows as any[]);
      const mm = new Mismatches();
      ref.ids.forEach((id: string, j: number) => {
        const r = rows.get(id) as any;
        mm.close(r.phi, c.phi[j], REL, `${id} phi`);
        mm.close(r.efficiency, 1 / c.phi[j], REL, `${id} efficiency`);
        // target b = c − (φ b′ + s), slack = cut in b, both in original units of b
        const b = data.columns['UD-Output1'][j];
        const s = r.slacks['UD-Output1'];
        if (!(s >= 0)) mm.push(`${id}: negative slack ${s}`);
        mm.close(r.targets['UD-Output1'], c.translation - (r.phi * (c.translation - b) + s), 1e-9, `${id} target b`, 1e-6);
        if (r.targets['UD-Output1'] > b * (1 + 1e-9) + 1e-9 && r.phi * (c.translation - b) >= c.translation - b) mm.push(`${id}: target b above b`);
      });
      expect(mm.list, mm.report()).toEqual([]);
    });
  }
  it('input orientation under VRS is invariant to c; CRS and VRS output orientation are not', () => {
    const io = (rts: 'vrs' | 'crs', orientation: 'in' | 'out', translate: number | 'max+1') =>
      (dea(data, { ...base, rts, orientation, translate }).rows as any[]).map((r) => r.efficiency as number);
    const a = io('vrs', 'in', 1500), b = io('vrs', 'in', 'max+1'), c2 = io('vrs', 'in', 5000);
    a.forEach((v, j) => { expect(b[j]).toBeCloseTo(v, 8); expect(c2[j]).toBeCloseTo(v, 8); });
    const oo = io('vrs', 'out', 1500), oo2 = io('vrs', 'out', 'max+1');
    expect(Math.max(...oo.map((v, j) => Math.abs(v - oo2[j])))).toBeGreaterThan(1e-4);
  });
  it('errors: no translate → UsageError naming --translate; c below max(b) → DataError naming the DMU', () => {
    expect(() => dea(data, { ...base })).toThrow(/--translate/);
    expect(() => dea(data, { ...base, translate: 1000 })).toThrow(/DMU\d+/);
    expect(() => dea(data, { ...base, translate: [1500, 1600] })).toThrow(/one per undesirable/);
    expect(() => dea(data, { ...base, model: 'sbm', translate: 1500 })).toThrow(/radial/);
  });
  for (const [flag, key] of [['1500', 'vtrans1500'], ['max+1', 'maxPlus1']]) {
    it(`CLI --translate ${flag}`, async () => {
      const run = await runCli(['dea', '--data', morePath('hua_bian_2007.csv'), '--id', 'DMU', '--inputs', 'D-Input1,D-Input2',
        '--outputs', 'D-Output1,D-Output2', '--undesirable', 'UD-Output1', '--rts', 'vrs', '--orientation', 'out', '--translate', flag, '--format', 'json']);
      expect(run.code, run.stderr).toBe(0);
      const out = JSON.parse(run.stdout);
      expect(out.params.translate['UD-Output1']).toBe(ref.cases[key].translation);
      const rows = byId(out.rows);
      const mm = new Mismatches();
      ref.ids.forEach((id: string, j: number) => mm.close((rows.get(id) as any).phi, ref.cases[key].phi[j], REL, id));
      expect(mm.list, mm.report()).toEqual([]);
    });
  }
  it('CLI without --translate exits 1 with a hint', async () => {
    const run = await runCli(['dea', '--data', morePath('hua_bian_2007.csv'), '--id', 'DMU', '--inputs', 'D-Input1,D-Input2',
      '--outputs', 'D-Output1,D-Output2', '--undesirable', 'UD-Output1', '--format', 'json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--translate/);
  });
});

describe('CLI --format json agrees with the references', () => {
  it('charnes1981 BCC output orientation', async () => {
    const ref = refJson('charnes1981_radial.json');
    const run = await runCli(['dea', '--data', morePath('charnes1981.csv'), '--id', 'DMU', '--inputs', ref.inputs.join(','),
      '--outputs', ref.outputs.join(','), '--rts', 'vrs', '--orientation', 'out', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const rows = byId(JSON.parse(run.stdout).rows);
    const mm = new Mismatches();
    ref.ids.forEach((id: string, j: number) => mm.close((rows.get(id) as any).efficiency, ref.cases.out_vrs.efficiency[j], REL, id));
    expect(mm.list, mm.report()).toEqual([]);
  });
  it('hua_bian SBM with an undesirable output, VRS', async () => {
    const ref = refJson('hua_bian_sbm.json');
    const run = await runCli(['dea', '--data', morePath('hua_bian_2007.csv'), '--id', 'DMU', '--inputs', ref.inputs.join(','),
      '--outputs', ref.outputs.join(','), '--undesirable', ref.undesirable.join(','), '--model', 'sbm', '--rts', 'vrs', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const rows = byId(JSON.parse(run.stdout).rows);
    const mm = new Mismatches();
    ref.ids.forEach((id: string, j: number) => mm.close((rows.get(id) as any).efficiency, ref.cases.non_vrs.rho[j], REL, id));
    expect(mm.list, mm.report()).toEqual([]);
  });
});
