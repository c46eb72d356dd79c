// From a raw table (what a CSV/XLSX/JSON/.dta reader gives) to a Panel, with column roles named explicitly.
//
// methods.md A1: the user names the id column, the period column and the variables; nothing is guessed
// silently. Numeric variables are parsed by the rule in parse-number.ts (missing markers counted per column
// in warnings); label columns (region, name) are kept as text. Periods must be integers: 2015, "2015",
// "2015年", "Y2015" (after NFKC, so full-width digits work). Duplicate id–period rows are a DataError that lists
// every duplicate with its source rows. An unknown column name is a DataError listing the available columns
// and the closest match. Without a period column the table is a cross-section: one period, numbered 0.
// O(rows × columns).

import { DataError } from '../errors.js';
import type { Warning } from '../result.js';
import { createPanel, type Panel } from './panel.js';
import { parseNumericColumn, parseNumberText, describeMissing, normalizeCellText } from './parse-number.js';

export type RawCell = string | number | null;

/** A table as read from a file, before roles are given. Column-major. */
export interface RawTable {
  header: string[];
  /** columns[j][r]: cell of column j in data row r. Text stays text; spreadsheet numbers are numbers. */
  columns: RawCell[][];
  /** Source row number of each data row, 1-based as a person sees it (the CSV header is row 1). */
  rows: number[];
  /** File name (or "pwt") for messages and provenance. */
  source: string;
  sheet?: string;
  /** Text encoding detected or given (CSV/TSV), for provenance. */
  encoding?: string;
  /** Notes from reading (encoding detected, …). */
  warnings: Warning[];
}

export interface TableRoles {
  id: string;
  /** Omitted: a cross-section (one period, numbered 0). */
  period?: string;
  /** Numeric variables. Omitted: every other column; columns that are not all numeric become labels (with a warning). */
  variables?: readonly string[];
  /** Text columns kept as labels (region, name, …). */
  labels?: readonly string[];
}

export interface FromTableResult {
  panel: Panel;
  warnings: Warning[];
}

/** Number of rows in a raw table. */
export function tableRowCount(t: RawTable): number {
  return t.rows.length;
}

/** Check a header: no blank and no duplicate names. Readers call this; it throws DataError. */
export function checkHeader(header: readonly string[], where: { file?: string; sheet?: string; headerRow?: number }): void {
  const row = where.headerRow ?? 1;
  const seen = new Map<string, number>();
  for (let j = 0; j < header.length; j++) {
    const h = header[j];
    if (h.trim() === '') {
      throw new DataError('blank-header', `column ${j + 1} has no name in the header`, { file: where.file, sheet: where.sheet, row, column: `#${j + 1}` },
        'give every column a name in the first row');
    }
    const prev = seen.get(h);
    if (prev !== undefined) {
      throw new DataError('duplicate-header', `the column name appears twice in the header (columns ${prev + 1} and ${j + 1})`,
        { file: where.file, sheet: where.sheet, row, column: h }, 'rename one of the two columns');
    }
    seen.set(h, j);
  }
}

/** Edit distance (Levenshtein), case-insensitive, for "did you mean". */
function distance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const m = a.length;
  const n = b.length;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    [prev, cur] = [cur, prev];
  }
  return prev[n];
}

/** Closest names to `name` among `candidates` (by edit distance, at most `k`). */
export function closestColumnNames(name: string, candidates: readonly string[], k = 3): string[] {
  return candidates
    .map((c) => ({ c, d: distance(name, c) }))
    .filter((x) => x.d <= Math.max(2, Math.ceil(name.length / 2)))
    .sort((x, y) => x.d - y.d || (x.c < y.c ? -1 : x.c > y.c ? 1 : 0))
    .slice(0, k)
    .map((x) => x.c);
}

