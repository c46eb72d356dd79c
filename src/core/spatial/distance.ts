// Distance-based spatial weights (methods.md L1): k nearest neighbours, inverse distance, economic distance
// and the nested geographic–economic matrix.
//
// Distances are great-circle km between representative points (centroids) by haversine, R = 6371.0088 km.
// k-NN: for each unit the k closest other units; ties in distance broken by id (code-point order), so the
// result is deterministic; asymmetric unless `symmetrise` (union of links). Inverse distance: w_ij = 1/d_ij^α
// (α = 1 default, 2 for the gravity form) for d_ij ≤ threshold (if given). Economic: w_ij = 1/|ȳ_i − ȳ_j| with
// ȳ the sample mean of an economic variable per unit (e.g. per-capita GDP); equal means are an error.
// Nested (check, methods.md): W = φ·W_d + (1 − φ)·W_e.
// Complexity: O(n² log k) for k-NN and O(n²) for the dense distance forms (n up to a few thousand).

import { DataError, UsageError } from '../errors.js';
import { haversineKm, EARTH_RADIUS_KM } from './geometry.js';
import { weightsFromLists, symmetriseWeights } from './weights.js';
import type { SpatialWeights } from './types.js';
import { pow } from '../math/elementary.js';

export interface SpatialPoint { id: string; lon: number; lat: number }

function checkPoints(points: readonly SpatialPoint[], source?: string): void {
  const seen = new Set<string>();
  for (const p of points) {
    if (!Number.isFinite(p.lon) || !Number.isFinite(p.lat) || Math.abs(p.lat) > 90 || Math.abs(p.lon) > 360) {
      throw new DataError('bad-coordinate', `unit "${p.id}" has no valid lon/lat (${p.lon}, ${p.lat})`, { file: source, id: p.id });
    }
    if (seen.has(p.id)) throw new DataError('duplicate-id', `id "${p.id}" appears twice among the points`, { file: source, id: p.id });
    seen.add(p.id);
  }
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** k-nearest-neighbour weights (binary) by haversine distance between points. O(n²·k), no per-pair allocation. */
export function knnWeights(points: readonly SpatialPoint[], k: number, options: { symmetrise?: boolean; source?: string } = {}): SpatialWeights {
  const n = points.length;
  if (!Number.isInteger(k) || k < 1) throw new UsageError('bad-k', `k must be a positive integer (got ${k})`);
  if (k > n - 1) throw new UsageError('bad-k', `k = ${k} needs at least ${k + 1} units; there are ${n}`, `use k ≤ ${n - 1}`);
  checkPoints(points, options.source);
  // Rank of each id in code-point order, for tie-breaking by integer comparison.
  const order = points.map((_, i) => i).sort((a, b) => byId(points[a].id, points[b].id));
  const rank = new Int32Array(n);
  order.forEach((i, r) => { rank[i] = r; });
  const lat = new Float64Array(n), lon = new Float64Array(n), cosLat = new Float64Array(n);
  for (let i = 0; i < n; i++) { lat[i] = (points[i].lat * Math.PI) / 180; lon[i] = (points[i].lon * Math.PI) / 180; cosLat[i] = Math.cos(lat[i]); }
  // Compare by the haversine term h = sin²(Δφ/2) + cosφ1cosφ2 sin²(Δλ/2), monotone in distance.
  const bestJ = new Int32Array(k), bestH = new Float64Array(k);
  const lists: number[][] = [];
  for (let i = 0; i < n; i++) {
    let m = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const sp = Math.sin((lat[j] - lat[i]) / 2), sl = Math.sin((lon[j] - lon[i]) / 2);
      const h = sp * sp + cosLat[i] * cosLat[j] * sl * sl;
      if (m === k && (h > bestH[k - 1] || (h === bestH[k - 1] && rank[j] > rank[bestJ[k - 1]]))) continue;
      // insertion into the sorted top-k
      let p = m < k ? m++ : k - 1;
      while (p > 0 && (bestH[p - 1] > h || (bestH[p - 1] === h && rank[bestJ[p - 1]] > rank[j]))) { bestH[p] = bestH[p - 1]; bestJ[p] = bestJ[p - 1]; p--; }
      bestH[p] = h; bestJ[p] = j;
    }
    lists.push(Array.from(bestJ.subarray(0, k)));
  }
  let w = weightsFromLists(points.map((p) => p.id), lists, undefined, {
    style: 'B',
    source: options.source,
    card: { type: 'knn', k, distance: `haversine great-circle km, R = ${EARTH_RADIUS_KM}`, ties: 'broken by id (code-point order)', symmetrised: Boolean(options.symmetrise), source: options.source },
  });
  if (options.symmetrise) w = symmetriseWeights(w);
  return w;
}

