// Queen and rook contiguity from polygon boundaries (methods.md L1; as spdep::poly2nb, libpysal Queen/Rook).
//
// Coordinates are snapped to a grid of `snap` degrees (default 1e-7°). Queen: two units are neighbours when a
// boundary vertex of one falls in the same or an adjacent grid cell as a vertex of the other (so points within
// about one snap distance count as shared, as spdep's snap tolerance does). Rook: they share a boundary edge
// of positive length, i.e. the same pair of snapped end points (in either direction). The rook rule therefore
// needs topologically consistent boundaries (shared borders digitised with the same vertices, as in
// TopoJSON-derived data); spdep's rook instead asks for two shared points anywhere.
// Complexity: O(total vertices) expected, with an open-addressing hash of snapped vertices and a map of edges.

import { DataError } from '../errors.js';
import { polygonParts, type GeoFeature } from './geometry.js';
import { weightsFromLists } from './weights.js';
import type { SpatialWeights } from './types.js';

export interface ContiguityOptions {
  /** Snap tolerance in degrees (default 1e-7). */
  snap?: number;
  /** Source description for the card and messages. */
  source?: string;
}

/** Queen or rook contiguity for features with ids `ids` (same order). Features without polygons are islands. */
export function contiguityWeights(
  ids: readonly string[],
  features: readonly GeoFeature[],
  rule: 'queen' | 'rook',
  options: ContiguityOptions = {},
): SpatialWeights {
  const snap = options.snap ?? 1e-7;
  if (!(snap > 0)) throw new DataError('bad-snap', `snap tolerance must be > 0 (got ${snap})`);
  const n = features.length;
  if (ids.length !== n) throw new DataError('weights-shape', `${ids.length} ids for ${n} features`, { file: options.source });
  const scale = 1 / snap;
  const pairs: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  const link = (a: number, b: number): void => { if (a !== b) { pairs[a].add(b); pairs[b].add(a); } };
  let V = 0;
  for (const f of features) for (const rings of polygonParts(f.geometry)) for (const ring of rings) V += ring.length;
  const cells = new CellHash(V);
  const snapTo = (v: number): number => {
    const g = Math.round(v * scale);
    if (!(Math.abs(g) < 2 ** 31 - 2)) throw new DataError('bad-coordinate', `coordinate ${v} is out of range for snapping at ${snap}°`, { file: options.source });
    return g;
  };

  if (rule === 'queen') {
    // (cell, unit) incidences, then cell → units in CSR form.
    const incCell: number[] = [], incUnit: number[] = [];
    for (let u = 0; u < n; u++) {
      let last = -1;
      for (const rings of polygonParts(features[u].geometry)) for (const ring of rings) for (const p of ring) {
        const c = cells.getOrInsert(snapTo(p[0]), snapTo(p[1]));
        if (c !== last) { incCell.push(c); incUnit.push(u); last = c; }
      }
    }
    const C = cells.size;
    const start = new Int32Array(C + 1);
    for (const c of incCell) start[c + 1]++;
    for (let c = 0; c < C; c++) start[c + 1] += start[c];
    const fill = start.slice(0, C);
    const units = new Int32Array(incCell.length);
    for (let k = 0; k < incCell.length; k++) units[fill[incCell[k]]++] = incUnit[k];
    for (let c = 0; c < C; c++) {
      const cx = cells.xs[c], cy = cells.ys[c];
      for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) {
        const c2 = dx === 0 && dy === 0 ? c : cells.get(cx + dx, cy + dy);
        if (c2 < c) continue; // each unordered cell pair once (c2 = c included)
        for (let a = start[c]; a < start[c + 1]; a++) for (let b = start[c2]; b < start[c2 + 1]; b++) link(units[a], units[b]);
      }
    }
  } else {
    // snapped edge (cell ids in canonical order, as one number) → units whose boundary has it
    const owners = new Map<number, number[]>();
    const base = V + 1;
    for (let u = 0; u < n; u++) {
      for (const rings of polygonParts(features[u].geometry)) for (const ring of rings) {
        const m = ring.length;
        if (m < 2) continue;
        const isClosed = closed(ring);
        let prev = cells.getOrInsert(snapTo(ring[0][0]), snapTo(ring[0][1]));
        const first = prev;
        for (let k = 1; k <= m; k++) {
          if (k === m && isClosed) break;
          const c = k === m ? first : cells.getOrInsert(snapTo(ring[k][0]), snapTo(ring[k][1]));
          if (c !== prev) {
            const key = prev < c ? prev * base + c : c * base + prev;
            const list = owners.get(key);
            if (!list) owners.set(key, [u]);
            else if (list[list.length - 1] !== u) list.push(u);
          }
          prev = c;
        }
      }
    }
    for (const list of owners.values()) {
      for (let a = 0; a < list.length; a++) for (let b = a + 1; b < list.length; b++) link(list[a], list[b]);
    }
  }
  const lists = pairs.map((s) => [...s]);
  return weightsFromLists(ids, lists, undefined, {
    style: 'B',
    source: options.source,
    card: { type: rule, snapDegrees: snap, source: options.source ?? 'GeoJSON', rule: rule === 'queen' ? 'shared boundary point (after snapping)' : 'shared boundary edge of positive length (after snapping)' },
  });
}

/** Open-addressing hash of snapped integer coordinates → dense cell ids. */
class CellHash {
  xs: Int32Array; ys: Int32Array; size = 0;
  private table: Int32Array;
  private mask: number;
  constructor(capacity: number) {
    let cap = 16;
    while (cap < 2 * capacity + 2) cap *= 2;
    this.table = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    this.xs = new Int32Array(Math.max(capacity, 1));
    this.ys = new Int32Array(Math.max(capacity, 1));
  }
  private slot(x: number, y: number): number {
    let h = Math.imul(x, 0x9e3779b1) ^ Math.imul(y ^ (y >>> 15), 0x85ebca6b);
    h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35); h ^= h >>> 16;
    let i = h & this.mask;
    for (;;) {
      const c = this.table[i];
      if (c < 0 || (this.xs[c] === x && this.ys[c] === y)) return i;
      i = (i + 1) & this.mask;
    }
  }
  get(x: number, y: number): number {
    return this.table[this.slot(x, y)];
  }
  getOrInsert(x: number, y: number): number {
    const i = this.slot(x, y);
    if (this.table[i] >= 0) return this.table[i];
    const c = this.size++;
    this.xs[c] = x; this.ys[c] = y; this.table[i] = c;
    return c;
  }
}

function closed(ring: number[][]): boolean {
  const a = ring[0], b = ring[ring.length - 1];
  return ring.length > 1 && a[0] === b[0] && a[1] === b[1];
}
