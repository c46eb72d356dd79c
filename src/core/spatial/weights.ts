// Spatial weights in CSR form: construction, row standardisation, subsetting, symmetrising, lags and the
// constants S0, S1, S2 used by Moran's I and Geary's C (methods.md L1; Cliff & Ord 1981, ch. 1).
//
// Conventions: neighbours of each row are stored in ascending column order (deterministic output); no
// self-links (w_ii must be 0); a row without neighbours is an island and stays a zero row after row
// standardisation. Weights are built on the analysed subset: callers drop units first (`subsetWeights`), then
// standardise (`rowStandardise`). All operations are O(n + nnz) except `symmetriseWeights` (O(nnz log deg)).

import { DataError, UsageError } from '../errors.js';
import type { SpatialWeights } from './types.js';

/** Build CSR weights from per-row neighbour index lists (and values; default 1 = binary). */
export function weightsFromLists(
  ids: readonly string[],
  lists: readonly ArrayLike<number>[],
  values?: readonly ArrayLike<number>[],
  options: { style?: SpatialWeights['style']; card?: Record<string, unknown>; source?: string } = {},
): SpatialWeights {
  const n = ids.length;
  if (lists.length !== n) throw new UsageError('weights-shape', `weights: ${lists.length} neighbour lists for ${n} ids`);
  checkUniqueIds(ids, options.source);
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + lists[i].length;
  const nnz = offsets[n];
  const neighbors = new Int32Array(nnz);
  const weights = new Float64Array(nnz);
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    const l = lists[i];
    const v = values?.[i];
    order.length = 0;
    for (let k = 0; k < l.length; k++) order.push(k);
    order.sort((a, b) => l[a] - l[b]);
    let prev = -1;
    for (let k = 0; k < order.length; k++) {
      const j = l[order[k]];
      if (!Number.isInteger(j) || j < 0 || j >= n) throw new UsageError('weights-index', `weights: neighbour index ${j} of row ${i} is out of range`);
      if (j === i) {
        throw new DataError('self-neighbour', `unit "${ids[i]}" is listed as its own neighbour`, { file: options.source, id: ids[i] },
          'remove self-links (the diagonal of a weights matrix must be 0)');
      }
      if (j === prev) {
        throw new DataError('duplicate-neighbour', `unit "${ids[i]}" lists neighbour "${ids[j]}" twice`, { file: options.source, id: ids[i] });
      }
      prev = j;
      const w = v ? v[order[k]] : 1;
      if (!Number.isFinite(w) || w < 0) {
        throw new DataError('bad-weight', `weight from "${ids[i]}" to "${ids[j]}" must be a finite number ≥ 0`, { file: options.source, id: ids[i], text: String(w) });
      }
      neighbors[offsets[i] + k] = j;
      weights[offsets[i] + k] = w;
    }
  }
  const out: SpatialWeights = {
    ids: [...ids], offsets, neighbors, weights,
    style: options.style ?? (values ? 'V' : 'B'),
    islands: [],
    card: { ...(options.card ?? {}) },
  };
  out.islands = islandIds(out);
  return out;
}

function checkUniqueIds(ids: readonly string[], source?: string): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new DataError('duplicate-id', `id "${id}" appears twice in the weights`, { file: source, id });
    seen.add(id);
  }
}

/** Ids of rows with no neighbour (or only zero weights). */
export function islandIds(w: SpatialWeights): string[] {
  const out: string[] = [];
  for (let i = 0; i < w.ids.length; i++) {
    let s = 0;
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) s += w.weights[k];
    if (s === 0) out.push(w.ids[i]);
  }
  return out;
}

/** Number of units. */
export function weightsSize(w: SpatialWeights): number {
  return w.ids.length;
}

