// Independent cross-check (helper H4): bias decomposition of Malmquist technical change, TECHCH = MATECH·OBTECH·IBTECH
// (Färe, Grifell-Tatjé, Grosskopf & Lovell 1997; R productivity `malm` obtech/ibtech/matech), CRS distances.
// Reference: scripts/crosscheck/make_malm_bias_refs.py (one scipy HiGHS LP per distance, tolerances 1e-10), on
// usagri (in/out contemporaneous, in sequential), rice_prod_phil (out) and Grifell-Tatjé & Lovell 1999 (one input,
// one output: both bias terms are 1). Every distance and component is compared at 1e-8 relative.
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { createPanel } from '../../src/core/panel/panel.js';
import { malmquist } from '../../src/core/productivity/index.js';
import { runCli, sharedPath } from '../helpers.js';
import { refJson, Mismatches, readSimpleCsv, panelFromRows } from './util.js';

const REL = 1e-8;
const ref = refJson('malmquist_bias.json');

function loadPanel(dataset: string, idCol: string, perCol: string) {
  const { head, rows } = readSimpleCsv(sharedPath('fixtures', dataset));
  return panelFromRows(head, rows, idCol, perCol);
}

const FIELDS = ['techch', 'matech', 'obtech', 'ibtech'];

function compare(got: any[], exp: any[], what: string, distances: boolean): Mismatches {
  const mm = new Mismatches();
  const key = (r: any) => `${r.id}|${r.from}|${r.to}`;
  const g = new Map(got.map((r) => [key(r), r]));
  if (got.length !== exp.length) mm.push(`${what}: ${got.length} rows, expected ${exp.length}`);
  for (const e of exp) {
    const r = g.get(key(e));
    if (!r) { mm.push(`${what} ${key(e)}: missing`); continue; }
    for (const f of FIELDS) mm.close(r[f], e[f], REL, `${what} ${key(e)} ${f}`, 0);
    if (distances) {
      const [t, t1] = [e.from, e.to];
      const labels: Record<string, string> = {
        '000': `D^${t}(${t})`, '111': `D^${t1}(${t1})`, '011': `D^${t}(${t1})`, '100': `D^${t1}(${t})`,
        '010': `D^${t}(x^${t1}, y^${t})`, '110': `D^${t1}(x^${t1}, y^${t})`,
      };
      for (const [k, label] of Object.entries(labels)) mm.close(r.distances?.[label], e.E[k], REL, `${what} ${key(e)} ${label}`, 0);
    }
  }
  return mm;
}

describe('Malmquist bias decomposition against scipy HiGHS references (1e-8)', () => {
  for (const [name, c] of Object.entries<any>(ref.cases)) {
    it(`${name}: six distances and techch, matech, obtech, ibtech`, () => {
      const panel = loadPanel(c.dataset, c.id, c.period);
      const res = malmquist(panel, { inputs: c.inputs, outputs: c.outputs, orientation: c.orientation, frontier: c.frontier, bias: true, detail: true });
      const mm = compare(res.rows as any[], c.rows, name, true);
      expect(mm.list, mm.report()).toEqual([]);
      expect(res.rows.every((r) => r.status === 'ok')).toBe(true);
      if (name.startsWith('grifell_lovell')) {
        // One input and one output: no mix can change, so both bias terms are 1 and matech = techch.
        for (const r of res.rows as any[]) {
          expect(Math.abs(r.obtech - 1)).toBeLessThan(1e-12);
          expect(Math.abs(r.ibtech - 1)).toBeLessThan(1e-12);
          expect(Math.abs(r.matech - r.techch)).toBeLessThan(1e-12 * r.techch);
        }
      }
    });
  }

  it('CLI --bias --format json (usagri, input, contemporaneous)', async () => {
    const c = ref.cases.usagri_in_contemporaneous;
    const run = await runCli(['malmquist', '--data', sharedPath('fixtures', c.dataset), '--id', c.id, '--period', c.period,
      '--inputs', c.inputs.join(','), '--outputs', c.outputs.join(','), '--bias', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    const mm = compare(out.rows, c.rows, 'cli', false);
    expect(mm.list, mm.report()).toEqual([]);
    expect(Object.keys(out.summary.byPeriod[0])).toEqual(expect.arrayContaining(['matech', 'obtech', 'ibtech']));
  });
});
