// Read a data file from disk into a RawTable, choosing the reader by extension (Node only; the parsers it
// calls work on bytes and run in browsers too).
//   .csv .txt → CSV (delimiter sniffed)   .tsv .tab → tab-separated   .xlsx .xlsm → XLSX
//   .json → array of records              .dta → Stata (src/io/dta.ts)  `pwt` → the bundled PWT 9.1
// Missing file, unknown extension, .xls: DataError / UsageError with what to do.

import { readFileSync, existsSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { DataError, UsageError } from '../core/errors.js';
import { checkHeader, type RawTable } from '../core/panel/from-table.js';
import { parseCsvBytes } from './csv.js';
import { parseXlsx } from './xlsx-read.js';
import { parseJsonBytes } from './json.js';
import { loadPwtTable } from './pwt.js';
import { PWT_SOURCE } from '../core/panel/pwt-attribution.js';

export interface ReadTableOptions {
  /** XLSX sheet name or 1-based position. */
  sheet?: string | number;
  /** Text encoding for CSV/TSV/JSON; detected when omitted. */
  encoding?: string;
  /** CSV delimiter; sniffed when omitted. */
  delimiter?: string;
  /** Resolve relative paths against this directory (default: process.cwd()). */
  cwd?: string;
  /** Name used in messages (default: the path as given). */
  name?: string;
}

export const TABLE_EXTENSIONS = ['.csv', '.txt', '.tsv', '.tab', '.xlsx', '.xlsm', '.json', '.dta'];

/** Read `path` (or `pwt`) into a RawTable. */
export async function readTableFile(path: string, opts: ReadTableOptions = {}): Promise<RawTable> {
  if (path === PWT_SOURCE) {
    if (opts.sheet !== undefined && opts.sheet !== '') throw new UsageError('sheet-not-xlsx', '--sheet applies to .xlsx workbooks, not to the bundled pwt table', 'leave --sheet out');
    return loadPwtTable();
  }
  const name = opts.name ?? path;
  const full = resolve(opts.cwd ?? process.cwd(), path);
  if (!existsSync(full) || !statSync(full).isFile()) {
    throw new DataError('no-file', `file not found (looked for ${full})`, { file: name }, 'check the path, or use --data pwt for the bundled Penn World Table');
  }
  const ext = extname(full).toLowerCase();
  if (ext === '.xls') {
    throw new DataError('unsupported-format', 'old Excel .xls files are not read', { file: name }, 'open it in Excel or WPS and save as .xlsx (or CSV)');
  }
  if (!TABLE_EXTENSIONS.includes(ext)) {
    throw new DataError('unsupported-format', `unknown data file type "${ext || '(no extension)'}"`, { file: name },
      `use one of ${TABLE_EXTENSIONS.join(' ')}, or pwt for the bundled data`);
  }
  if (opts.sheet !== undefined && opts.sheet !== '' && ext !== '.xlsx' && ext !== '.xlsm') {
    throw new UsageError('sheet-not-xlsx', `--sheet applies to .xlsx workbooks; ${name} is a ${ext} file`, 'leave --sheet out');
  }
  const bytes = new Uint8Array(readFileSync(full));
  switch (ext) {
    case '.csv':
    case '.txt':
      return parseCsvBytes(bytes, { file: name, encoding: opts.encoding, delimiter: opts.delimiter });
    case '.tsv':
    case '.tab':
      return parseCsvBytes(bytes, { file: name, encoding: opts.encoding, delimiter: opts.delimiter ?? '\t' });
    case '.xlsx':
    case '.xlsm':
      return parseXlsx(bytes, { file: name, sheet: opts.sheet });
    case '.json':
      return parseJsonBytes(bytes, { file: name, encoding: opts.encoding });
    default:
      return readDtaTable(bytes, name, opts.encoding);
  }
}

async function readDtaTable(bytes: Uint8Array, name: string, encoding?: string): Promise<RawTable> {
  // The Stata reader lives in src/io/dta.ts (its own module); loaded on demand. Row numbers are
  // observation numbers (1-based), as Stata's browser shows them.
  let readDta: ((b: Uint8Array, n: string, o?: { encoding?: string }) => { header: string[]; columns: (string | number | null)[][]; nobs: number; encoding: string; warnings: RawTable['warnings'] }) | undefined;
  try {
    const mod = (await import(/* @vite-ignore */ './dta.js' as string)) as Record<string, unknown>;
    readDta = mod.readDta as typeof readDta;
  } catch {
    readDta = undefined;
  }
  if (!readDta) throw new DataError('unsupported-format', 'reading Stata .dta files is not available in this build', { file: name }, 'export the data from Stata as CSV (export delimited)');
  const d = readDta(bytes, name, encoding ? { encoding } : {});
  checkHeader(d.header, { file: name });
  if (d.nobs === 0) throw new DataError('no-rows', 'the .dta file has no observations', { file: name }, 'save the data with observations');
  return {
    header: d.header,
    columns: d.columns,
    rows: Array.from({ length: d.nobs }, (_, r) => r + 1),
    source: name,
    encoding: d.encoding,
    warnings: [...d.warnings],
  };
}
