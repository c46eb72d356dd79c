// Loading the dea/ reference fixtures (CSV data + JSON reference) for the library and CLI tests.
import { readFileSync } from 'node:fs';
import { sharedPath, readJson } from '../../helpers.js';
import { expect } from 'vitest';
import type { DeaData, DeaRow } from '../../../src/core/frontier/index.js';

export interface DeaFixture {
  name: string;
  json: any;
  data: DeaData;
  inputs: string[];
  goods: string[];
  bads: string[];
  csvPath: string;
}

export function loadFixture(name: string): DeaFixture {
  const json = readJson(`fixtures/dea/${name}.json`);
  const csvPath = sharedPath(`fixtures/dea/${json.data_file}`);
  const lines = readFileSync(csvPath, 'utf8').trim().split(/\r?\n/);
  const header = lines[0].split(',');
  const ids: string[] = [];
  const columns: Record<string, number[]> = {};
  for (const hname of header.slice(1)) columns[hname] = [];
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    ids.push(cells[0]);
    header.slice(1).forEach((hname, k) => columns[hname].push(Number(cells[k + 1])));
  }
  const bads: string[] = json.undesirable ?? [];
  const goods = (json.outputs as string[]).filter((o) => !bads.includes(o));
  return { name, json, data: { ids, columns }, inputs: json.inputs, goods, bads, csvPath };
}

export const FIXTURES = [
  'coelli_1998_bcc_io', 'coelli_1998_bcc_oo', 'coelli_1998_ccr_io', 'coelli_1998_ccr_oo',
  'electric_plants_additive_crs', 'electric_plants_additive_vrs',
  'electric_plants_bcc_io', 'electric_plants_bcc_oo', 'electric_plants_ccr_io', 'electric_plants_ccr_oo',
  'electric_plants_ddf_graph_prop_crs', 'electric_plants_ddf_graph_prop_vrs', 'electric_plants_ddf_input_prop_crs', 'electric_plants_ddf_input_prop_vrs',
  'fried1993_bcc_io', 'fried1993_bcc_oo', 'fried1993_ccr_io', 'fried1993_ccr_oo',
  'fried1993_supereff_bcc_io', 'fried1993_supereff_bcc_oo', 'fried1993_supereff_ccr_io',
  'golany_roll_1989_sbm_io_crs', 'golany_roll_1989_sbm_oo_vrs', 'power_plants_sbm_supereff_no_crs',
  'tone2001_sbm_no_crs', 'tone2001_sbm_no_vrs', 'tone2003_sbm_undesirable_no_crs', 'tone2003_sbm_undesirable_no_vrs',
];

/** dea() options reproducing the fixture's call. */
export function optionsFor(fx: DeaFixture): Record<string, unknown> {
  const j = fx.json;
  const name = fx.name;
  const rts = j.rts;
  const orientation = j.orientation === 'input' ? 'in' : j.orientation === 'output' ? 'out' : 'non';
  const base = { inputs: fx.inputs, outputs: fx.goods, undesirable: fx.bads, rts, slackObjective: 'raw' };
  if (name.includes('additive')) return { ...base, model: 'additive' };
  if (name.includes('_ddf_')) return { ...base, model: 'ddf', direction: name.includes('graph') ? 'graph' : 'input' };
  if (name.includes('sbm_supereff')) return { ...base, model: 'sbm', orientation, super: true };
  if (name.includes('sbm')) return { ...base, model: 'sbm', orientation };
  if (name.includes('supereff')) return { ...base, model: 'radial', orientation, super: true, slack: 'none' };
  return { ...base, model: 'radial', orientation };
}

const REL = 1e-6, ABS = 1e-6;
function close(got: number | null | undefined, exp: number, what: string): void {
  expect(typeof got, what).toBe('number');
  const ok = Math.abs((got as number) - exp) <= REL * Math.abs(exp) + ABS;
  expect(ok, `${what}: got ${got}, expected ${exp}`).toBe(true);
}

