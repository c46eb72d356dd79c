// Long ↔ wide reshaping of raw tables (methods.md A1), before roles make a Panel.
//
// - wideToLong: a yearbook table with one column per period (headers 2015, 2015年, Y2015, after NFKC) for
//   one variable → long rows (id, period, variable). Every other column must be named as `keep` (copied to
//   each long row, e.g. region) — a column that is neither a period nor kept is a DataError, not dropped.
// - pivotLonger ("long-long"): rows (id, period, variable, value) → one column per variable. The value
//   column is parsed by the number rule first (errors name the true source row); a repeated
//   (id, period, variable) is a DataError listing every repeat with its rows.
// - panelToWide: one variable of a Panel → id + one column per period (header = the period as text).
// Each output row keeps the source row number of the row it came from (pivotLonger: the first one).
// O(cells).

import { DataError } from '../errors.js';
import type { Warning } from '../result.js';
import type { Panel } from './panel.js';
import { parseNumericColumn, describeMissing, normalizeCellText } from './parse-number.js';
import { checkHeader, idCellText, tableColumnIndex, type RawCell, type RawTable } from './from-table.js';

/** A wide header as a period: "2015", "2015年", "Y2015" (NFKC, trimmed). null when it is not one. */
export function parsePeriodHeader(h: string): number | null {
  const m = /^[Yy]?(\d{1,4})年?$/.exec(normalizeCellText(h));
  return m ? Number(m[1]) : null;
}

export interface WideToLongOptions {
  /** Entity id column. */
  id: string;
  /** Name of the variable the period columns hold. */
  variable: string;
  /** Name of the period column in the output (default "period"). */
  periodName?: string;
  /** Other columns copied to every long row (labels such as region). */
  keep?: readonly string[];
}

/** Wide (one column per period) → long (id, period, variable, keep…). Rows ordered by source row, then period. */
export function wideToLong(t: RawTable, opts: WideToLongOptions): RawTable {
  const where = { file: t.source, sheet: t.sheet };
  const idJ = tableColumnIndex(t, opts.id, 'id');
  const keep = [...(opts.keep ?? [])];
  const keepJ = keep.map((k) => tableColumnIndex(t, k, 'kept'));
  const periodName = opts.periodName ?? 'period';
  const periodCols: { j: number; period: number }[] = [];
  const seen = new Map<number, string>();
  t.header.forEach((h, j) => {
    if (j === idJ || keepJ.includes(j)) return;
    const p = parsePeriodHeader(h);
    if (p === null) {
      throw new DataError('not-a-period-column', 'in a wide table every column other than the id and the kept ones must be a period (2015, 2015年, Y2015)',
        { ...where, row: 1, column: h }, `name it as a kept column (label) or remove it; kept now: ${keep.length ? keep.join(', ') : 'none'}`);
    }
    const prev = seen.get(p);
    if (prev !== undefined) {
      throw new DataError('duplicate-period-column', `columns "${prev}" and "${h}" are both period ${p}`, { ...where, row: 1, column: h }, 'keep one column per period');
    }
    seen.set(p, h);
    periodCols.push({ j, period: p });
  });
  if (!periodCols.length) throw new DataError('no-period-columns', 'the wide table has no period columns (headers like 2015, 2015年, Y2015)', { ...where, row: 1 });
  periodCols.sort((a, b) => a.period - b.period);
  const header = [opts.id, periodName, opts.variable, ...keep];
  checkHeader(header, { ...where, headerRow: 1 });
  const N = t.rows.length;
  const M = N * periodCols.length;
  const columns: RawCell[][] = header.map(() => new Array<RawCell>(M));
  const rows = new Array<number>(M);
  let k = 0;
  for (let r = 0; r < N; r++) {
    for (const pc of periodCols) {
      columns[0][k] = t.columns[idJ][r];
      columns[1][k] = pc.period;
      columns[2][k] = t.columns[pc.j][r];
      for (let q = 0; q < keepJ.length; q++) columns[3 + q][k] = t.columns[keepJ[q]][r];
      rows[k] = t.rows[r];
      k++;
    }
  }
  return { header, columns, rows, source: t.source, sheet: t.sheet, encoding: t.encoding, warnings: [...t.warnings] };
}

export interface PivotLongerOptions {
  id: string;
  period: string;
  /** Column holding the variable name. */
  variable: string;
  /** Column holding the value. */
  value: string;
}

