// Plane and sphere geometry on GeoJSON (Multi)Polygons in lon/lat degrees (methods.md L1).
//
// Centroids are area-weighted planar centroids computed on the lon/lat coordinates themselves
// (shoelace formula; holes subtract), which is adequate for choosing k nearest neighbours between regions
// far apart relative to their size; it is not an equal-area centroid. Option `part: 'largest'` takes the
// centroid of the largest polygon only (useful for countries with distant overseas parts, e.g. France).
// Distances are great-circle (haversine) with the IUGG mean Earth radius R = 6371.0088 km.
// Everything is O(total vertices).

export type GeoPosition = number[];                 // [lon, lat, (alt)]
export type GeoRing = GeoPosition[];
export interface PolygonGeometry { type: 'Polygon'; coordinates: GeoRing[] }
export interface MultiPolygonGeometry { type: 'MultiPolygon'; coordinates: GeoRing[][] }
export type ArealGeometry = PolygonGeometry | MultiPolygonGeometry;

export interface GeoFeature {
  type: 'Feature';
  id?: string | number;
  properties: Record<string, unknown> | null;
  geometry: ArealGeometry | { type: string; coordinates?: unknown } | null;
}

export interface GeoFeatureCollection { type: 'FeatureCollection'; features: GeoFeature[] }

export const EARTH_RADIUS_KM = 6371.0088;

/** The polygons of an areal geometry as a list of ring lists (a Polygon is one part). Other types give []. */
export function polygonParts(g: GeoFeature['geometry']): GeoRing[][] {
  if (!g) return [];
  if (g.type === 'Polygon') return [(g as PolygonGeometry).coordinates];
  if (g.type === 'MultiPolygon') return (g as MultiPolygonGeometry).coordinates;
  return [];
}

/** Twice the signed area and the centroid moments of one ring (closed or not). */
function ringMoments(ring: GeoRing): { a2: number; cx6: number; cy6: number } {
  let a2 = 0, cx6 = 0, cy6 = 0;
  const m = ring.length;
  if (m < 3) return { a2: 0, cx6: 0, cy6: 0 };
  // Translate to the first vertex to keep the cross products well conditioned.
  const x0 = ring[0][0], y0 = ring[0][1];
  for (let k = 0; k < m; k++) {
    const p = ring[k], q = ring[(k + 1) % m];
    const xi = p[0] - x0, yi = p[1] - y0, xj = q[0] - x0, yj = q[1] - y0;
    const cross = xi * yj - xj * yi;
    a2 += cross;
    cx6 += (xi + xj) * cross;
    cy6 += (yi + yj) * cross;
  }
  // Back to the original frame: centroid = cx6/(3·a2), so shifting it by x0 adds 3·x0·a2 to cx6.
  return { a2, cx6: cx6 + 3 * x0 * a2, cy6: cy6 + 3 * y0 * a2 };
}

/** Planar area (square degrees, positive) and centroid of one polygon (exterior minus holes). */
export function polygonAreaCentroid(rings: GeoRing[]): { area: number; x: number; y: number } {
  let A = 0, Mx = 0, My = 0;
  rings.forEach((ring, r) => {
    const { a2, cx6, cy6 } = ringMoments(ring);
    if (a2 === 0) return;
    // Orientation-free: exterior counts positive, holes negative, whatever their winding.
    const sign = (r === 0 ? 1 : -1) * Math.sign(a2);
    A += sign * a2 / 2;
    Mx += sign * cx6 / 6;
    My += sign * cy6 / 6;
  });
  if (A === 0) {
    // Degenerate polygon: fall back to the mean of the exterior vertices.
    const ext = rings[0] ?? [];
    let sx = 0, sy = 0;
    for (const p of ext) { sx += p[0]; sy += p[1]; }
    const m = Math.max(ext.length, 1);
    return { area: 0, x: sx / m, y: sy / m };
  }
  return { area: Math.abs(A), x: Mx / A, y: My / A };
}

export interface CentroidOptions { part?: 'area' | 'largest' }

/** Centroid [lon, lat] of a (Multi)Polygon: area-weighted over parts, or of the largest part. null if no polygon. */
export function geometryCentroid(g: GeoFeature['geometry'], options: CentroidOptions = {}): [number, number] | null {
  const parts = polygonParts(g);
  if (parts.length === 0) return null;
  let A = 0, Mx = 0, My = 0, best = -1, bx = 0, by = 0;
  for (const rings of parts) {
    const c = polygonAreaCentroid(rings);
    A += c.area; Mx += c.area * c.x; My += c.area * c.y;
    if (c.area > best) { best = c.area; bx = c.x; by = c.y; }
  }
  if (options.part === 'largest' || A === 0) return [bx, by];
  return [Mx / A, My / A];
}

const RAD = Math.PI / 180;

/** Great-circle distance in km between [lon, lat] points (haversine). */
export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number, radius = EARTH_RADIUS_KM): number {
  const p1 = lat1 * RAD, p2 = lat2 * RAD;
  const dp = p2 - p1, dl = (lon2 - lon1) * RAD;
  const s = Math.sin(dp / 2) ** 2 + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) ** 2;
  return 2 * radius * Math.asin(Math.min(1, Math.sqrt(s)));
}
