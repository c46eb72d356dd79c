// Test helper: read the bundled PWT 9.1 CSV (shared/data/pwt91.csv) into a Panel (ids = isocode).
import { readFileSync } from 'node:fs';
import { createPanel, type Panel } from '../../../src/core/panel/panel.js';
import { sharedPath } from '../../helpers.js';

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) {
      if (c === '"') { if (line[i + 1] === '"') { cur += '"'; i++; } else q = false; } else cur += c;
    } else if (c === '"') q = true;
    else if (c === ',') { out.push(cur); cur = ''; } else cur += c;
  }
  out.push(cur);
  return out;
}

let cached: Panel | undefined;

export function pwtPanel(): Panel {
  if (cached) return cached;
  const lines = readFileSync(sharedPath('data', 'pwt91.csv'), 'utf8').split('\n').filter((l) => l.length);
  const head = splitCsvLine(lines[0]);
  const numeric = head.filter((h) => !['country', 'isocode', 'currency', 'year'].includes(h));
  const entity: string[] = [];
  const period: number[] = [];
  const values: Record<string, number[]> = {};
  for (const h of numeric) values[h] = [];
  const idx = (h: string) => head.indexOf(h);
  for (let r = 1; r < lines.length; r++) {
    const f = splitCsvLine(lines[r]);
    entity.push(f[idx('isocode')]);
    period.push(Number(f[idx('year')]));
    for (const h of numeric) { const s = f[idx(h)]; values[h].push(s === '' ? NaN : Number(s)); }
  }
  const ids = [...new Set(entity)];
  const periods = [...new Set(period)];
  cached = createPanel({ ids, periods, entity, period, values, source: 'pwt91.csv' });
  return cached;
}
