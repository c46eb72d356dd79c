// Parsing geometry and user weights files (text → core objects); isomorphic, no file access (methods.md L1).
//
// Geometry: GeoJSON FeatureCollection / Feature / bare (Multi)Polygon; TopoJSON topologies are decoded too
// (delta-encoded, quantised arcs; the first object, or the one named). Which property holds the unit id is
// given (`idField`) or found by matching the data's ids against feature.id and every property (the candidate
// matching most ids wins; Chinese province names match in any accepted spelling).
// Weights files:
//  - JSON: {id: [neighbour ids]}, {id: {neighbour: weight}}, {ids, neighbours|neighbors (ids or 0-based
//    indices), weights?}, or {ids, matrix};
//  - CSV/TSV: a square matrix with ids in the header (first cell ignored) and in the first column (any
//    order; rows are aligned to the header), or an edge list with columns from,to[,weight]
//    (also origin/destination, source/target, id1/id2, i/j);
//  - GeoDa .gal (binary neighbours) and .gwt (i j w lines).

import { DataError } from '../core/errors.js';
import type { SpatialWeights } from '../core/spatial/types.js';
import type { GeoFeature, GeoFeatureCollection, GeoPosition } from '../core/spatial/geometry.js';
import { weightsFromNeighbourMap, weightsFromDense, weightsFromLists } from '../core/spatial/weights.js';
import { chinaProvinceIndex } from '../core/spatial/china-provinces.js';
import { gcj02ToWgs84 } from '../core/spatial/gcj02.js';
import { parseCsv } from './csv.js';

function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new DataError('bad-json', `not valid JSON: ${(e as Error).message}`, { file }, 'check the file is GeoJSON/TopoJSON or a JSON neighbour list');
  }
}

// ---- geometry --------------------------------------------------------------------------------------------

interface Topology {
  type: 'Topology';
  transform?: { scale: [number, number]; translate: [number, number] };
  arcs: number[][][];
  objects: Record<string, { type: string; geometries?: any[] } & Record<string, any>>;
}

/** Decode a TopoJSON topology object into GeoJSON features (Polygon/MultiPolygon only; others kept null). */
export function topologyToFeatures(topo: Topology, objectName?: string, file = 'topojson'): GeoFeatureCollection {
  const names = Object.keys(topo.objects ?? {});
  const name = objectName ?? names[0];
  const obj = topo.objects?.[name];
  if (!obj) throw new DataError('bad-topojson', `no object "${objectName}" in the topology (objects: ${names.join(', ')})`, { file });
  const tf = topo.transform;
  const arcs: GeoPosition[][] = topo.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map((p) => {
      if (tf) { x += p[0]; y += p[1]; return [x * tf.scale[0] + tf.translate[0], y * tf.scale[1] + tf.translate[1]]; }
      return [p[0], p[1]];
    });
  });
  const ring = (idx: number[]): GeoPosition[] => {
    const out: GeoPosition[] = [];
    for (const a of idx) {
      const arc = a >= 0 ? arcs[a] : [...arcs[~a]].reverse();
      for (let k = 0; k < arc.length; k++) if (!(out.length && k === 0)) out.push(arc[k]);
    }
    return out;
  };
  const geoms = obj.type === 'GeometryCollection' ? obj.geometries ?? [] : [obj];
  const features: GeoFeature[] = geoms.map((g: any) => {
    let geometry: GeoFeature['geometry'] = null;
    if (g.type === 'Polygon') geometry = { type: 'Polygon', coordinates: g.arcs.map(ring) };
    else if (g.type === 'MultiPolygon') geometry = { type: 'MultiPolygon', coordinates: g.arcs.map((p: number[][]) => p.map(ring)) };
    return { type: 'Feature', id: g.id, properties: g.properties ?? {}, geometry };
  });
  return { type: 'FeatureCollection', features };
}

