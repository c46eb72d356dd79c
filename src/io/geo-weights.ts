// Resolve a weights specification (the CLI's and the evaluation spec's `--weights`) into SpatialWeights over
// the data's ids, reading geometry or weights files from disk when named (methods.md L1).
//
//   queen | rook        contiguity from --geo FILE; without it, the bundled list when the ids are China's provinces
//   knn:K               K nearest neighbours between centroids of --geo, else provincial capitals (China) or
//                       bundled country points (ISO3 ids)
//   distance[:ALPHA]    inverse distance 1/d^α (α = 1 default) on the same points, optional --threshold km
//   economic:COL        1/|ȳ_i − ȳ_j| with ȳ the unit's mean of COL over the sample
//   FILE                a weights file (.json .csv .tsv .txt .gal .gwt)
// Default (no --weights): queen for China's provinces or with --geo; knn:4 for ISO3 country codes.
// Island rule (--islands): link (default for China's provinces: 海南–广东), isolate (default otherwise), knn.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError, DataError } from '../core/errors.js';
import type { Panel } from '../core/panel/panel.js';
import type { SpatialWeights } from '../core/spatial/types.js';
import { geometryCentroid } from '../core/spatial/geometry.js';
import { contiguityWeights } from '../core/spatial/contiguity.js';
import { knnWeights, inverseDistanceWeights, economicWeights, type SpatialPoint } from '../core/spatial/distance.js';
import { chinaProvinceWeights, chinaProvincePoints, looksLikeChinaProvinces, applyIslandRule, type IslandRule } from '../core/spatial/china-provinces.js';
import { looksLikeIso3Countries, worldCountryPoints } from '../core/spatial/world.js';
import { subsetWeights, weightsFromLists } from '../core/spatial/weights.js';
import type { WeightsBuilder } from '../core/spatial/cross-section.js';
import { readGeometryFile, readWeightsFile } from './geo.js';
import { matchFeatures } from './geo-parse.js';

export interface WeightsSpecOptions {
  /** queen | rook | knn:K | distance[:α] | economic:COL | FILE (default: see header). */
  weights?: string;
  /** GeoJSON/TopoJSON file with the units' boundaries. */
  geo?: string;
  /** Property of the features holding the unit id (default: found by matching). */
  geoId?: string;
  /** Coordinates of --geo: wgs84 (default) or gcj02 (DataV/AMap files; converted to WGS84). */
  geoCrs?: 'wgs84' | 'gcj02';
  islands?: IslandRule;
  symmetrise?: boolean;
  /** km, for distance weights. */
  threshold?: number;
  cwd?: string;
  encoding?: string;
}

/** Default weights spec for these ids. */
export function defaultWeightsSpec(ids: readonly string[], geo?: string): string {
  if (geo || looksLikeChinaProvinces(ids)) return 'queen';
  if (looksLikeIso3Countries(ids)) return 'knn:4';
  return 'queen';
}

function pointsFor(ids: readonly string[], o: WeightsSpecOptions): { points: SpatialPoint[]; source: string } {
  if (o.geo) {
    const fc = readGeometryFile(o.geo, { cwd: o.cwd, encoding: o.encoding, crs: o.geoCrs });
    const m = matchFeatures(fc, ids, o.geoId);
    if (m.unmatched.length) throw unmatchedError(o.geo, m.unmatched, m.field);
    const points = ids.map((id, r) => {
      const c = geometryCentroid(fc.features[m.index[r]].geometry);
      if (!c) throw new DataError('no-polygon', `feature of "${id}" has no polygon`, { file: o.geo, id });
      return { id, lon: c[0], lat: c[1] };
    });
    return { points, source: `centroids of ${o.geo} (area-weighted, planar lon/lat)` };
  }
  if (looksLikeChinaProvinces(ids)) return { points: chinaProvincePoints(ids), source: 'bundled provincial capitals (China)' };
  if (looksLikeIso3Countries(ids)) return { points: worldCountryPoints(ids), source: 'bundled country points (Natural Earth 1:50m, largest polygon)' };
  throw new UsageError('no-locations', 'distance-based weights need locations for the units',
    'give --geo FILE (GeoJSON with the units\' boundaries), use ids that are Chinese provinces or ISO3 country codes, or pass a weights file');
}

function unmatchedError(file: string, unmatched: string[], field: string): DataError {
  return new DataError('unknown-id', `${unmatched.length} unit(s) of the data have no feature in the geometry (matched on ${field}): ${unmatched.slice(0, 10).join(', ')}${unmatched.length > 10 ? ' …' : ''}`,
    { file, id: unmatched[0] }, 'name the property holding the ids with --geo-id, or fix the ids');
}