/** Row-standardise: w_ij / Σ_j w_ij ("W" style). Islands stay zero rows. */
export function rowStandardise(w: SpatialWeights): SpatialWeights {
  const n = w.ids.length;
  const weights = new Float64Array(w.weights.length);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) s += w.weights[k];
    if (s > 0) for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) weights[k] = w.weights[k] / s;
  }
  return { ...w, weights, style: 'W', islands: islandIds(w), card: { ...w.card, standardisation: 'row (W)' } };
}

/**
 * Restrict weights to `keep` (ids in the order wanted). Links to dropped units vanish, so rows may become
 * islands. Every id must exist in `w`. Use before standardising (methods.md L1: drop rows first).
 */
export function subsetWeights(w: SpatialWeights, keep: readonly string[]): SpatialWeights {
  const index = new Map<string, number>();
  w.ids.forEach((id, i) => index.set(id, i));
  const newIndex = new Int32Array(w.ids.length).fill(-1);
  keep.forEach((id, r) => {
    const i = index.get(id);
    if (i === undefined) throw new DataError('unknown-id', `id "${id}" is not in the spatial weights`, { id }, 'give weights that cover every unit analysed');
    newIndex[i] = r;
  });
  const lists: number[][] = [];
  const values: number[][] = [];
  for (const id of keep) {
    const i = index.get(id)!;
    const l: number[] = [], v: number[] = [];
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) {
      const j = newIndex[w.neighbors[k]];
      if (j >= 0) { l.push(j); v.push(w.weights[k]); }
    }
    lists.push(l); values.push(v);
  }
  const out = weightsFromLists(keep, lists, values, { style: w.style === 'W' ? 'V' : w.style, card: w.card });
  if (keep.length !== w.ids.length) out.card = { ...out.card, subset: `${keep.length} of ${w.ids.length} units` };
  return out;
}

/** Transpose (column-major view as CSR). */
export function transposeWeights(w: SpatialWeights): SpatialWeights {
  const n = w.ids.length;
  const counts = new Int32Array(n + 1);
  for (let k = 0; k < w.neighbors.length; k++) counts[w.neighbors[k] + 1]++;
  for (let i = 0; i < n; i++) counts[i + 1] += counts[i];
  const offsets = Int32Array.from(counts);
  const fill = Int32Array.from(counts.subarray(0, n));
  const neighbors = new Int32Array(w.neighbors.length);
  const weights = new Float64Array(w.weights.length);
  for (let i = 0; i < n; i++) {
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) {
      const j = w.neighbors[k];
      const p = fill[j]++;
      neighbors[p] = i; // rows visited in ascending order, so columns come out sorted
      weights[p] = w.weights[k];
    }
  }
  const t: SpatialWeights = { ...w, offsets, neighbors, weights, islands: [] };
  t.islands = islandIds(t);
  return t;
}

/**
 * Make weights symmetric: the union of links; where both directions exist with different values the larger
 * is kept (k-NN "symmetrise" as in spdep::make.sym.nb for binary weights).
 */
export function symmetriseWeights(w: SpatialWeights): SpatialWeights {
  const n = w.ids.length;
  const t = transposeWeights(w);
  const lists: number[][] = [];
  const values: number[][] = [];
  for (let i = 0; i < n; i++) {
    const l: number[] = [], v: number[] = [];
    let a = w.offsets[i], b = t.offsets[i];
    const ae = w.offsets[i + 1], be = t.offsets[i + 1];
    while (a < ae || b < be) {
      const ja = a < ae ? w.neighbors[a] : n, jb = b < be ? t.neighbors[b] : n;
      if (ja === jb) { l.push(ja); v.push(Math.max(w.weights[a], t.weights[b])); a++; b++; }
      else if (ja < jb) { l.push(ja); v.push(w.weights[a]); a++; }
      else { l.push(jb); v.push(t.weights[b]); b++; }
    }
    lists.push(l); values.push(v);
  }
  return weightsFromLists(w.ids, lists, values, { style: w.style === 'W' ? 'V' : w.style, card: { ...w.card, symmetrised: true } });
}