export function checkFixtureRows(name: string, rows: DeaRow[]): void {
  const fx = loadFixture(name);
  const j = fx.json;
  const byId = new Map(rows.map((r) => [r.id, r]));
  const all = [...fx.inputs, ...fx.goods, ...fx.bads];
  const outNames: string[] = j.outputs;
  j.dmus.forEach((id: string, k: number) => {
    const row = byId.get(id) as DeaRow;
    expect(row, `${name} row ${id}`).toBeDefined();
    const what = `${name} ${id}`;
    if (name.includes('additive')) {
      close(row.objective, j.objective[k], `${what} objective`);
      // deaR flags Baldwin (objective 1.4e-8, lpSolve noise; Benchmarking: 0) as inefficient; we use 1e-9 on scaled data
      expect(row.efficient, `${what} efficient`).toBe(!(j.objective[k] > 1e-6));
    } else if (name.includes('_ddf_')) {
      close(row.beta, j.beta[k], `${what} beta`);
    } else {
      const e = j.efficiency[k];
      if (e === null) {
        expect(row.status, `${what} status`).toBe('infeasible');
        expect(row.efficiency).toBeNull();
        return;
      }
      expect(row.status).toBe('optimal');
      if (j.orientation === 'output' && j.model.includes('radial')) {
        close(row.phi, e, `${what} phi`);
        close(row.efficiency, 1 / e, `${what} efficiency`);
      } else close(row.efficiency, e, `${what} efficiency`);
    }
    // slacks and targets (not for the radial super-efficiency fixtures, which pin only the score)
    const slacks = j.slacks ?? j.superslacks;
    const targets = j.targets ?? j.projection;
    const within = (got: number | undefined, exp: number): boolean => typeof got === 'number' && Math.abs(got - exp) <= REL * Math.abs(exp) + ABS;
    let same = true;
    if (slacks && !name.includes('fried1993_supereff')) {
      fx.inputs.forEach((v, i) => { if (!within(row.slacks?.[v], slacks.input[k][i])) same = false; });
      outNames.forEach((v, r) => { if (!within(row.slacks?.[v], slacks.output[k][r])) same = false; });
    }
    if (targets) {
      fx.inputs.forEach((v, i) => { if (!within(row.targets?.[v], targets.input[k][i])) same = false; });
      outNames.forEach((v, r) => { if (!within(row.targets?.[v], targets.output[k][r])) same = false; });
    }
    if (!same) {
      // Only the SBM fixtures state that their slacks are non-unique; there an alternative optimum must attain the
      // same score and be a projection onto the technology (target = Σλ·data, within 1e-6).
      expect(name.includes('sbm') && !name.includes('supereff'), `${what}: slacks/targets differ from the reference`).toBe(true);
      const col = (v: string) => fx.data.columns[v] as number[];
      const x = (v: string) => col(v)[k];
      for (const v of all) {
        const proj = j.dmus.reduce((acc: number, jd: string, t: number) => acc + (row.lambdas?.[jd] ?? 0) * col(v)[t], 0);
        const isGood = fx.goods.includes(v);
        const tgt = row.targets?.[v] as number;
        if (isGood) expect(proj).toBeGreaterThanOrEqual(tgt - 1e-6 * Math.max(1, tgt)); else expect(proj).toBeLessThanOrEqual(tgt + 1e-6 * Math.max(1, tgt));
      }
      const m = fx.inputs.length, so = outNames.length;
      const num = 1 - fx.inputs.reduce((a, v) => a + (row.slacks?.[v] as number) / x(v), 0) / m;
      const den = 1 + outNames.reduce((a, v) => a + (row.slacks?.[v] as number) / x(v), 0) / so;
      const rho = j.orientation === 'input' ? num : j.orientation === 'output' ? 1 / den : num / den;
      close(rho, j.efficiency[k], `${what} score recomputed from our slacks`);
    }
    if (j.lambdas && j.lambdas[k] && j.lambdas[k][0] !== null && !name.includes('supereff')) {
      const ref: number[] = j.lambdas[k];
      const ours = j.dmus.map((jd: string) => row.lambdas?.[jd] ?? 0);
      const same = ref.every((v, t) => Math.abs(v - ours[t]) <= 1e-6 * Math.max(1, Math.abs(v)));
      if (!same) {
        // alternative optimum (degenerate LP): our λ must reproduce our own targets, Σλ·data = target
        for (const v of all) {
          const col = fx.data.columns[v] as number[];
          const proj = ours.reduce((acc: number, l: number, t: number) => acc + l * col[t], 0);
          close(proj, row.targets?.[v] as number, `${what} Σλ·${v} = target`);
        }
      }
    }
  });
}

