// The index fixture panel (31 provinces × 2015–2020, 8 indicators) as a Panel, and lookups by (province, year).
import { readFileSync } from 'node:fs';
import { sharedPath, readJson } from '../../helpers.js';
import { createPanel, type Panel } from '../../../src/core/panel/panel.js';
import { flatFramework } from '../../../src/core/framework/types.js';
import type { IndicatorDirection } from '../../../src/core/normalize/direction.js';

export const PANEL_CSV = sharedPath('fixtures', 'index', 'data', 'index_panel.csv');
export const meta = readJson('fixtures/index/data/index_panel_meta.json');
export const COLS: string[] = meta.indicators.map((d: any) => d.column);
export const DIRS: IndicatorDirection[] = meta.indicators.map((d: any) => d.direction);

export function loadIndexPanel(): Panel {
  const lines = readFileSync(PANEL_CSV, 'utf8').trim().split(/\r?\n/);
  const header = lines[0].split(',');
  const rows = lines.slice(1).map((l) => l.split(','));
  const col = (name: string) => header.indexOf(name);
  const entity = rows.map((r) => r[col('province')]);
  const period = rows.map((r) => Number(r[col('year')]));
  const ids = [...new Set(entity)];
  const periods = [...new Set(period)];
  const values: Record<string, number[]> = {};
  for (const c of COLS) values[c] = rows.map((r) => Number(r[col(c)]));
  return createPanel({ ids, periods, entity, period, values, labels: { region4: rows.map((r) => r[col('region4')]) }, source: PANEL_CSV });
}

export const fixtureFramework = (subsystem?: 'subsystem' | 'subsystem_2') =>
  flatFramework(meta.indicators.map((d: any) => ({ key: d.column, direction: d.direction, dimension: subsystem ? d[subsystem] : undefined })), 'fixture');

/** Row position in the fixture arrays (province-major, year-minor). */
export function fixtureIndex(fx: any): Map<string, number> {
  const m = new Map<string, number>();
  const rows = fx.result.rows;
  rows.province.forEach((p: string, k: number) => m.set(`${p}|${rows.year[k]}`, k));
  return m;
}

export function fx(name: string): any {
  return readJson('fixtures/index/expected', `${name}.json`);
}
