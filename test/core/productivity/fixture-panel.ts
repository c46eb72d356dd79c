// Test helper: read a simple fixture CSV (id column, period column, numeric columns) into a Panel.
import { readFileSync } from 'node:fs';
import { createPanel, type Panel } from '../../../src/core/panel/panel.js';
import { sharedPath } from '../../helpers.js';

export function csvPanel(rel: string[], idCol: string, periodCol: string, labelCols: string[] = []): Panel {
  const text = readFileSync(sharedPath(...rel), 'utf8');
  const lines = text.split(/\r?\n/).filter((l) => l.length);
  const unq = (s: string) => s.replace(/^"(.*)"$/, '$1');
  const head = lines[0].split(',').map(unq);
  const entity: string[] = [];
  const period: number[] = [];
  const values: Record<string, number[]> = {};
  const labels: Record<string, string[]> = {};
  const numCols = head.filter((h) => h !== idCol && h !== periodCol && !labelCols.includes(h));
  for (const h of numCols) values[h] = [];
  for (const h of labelCols) labels[h] = [];
  for (let r = 1; r < lines.length; r++) {
    const f = lines[r].split(',').map(unq);
    const get = (h: string) => f[head.indexOf(h)];
    entity.push(get(idCol));
    period.push(Number(get(periodCol)));
    for (const h of numCols) values[h].push(get(h) === '' ? NaN : Number(get(h)));
    for (const h of labelCols) labels[h].push(get(h));
  }
  return createPanel({ ids: [...new Set(entity)], periods: [...new Set(period)], entity, period, values, labels, source: rel[rel.length - 1] });
}
