// Inspect a raw table before analysis: per column its type, missing cells (by marker), range; for the
// panel as a whole the entities, periods, balance and duplicate id–period rows (`xinzhi data inspect`).
//
// Types follow the number rule of parse-number.ts: a column is `numeric` when every non-missing cell is a
// number, `text` otherwise, `empty` when every cell is missing. Without `variables` the inspection reports
// problems (duplicates, periods that are not years) instead of failing; with `variables` it first builds the
// panel exactly as a method would (fromTable), so the first bad cell is a DataError with file, row, column.
// Rows are the table's columns in header order. O(rows × columns).

import type { Result, Warning } from '../result.js';
import { SOFTWARE } from '../version.js';
import { parseNumberText, MISSING_MARKERS_DOC, describeMissing } from './parse-number.js';
import { fromTable, idCellText, parsePeriodCell, tableColumnIndex, type RawTable } from './from-table.js';
import { PWT_ATTRIBUTION, PWT_SOURCE } from './pwt-attribution.js';

export interface InspectOptions {
  id?: string;
  period?: string;
  /** Columns that must be numeric: the panel is built strictly and errors propagate. */
  variables?: readonly string[];
  labels?: readonly string[];
}

export interface InspectRow {
  column: string;
  role: 'id' | 'period' | 'variable' | 'label';
  type: 'numeric' | 'text' | 'empty';
  nonMissing: number;
  missing: number;
  min: number | null;
  max: number | null;
  /** Distinct non-missing values. */
  distinct: number;
  /** Missing markers found, e.g. `"" ×10, "—" ×2`. */
  markers: string;
  status: 'ok' | 'undefined';
  reason?: string;
}