/** Index of a named column, or a DataError('unknown-column') listing the columns and the closest match. */
export function tableColumnIndex(t: RawTable, name: string, role = 'column'): number {
  const j = t.header.indexOf(name);
  if (j >= 0) return j;
  const close = closestColumnNames(name, t.header);
  throw new DataError(
    'unknown-column',
    `no ${role} column "${name}"${close.length ? `; did you mean ${close.map((c) => `"${c}"`).join(' or ')}?` : ''} Columns are: ${t.header.join(', ')}`,
    { file: t.source, sheet: t.sheet, column: name },
    'use one of the column names exactly as written in the header',
  );
}

/** Text of an id cell: numbers without a trailing ".0", text trimmed (incl. U+3000). null when blank. */
export function idCellText(c: RawCell): string | null {
  if (c === null) return null;
  if (typeof c === 'number') return Number.isFinite(c) ? String(c) : null;
  const s = c.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '');
  return s === '' ? null : s;
}

/** A period cell as an integer year: 2015, "2015", "2015年", "Y2015" (NFKC first). null when it is not one. */
export function parsePeriodCell(c: RawCell): number | null {
  if (c === null) return null;
  if (typeof c === 'number') return Number.isInteger(c) ? c : null;
  const s = normalizeCellText(c);
  const m = /^[Yy]?([+-]?\d+)(?:\.0+)?年?$/.exec(s);
  if (!m) return null;
  const v = Number(m[1]);
  return Number.isSafeInteger(v) ? v : null;
}

