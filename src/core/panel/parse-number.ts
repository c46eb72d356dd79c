// Parsing numeric cells as statistical yearbooks and spreadsheets write them (methods.md A1).
//
// The rule, applied to every cell of a column declared numeric:
//   1. Unicode NFKC first: full-width digits and signs (１２３, －, ．, ，) become ASCII, U+3000 becomes a space,
//      "…" becomes "...".
//   2. Leading and trailing whitespace is removed (spaces, tabs, U+3000, NBSP).
//   3. Missing markers (exact, after 1–2): "" NA N/A NaN NULL #N/A . .. ... - -- — —— – ― … /
//      (NA, N/A, NaN, NULL compared case-insensitively). They become NaN and are counted per column and marker.
//   4. A number is: optional sign, digits, optional decimals, optional exponent. Thousands separators are
//      accepted only as commas between groups of exactly three digits after a leading group of 1–3 digits
//      (1,234 and 12,345,678.5 parse; 1,23 and 1234,567 and 1,2345 are errors, since a comma there is more
//      likely a decimal comma or a typo than a thousands separator).
//   5. Anything else — text, percent signs, units, values that overflow to ±Infinity — is a DataError
//      ('bad-number') naming file, row (as a person sees it: the header is row 1), column and the text.
// Nothing is guessed: a cell is a number, a listed missing marker, or an error.
// O(length of the cell) per cell.

import { DataError } from '../errors.js';

/** Missing markers after NFKC + trim, compared exactly (case-insensitive entries are in MISSING_CI). */
export const MISSING_MARKERS: readonly string[] = ['', '.', '..', '...', '-', '--', '—', '——', '–', '―', '/', '#N/A'];
const MISSING_CI = new Set(['na', 'n/a', 'nan', 'null']);
const MISSING_EXACT = new Set(MISSING_MARKERS);

/** Markers as listed in docs and messages. */
export const MISSING_MARKERS_DOC = '"" NA N/A NaN NULL #N/A . .. ... - -- — —— – ― … /';

const NUMBER_RE = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)?(?:\.\d*)?(?:[eE][+-]?\d+)?$/;

/**
 * Fast path for the common case, a plain ASCII decimal such as -12.5e3: NaN when the text has any other
 * character or is not a finite number (then the full rule decides). Accepts exactly what the full rule
 * accepts for such text.
 */
function plainDecimal(s: string): number {
  const n = s.length;
  let digits = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) { digits = true; continue; }
    if (c !== 46 && c !== 101 && c !== 69 && c !== 43 && c !== 45) return NaN;
  }
  if (!digits) return NaN;
  const c0 = s.charCodeAt(0);
  if (c0 === 101 || c0 === 69) return NaN;
  const v = +s;
  return Number.isFinite(v) ? v : NaN;
}
const MISSING_EMPTY: NumberCell = { kind: 'missing', marker: '' };
const HAS_DIGIT_BEFORE_EXP = /^[+-]?[\d,]*\.?\d/;

export type NumberCell =
  | { kind: 'number'; value: number }
  | { kind: 'missing'; marker: string }
  | { kind: 'bad' };

/** Normalise a cell's text the way the rule above says (NFKC, then trim incl. U+3000). */
export function normalizeCellText(text: string): string {
  return text.normalize('NFKC').replace(/^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/g, '');
}

/** Classify one text cell. */
export function parseNumberText(text: string): NumberCell {
  if (text === '') return MISSING_EMPTY;
  const fast = plainDecimal(text);
  if (!Number.isNaN(fast)) return { kind: 'number', value: fast };
  const s = normalizeCellText(text);
  if (MISSING_EXACT.has(s)) return { kind: 'missing', marker: s };
  if (MISSING_CI.has(s.toLowerCase())) return { kind: 'missing', marker: s };
  if (!NUMBER_RE.test(s) || !HAS_DIGIT_BEFORE_EXP.test(s)) return { kind: 'bad' };
  const value = Number(s.includes(',') ? s.replace(/,/g, '') : s);
  if (!Number.isFinite(value)) return { kind: 'bad' };
  return { kind: 'number', value };
}

/** Where a column comes from, for error messages. */
export interface ColumnContext {
  file?: string;
  sheet?: string;
  column: string;
  /** Source row number of each cell (1-based as a person sees it). */
  rows?: ArrayLike<number>;
}

export interface NumericColumn {
  values: Float64Array;
  /** Count of missing cells per marker as found (after normalisation). */
  missing: Record<string, number>;
  missingCount: number;
}

/**
 * Parse a whole column of cells (text, numbers from a spreadsheet, or null) to a Float64Array with NaN for
 * missing. Throws DataError('bad-number') at the first cell that is neither a number nor a missing marker.
 */
export function parseNumericColumn(cells: readonly (string | number | null | undefined)[], ctx: ColumnContext): NumericColumn {
  const n = cells.length;
  const values = new Float64Array(n);
  const missing: Record<string, number> = {};
  let missingCount = 0;
  for (let r = 0; r < n; r++) {
    const c = cells[r];
    if (typeof c === 'number') {
      if (Number.isFinite(c)) { values[r] = c; continue; }
      if (Number.isNaN(c)) { values[r] = NaN; missing['NaN'] = (missing['NaN'] ?? 0) + 1; missingCount++; continue; }
      throw badNumber(String(c), r, ctx);
    }
    if (c === null || c === undefined) {
      values[r] = NaN;
      missing[''] = (missing[''] ?? 0) + 1;
      missingCount++;
      continue;
    }
    const fast = c === '' ? NaN : plainDecimal(c);
    if (!Number.isNaN(fast)) { values[r] = fast; continue; }
    const p = c === '' ? MISSING_EMPTY : parseNumberText(c);
    if (p.kind === 'number') values[r] = p.value;
    else if (p.kind === 'missing') {
      values[r] = NaN;
      missing[p.marker] = (missing[p.marker] ?? 0) + 1;
      missingCount++;
    } else throw badNumber(c, r, ctx);
  }
  return { values, missing, missingCount };
}

function badNumber(text: string, r: number, ctx: ColumnContext): DataError {
  const s = normalizeCellText(text);
  let why = 'not a number';
  if (/^[+-]?[\d,]+(\.\d*)?$/.test(s) && s.includes(',')) why = 'commas are accepted only as thousands separators between groups of exactly 3 digits (decimal commas are not accepted)';
  else if (/%$/.test(s)) why = 'percent signs are not accepted';
  return new DataError(
    'bad-number',
    `${why} in a numeric column`,
    { file: ctx.file, sheet: ctx.sheet, row: ctx.rows ? ctx.rows[r] : r + 2, column: ctx.column, text },
    `write a number (1234.5 or 1,234.5), or a missing marker (${MISSING_MARKERS_DOC}); or leave the column out of the numeric variables`,
  );
}

/** Human description of the markers found, e.g. `"" ×10, "—" ×2`. */
export function describeMissing(missing: Record<string, number>): string {
  return Object.entries(missing)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([m, k]) => `${JSON.stringify(m)} ×${k}`)
    .join(', ');
}