/** Inspect a raw table; see the file header. */
export function inspectTable(t: RawTable, opts: InspectOptions = {}): Result<InspectRow> {
  const warnings: Warning[] = [...t.warnings];
  if (opts.variables && opts.id) {
    const built = fromTable(t, { id: opts.id, period: opts.period, variables: opts.variables, labels: opts.labels });
    for (const w of built.warnings) if (!warnings.includes(w)) warnings.push(w);
  }
  const idJ = opts.id !== undefined ? tableColumnIndex(t, opts.id, 'id') : -1;
  const perJ = opts.period !== undefined ? tableColumnIndex(t, opts.period, 'period') : -1;
  const labelSet = new Set(opts.labels ?? []);
  const N = t.rows.length;
  const markersAll: Record<string, number> = {};
  const rows: InspectRow[] = t.header.map((name, j) => {
    const cells = t.columns[j];
    const markers: Record<string, number> = {};
    let missing = 0;
    let numeric = true;
    let min = Infinity;
    let max = -Infinity;
    const distinct = new Set<string | number>();
    for (let r = 0; r < N; r++) {
      const c = cells[r];
      let v: number | null = null;
      let marker: string | null = null;
      if (c === null) marker = '';
      else if (typeof c === 'number') {
        if (Number.isFinite(c)) v = c;
        else marker = 'NaN';
      } else {
        const p = parseNumberText(c);
        if (p.kind === 'number') v = p.value;
        else if (p.kind === 'missing') marker = p.marker;
        else numeric = false;
      }
      if (marker !== null) {
        missing++;
        markers[marker] = (markers[marker] ?? 0) + 1;
        continue;
      }
      distinct.add(v !== null ? v : (c as string));
      if (v !== null) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
    for (const [m, k] of Object.entries(markers)) markersAll[m] = (markersAll[m] ?? 0) + k;
    const nonMissing = N - missing;
    const type: InspectRow['type'] = nonMissing === 0 ? 'empty' : numeric ? 'numeric' : 'text';
    const role: InspectRow['role'] = j === idJ ? 'id' : j === perJ ? 'period' : labelSet.has(name) ? 'label' : 'variable';
    const row: InspectRow = {
      column: name,
      role,
      type,
      nonMissing,
      missing,
      min: type === 'numeric' ? min : null,
      max: type === 'numeric' ? max : null,
      distinct: distinct.size,
      markers: describeMissing(markers),
      status: type === 'numeric' ? 'ok' : 'undefined',
    };
    if (type !== 'numeric') row.reason = type === 'text' ? 'text column' : 'no values';
    return row;
  });

  const summary: Record<string, unknown> = {
    source: t.source,
    ...(t.sheet ? { sheet: t.sheet } : {}),
    encoding: t.encoding ?? null,
    rows: N,
    variables: t.header.length,
    numericVariables: rows.filter((r) => r.type === 'numeric' && r.role !== 'id' && r.role !== 'period').length,
    textVariables: rows.filter((r) => r.type === 'text' && r.role !== 'id' && r.role !== 'period').length,
    missingCells: Object.values(markersAll).reduce((a, b) => a + b, 0),
    missingMarkers: markersAll,
  };

  if (idJ >= 0) {
    const idCells = t.columns[idJ];
    const perCells = perJ >= 0 ? t.columns[perJ] : null;
    const ids = new Set<string>();
    const periods = new Set<number>();
    const firstRow = new Map<string, number>();
    const dupMap = new Map<string, { id: string; period: number | null; rows: number[] }>();
    const badPeriods: { row: number; text: string }[] = [];
    let blankIds = 0;
    let pairs = 0;
    for (let r = 0; r < N; r++) {
      const id = idCellText(idCells[r]);
      if (id === null) { blankIds++; continue; }
      let p: number | null = null;
      if (perCells) {
        p = parsePeriodCell(perCells[r]);
        if (p === null) { badPeriods.push({ row: t.rows[r], text: perCells[r] === null ? '' : String(perCells[r]) }); continue; }
        periods.add(p);
      }
      ids.add(id);
      const key = `${id}\u0000${p}`;
      const f = firstRow.get(key);
      if (f === undefined) { firstRow.set(key, t.rows[r]); pairs++; continue; }
      let d = dupMap.get(key);
      if (!d) { d = { id, period: p, rows: [f] }; dupMap.set(key, d); }
      d.rows.push(t.rows[r]);
    }
    const ps = [...periods].sort((a, b) => a - b);
    const n = ids.size;
    const T = perCells ? ps.length : 1;
    const dups = [...dupMap.values()];
    summary.id = opts.id;
    summary.period = opts.period ?? null;
    summary.entities = n;
    if (perCells) {
      summary.periods = ps.length;
      summary.firstPeriod = ps.length ? ps[0] : null;
      summary.lastPeriod = ps.length ? ps[ps.length - 1] : null;
      summary.contiguousPeriods = ps.length > 0 && ps[ps.length - 1] - ps[0] + 1 === ps.length;
    }
    summary.cells = pairs;
    summary.expectedCells = n * T;
    summary.balanced = pairs === n * T && dups.length === 0 && badPeriods.length === 0 && blankIds === 0;
    summary.duplicates = dups.length;
    if (dups.length) {
      summary.duplicateKeys = dups.slice(0, 50).map((d) => ({ id: d.id, period: d.period, rows: d.rows.join(', ') }));
      warnings.push({
        code: 'duplicate-key',
        message: `${dups.length} duplicate ${perCells ? 'id–period' : 'id'} pair${dups.length > 1 ? 's' : ''}, first ${dups[0].id}${perCells ? ` × ${dups[0].period}` : ''} (rows ${dups[0].rows.join(', ')})`,
        count: dups.length,
        where: { file: t.source, row: dups[0].rows[1], column: opts.id },
      });
    }
    if (blankIds) {
      summary.blankIds = blankIds;
      warnings.push({ code: 'missing-id', message: `${blankIds} row${blankIds > 1 ? 's have' : ' has'} an empty id`, count: blankIds, where: { file: t.source, column: opts.id } });
    }
    if (badPeriods.length) {
      summary.badPeriods = badPeriods.slice(0, 50);
      warnings.push({
        code: 'bad-period',
        message: `${badPeriods.length} period cell${badPeriods.length > 1 ? 's are' : ' is'} not an integer year, first at row ${badPeriods[0].row}: ${JSON.stringify(badPeriods[0].text)}`,
        count: badPeriods.length,
        where: { file: t.source, row: badPeriods[0].row, column: opts.period },
      });
    }
  }

  const isPwt = t.source === PWT_SOURCE;
  return {
    method: 'data-inspect',
    params: { source: t.source, sheet: t.sheet ?? null, id: opts.id ?? null, period: opts.period ?? null, variables: opts.variables ? [...opts.variables] : null },
    rows,
    summary,
    warnings,
    card: {
      method: 'data-inspect',
      title: { en: 'Data inspection', zh: '数据检查' },
      conventions: {
        missingMarkers: MISSING_MARKERS_DOC,
        numberRule: 'NFKC (full-width → ASCII), trim incl. U+3000; thousands commas only between groups of exactly 3 digits; anything else in a numeric column is an error',
        periodRule: 'integer years: 2015, 2015年, Y2015',
        types: 'numeric when every non-missing cell is a number; text otherwise; empty when all cells are missing',
        encoding: t.encoding ?? null,
      },
      citations: [],
      software: SOFTWARE,
      ...(isPwt ? { data: [PWT_ATTRIBUTION] } : { data: [{ source: t.sheet ? `${t.source} [sheet ${t.sheet}]` : t.source }] }),
      statusCounts: rows.reduce<Record<string, number>>((a, r) => ((a[r.status] = (a[r.status] ?? 0) + 1), a), {}),
    },
  };
}