/** True when w_ij = w_ji for all pairs (exact comparison). */
export function isSymmetricWeights(w: SpatialWeights): boolean {
  const t = transposeWeights(w);
  if (t.neighbors.length !== w.neighbors.length) return false;
  for (let k = 0; k < w.neighbors.length; k++) {
    if (t.neighbors[k] !== w.neighbors[k] || t.weights[k] !== w.weights[k]) return false;
  }
  for (let i = 0; i <= w.ids.length; i++) if (t.offsets[i] !== w.offsets[i]) return false;
  return true;
}

/** Add links (i, j) with value `value` (both directions when `symmetric`); existing links are kept as they are. */
export function addWeightLinks(w: SpatialWeights, pairs: readonly [number, number][], value = 1, symmetric = true): SpatialWeights {
  const n = w.ids.length;
  const lists: number[][] = [];
  const values: number[][] = [];
  for (let i = 0; i < n; i++) {
    lists.push(Array.from(w.neighbors.subarray(w.offsets[i], w.offsets[i + 1])));
    values.push(Array.from(w.weights.subarray(w.offsets[i], w.offsets[i + 1])));
  }
  const add = (i: number, j: number): void => {
    if (!lists[i].includes(j)) { lists[i].push(j); values[i].push(value); }
  };
  for (const [i, j] of pairs) { add(i, j); if (symmetric) add(j, i); }
  return weightsFromLists(w.ids, lists, values, { style: w.style, card: w.card });
}

/** Spatial lag W·x (islands get 0, spdep's zero.policy = TRUE). */
export function spatialLag(w: SpatialWeights, x: ArrayLike<number>, out = new Float64Array(w.ids.length)): Float64Array {
  const n = w.ids.length;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) s += w.weights[k] * x[w.neighbors[k]];
    out[i] = s;
  }
  return out;
}

export interface WeightsConstants {
  n: number;
  /** Σ_i Σ_j w_ij */
  S0: number;
  /** ½ Σ_i Σ_j (w_ij + w_ji)² */
  S1: number;
  /** Σ_i (w_i· + w_·i)² */
  S2: number;
  /** Number of islands (rows with zero sum). */
  islands: number;
}

/** S0, S1, S2 (Cliff & Ord 1981), exact for asymmetric weights. O(n + nnz). */
export function weightsConstants(w: SpatialWeights): WeightsConstants {
  const n = w.ids.length;
  const t = transposeWeights(w);
  const rowSum = new Float64Array(n), colSum = new Float64Array(n);
  let S0 = 0, S1 = 0, islands = 0;
  for (let i = 0; i < n; i++) {
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) { rowSum[i] += w.weights[k]; colSum[w.neighbors[k]] += w.weights[k]; }
    S0 += rowSum[i];
    if (rowSum[i] === 0) islands++;
    // Merge row i of W and of Wᵀ: Σ_j (w_ij + w_ji)².
    let a = w.offsets[i], b = t.offsets[i];
    const ae = w.offsets[i + 1], be = t.offsets[i + 1];
    while (a < ae || b < be) {
      const ja = a < ae ? w.neighbors[a] : n, jb = b < be ? t.neighbors[b] : n;
      let s: number;
      if (ja === jb) { s = w.weights[a] + t.weights[b]; a++; b++; }
      else if (ja < jb) { s = w.weights[a]; a++; }
      else { s = t.weights[b]; b++; }
      S1 += s * s;
    }
  }
  let S2 = 0;
  for (let i = 0; i < n; i++) S2 += (rowSum[i] + colSum[i]) ** 2;
  return { n, S0, S1: S1 / 2, S2, islands };
}

/** Dense n×n copy (tests, small matrices). */
export function weightsToDense(w: SpatialWeights): Float64Array[] {
  const n = w.ids.length;
  const m = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) m[i][w.neighbors[k]] = w.weights[k];
  return m;
}

