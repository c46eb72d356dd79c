// Loading the dea/ reference fixtures (CSV data + JSON reference) for the library and CLI tests.
import { readFileSync } from 'node:fs';
import { sharedPath, readJson } from '../../helpers.js';
import type { DeaData } from '../../../src/core/frontier/index.js';

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
