// Render a Result as the CLI's --format: table | json | csv | xlsx (design.md "CLI contract").
// json is exactly the Result object at full precision; table and csv flatten nested row objects to dotted
// column names (slacks.x1, dimensions.innovation). Files are written atomically; existing files are not
// overwritten unless --force.

import { writeFileSync, renameSync, existsSync } from 'node:fs';
import { resolve, dirname, basename, join } from 'node:path';
import type { Result } from '../core/result.js';
import type { CliContext } from './context.js';
import { UsageError } from '../core/errors.js';
import { flatTable } from '../core/flatten.js';

export { flattenRow, flatTable } from '../core/flatten.js';

export type Format = 'table' | 'json' | 'csv' | 'xlsx';

export interface OutputOptions {
  format?: string;
  out?: string;
  force?: boolean;
  lang?: string;
}

export function resolveFormat(opts: OutputOptions, ctx: CliContext): Format {
  const f = opts.format ?? (opts.out ? extFormat(opts.out) : ctx.isTTY ? 'table' : 'json');
  if (f !== 'table' && f !== 'json' && f !== 'csv' && f !== 'xlsx') {
    throw new UsageError('bad-format', `--format must be table, json, csv or xlsx (got "${f}")`);
  }
  return f;
}

function extFormat(path: string): Format {
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.csv')) return 'csv';
  if (path.endsWith('.xlsx')) return 'xlsx';
  return 'table';
}

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? String(v) : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly Record<string, unknown>[]): string {
  const { columns, cells } = flatTable(rows);
  const lines = [columns.map(csvCell).join(',')];
  for (const r of cells) lines.push(r.map(csvCell).join(','));
  return lines.join('\n') + '\n';
}

function fmtNumber(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-4 || a >= 1e9)) return v.toExponential(4);
  return v.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
}

/** Width of a string in terminal columns (CJK characters take two). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6))) ? 2 : 1;
  }
  return w;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return fmtNumber(v);
  const s = String(v);
  // long arrays (fitted values, densities) are unreadable inline: show their size and first values
  if (s.startsWith('[') && s.length > 60) {
    try {
      const a = JSON.parse(s) as unknown[];
      const head = a.slice(0, 3).map((x) => (typeof x === 'number' ? fmtNumber(x) : JSON.stringify(x))).join(', ');
      return `[${a.length}: ${head}, …]`;
    } catch { /* not JSON: show as text */ }
  }
  return s;
}

/**
 * Rows as an aligned text table. Wide rows (more than `maxColumns` columns after flattening, e.g. Dagum's
 * per-pair terms) are shown record by record ("column: value" blocks), which stays readable on a terminal.
 */
export function toTextTable(rows: readonly Record<string, unknown>[], maxRows = Infinity, maxColumns = 14): string {
  const { columns, cells } = flatTable(rows);
  const shown = cells.slice(0, maxRows).map((r) => r.map(cellText));
  const more = cells.length > shown.length ? `… ${cells.length - shown.length} more rows (use --format csv or --out FILE for all)\n` : '';
  if (columns.length > maxColumns) {
    const keyWidth = Math.max(...columns.map(displayWidth));
    const blocks = shown.map((r, i) => [`── row ${i + 1} ──`, ...columns.map((c, j) => (r[j] === '' ? null : `${c}${' '.repeat(keyWidth - displayWidth(c))}  ${r[j]}`)).filter((x): x is string => x !== null)].join('\n'));
    return blocks.join('\n') + '\n' + more;
  }
  const widths = columns.map((c, j) => Math.max(displayWidth(c), ...shown.map((r) => displayWidth(r[j]))));
  const pad = (s: string, w: number, right: boolean) => (right ? ' '.repeat(w - displayWidth(s)) + s : s + ' '.repeat(w - displayWidth(s)));
  const numeric = columns.map((_, j) => shown.every((r) => r[j] === '' || !Number.isNaN(Number(r[j]))));
  const lines = [columns.map((c, j) => pad(c, widths[j], numeric[j])).join('  ')];
  lines.push(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of shown) lines.push(r.map((v, j) => pad(v, widths[j], numeric[j])).join('  '));
  return lines.join('\n') + '\n' + more;
}

/** Summary as "key: value" lines for the table format (nested values as compact JSON). */
function summaryText(summary: Record<string, unknown>): string {
  const lines: string[] = [];
  for (const [k, v] of Object.entries(summary)) {
    if (Array.isArray(v) && v.length && typeof v[0] === 'object') {
      lines.push(`${k}:`);
      lines.push(toTextTable(v as Record<string, unknown>[], 20).trimEnd().replace(/^/gm, '  '));
    } else {
      lines.push(`${k}: ${typeof v === 'number' ? fmtNumber(v) : cellText(JSON.stringify(v))}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** Write bytes to a file atomically (temp file + rename); refuse to overwrite without force. */
export function writeFileAtomic(path: string, data: string | Uint8Array, force = false): void {
  if (existsSync(path) && !force) {
    throw new UsageError('exists', `${path} already exists`, 'pass --force to overwrite it, or choose another --out');
  }
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

export async function writeResult(result: Result<any>, opts: OutputOptions, ctx: CliContext): Promise<void> {
  const format = resolveFormat(opts, ctx);
  const outPath = opts.out ? resolve(ctx.cwd, opts.out) : undefined;
  let text: string | undefined;
  if (format === 'json') text = JSON.stringify(result, null, 2) + '\n';
  else if (format === 'csv') text = toCsv(result.rows);
  else if (format === 'table') {
    const title = result.card?.title;
    const head = `${(opts.lang === 'zh' ? title?.zh : title?.en) ?? title?.en ?? result.method}\n`;
    const warn = result.warnings.length ? result.warnings.map((w) => `warning: ${w.message}`).join('\n') + '\n' : '';
    text = head + toTextTable(result.rows, outPath ? Infinity : 60) + summaryText(result.summary) + warn;
  } else {
    if (!outPath) throw new UsageError('xlsx-needs-out', '--format xlsx writes a file', 'add --out results.xlsx');
    const { resultToXlsx } = await import('../io/xlsx-write.js');
    writeFileAtomic(outPath, await resultToXlsx(result), opts.force);
    ctx.stderr(`wrote ${outPath}\n`);
    return;
  }
  if (outPath) {
    writeFileAtomic(outPath, text, opts.force);
    ctx.stderr(`wrote ${outPath}\n`);
  } else {
    ctx.stdout(text);
  }
}