/** Build a Panel from a raw table and explicit roles. */
export function fromTable(t: RawTable, roles: TableRoles): FromTableResult {
  const where = { file: t.source, sheet: t.sheet };
  const N = t.rows.length;
  if (N === 0) throw new DataError('no-rows', 'the table has a header but no data rows', { ...where, row: 2 }, 'add data rows below the header');
  const idJ = tableColumnIndex(t, roles.id, 'id');
  const periodJ = roles.period !== undefined ? tableColumnIndex(t, roles.period, 'period') : -1;
  const labelNames = [...(roles.labels ?? [])];
  for (const l of labelNames) tableColumnIndex(t, l, 'label');
  const used = new Set<string>([roles.id, ...(roles.period !== undefined ? [roles.period] : []), ...labelNames]);
  const warnings: Warning[] = [...t.warnings];
  let varNames: string[];
  const autoVariables = roles.variables === undefined;
  if (roles.variables) {
    varNames = [...roles.variables];
    for (const v of varNames) {
      tableColumnIndex(t, v, 'variable');
      if (v === roles.id || v === roles.period) {
        throw new DataError('role-conflict', `column "${v}" is named both as ${v === roles.id ? 'id' : 'period'} and as a variable`, { ...where, column: v },
          'a column has one role');
      }
      if (labelNames.includes(v)) throw new DataError('role-conflict', `column "${v}" is named both as a label and as a variable`, { ...where, column: v }, 'a column has one role');
    }
  } else {
    varNames = t.header.filter((h) => !used.has(h));
  }

  // ids and periods
  const entity = new Array<string>(N);
  const period = new Array<number>(N);
  const idCells = t.columns[idJ];
  const perCells = periodJ >= 0 ? t.columns[periodJ] : null;
  const idSeen = new Map<string, number>();
  const ids: string[] = [];
  const periodSet = new Set<number>();
  for (let r = 0; r < N; r++) {
    const id = idCellText(idCells[r]);
    if (id === null) {
      throw new DataError('missing-id', 'the id cell is empty', { ...where, row: t.rows[r], column: roles.id }, 'every row needs an id');
    }
    entity[r] = id;
    if (!idSeen.has(id)) { idSeen.set(id, ids.length); ids.push(id); }
    if (perCells) {
      const p = parsePeriodCell(perCells[r]);
      if (p === null) {
        throw new DataError('bad-period', 'the period is not an integer year', { ...where, row: t.rows[r], column: roles.period, text: perCells[r] === null ? '' : String(perCells[r]) },
          'write periods as integers: 2015, 2015年 or Y2015');
      }
      period[r] = p;
      periodSet.add(p);
    } else {
      period[r] = 0;
      periodSet.add(0);
    }
  }

  // duplicates, each with its source rows
  const firstRow = new Map<string, number>();
  const dups: { id: string; period: number; rows: number[] }[] = [];
  const dupIndex = new Map<string, number>();
  for (let r = 0; r < N; r++) {
    const key = `${entity[r]}\u0000${period[r]}`;
    const f = firstRow.get(key);
    if (f === undefined) { firstRow.set(key, r); continue; }
    let d = dupIndex.get(key);
    if (d === undefined) { d = dups.length; dupIndex.set(key, d); dups.push({ id: entity[r], period: period[r], rows: [t.rows[f]] }); }
    dups[d].rows.push(t.rows[r]);
  }
  if (dups.length) {
    const list = dups.slice(0, 20).map((d) => (perCells ? `${d.id} × ${d.period} (rows ${d.rows.join(', ')})` : `${d.id} (rows ${d.rows.join(', ')})`)).join('; ');
    throw new DataError(
      'duplicate-key',
      `${dups.length} duplicate ${perCells ? 'id–period' : 'id'} pair${dups.length > 1 ? 's' : ''}: ${list}${dups.length > 20 ? ' …' : ''}`,
      { ...where, row: dups[0].rows[1], column: roles.id, id: dups[0].id, ...(perCells ? { period: dups[0].period } : {}) },
      perCells ? 'keep one row per id and period' : 'each id may appear once; if this is a panel, name its period column (--period)',
      dups,
    );
  }

  // variables
  const values: Record<string, Float64Array> = {};
  const labels: Record<string, (string | null)[]> = {};
  const textColumns: string[] = [];
  for (const v of varNames) {
    const j = t.header.indexOf(v);
    const ctx = { file: t.source, sheet: t.sheet, column: v, rows: t.rows };
    let parsed;
    if (autoVariables) {
      try {
        parsed = parseNumericColumn(t.columns[j], ctx);
      } catch (e) {
        if (!(e instanceof DataError)) throw e;
        textColumns.push(v);
        labels[v] = t.columns[j].map(labelText);
        continue;
      }
    } else {
      parsed = parseNumericColumn(t.columns[j], ctx);
    }
    values[v] = parsed.values;
    if (parsed.missingCount > 0) {
      warnings.push({
        code: 'missing-values',
        message: `column "${v}": ${parsed.missingCount} missing cell${parsed.missingCount > 1 ? 's' : ''} (${describeMissing(parsed.missing)})`,
        messageZh: `列“${v}”：${parsed.missingCount} 个缺失值`,
        count: parsed.missingCount,
        where: { file: t.source, column: v },
      });
    }
  }
  if (textColumns.length) {
    warnings.push({
      code: 'text-columns',
      message: `not all numeric, kept as text labels: ${textColumns.join(', ')} (name numeric variables explicitly to get an error at the first bad cell)`,
      count: textColumns.length,
      where: { file: t.source },
    });
  }
  for (const l of labelNames) labels[l] = t.columns[t.header.indexOf(l)].map(labelText);

  const meta: Record<string, { key: string; source?: string }> = {};
  for (const v of Object.keys(values)) meta[v] = { key: v, source: t.source };
  const panel = createPanel({
    ids,
    periods: [...periodSet],
    entity,
    period,
    values,
    labels,
    meta,
    source: t.source,
    sourceRow: t.rows,
  });
  return { panel, warnings };
}

function labelText(c: RawCell): string | null {
  if (c === null) return null;
  if (typeof c === 'number') return Number.isFinite(c) ? String(c) : null;
  const s = c.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '');
  return s === '' ? null : s;
}

/** Is a cell numeric under the parse-number rule (a number or a missing marker)? */
export function isNumericCell(c: RawCell): boolean {
  if (c === null || typeof c === 'number') return true;
  return parseNumberText(c).kind !== 'bad';
}