/** Build the weights for `ids` (the panel's units). `panel` is needed for economic distance. */
export function resolveWeights(ids: readonly string[], o: WeightsSpecOptions, panel?: Panel): SpatialWeights {
  const spec = (o.weights ?? defaultWeightsSpec(ids, o.geo)).trim();
  const china = looksLikeChinaProvinces(ids);
  const islands: IslandRule = o.islands ?? (china ? 'link' : 'isolate');
  if (!['link', 'isolate', 'knn'].includes(islands)) throw new UsageError('bad-islands', `--islands must be link, isolate or knn (got "${islands}")`);
  const lower = spec.toLowerCase();
  let w: SpatialWeights;
  if (lower === 'queen' || lower === 'rook') {
    if (o.geo) {
      const fc = readGeometryFile(o.geo, { cwd: o.cwd, encoding: o.encoding, crs: o.geoCrs });
      const m = matchFeatures(fc, ids, o.geoId);
      if (m.unmatched.length) throw unmatchedError(o.geo, m.unmatched, m.field);
      const feats = m.index.map((k) => fc.features[k]);
      w = contiguityWeights(ids, feats, lower, { source: o.geo });
      w.card = { ...w.card, idField: m.field, crs: o.geoCrs === 'gcj02' ? 'GCJ-02 converted to WGS84' : 'WGS84' };
      const pts = islands === 'knn' ? feats.map((f, r) => { const c = geometryCentroid(f.geometry); return { id: ids[r], lon: c?.[0] ?? NaN, lat: c?.[1] ?? NaN }; }) : undefined;
      w = applyIslandRule(w, islands, pts);
    } else if (china) {
      w = chinaProvinceWeights(ids, { type: lower, islands });
    } else {
      throw new UsageError('no-geometry', `${lower} contiguity needs the units' boundaries`,
        looksLikeIso3Countries(ids) ? 'for countries use --weights knn:4 (bundled country points), or give --geo FILE' : 'give --geo FILE (GeoJSON), or a weights file with --weights FILE');
    }
  } else if (/^knn(:\d+)?$/.test(lower)) {
    const k = lower.includes(':') ? Number(lower.split(':')[1]) : 4;
    const { points, source } = pointsFor(ids, o);
    w = knnWeights(points, k, { symmetrise: o.symmetrise, source });
  } else if (/^(distance|idw)(:[\d.]+)?$/.test(lower)) {
    const alpha = lower.includes(':') ? Number(lower.split(':')[1]) : 1;
    const { points, source } = pointsFor(ids, o);
    w = inverseDistanceWeights(points, { alpha, threshold: o.threshold, source });
    if (w.islands.length) w = applyIslandRule(w, islands === 'link' && !china ? 'isolate' : islands, points);
  } else if (lower.startsWith('economic:')) {
    const col = spec.slice('economic:'.length);
    if (!panel) throw new UsageError('economic-needs-data', 'economic weights need the data');
    const c = panel.columns[col];
    if (!c) throw new UsageError('unknown-column', `no numeric column "${col}" for economic weights`, `columns are: ${Object.keys(panel.columns).join(', ')}`);
    const T = panel.periods.length;
    const means = ids.map((id) => {
      const i = panel.ids.indexOf(id);
      let s = 0, m = 0;
      for (let t = 0; t < T; t++) { const v = c[i * T + t]; if (Number.isFinite(v)) { s += v; m++; } }
      return m ? s / m : NaN;
    });
    w = economicWeights(ids, means, { variable: col, source: panel.source });
  } else {
    const full = resolve(o.cwd ?? '.', spec);
    if (!existsSync(full)) {
      throw new UsageError('bad-weights', `--weights "${spec}" is neither queen, rook, knn:K, distance[:α], economic:COL nor an existing file`);
    }
    w = readWeightsFile(spec, { cwd: o.cwd, encoding: o.encoding });
    const have = new Set(w.ids);
    const missing = ids.filter((id) => !have.has(id));
    if (missing.length) {
      throw new DataError('unknown-id', `${missing.length} unit(s) of the data are not in the weights file: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ' …' : ''}`,
        { file: spec, id: missing[0] }, 'the weights file must use the same ids as the --id column');
    }
    w = subsetWeights(w, ids);
    if (w.islands.length && islands !== 'isolate') w = applyIslandRule(w, islands, islands === 'knn' ? pointsFor(ids, o).points : undefined);
  }
  w.card = { ...w.card, spec };
  return w;
}

/**
 * Weights for the spatial statistics: a fixed matrix, or for k-NN a builder that rebuilds the k nearest
 * neighbours among the units observed in each period (methods.md L1: build on the analysed subset; subsetting a
 * k-NN matrix would leave units with fewer than k neighbours). k is capped at (units − 1) in a small period.
 */
export function resolveWeightsForAnalysis(ids: readonly string[], o: WeightsSpecOptions, panel?: Panel): SpatialWeights | WeightsBuilder {
  const spec = (o.weights ?? defaultWeightsSpec(ids, o.geo)).trim().toLowerCase();
  const full = resolveWeights(ids, o, panel);
  if (!/^knn(:\d+)?$/.test(spec)) return full;
  const k = spec.includes(':') ? Number(spec.split(':')[1]) : 4;
  return (sub: readonly string[]) => {
    if (sub.length === ids.length) return full;
    if (sub.length < 2) return weightsFromLists(sub, sub.map(() => []), undefined, { style: 'B', card: full.card });
    const w = resolveWeights(sub, { ...o, weights: `knn:${Math.min(k, sub.length - 1)}` }, panel);
    w.card = { ...w.card, spec: o.weights ?? spec };
    return w;
  };
}
