// tables/<id>.csv: one file per table, UTF-8 with a BOM (so Excel opens Chinese text correctly), a header of
// column keys, numbers at full precision (shortest round-trip form), empty cell for null. RFC 4180 quoting.

import type { Table } from '../core/evaluation/results.js';

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function tableToCsv(t: Table): string {
  const lines = [t.columns.map((c) => cell(c.key)).join(',')];
  for (const r of t.rows) lines.push(t.columns.map((c) => cell(r[c.key])).join(','));
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}