/** GeoJSON or TopoJSON text → FeatureCollection. */
export function parseGeometry(text: string, options: { file?: string; object?: string } = {}): GeoFeatureCollection {
  const file = options.file ?? 'geometry';
  const j = parseJsonText(text, file) as any;
  if (j?.type === 'Topology') return topologyToFeatures(j, options.object, file);
  if (j?.type === 'FeatureCollection' && Array.isArray(j.features)) return j as GeoFeatureCollection;
  if (j?.type === 'Feature') return { type: 'FeatureCollection', features: [j] };
  if (j?.type === 'Polygon' || j?.type === 'MultiPolygon') return { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: j }] };
  throw new DataError('bad-geojson', 'not a GeoJSON FeatureCollection/Feature or a TopoJSON Topology', { file }, 'export the boundaries as GeoJSON (lon/lat, WGS84)');
}

/** Convert every polygon coordinate of a FeatureCollection from GCJ-02 to WGS84 (a new object). */
export function geometryToWgs84(fc: GeoFeatureCollection, crs: 'wgs84' | 'gcj02'): GeoFeatureCollection {
  if (crs === 'wgs84') return fc;
  const conv = (p: GeoPosition): GeoPosition => gcj02ToWgs84(p[0], p[1]);
  return {
    ...fc,
    features: fc.features.map((f) => {
      const g = f.geometry as any;
      if (!g) return f;
      if (g.type === 'Polygon') return { ...f, geometry: { type: 'Polygon', coordinates: g.coordinates.map((r: GeoPosition[]) => r.map(conv)) } };
      if (g.type === 'MultiPolygon') return { ...f, geometry: { type: 'MultiPolygon', coordinates: g.coordinates.map((pp: GeoPosition[][]) => pp.map((r) => r.map(conv))) } };
      return f;
    }),
  };
}

export interface FeatureMatch {
  /** Feature index for each wanted id (−1 when not found). */
  index: number[];
  /** Where the id was found: "feature.id" or "properties.<name>". */
  field: string;
  unmatched: string[];
}

function featureKey(f: GeoFeature, field: string): string | null {
  const v = field === 'feature.id' ? f.id : f.properties?.[field.replace(/^properties\./, '')];
  return v === undefined || v === null ? null : String(v).trim();
}

/** Match data ids to features by `idField` or by the candidate field that matches most ids. */
export function matchFeatures(fc: GeoFeatureCollection, ids: readonly string[], idField?: string): FeatureMatch {
  const fields: string[] = [];
  if (idField) fields.push(idField === 'id' && !fc.features.some((f) => f.properties && 'id' in f.properties) ? 'feature.id' : `properties.${idField}`);
  else {
    fields.push('feature.id');
    const seen = new Set<string>();
    for (const f of fc.features) for (const k of Object.keys(f.properties ?? {})) if (!seen.has(k)) { seen.add(k); fields.push(`properties.${k}`); }
  }
  let best: FeatureMatch | null = null;
  for (const field of fields) {
    for (const fuzzyChina of [false, true]) {
      const map = new Map<string, number>();
      fc.features.forEach((f, i) => {
        const k = featureKey(f, field);
        if (k === null) return;
        const key = fuzzyChina ? String(chinaProvinceIndex(k)) : k;
        if (fuzzyChina && key === '-1') return;
        if (!map.has(key)) map.set(key, i);
      });
      const index = ids.map((id) => map.get(fuzzyChina ? String(chinaProvinceIndex(id)) : id) ?? -1);
      const hits = index.filter((i) => i >= 0).length;
      if (!best || hits > best.index.filter((i) => i >= 0).length) best = { index, field, unmatched: ids.filter((_, r) => index[r] < 0) };
      if (hits === ids.length) return best;
    }
  }
  return best ?? { index: ids.map(() => -1), field: idField ?? 'feature.id', unmatched: [...ids] };
}

// ---- weights files ---------------------------------------------------------------------------------------

