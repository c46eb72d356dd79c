// Column sources: the indicator matrix as columns, either stored or computed on demand.
//
// Methods in normalize/, weights/ and aggregate/ read an N × m matrix column by column. A stored matrix is
// `Float64Array[]` (one array per indicator). A `ColumnSource` computes column j into a scratch buffer, so a
// pipeline over a large panel (1,000,000 entity-periods × 30 indicators) need not keep a normalised copy of
// the data: peak memory stays near the size of the raw data. Both forms are accepted wherever a matrix is.

export interface ColumnSource {
  readonly nRows: number;
  readonly nCols: number;
  /** Column j; may write into and return `scratch` (length nRows), or return a stored array (do not modify). */
  column(j: number, scratch?: Float64Array): Float64Array;
}

export type MatrixInput = readonly Float64Array[] | ColumnSource;

export function isColumnSource(m: MatrixInput): m is ColumnSource {
  return !Array.isArray(m) && typeof (m as ColumnSource).column === 'function';
}

export function asColumnSource(m: MatrixInput): ColumnSource {
  if (isColumnSource(m)) return m;
  const cols = m as readonly Float64Array[];
  const nRows = cols.length ? cols[0].length : 0;
  for (let j = 1; j < cols.length; j++) {
    if (cols[j].length !== nRows) throw new RangeError(`matrix column ${j} has ${cols[j].length} rows, expected ${nRows}`);
  }
  return { nRows, nCols: cols.length, column: (j) => cols[j] };
}

/** Store every column (copies computed columns; stored arrays are shared, not copied). */
export function materializeColumns(m: MatrixInput): Float64Array[] {
  if (!isColumnSource(m)) return [...m];
  const out: Float64Array[] = [];
  for (let j = 0; j < m.nCols; j++) {
    const buf = new Float64Array(m.nRows);
    const c = m.column(j, buf);
    out.push(c === buf ? buf : Float64Array.from(c));
  }
  return out;
}

/** Rows grouped for per-period work: `group[r]` in 0..nGroups−1. Pooled work uses no grouping. */
export interface RowGroups {
  group: Int32Array;
  nGroups: number;
}

/** Row indices of each group, in row order. */
export function groupRowMembers(g: RowGroups): Int32Array[] {
  const counts = new Int32Array(g.nGroups);
  for (let r = 0; r < g.group.length; r++) counts[g.group[r]]++;
  const out = Array.from({ length: g.nGroups }, (_, k) => new Int32Array(counts[k]));
  const fill = new Int32Array(g.nGroups);
  for (let r = 0; r < g.group.length; r++) { const k = g.group[r]; out[k][fill[k]++] = r; }
  return out;
}

/** Select rows of a column into a new array. */
export function gatherRows(x: Float64Array, rows: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) out[r] = x[rows[r]];
  return out;
}

/** The same rows of every column, stored. */
export function selectMatrixRows(m: MatrixInput, rows: ArrayLike<number>): Float64Array[] {
  const s = asColumnSource(m);
  const scratch = new Float64Array(s.nRows);
  const out: Float64Array[] = [];
  for (let j = 0; j < s.nCols; j++) out.push(gatherRows(s.column(j, scratch), rows));
  return out;
}
