// Cross-efficiency in output orientation and under VRS (deaR 1.5 cross_efficiency, correction = FALSE) against
// independent scipy/HiGHS LPs written in u, v, u0 terms (scripts/crosscheck/make_cross_vrs_refs.py →
// test/fixtures/crosscheck/cross_vrs_oo.json). Only unique quantities are compared: E_ii, and e_j where the
// optimal face of every rater's secondary LP gives one value (bracket width < 1e-7). VRS aggressive LPs that are
// unbounded (free u0) must come back as status `unbounded` for the same raters.
import { describe, it, expect } from 'vitest';
import { crossEfficiency } from '../../src/core/frontier/index.js';
import { runCli, sharedPath } from '../helpers.js';
import { refJson, deaData, Mismatches } from './util.js';
import { readFileSync } from 'node:fs';

const REL = 1e-6;
const all = refJson('cross_vrs_oo.json');

function load(ds: any): { ids: string[]; columns: Record<string, Float64Array> } {
  if (ds.dataset.startsWith('more/')) return deaData(ds.dataset.slice(5));
  const lines = readFileSync(sharedPath('fixtures', ds.dataset), 'utf8').trim().split(/\r?\n/).map((l) => l.split(','));
  const columns: Record<string, Float64Array> = {};
  lines[0].forEach((h, k) => { if (k) columns[h] = Float64Array.from(lines.slice(1), (r) => Number(r[k])); });
  return { ids: lines.slice(1).map((r) => r[0]), columns };
}

for (const [name, ds] of Object.entries<any>(all)) {
  const data = load(ds);
  describe(`cross-efficiency ${name}`, () => {
    for (const [key, c] of Object.entries<any>(ds.cases)) {
      const [orient, rts] = key.split('_') as ['io' | 'oo', 'crs' | 'vrs'];
      const orientation = orient === 'io' ? 'in' : 'out';
      for (const [mkey, method, secondary] of [['m2_agg', 'aggressive', 'm2'], ['m2_ben', 'benevolent', 'm2'], ['m3_agg', 'aggressive', 'm3'], ['m3_ben', 'benevolent', 'm3']] as const) {
        it(`${key} ${mkey}: E_ii, unique e_j, unbounded raters`, () => {
          const res = crossEfficiency(data, { inputs: ds.inputs, outputs: ds.outputs, orientation, rts, method, secondary });
          const ref = c[mkey];
          const mm = new Mismatches();
          res.rows.forEach((row: any, j) => {
            if (orient === 'io') mm.close(row.efficiency, c.efficiency[j], REL, `${row.id} theta`);
            else { mm.close(row.phi, c.efficiency[j], REL, `${row.id} phi`); mm.close(row.efficiency, 1 / c.efficiency[j], REL, `${row.id} 1/phi`); }
            const st = ref.raterStatus[j];
            if (st === 'unbounded' && row.status !== 'unbounded') mm.push(`${row.id}: expected unbounded rater, got ${row.status}`);
            if (st === 'optimal' && ref.unique && ref.unique[j]) {
              mm.close(row.crossEfficiency, ref.eLower[j], REL, `${row.id} e`);
              const E = orient === 'io' ? row.efficiency : row.phi;
              mm.close(row.maverick, Math.abs(E - row.crossEfficiency) / row.crossEfficiency, 1e-9, `${row.id} maverick`);
            }
            if (!ref.unique && row.crossEfficiency !== null) mm.push(`${row.id}: e should be null when a rater is unbounded`);
          });
          expect(mm.list, mm.report()).toEqual([]);
          if (orient === 'oo') for (const row of res.rows as any[]) if (row.crossEfficiency !== null) expect(row.crossEfficiency).toBeGreaterThanOrEqual(1 - 1e-9);
        });
      }
    }
  });
}

describe('cross-efficiency options and CLI', () => {
  const ds = all.golany_roll;
  const data = load(ds);
  it('output orientation CRS equals the reciprocal of input orientation cell by cell (M2 benevolent)', () => {
    const io = crossEfficiency(data, { inputs: ds.inputs, outputs: ds.outputs, method: 'benevolent' });
    const oo = crossEfficiency(data, { inputs: ds.inputs, outputs: ds.outputs, method: 'benevolent', orientation: 'out' });
    const a = io.summary.matrix as number[][], b = oo.summary.matrix as number[][];
    a.forEach((r, i) => r.forEach((v, j) => expect(b[i][j] * v).toBeCloseTo(1, 9)));
    expect(oo.card.conventions.orientation).toBe('out');
  });
  it('zero outputs are refused in output orientation (the ratio divides by u\'y_j)', () => {
    const dg = deaData('doyle_green_1994.csv');
    expect(() => crossEfficiency(dg, { inputs: all.doyle_green.inputs, outputs: all.doyle_green.outputs, orientation: 'out' })).toThrow(/zero value/);
  });
  it('VRS multipliers carry u0; rts nirs is a usage error', () => {
    const res = crossEfficiency(data, { inputs: ds.inputs, outputs: ds.outputs, rts: 'vrs', method: 'arbitrary' });
    expect(typeof (res.rows[0] as any).multipliers.u0).toBe('number');
    expect(() => crossEfficiency(data, { inputs: ds.inputs, outputs: ds.outputs, rts: 'nirs' as any })).toThrow(/crs and vrs/);
  });
  it('CLI --model cross --orientation out --rts vrs --cross benevolent', async () => {
    const run = await runCli(['dea', '--data', sharedPath('fixtures', ds.dataset), '--id', 'DMU', '--inputs', ds.inputs.join(','), '--outputs', ds.outputs.join(','),
      '--model', 'cross', '--orientation', 'out', '--rts', 'vrs', '--cross', 'benevolent', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const rows = JSON.parse(run.stdout).rows;
    const ref = ds.cases.oo_vrs.m2_ben;
    const mm = new Mismatches();
    rows.forEach((r: any) => { const j = ds.ids.indexOf(r.id); mm.close(r.phi, ds.cases.oo_vrs.efficiency[j], REL, `${r.id} phi`); mm.close(r.crossEfficiency, ref.eLower[j], REL, `${r.id} e`); });
    expect(mm.list, mm.report()).toEqual([]);
  });
});