const FROM = ['from', 'origin', 'source', 'id1', 'i', 'focal'];
const TO = ['to', 'destination', 'target', 'id2', 'j', 'neighbor', 'neighbour'];
const WEIGHT = ['weight', 'w', 'value', 'wij'];

function cardFor(file: string, format: string): Record<string, unknown> {
  return { type: 'user', format, source: file };
}

/** JSON weights: neighbour map, {ids, neighbours, weights?} or {ids, matrix}. */
export function parseWeightsJson(text: string, file = 'weights.json'): SpatialWeights {
  const j = parseJsonText(text, file) as any;
  if (j && typeof j === 'object' && (j.type === 'FeatureCollection' || j.type === 'Topology')) {
    throw new DataError('weights-is-geometry', 'this file holds geometry, not weights', { file }, 'pass it with --geo FILE and choose --weights queen|rook|knn:K');
  }
  if (j && Array.isArray(j.ids) && Array.isArray(j.matrix)) {
    return weightsFromDense(j.ids.map(String), j.matrix, { source: file, card: cardFor(file, 'json matrix') });
  }
  if (j && Array.isArray(j.ids) && Array.isArray(j.neighbours ?? j.neighbors)) {
    const ids: string[] = j.ids.map(String);
    const index = new Map(ids.map((id, i) => [id, i]));
    const nbs: unknown[][] = j.neighbours ?? j.neighbors;
    if (nbs.length !== ids.length) throw new DataError('weights-shape', `${nbs.length} neighbour lists for ${ids.length} ids`, { file });
    const lists = nbs.map((l, i) => (l ?? []).map((v) => {
      const k = typeof v === 'number' ? v : index.get(String(v));
      if (k === undefined || !Number.isInteger(k) || k < 0 || k >= ids.length) throw new DataError('unknown-id', `neighbour "${String(v)}" of "${ids[i]}" is not one of the ids`, { file, id: ids[i] });
      return k as number;
    }));
    const values = j.weights ? (j.weights as number[][]).map((r) => r.map(Number)) : undefined;
    return weightsFromLists(ids, lists, values, { source: file, card: cardFor(file, 'json lists') });
  }
  if (j && typeof j === 'object' && !Array.isArray(j)) {
    return weightsFromNeighbourMap(j, { source: file, card: cardFor(file, 'json neighbour map') });
  }
  throw new DataError('bad-weights', 'a JSON weights file must be {id: [neighbour ids]}, {ids, neighbours}, or {ids, matrix}', { file });
}