/** Weights from a dense matrix (rows = ids). Zeros are not links. */
export function weightsFromDense(ids: readonly string[], m: readonly ArrayLike<number>[], options: { style?: SpatialWeights['style']; card?: Record<string, unknown>; source?: string } = {}): SpatialWeights {
  const n = ids.length;
  if (m.length !== n) throw new DataError('weights-shape', `the weights matrix has ${m.length} rows for ${n} ids`, { file: options.source });
  const lists: number[][] = [], values: number[][] = [];
  for (let i = 0; i < n; i++) {
    if (m[i].length !== n) throw new DataError('weights-shape', `row ${i + 1} of the weights matrix has ${m[i].length} values, expected ${n}`, { file: options.source, id: ids[i] });
    const l: number[] = [], v: number[] = [];
    for (let j = 0; j < n; j++) {
      const x = m[i][j];
      if (i === j) {
        if (x !== 0) throw new DataError('self-neighbour', `the diagonal of the weights matrix must be 0 (row "${ids[i]}" has ${x})`, { file: options.source, id: ids[i] });
        continue;
      }
      if (x !== 0) { l.push(j); v.push(x); }
    }
    lists.push(l); values.push(v);
  }
  let binary = true;
  for (const v of values) for (const x of v) if (x !== 1) binary = false;
  return weightsFromLists(ids, lists, values, { style: options.style ?? (binary ? 'B' : 'V'), card: options.card, source: options.source });
}

/** Neighbour map {id: [ids]} or {id: {id: weight}} → weights. Ids listed only as neighbours are units too. */
export function weightsFromNeighbourMap(
  map: Readonly<Record<string, readonly string[] | Readonly<Record<string, number>>>>,
  options: { card?: Record<string, unknown>; source?: string; symmetric?: 'check' | 'ignore' } = {},
): SpatialWeights {
  const ids: string[] = Object.keys(map);
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  let valued = false;
  const entries = ids.map((id) => {
    const v = map[id];
    if (Array.isArray(v)) return (v as readonly string[]).map((j) => [String(j), 1] as [string, number]);
    if (v && typeof v === 'object') { valued = true; return Object.entries(v as Record<string, number>).map(([j, x]) => [j, Number(x)] as [string, number]); }
    throw new DataError('bad-neighbour-list', `neighbours of "${id}" must be a list of ids or an object {id: weight}`, { file: options.source, id });
  });
  for (const e of entries) for (const [j] of e) if (!index.has(j)) { index.set(j, ids.length); ids.push(j); }
  const lists: number[][] = ids.map(() => []);
  const values: number[][] = ids.map(() => []);
  entries.forEach((e, i) => {
    for (const [j, x] of e) {
      if (j === ids[i]) throw new DataError('self-neighbour', `unit "${j}" is listed as its own neighbour`, { file: options.source, id: j });
      lists[i].push(index.get(j)!); values[i].push(x);
    }
  });
  return weightsFromLists(ids, lists, values, { style: valued ? 'V' : 'B', card: options.card, source: options.source });
}

/** Weights → neighbour map {id: [ids]} (binary) or {id: {id: weight}}. */
export function weightsToNeighbourMap(w: SpatialWeights): Record<string, string[]> | Record<string, Record<string, number>> {
  const binary = w.style === 'B';
  const out: Record<string, any> = {};
  for (let i = 0; i < w.ids.length; i++) {
    if (binary) {
      out[w.ids[i]] = Array.from(w.neighbors.subarray(w.offsets[i], w.offsets[i + 1]), (j) => w.ids[j]);
    } else {
      const o: Record<string, number> = {};
      for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) o[w.ids[w.neighbors[k]]] = w.weights[k];
      out[w.ids[i]] = o;
    }
  }
  return out;
}

/** Number of neighbours of each unit. */
export function neighbourCounts(w: SpatialWeights): Int32Array {
  const n = w.ids.length;
  const c = new Int32Array(n);
  for (let i = 0; i < n; i++) c[i] = w.offsets[i + 1] - w.offsets[i];
  return c;
}
