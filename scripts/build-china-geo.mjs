#!/usr/bin/env node
// Builds data/geo/china.json — China's provincial base map with the South China Sea islands inset (南海诸岛) —
// from the Apache ECharts 4.9.0 release (Apache License 2.0), where the map was shipped as `map/json/china.json`
// (quantised, delta- and zigzag-encoded coordinates) and the inset and Diaoyu Island were added by the fixers
// `src/coord/geo/fix/nanhai.js` and `fix/diaoyuIsland.js`. Nothing is installed into the project:
//
//   npm pack echarts@4.9.0 && tar xzf echarts-4.9.0.tgz
//   node scripts/build-china-geo.mjs package
//
// What the script does: decodes the coordinates (value = quantised integer / UTF8Scale, default 1024), keys each
// province by its two-digit GB/T 2260 code, adds the inset frame and dashes as one feature (id "nanhai"), adds
// Diaoyu Island to Taiwan's polygons as ECharts 4 drew it, rounds to 1e-4° and sorts features by id.
// Coordinates are the ECharts map's own lon/lat (display quality, ~1 km); the inset feature is placed, as in
// ECharts, in a box east of Taiwan (126°E–132.1°E, 25°N–18.3°N) scaled for ECharts' default aspect ratio 0.75.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = process.argv[2];
if (!pkg) {
  console.error('usage: node scripts/build-china-geo.mjs <echarts-4.9.0 package dir>');
  process.exit(1);
}
const version = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).version;
if (version !== '4.9.0') console.warn(`warning: expected echarts 4.9.0, found ${version}`);

const r4 = (v) => Math.round(v * 1e4) / 1e4;

function decodeRing(s, offset, scale) {
  let x = offset[0];
  let y = offset[1];
  const out = [];
  for (let i = 0; i < s.length; i += 2) {
    let dx = s.charCodeAt(i) - 64;
    let dy = s.charCodeAt(i + 1) - 64;
    dx = (dx >> 1) ^ -(dx & 1); // zigzag
    dy = (dy >> 1) ^ -(dy & 1);
    x += dx;
    y += dy;
    out.push([r4(x / scale), r4(y / scale)]);
  }
  // close the ring (GeoJSON)
  const a = out[0];
  const b = out[out.length - 1];
  if (a && (a[0] !== b[0] || a[1] !== b[1])) out.push([a[0], a[1]]);
  return out;
}

const src = JSON.parse(readFileSync(join(pkg, 'map/json/china.json'), 'utf8'));
const scale = src.UTF8Scale ?? 1024;
const features = [];
for (const f of src.features) {
  const g = f.geometry;
  const adcode = String(f.properties.id);
  const code = adcode.slice(0, 2);
  let polygons;
  if (g.type === 'Polygon') polygons = [g.coordinates.map((ring, k) => decodeRing(ring, g.encodeOffsets[k], scale))];
  else polygons = g.coordinates.map((poly, p) => poly.map((ring, k) => decodeRing(ring, g.encodeOffsets[p][k], scale)));
  features.push({ code, adcode, name: f.properties.name, cp: f.properties.cp.map(r4), polygons });
}

// The fixers' point lists are plain array literals in the source; read them as JSON.
function literal(file, name) {
  const text = readFileSync(join(pkg, 'src/coord/geo/fix', file), 'utf8').replace(/\/\/.*$/gm, '');
  const m = text.match(new RegExp(`var ${name} = (\\[[\\s\\S]*?\\]);`));
  if (!m) throw new Error(`${file}: ${name} not found`);
  return JSON.parse(m[1].replace(/\s+/g, ''));
}

const origin = literal('nanhai.js', 'geoCoord');
const dashes = literal('nanhai.js', 'points').map((ring) => [ring.map(([x, y]) => [r4(x / 10.5 + origin[0]), r4(y / (-10.5 / 0.75) + origin[1])])]);
features.push({ code: 'nanhai', adcode: null, name: '南海诸岛', cp: origin, polygons: dashes, inset: true });

const diaoyu = literal('diaoyuIsland.js', 'points');
const tw = features.find((f) => f.code === '71');
tw.polygons.push([diaoyu[0].map(([x, y]) => [r4(x), r4(y)])]);

features.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
const fc = {
  type: 'FeatureCollection',
  features: features.map((f) => ({
    type: 'Feature',
    id: f.code,
    properties: { code: f.code, adcode: f.adcode, name: f.name, cp: f.cp, ...(f.inset ? { inset: true } : {}) },
    geometry: f.polygons.length === 1 ? { type: 'Polygon', coordinates: f.polygons[0] } : { type: 'MultiPolygon', coordinates: f.polygons },
  })),
};
const out = join(root, 'data/geo/china.json');
writeFileSync(out, JSON.stringify(fc) + '\n');
console.log(`china.json: ${fc.features.length} features from echarts ${version}`);