/** (id, period, variable, value) rows → (id, period, var1, var2, …). Values become numbers (null = missing). */
export function pivotLonger(t: RawTable, opts: PivotLongerOptions): RawTable {
  const where = { file: t.source, sheet: t.sheet };
  const idJ = tableColumnIndex(t, opts.id, 'id');
  const pJ = tableColumnIndex(t, opts.period, 'period');
  const vJ = tableColumnIndex(t, opts.variable, 'variable-name');
  const valJ = tableColumnIndex(t, opts.value, 'value');
  const N = t.rows.length;
  const parsed = parseNumericColumn(t.columns[valJ], { file: t.source, sheet: t.sheet, column: opts.value, rows: t.rows });
  const varNames: string[] = [];
  const varIndex = new Map<string, number>();
  const keyIndex = new Map<string, number>();
  const outId: RawCell[] = [];
  const outPeriod: RawCell[] = [];
  const outRows: number[] = [];
  const cells: Map<number, number>[] = [];
  const where1 = new Map<string, number>();
  const dups: { id: string; period: string; variable: string; rows: number[] }[] = [];
  const dupIndex = new Map<string, number>();
  for (let r = 0; r < N; r++) {
    const name = idCellText(t.columns[vJ][r]);
    if (name === null) throw new DataError('missing-variable-name', 'the variable-name cell is empty', { ...where, row: t.rows[r], column: opts.variable });
    const id = idCellText(t.columns[idJ][r]);
    if (id === null) throw new DataError('missing-id', 'the id cell is empty', { ...where, row: t.rows[r], column: opts.id }, 'every row needs an id');
    const pc = t.columns[pJ][r];
    const pText = pc === null ? '' : typeof pc === 'number' ? String(pc) : normalizeCellText(pc);
    let v = varIndex.get(name);
    if (v === undefined) { v = varNames.length; varIndex.set(name, v); varNames.push(name); cells.push(new Map()); }
    const key = `${id}\u0000${pText}`;
    let k = keyIndex.get(key);
    if (k === undefined) { k = outId.length; keyIndex.set(key, k); outId.push(id); outPeriod.push(pc); outRows.push(t.rows[r]); }
    const cellKey = `${key}\u0000${name}`;
    const first = where1.get(cellKey);
    if (first !== undefined) {
      let d = dupIndex.get(cellKey);
      if (d === undefined) { d = dups.length; dupIndex.set(cellKey, d); dups.push({ id, period: pText, variable: name, rows: [t.rows[first]] }); }
      dups[d].rows.push(t.rows[r]);
      continue;
    }
    where1.set(cellKey, r);
    cells[v].set(k, parsed.values[r]);
  }
  if (dups.length) {
    throw new DataError('duplicate-key', `${dups.length} repeated id–period–variable triple${dups.length > 1 ? 's' : ''}: ${dups.slice(0, 20).map((d) => `${d.id} × ${d.period} × ${d.variable} (rows ${d.rows.join(', ')})`).join('; ')}`,
      { ...where, row: dups[0].rows[1], column: opts.variable, id: dups[0].id, period: dups[0].period }, 'keep one value per id, period and variable', dups);
  }
  const header = [opts.id, opts.period, ...varNames];
  checkHeader(header, { ...where, headerRow: 1 });
  const M = outId.length;
  const columns: RawCell[][] = [outId, outPeriod];
  for (let v = 0; v < varNames.length; v++) {
    const col = new Array<RawCell>(M).fill(null);
    for (const [k, x] of cells[v]) col[k] = Number.isNaN(x) ? null : x;
    columns.push(col);
  }
  const warnings: Warning[] = [...t.warnings];
  if (parsed.missingCount) {
    warnings.push({ code: 'missing-values', message: `column "${opts.value}": ${parsed.missingCount} missing cells (${describeMissing(parsed.missing)})`, count: parsed.missingCount, where: { file: t.source, column: opts.value } });
  }
  return { header, columns, rows: outRows, source: t.source, sheet: t.sheet, encoding: t.encoding, warnings };
}

/** One variable of a panel as a wide table: id, then one column per period (absent cells null). */
export function panelToWide(p: Panel, variable: string, idName = 'id'): RawTable {
  const col = p.columns[variable];
  const lab = p.labels[variable];
  if (!col && !lab) {
    throw new DataError('unknown-column', `no variable "${variable}"; variables are: ${[...Object.keys(p.columns), ...Object.keys(p.labels)].join(', ')}`, { file: p.source, column: variable });
  }
  const T = p.periods.length;
  const header = [idName, ...p.periods.map(String)];
  checkHeader(header, { file: p.source });
  const columns: RawCell[][] = [p.ids.slice()];
  for (let t = 0; t < T; t++) {
    columns.push(p.ids.map((_, i) => {
      const k = i * T + t;
      if (!p.present[k]) return null;
      if (col) return Number.isNaN(col[k]) ? null : col[k];
      return lab[k];
    }));
  }
  return { header, columns, rows: p.ids.map((_, i) => i + 2), source: p.source ?? 'panel', warnings: [] };
}
