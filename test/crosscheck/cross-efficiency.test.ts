// Independent cross-check (helper J): cross-efficiency on doyle_green_1994 (zero outputs present) against
// scripts/crosscheck/make_cross_refs.py. Aggressive/benevolent (Doyle & Green methods II and III) have unique e_j
// here (the optimal-face bracket is < 2e-7 wide); arbitrary multipliers are not unique (bracket up to 0.26), so only
// E_ii, optimality of the returned multipliers and the bracket are checked for it.
import { describe, it, expect } from 'vitest';
import { crossEfficiency } from '../../src/core/frontier/index.js';
import { runCli } from '../helpers.js';
import { refJson, deaData, morePath, Mismatches } from './util.js';

const ref = refJson('doyle_green_cross.json');
const data = deaData(ref.dataset);
const n = ref.ids.length;
const X = ref.inputs.map((c: string) => Array.from(data.columns[c]));
const Y = ref.outputs.map((c: string) => Array.from(data.columns[c]));
const KEY: Record<string, string> = { arbitrary: 'stage1', 'aggressive/m2': 'm2_agg', 'benevolent/m2': 'm2_ben', 'aggressive/m3': 'm3_agg', 'benevolent/m3': 'm3_ben' };

function check(rows: any[], method: string, secondary: 'm2' | 'm3'): Mismatches {
  const key = KEY[method === 'arbitrary' ? 'arbitrary' : `${method}/${secondary}`];
  const r = ref.methods[key];
  const mm = new Mismatches();
  const byId = new Map(rows.map((x) => [x.id, x]));
  ref.ids.forEach((id: string, i: number) => {
    const row = byId.get(id);
    if (!row) { mm.push(`${id}: row missing`); return; }
    mm.close(row.efficiency, ref.efficiency[i], 1e-6, `${id} E_ii`);
    // the returned multipliers (original units) must be feasible and optimal for the rater's LP
    const u = ref.outputs.map((c: string) => row.multipliers?.outputs[c]);
    const v = ref.inputs.map((c: string) => row.multipliers?.inputs[c]);
    const uy = (j: number) => u.reduce((a: number, w: number, q: number) => a + w * Y[q][j], 0);
    const vx = (j: number) => v.reduce((a: number, w: number, k: number) => a + w * X[k][j], 0);
    for (let j = 0; j < n; j++) if (uy(j) - vx(j) > 1e-7 * Math.max(1, vx(j))) mm.push(`${id}: multipliers infeasible for ${ref.ids[j]} (u'y−v'x = ${uy(j) - vx(j)})`);
    if (key === 'stage1' || key.startsWith('m2')) mm.close(vx(i), 1, 1e-7, `${id} v'x_i`);
    mm.close(uy(i) / vx(i), ref.efficiency[i], 1e-6, `${id} u'y_i/v'x_i`);
    const others = [...Array(n).keys()].filter((j) => j !== i);
    let obj: number;
    if (key === 'stage1') obj = -uy(i) / vx(i);
    else if (key.startsWith('m2')) obj = (key.endsWith('agg') ? 1 : -1) * others.reduce((a, j) => a + uy(j) - vx(j), 0);
    else obj = (key.endsWith('agg') ? 1 : -1) * others.reduce((a, j) => a + uy(j), 0) / others.reduce((a, j) => a + vx(j), 0);
    mm.close(obj, r.objective[i], 1e-6, `${id} ${key} secondary objective`, 1e-8);
    // e_j within the optimal-face bracket; unique brackets compared at 1e-6
    const e = row.crossEfficiency;
    if (typeof e !== 'number' || e < r.eLower[i] - 1e-6 || e > r.eUpper[i] + 1e-6) mm.push(`${id} e: got ${e}, bracket [${r.eLower[i]}, ${r.eUpper[i]}]`);
    if (r.eUpper[i] - r.eLower[i] < 1e-6) mm.close(e, (r.eLower[i] + r.eUpper[i]) / 2, 1e-6, `${id} e`);
    // deaR maverick = (E − e)/min(E, e)
    if (typeof e === 'number') mm.close(row.maverick, (row.efficiency - e) / Math.min(row.efficiency, e), 1e-9, `${id} maverick`);
  });
  return mm;
}

describe('cross-efficiency doyle_green_1994 (library)', () => {
  for (const method of ['arbitrary', 'aggressive', 'benevolent'] as const) {
    for (const secondary of (method === 'arbitrary' ? ['m2'] : ['m2', 'm3']) as ('m2' | 'm3')[]) {
      it(`${method}${method === 'arbitrary' ? '' : ' ' + secondary}`, () => {
        const res = crossEfficiency(data as any, { inputs: ref.inputs, outputs: ref.outputs, method, secondary });
        expect(res.rows.length).toBe(n);
        const mm = check(res.rows as any[], method, secondary);
        expect(mm.list, mm.report()).toEqual([]);
      });
    }
  }
});

describe('cross-efficiency doyle_green_1994 (CLI --format json)', () => {
  it('benevolent m3', async () => {
    const run = await runCli(['dea', '--data', morePath('doyle_green_1994.csv'), '--id', 'DMU', '--inputs', ref.inputs.join(','),
      '--outputs', ref.outputs.join(','), '--model', 'cross', '--cross', 'benevolent', '--secondary', 'm3', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const mm = check(JSON.parse(run.stdout).rows, 'benevolent', 'm3');
    expect(mm.list, mm.report()).toEqual([]);
  });
});
