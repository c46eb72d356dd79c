// Development-time conversion of Natural Earth country boundaries (npm package world-atlas@2.0.2, ISC; the data
// are Natural Earth, public domain) into the files xinzhi ships:
//   data/geo/world.json                 GeoJSON of countries-110m plus the small states found only at 1:50m
//                                       (choropleth base map), ids = ISO 3166-1 alpha-3
//   src/core/spatial/world-centroids.ts centroids (largest polygon) of countries-50m for k-NN / distance weights
// ISO numeric → alpha-3 comes from codes.json of i18n-iso-countries@7.14.0 (MIT).
// Usage: node scripts/build-world-geo.mjs <world-atlas package dir> <i18n-iso-countries package dir>
// (get them with `npm pack world-atlas@2.0.2 i18n-iso-countries@7.14.0` and untar; nothing is installed).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const [atlasDir, isoDir] = process.argv.slice(2);
if (!atlasDir || !isoDir) { console.error('usage: node scripts/build-world-geo.mjs WORLD_ATLAS_DIR I18N_ISO_COUNTRIES_DIR'); process.exit(1); }
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const codes = JSON.parse(readFileSync(join(isoDir, 'codes.json'), 'utf8'));
const numToA3 = new Map(codes.map(([, a3, num]) => [num, a3]));

function features(topo) {
  const tf = topo.transform;
  const arcs = topo.arcs.map((arc) => { let x = 0, y = 0; return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * tf.scale[0] + tf.translate[0], y * tf.scale[1] + tf.translate[1]]; }); });
  const ring = (idx) => { const out = []; for (const a of idx) { const arc = a >= 0 ? arcs[a] : [...arcs[~a]].reverse(); arc.forEach((p, k) => { if (!(out.length && k === 0)) out.push(p); }); } return out; };
  return topo.objects.countries.geometries.map((g) => ({
    id: g.id, name: g.properties?.name ?? null,
    geometry: g.type === 'Polygon' ? { type: 'Polygon', coordinates: g.arcs.map(ring) }
      : g.type === 'MultiPolygon' ? { type: 'MultiPolygon', coordinates: g.arcs.map((p) => p.map(ring)) } : null,
  }));
}

// Rings that cross the antimeridian jump by ~360° in longitude; unwrap them so they are continuous.
function unwrap(r) {
  const out = [[r[0][0], r[0][1]]];
  for (let i = 1; i < r.length; i++) {
    let x = r[i][0];
    const prev = out[i - 1][0];
    while (x - prev > 180) x -= 360;
    while (x - prev < -180) x += 360;
    out.push([x, r[i][1]]);
  }
  return out;
}
const wrapLon = (x) => ((((x + 180) % 360) + 360) % 360) - 180;

function areaCentroid(ringsIn) {
  let A = 0, X = 0, Y = 0;
  const rings = ringsIn.map(unwrap);
  rings.forEach((r, k) => {
    let a = 0, x = 0, y = 0;
    const [x0, y0] = r[0];
    for (let i = 0; i < r.length; i++) {
      const p = r[i], q = r[(i + 1) % r.length];
      const c = (p[0] - x0) * (q[1] - y0) - (q[0] - x0) * (p[1] - y0);
      a += c; x += (p[0] - x0 + q[0] - x0) * c; y += (p[1] - y0 + q[1] - y0) * c;
    }
    const s = (k === 0 ? 1 : -1) * Math.sign(a);
    A += s * a / 2; X += s * (x + 3 * x0 * a) / 6; Y += s * (y + 3 * y0 * a) / 6;
  });
  return { area: Math.abs(A), x: X / A, y: Y / A };
}

const round = (v, d) => Math.round(v * 10 ** d) / 10 ** d;
const roundGeom = (g, d) => g && ({ type: g.type, coordinates: JSON.parse(JSON.stringify(g.coordinates, (k, v) => (typeof v === 'number' ? round(v, d) : v))) });

// Base map from 110m.
const world110 = features(JSON.parse(readFileSync(join(atlasDir, 'countries-110m.json'), 'utf8')));
const fc = {
  type: 'FeatureCollection',
  source: 'Natural Earth 1:110m Admin 0 countries (public domain) via world-atlas@2.0.2 (ISC); ids ISO 3166-1 alpha-3 (i18n-iso-countries@7.14.0). De facto boundaries; see data/geo/README.md.',
  features: world110.map((f) => {
    const iso3 = f.id ? numToA3.get(f.id) ?? null : null;
    return { type: 'Feature', id: iso3 ?? f.name, properties: { iso3, isoNumeric: f.id ?? null, name: f.name }, geometry: roundGeom(f.geometry, 2) };
  }),
};
// Countries too small for 1:110m (Singapore, Malta, Caribbean and Indian Ocean island states …) are added from
// 1:50m so that every economy of the Penn World Table has a shape.
const world50 = features(JSON.parse(readFileSync(join(atlasDir, 'countries-50m.json'), 'utf8')));
const have = new Set(fc.features.map((f) => f.properties.iso3).filter(Boolean));
for (const f of world50) {
  const iso3 = f.id ? numToA3.get(f.id) : undefined;
  if (!iso3 || have.has(iso3) || !f.geometry) continue;
  fc.features.push({ type: 'Feature', id: iso3, properties: { iso3, isoNumeric: f.id, name: f.name, scale: '1:50m' }, geometry: roundGeom(f.geometry, 2) });
}
fc.features.sort((a, b) => (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0));
writeFileSync(join(root, 'data/geo/world.json'), JSON.stringify(fc) + '\n');

// Centroids from 50m (more small states).
// Several features may share a code (Australia and Ashmore and Cartier Is. are both 036): keep the largest polygon.
const bestBy = new Map();
for (const f of world50) {
  const iso3 = f.id ? numToA3.get(f.id) : undefined;
  if (!iso3 || !f.geometry) continue;
  const parts = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  for (const p of parts) {
    const c = areaCentroid(p);
    const prev = bestBy.get(iso3);
    if (!prev || c.area > prev.c.area) bestBy.set(iso3, { c, name: prev && prev.c.area >= c.area ? prev.name : f.name });
  }
}
const rows = [...bestBy].map(([iso3, { c, name }]) => [iso3, name, round(wrapLon(c.x), 3), round(c.y, 3)]);
rows.sort((a, b) => (a[0] < b[0] ? -1 : 1));
const ts = `// GENERATED by scripts/build-world-geo.mjs — do not edit by hand.
// Representative points of countries: planar centroid (lon/lat) of each country's largest polygon in Natural
// Earth 1:50m Admin 0 countries (public domain; via world-atlas@2.0.2), keyed by ISO 3166-1 alpha-3 (numeric →
// alpha-3 from i18n-iso-countries@7.14.0, MIT). Used for k-NN and distance weights on ISO3 ids (e.g. the PWT).
// The largest polygon, not the whole country, so that overseas parts (French Guiana, Alaska) do not pull the
// point into the sea. ${rows.length} countries.

export const WORLD_CENTROIDS: Readonly<Record<string, readonly [number, number]>> = {
${rows.map(([c, , x, y]) => `  ${c}: [${x}, ${y}],`).join('\n')}
};

export const WORLD_COUNTRY_NAMES: Readonly<Record<string, string>> = {
${rows.map(([c, n]) => `  ${c}: ${JSON.stringify(n)},`).join('\n')}
};
`;
writeFileSync(join(root, 'src/core/spatial/world-centroids.ts'), ts);
console.log(`world.json: ${fc.features.length} features; centroids: ${rows.length}`);
