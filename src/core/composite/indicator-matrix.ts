// From a Panel and a Framework to the indicator matrix of complete entity-periods.
//
// Each indicator is a panel column or a formula over columns (framework/formula.ts). A row is an entity-period
// the source had (`present`); it enters normalisation, weighting and aggregation only when every indicator is
// a finite number. The other rows are kept and reported with status `insufficient_data` and the list of
// missing indicators — never dropped silently (methods.md §0). When every cell is complete the panel's own
// arrays are used without copying (entity-major row order). O(cells × indicators).

import type { Panel } from '../panel/panel.js';
import type { Framework } from '../framework/types.js';
import { validateFrameworkColumns } from '../framework/parse.js';
import { parseFormula, evaluateFormula } from '../framework/formula.js';
import type { RowGroups } from '../normalize/matrix.js';
import type { IndicatorDirection } from '../normalize/direction.js';

export interface IndicatorMatrix {
  keys: string[];
  directions: IndicatorDirection[];
  /** top dimension of each indicator, as an index into `dimensionKeys` */
  dimensionOf: Int32Array;
  dimensionKeys: string[];
  /** raw indicator values of the complete rows, one array per indicator */
  raw: Float64Array[];
  /** panel cell (i·T + t) of each complete row */
  cells: Int32Array;
  /** period index of each complete row */
  groups: RowGroups;
  /** present cells that are incomplete, with the missing indicator keys */
  incomplete: { cell: number; missing: string[] }[];
  /** every present cell in output order: period, then id (code-point order) */
  outputCells: Int32Array;
  /** row of each cell in the complete matrix, −1 when absent or incomplete */
  rowOfCell: Int32Array;
}

/** Output order of panel cells: period ascending, then id in code-point order. */
export function outputOrder(panel: Panel): Int32Array {
  const n = panel.ids.length;
  const T = panel.periods.length;
  const idOrder = Array.from({ length: n }, (_, i) => i).sort((a, b) => (panel.ids[a] < panel.ids[b] ? -1 : panel.ids[a] > panel.ids[b] ? 1 : 0));
  const out: number[] = [];
  for (let t = 0; t < T; t++) for (const i of idOrder) if (panel.present[i * T + t]) out.push(i * T + t);
  return Int32Array.from(out);
}

export function buildIndicatorMatrix(panel: Panel, fw: Framework): IndicatorMatrix {
  validateFrameworkColumns(fw, Object.keys(panel.columns), panel.source ?? 'the data');
  const n = panel.ids.length;
  const T = panel.periods.length;
  const nCells = n * T;
  const values: Float64Array[] = fw.indicators.map((ind) =>
    ind.formula ? evaluateFormula(parseFormula(ind.formula), panel.columns, nCells, T) : panel.columns[ind.column ?? ind.key],
  );
  const m = values.length;
  const dimensionKeys = fw.dimensions.map((d) => d.key);
  const dimensionOf = Int32Array.from(fw.indicators, (ind) => dimensionKeys.indexOf(ind.path[0]));
  const complete = new Uint8Array(nCells);
  let nComplete = 0;
  const incompleteCells: number[] = [];
  for (let k = 0; k < nCells; k++) {
    if (!panel.present[k]) continue;
    let ok = true;
    for (let j = 0; j < m; j++) if (!Number.isFinite(values[j][k])) { ok = false; break; }
    if (ok) { complete[k] = 1; nComplete++; } else incompleteCells.push(k);
  }
  const rowOfCell = new Int32Array(nCells).fill(-1);
  let raw: Float64Array[];
  let cells: Int32Array;
  const group = new Int32Array(nComplete);
  if (nComplete === nCells) {
    raw = values;
    cells = new Int32Array(nCells);
    for (let k = 0; k < nCells; k++) { cells[k] = k; rowOfCell[k] = k; group[k] = k % T; }
  } else {
    cells = new Int32Array(nComplete);
    let r = 0;
    for (let k = 0; k < nCells; k++) if (complete[k]) { cells[r] = k; rowOfCell[k] = r; group[r] = k % T; r++; }
    raw = values.map((v) => { const out = new Float64Array(nComplete); for (let q = 0; q < nComplete; q++) out[q] = v[cells[q]]; return out; });
  }
  const incomplete = incompleteCells.map((cell) => ({ cell, missing: fw.indicators.filter((_, j) => !Number.isFinite(values[j][cell])).map((ind) => ind.key) }));
  return {
    keys: fw.indicators.map((i) => i.key),
    directions: fw.indicators.map((i) => i.direction),
    dimensionOf,
    dimensionKeys,
    raw,
    cells,
    groups: { group, nGroups: T },
    incomplete,
    outputCells: outputOrder(panel),
    rowOfCell,
  };
}
