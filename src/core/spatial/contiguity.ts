// Queen and rook contiguity from polygon boundaries (methods.md L1; as spdep::poly2nb, libpysal Queen/Rook).
//
// Coordinates are snapped to a grid of `snap` degrees (default 1e-7°). Queen: two units are neighbours when a
// boundary vertex of one falls in the same or an adjacent grid cell as a vertex of the other (so points within
// about one snap distance count as shared, as spdep's snap tolerance does). Rook: they share a boundary edge
// of positive length, i.e. the same pair of snapped end points (in either direction). The rook rule therefore
// needs topologically consistent boundaries (shared borders digitised with the same vertices, as in
// TopoJSON-derived data); spdep's rook instead asks for two shared points anywhere.
// Complexity: O(total vertices) expected, with hash maps of snapped vertices and edges.

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
  const cellKey = (gx: number, gy: number): string => `${gx},${gy}`;

  if (rule === 'queen') {
    // cell → units having a vertex in it
    const cells = new Map<string, number[]>();
    const unitCells: [number, number][][] = Array.from({ length: n }, () => []);
    for (let u = 0; u < n; u++) {
      const seen = new Set<string>();
      for (const rings of polygonParts(features[u].geometry)) for (const ring of rings) for (const p of ring) {
        const gx = Math.round(p[0] * scale), gy = Math.round(p[1] * scale);
        const key = cellKey(gx, gy);
        if (seen.has(key)) continue;
        seen.add(key);
        unitCells[u].push([gx, gy]);
        const list = cells.get(key);
        if (list) list.push(u); else cells.set(key, [u]);
      }
    }
    for (let u = 0; u < n; u++) {
      for (const [gx, gy] of unitCells[u]) {
        for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) {
          const list = cells.get(cellKey(gx + dx, gy + dy));
          if (list) for (const v of list) if (v > u) link(u, v);
        }
      }
    }
  } else {
    // snapped edge (end points in canonical order) → units whose boundary has it
    const owners = new Map<string, number[]>();
    for (let u = 0; u < n; u++) {
      for (const rings of polygonParts(features[u].geometry)) for (const ring of rings) {
        const m = ring.length;
        for (let k = 0; k + 1 < m || (k < m && !closed(ring)); k++) {
          const p = ring[k], q = ring[(k + 1) % m];
          const ax = Math.round(p[0] * scale), ay = Math.round(p[1] * scale);
          const bx = Math.round(q[0] * scale), by = Math.round(q[1] * scale);
          if (ax === bx && ay === by) continue; // zero length after snapping
          const key = ax < bx || (ax === bx && ay < by) ? `${ax},${ay},${bx},${by}` : `${bx},${by},${ax},${ay}`;
          const list = owners.get(key);
          if (!list) owners.set(key, [u]);
          else if (list[list.length - 1] !== u) list.push(u);
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

function closed(ring: number[][]): boolean {
  const a = ring[0], b = ring[ring.length - 1];
  return ring.length > 1 && a[0] === b[0] && a[1] === b[1];
}