/** CSV/TSV weights: square matrix with ids, or an edge list from,to[,weight]. */
export function parseWeightsCsv(text: string, file = 'weights.csv'): SpatialWeights {
  // Matrices often have an empty corner cell (R's write.csv writes ""): name it so the header is valid.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const t = parseCsv(/^(""|)[,;\t|]/.test(body) ? body.replace(/^(""|)/, 'id') : body, { file });
  const lower = t.header.map((h) => h.toLowerCase());
  const fi = lower.findIndex((h) => FROM.includes(h));
  const ti = lower.findIndex((h) => TO.includes(h));
  const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
  if (fi >= 0 && ti >= 0 && t.header.length <= 3) {
    const wi = lower.findIndex((h) => WEIGHT.includes(h));
    const map: Record<string, Record<string, number>> = {};
    const seenIds: string[] = [];
    const note = (id: string) => { if (!(id in map)) { map[id] = {}; seenIds.push(id); } };
    for (let r = 0; r < t.rows.length; r++) {
      const a = cell(t.columns[fi][r]), b = cell(t.columns[ti][r]);
      if (!a || !b) throw new DataError('missing-value', 'an edge needs both ends', { file, row: t.rows[r] });
      const w = wi >= 0 ? Number(cell(t.columns[wi][r])) : 1;
      if (!Number.isFinite(w)) throw new DataError('bad-number', 'weight is not a number', { file, row: t.rows[r], column: t.header[wi], text: cell(t.columns[wi][r]) });
      note(a); note(b);
      if (b in map[a]) throw new DataError('duplicate-neighbour', `edge ${a} → ${b} appears twice`, { file, row: t.rows[r] });
      map[a][b] = w;
    }
    const valued = wi >= 0 && Object.values(map).some((o) => Object.values(o).some((w) => w !== 1));
    const nm: Record<string, string[] | Record<string, number>> = {};
    for (const id of seenIds) nm[id] = valued ? map[id] : Object.keys(map[id]);
    return weightsFromNeighbourMap(nm, { source: file, card: cardFor(file, 'csv edge list') });
  }
  // Matrix: header = [corner, id1..idn]; first column = row ids.
  const ids = t.header.slice(1);
  const n = ids.length;
  if (t.rows.length !== n) {
    throw new DataError('weights-shape', `a weights matrix needs one row per id: the header names ${n} ids but there are ${t.rows.length} rows`, { file },
      'write a square matrix with ids in the first row and first column, or an edge list with columns from,to,weight');
  }
  const pos = new Map(ids.map((id, i) => [id, i]));
  const m: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const filled = new Uint8Array(n);
  for (let r = 0; r < n; r++) {
    const rid = cell(t.columns[0][r]);
    const i = pos.get(rid);
    if (i === undefined) throw new DataError('unknown-id', `row id "${rid}" is not among the column ids`, { file, row: t.rows[r], column: t.header[0], text: rid });
    if (filled[i]) throw new DataError('duplicate-id', `row id "${rid}" appears twice`, { file, row: t.rows[r] });
    filled[i] = 1;
    for (let j = 0; j < n; j++) {
      const s = cell(t.columns[j + 1][r]);
      const v = s === '' ? NaN : Number(s);
      if (!Number.isFinite(v)) throw new DataError('bad-number', 'a weight must be a number (0 for no link)', { file, row: t.rows[r], column: t.header[j + 1], text: s });
      m[i][j] = v;
    }
  }
  return weightsFromDense(ids, m, { source: file, card: cardFor(file, 'csv matrix') });
}

/** GeoDa .gal / .gwt text. */
export function parseGeoDaWeights(text: string, file: string, kind: 'gal' | 'gwt'): SpatialWeights {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length);
  if (!lines.length) throw new DataError('empty-file', 'the weights file is empty', { file });
  const body = lines.slice(1);
  const map: Record<string, Record<string, number>> = {};
  const order: string[] = [];
  const note = (id: string) => { if (!(id in map)) { map[id] = {}; order.push(id); } };
  if (kind === 'gal') {
    // "id k" then, when k > 0, a line with the k neighbour ids (blank lines were dropped above).
    let k = 0;
    while (k < body.length) {
      const [id, cnt] = body[k].split(/\s+/);
      const c = Number(cnt);
      if (!id || !Number.isInteger(c) || c < 0) throw new DataError('bad-gal', 'expected a line "id number-of-neighbours"', { file, row: k + 2, text: body[k] });
      const nbs = c > 0 ? (body[k + 1] ?? '').split(/\s+/) : [];
      if (nbs.length !== c) throw new DataError('bad-gal', `unit ${id} should list ${c} neighbours`, { file, row: k + 3 });
      note(id);
      for (const j of nbs) { note(j); map[id][j] = 1; }
      k += c > 0 ? 2 : 1;
    }
  } else {
    body.forEach((l, k) => {
      const [a, b, w] = l.split(/\s+/);
      const v = Number(w);
      if (!a || !b || !Number.isFinite(v)) throw new DataError('bad-gwt', 'each line must be "id neighbour weight"', { file, row: k + 2, text: l });
      note(a); note(b); map[a][b] = v;
    });
  }
  const nm: Record<string, string[] | Record<string, number>> = {};
  for (const id of order) nm[id] = kind === 'gal' ? Object.keys(map[id]) : map[id];
  return weightsFromNeighbourMap(nm, { source: file, card: cardFor(file, kind) });
}