export interface InverseDistanceOptions {
  /** Power α (default 1). */
  alpha?: number;
  /** Only pairs with d ≤ threshold km are linked (default: all pairs). */
  threshold?: number;
  source?: string;
}

/** Inverse-distance weights w_ij = 1/d_ij^α (km), optionally cut at a distance threshold. Style 'V'. */
export function inverseDistanceWeights(points: readonly SpatialPoint[], options: InverseDistanceOptions = {}): SpatialWeights {
  const alpha = options.alpha ?? 1;
  if (!(alpha > 0)) throw new UsageError('bad-alpha', `alpha must be > 0 (got ${alpha})`);
  const thr = options.threshold ?? Infinity;
  if (!(thr > 0)) throw new UsageError('bad-threshold', `threshold must be > 0 km (got ${thr})`);
  checkPoints(points, options.source);
  const n = points.length;
  const lists: number[][] = [], values: number[][] = [];
  for (let i = 0; i < n; i++) {
    const l: number[] = [], v: number[] = [];
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const d = haversineKm(points[i].lon, points[i].lat, points[j].lon, points[j].lat);
      if (d === 0) {
        throw new DataError('coincident-points', `units "${points[i].id}" and "${points[j].id}" have the same location`, { file: options.source, id: points[i].id },
          'inverse distance is undefined at distance 0; give distinct coordinates');
      }
      if (d <= thr) { l.push(j); v.push(alpha === 1 ? 1 / d : pow(d, -alpha)); }
    }
    lists.push(l); values.push(v);
  }
  return weightsFromLists(points.map((p) => p.id), lists, values, {
    style: 'V',
    source: options.source,
    card: { type: 'inverse-distance', alpha, thresholdKm: Number.isFinite(thr) ? thr : null, distance: `haversine great-circle km, R = ${EARTH_RADIUS_KM}`, source: options.source },
  });
}

/** Economic-distance weights w_ij = 1/|ȳ_i − ȳ_j|. Style 'V'. Equal means → DataError. */
export function economicWeights(ids: readonly string[], means: ArrayLike<number>, options: { variable?: string; source?: string } = {}): SpatialWeights {
  const n = ids.length;
  if (means.length !== n) throw new UsageError('weights-shape', `${means.length} means for ${n} ids`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(means[i])) throw new DataError('missing-value', `unit "${ids[i]}" has no finite mean of ${options.variable ?? 'the economic variable'}`, { id: ids[i], column: options.variable });
  }
  const lists: number[][] = [], values: number[][] = [];
  for (let i = 0; i < n; i++) {
    const l: number[] = [], v: number[] = [];
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const d = Math.abs(means[i] - means[j]);
      if (d === 0) {
        throw new DataError('equal-means', `units "${ids[i]}" and "${ids[j]}" have the same mean ${options.variable ?? ''} (${means[i]}); economic distance is undefined`, { id: ids[i], column: options.variable },
          'use a different variable or geographic weights');
      }
      l.push(j); v.push(1 / d);
    }
    lists.push(l); values.push(v);
  }
  return weightsFromLists(ids, lists, values, {
    style: 'V',
    card: { type: 'economic', formula: 'w_ij = 1/|mean(y_i) - mean(y_j)|', variable: options.variable ?? null, source: options.source },
  });
}

/**
 * Nested weights φ·A + (1 − φ)·B on the same ids (both usually row-standardised first). The result keeps the
 * union of links.
 */
export function nestedWeights(A: SpatialWeights, B: SpatialWeights, phi: number): SpatialWeights {
  if (!(phi >= 0 && phi <= 1)) throw new UsageError('bad-phi', `phi must be in [0, 1] (got ${phi})`);
  const n = A.ids.length;
  if (B.ids.length !== n || B.ids.some((id, i) => id !== A.ids[i])) throw new UsageError('weights-ids', 'nested weights need two matrices on the same ids in the same order');
  const lists: number[][] = [], values: number[][] = [];
  for (let i = 0; i < n; i++) {
    const l: number[] = [], v: number[] = [];
    let a = A.offsets[i], b = B.offsets[i];
    const ae = A.offsets[i + 1], be = B.offsets[i + 1];
    while (a < ae || b < be) {
      const ja = a < ae ? A.neighbors[a] : n, jb = b < be ? B.neighbors[b] : n;
      if (ja === jb) { l.push(ja); v.push(phi * A.weights[a] + (1 - phi) * B.weights[b]); a++; b++; }
      else if (ja < jb) { l.push(ja); v.push(phi * A.weights[a]); a++; }
      else { l.push(jb); v.push((1 - phi) * B.weights[b]); b++; }
    }
    lists.push(l); values.push(v);
  }
  return weightsFromLists(A.ids, lists, values, { style: 'V', card: { type: 'nested', phi, first: A.card, second: B.card } });
}
