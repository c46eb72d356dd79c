// Number and text formatting shared by every bundle writer (tables, sentences, charts), so a value looks the same
// in report.html, tables.docx and tables.tex. Deterministic: no locale-dependent formatting (toFixed, not
// toLocaleString).

import type { Bilingual, CellValue, TableColumn } from '../core/evaluation/results.js';
import type { Lang } from '../core/evaluation/spec.js';

export function pick(b: Bilingual | undefined, lang: Lang): string {
  if (!b) return '';
  return b[lang] || b.en || b.zh || '';
}

/** A number with `digits` decimals; −0 prints as 0; null prints as an em dash. */
export function fmtNum(v: number | null | undefined, digits: number): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  const s = v.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** A p-value: "< 0.001" below 0.001, else 3 decimals. */
export function fmtP(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return v < 0.001 ? '< 0.001' : v.toFixed(3);
}

export function fmtPercent(v: number | null | undefined, digits: number): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return `${fmtNum(v * 100, digits)}%`;
}

export function fmtCell(v: CellValue | undefined, col: TableColumn, digits: number): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  switch (col.kind) {
    case 'integer':
      return Number.isInteger(v) ? String(v) : fmtNum(v, digits);
    case 'percent':
      return fmtPercent(v, Math.max(0, digits - 2));
    case 'text':
      return String(v);
    default:
      return fmtNum(v, digits);
  }
}

/** Width in monospace columns (CJK characters count two), for spreadsheet column widths. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
