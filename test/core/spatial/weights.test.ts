import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readJson, expectClose, repoRoot } from '../../helpers.js';
import { readGeometryFile } from '../../../src/io/geo.js';
import {
  contiguityWeights, knnWeights, inverseDistanceWeights, economicWeights, nestedWeights, weightsFromNeighbourMap, weightsToNeighbourMap,
  weightsFromDense, weightsToDense, weightsFromLists, rowStandardise, subsetWeights, symmetriseWeights, isSymmetricWeights, weightsConstants,
  chinaProvinceWeights, chinaProvincePoints, chinaProvinceIndex, looksLikeChinaProvinces, applyIslandRule, CHINA_PROVINCES,
  geometryCentroid, haversineKm, spatialLag, gcj02ToWgs84, wgs84ToGcj02, type GeoFeature,
} from '../../../src/core/spatial/index.js';
import { DataError } from '../../../src/core/errors.js';

const square = (x: number, y: number, s = 1): GeoFeature => ({
  type: 'Feature', properties: {},
  geometry: { type: 'Polygon', coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]] },
});

describe('contiguity', () => {
  // 3×3 grid of unit squares, ids r{row}c{col}.
  const ids: string[] = [], feats: GeoFeature[] = [];
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) { ids.push(`r${r}c${c}`); feats.push(square(100 + c, 30 + r)); }
  it('queen links corners, rook only shared edges', () => {
    const q = contiguityWeights(ids, feats, 'queen');
    const r = contiguityWeights(ids, feats, 'rook');
    const card = (w: typeof q, id: string) => { const i = w.ids.indexOf(id); return w.offsets[i + 1] - w.offsets[i]; };
    expect(card(q, 'r1c1')).toBe(8);
    expect(card(r, 'r1c1')).toBe(4);
    expect(card(q, 'r0c0')).toBe(3);
    expect(card(r, 'r0c0')).toBe(2);
    expect(q.neighbors.length).toBe(40); // 2·(12 rook + 8 diagonal)
    expect(r.neighbors.length).toBe(24);
    expect(isSymmetricWeights(q) && isSymmetricWeights(r)).toBe(true);
  });
  it('snaps coordinates within 1e-7° and handles multipolygons; points farther apart are not joined', () => {
    const a = square(0, 0);
    const b = square(1 + 4e-8, 0); // touches a after snapping
    const c: GeoFeature = { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [
      [[[5, 5], [6, 5], [6, 6], [5, 6], [5, 5]]],
      [[[2 + 4e-8, 0], [3, 0], [3, 1], [2 + 4e-8, 1], [2 + 4e-8, 0]]], // touches b's right edge
    ] } };
    const d = square(1.001, 3); // apart
    const w = contiguityWeights(['a', 'b', 'c', 'd'], [a, b, c, d], 'rook');
    expect(weightsToNeighbourMap(w)).toEqual({ a: ['b'], b: ['a', 'c'], c: ['b'], d: [] });
    expect(w.islands).toEqual(['d']);
    const far = contiguityWeights(['a', 'b'], [square(0, 0), square(1 + 5e-6, 0)], 'queen');
    expect(far.neighbors.length).toBe(0);
  });
  it('world map: queen and rook equal spdep::poly2nb (snap 1e-7) on all 238 countries', () => {
    const fc = readGeometryFile(resolve(repoRoot, 'data/geo/world.json'));
    const ids = fc.features.map((f) => String(f.id));
    for (const rule of ['queen', 'rook'] as const) {
      const w = contiguityWeights(ids, fc.features, rule);
      const exp = readFileSync(resolve(repoRoot, `test/core/spatial/reference/world_${rule}.txt`), 'utf8').split('\n');
      const got = ids.map((_, i) => Array.from(w.neighbors.subarray(w.offsets[i], w.offsets[i + 1])).join(','));
      expect(got).toEqual(exp.slice(0, ids.length));
    }
  });
  it('a 60 × 60 grid: link counts exact (timing in bench/spatial)', () => {
    const side = 60, ids2: string[] = [], f2: GeoFeature[] = [];
    for (let r = 0; r < side; r++) for (let c = 0; c < side; c++) { ids2.push(`${r}-${c}`); f2.push(square(c * 0.1, r * 0.1, 0.1)); }
    const q = contiguityWeights(ids2, f2, 'queen');
    const rk = contiguityWeights(ids2, f2, 'rook');
    expect(q.neighbors.length).toBe(2 * (2 * side * (side - 1) + 2 * (side - 1) ** 2));
    expect(rk.neighbors.length).toBe(2 * 2 * side * (side - 1));
  });
});

describe('centroids and distances', () => {
  it('area-weighted centroid of a polygon with a hole and of a multipolygon', () => {
    const g = { type: 'Polygon' as const, coordinates: [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[0, 0], [0, 2], [2, 2], [2, 0], [0, 0]]] };
    const c = geometryCentroid(g)!; // L-shape: area 12, centroid (7/3, 7/3)
    expectClose(c[0], 7 / 3, 1e-12, 0, 'x'); expectClose(c[1], 7 / 3, 1e-12, 0, 'y');
    const m = { type: 'MultiPolygon' as const, coordinates: [[[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]], [[[10, 0], [11, 0], [11, 1], [10, 1], [10, 0]]]] };
    const cm = geometryCentroid(m)!; // areas 4 and 1: x = (4·1 + 1·10.5)/5
    expectClose(cm[0], (4 + 10.5) / 5, 1e-12, 0, 'mx');
    expect(geometryCentroid(m, { part: 'largest' })).toEqual([1, 1]);
  });
  it('haversine: Beijing–Shanghai ≈ 1067 km; quarter meridian = πR/2', () => {
    expectClose(haversineKm(116.40, 39.90, 121.47, 31.23), 1067, 0.01, 0, 'BJ–SH');
    expectClose(haversineKm(0, 0, 0, 90), (Math.PI * 6371.0088) / 2, 1e-12, 0, 'meridian');
  });
});

describe('GCJ-02 → WGS84', () => {
  it('offsets of a few hundred metres inside China, none outside; the inverse round-trips to 1e-8°', () => {
    fc.assert(fc.property(fc.double({ min: 74, max: 134, noNaN: true }), fc.double({ min: 18, max: 53, noNaN: true }), (lon, lat) => {
      const [gx, gy] = wgs84ToGcj02(lon, lat);
      const d = haversineKm(lon, lat, gx, gy);
      expect(d).toBeGreaterThan(0.01); expect(d).toBeLessThan(1.5);
      const [x, y] = gcj02ToWgs84(gx, gy);
      expect(Math.abs(x - lon)).toBeLessThan(1e-8); expect(Math.abs(y - lat)).toBeLessThan(1e-8);
    }), { numRuns: 200 });
    expect(gcj02ToWgs84(2.35, 48.85)).toEqual([2.35, 48.85]);
    // Beijing: the well-known offset is about +0.0062° lon, +0.0014° lat
    const [gx, gy] = wgs84ToGcj02(116.391, 39.907);
    expect(gx - 116.391).toBeGreaterThan(0.005); expect(gx - 116.391).toBeLessThan(0.0075);
    expect(gy - 39.907).toBeGreaterThan(0.0005); expect(gy - 39.907).toBeLessThan(0.0025);
  });
});

describe('distance weights', () => {
  const provinces = CHINA_PROVINCES.map((p) => p.name);
  const pts = chinaProvincePoints(provinces);
  // spdep 1.2.7 knearneigh(longlat = TRUE) on the same capital coordinates (test/core/spatial/reference/spdep_knn.R).
  const spdepK4 = '2,3,4,15 | 1,3,4,15 | 1,2,4,15 | 1,3,5,16 | 1,2,3,4 | 1,2,7,8 | 1,2,6,8 | 1,2,6,7 | 10,11,12,13 | 9,11,12,17 | 9,10,12,14 | 10,11,14,17 | 9,10,11,14 | 12,13,17,18 | 1,2,3,16 | 3,4,15,27 | 10,12,14,18 | 12,14,17,19 | 14,18,20,21 | 19,21,24,25 | 19,20,24,25 | 23,24,25,27 | 22,24,27,28 | 20,22,23,25 | 20,22,23,24 | 23,25,28,29 | 4,16,28,30 | 23,27,29,30 | 23,27,28,30 | 5,27,28,29 | 26,28,29,30';
  const spdepK6 = '2,3,4,5,15,16 | 1,3,4,5,15,16 | 1,2,4,5,15,16 | 1,2,3,5,15,16 | 1,2,3,4,15,30 | 1,2,3,7,8,15 | 1,2,3,6,8,15 | 1,2,3,6,7,15 | 10,11,12,13,14,17 | 9,11,12,14,15,17 | 9,10,12,13,14,17 | 9,10,11,14,16,17 | 9,10,11,12,14,18 | 10,11,12,13,17,18 | 1,2,3,4,10,16 | 3,4,12,15,17,27 | 10,11,12,14,16,18 | 12,14,17,19,22,24 | 13,14,18,20,21,24 | 18,19,21,22,24,25 | 14,18,19,20,24,25 | 17,18,23,24,25,27 | 22,24,25,27,28,29 | 18,19,20,22,23,25 | 18,20,21,22,23,24 | 22,23,24,25,28,29 | 4,16,22,23,28,30 | 4,22,23,27,29,30 | 4,22,23,27,28,30 | 3,4,5,27,28,29 | 5,23,26,28,29,30';
  for (const [k, ref] of [[4, spdepK4], [6, spdepK6]] as const) {
    it(`k-NN k = ${k} equals spdep knearneigh on provincial capitals`, () => {
      const w = knnWeights(pts, k);
      const got = w.ids.map((_, i) => Array.from(w.neighbors.subarray(w.offsets[i], w.offsets[i + 1]), (j) => j + 1).join(','));
      const exp = ref.split(' | ');
      // spdep measures on the WGS84 ellipsoid, we on the sphere (methods.md L1). The one difference: 上海's 4th
      // neighbour, 福州 608.9 vs 南昌 610.7 km on the ellipsoid but 610.50 vs 610.21 km on the sphere.
      const differ = got.map((g, i) => (g === exp[i] ? null : provinces[i])).filter(Boolean);
      expect(differ).toEqual(k === 4 ? ['上海'] : []);
      if (k === 4) {
        const sh = provinces.indexOf('上海'), d = (j: number) => haversineKm(pts[sh].lon, pts[sh].lat, pts[j].lon, pts[j].lat);
        expect(Math.abs(d(provinces.indexOf('福建')) - d(provinces.indexOf('江西')))).toBeLessThan(0.5);
      }
    });
  }
  it('k-NN ties are broken by id; symmetrise gives the union', () => {
    const p = [{ id: 'b', lon: 1, lat: 0 }, { id: 'a', lon: -1, lat: 0 }, { id: 'o', lon: 0, lat: 0 }, { id: 'z', lon: 0, lat: 5 }];
    const w = knnWeights(p, 1);
    expect(weightsToNeighbourMap(w)).toEqual({ b: ['o'], a: ['o'], o: ['a'], z: ['o'] });
    const s = knnWeights(p, 1, { symmetrise: true });
    expect(isSymmetricWeights(s)).toBe(true);
    expect(weightsToNeighbourMap(s)).toEqual({ b: ['o'], a: ['o'], o: ['b', 'a', 'z'], z: ['o'] });
    expect(() => knnWeights(p, 4)).toThrow(/k = 4/);
  });
  it('inverse distance 1/d^α with threshold; economic weights; nested', () => {
    const w = inverseDistanceWeights(pts.slice(0, 3), { alpha: 2 });
    const d01 = haversineKm(pts[0].lon, pts[0].lat, pts[1].lon, pts[1].lat);
    expectClose(weightsToDense(w)[0][1], d01 ** -2, 1e-14, 0, 'w01');
    const t = inverseDistanceWeights(pts, { threshold: 300 });
    const bj = t.ids.indexOf('北京');
    expect(Array.from(t.neighbors.subarray(t.offsets[bj], t.offsets[bj + 1]), (j) => t.ids[j]).sort()).toEqual(['天津', '河北'].sort());
    const e = economicWeights(['a', 'b', 'c'], [1, 3, 7], { variable: 'gdp_pc' });
    expect(weightsToDense(e)[0]).toEqual(Float64Array.from([0, 0.5, 1 / 6]));
    expect(() => economicWeights(['a', 'b'], [2, 2])).toThrow(DataError);
    const n = nestedWeights(rowStandardise(e), rowStandardise(inverseDistanceWeights([{ id: 'a', lon: 0, lat: 0 }, { id: 'b', lon: 1, lat: 0 }, { id: 'c', lon: 3, lat: 0 }])), 0.5);
    const rs = weightsToDense(n).map((r) => r.reduce((a, b) => a + b, 0));
    rs.forEach((s) => expectClose(s, 1, 1e-12, 0, 'nested row sum'));
    expect(() => inverseDistanceWeights([{ id: 'a', lon: 0, lat: 0 }, { id: 'b', lon: 0, lat: 0 }])).toThrow(/same location/);
  });
});

describe('neighbour lists, matrices, standardisation, subsets', () => {
  const nb = readJson('fixtures/index/data/provinces_queen.json');
  it('bundled China queen list = fixture list (海南–广东 added by the link rule)', () => {
    const ours = chinaProvinceWeights(Object.keys(nb));
    expect(weightsToNeighbourMap(ours)).toEqual(Object.fromEntries(Object.entries(nb).map(([k, v]) => [k, [...(v as string[])].sort((a, b) => Object.keys(nb).indexOf(a) - Object.keys(nb).indexOf(b))])));
    expect(ours.card.islandLinks).toEqual([{ from: '海南', to: '广东', rule: 'Hainan–Guangdong link (symmetric)' }]);
    expect(ours.islands).toEqual([]);
    const iso = chinaProvinceWeights(Object.keys(nb), { islands: 'isolate' });
    expect(iso.islands).toEqual(['海南']);
    const knn = chinaProvinceWeights(Object.keys(nb), { islands: 'knn' });
    expect((knn.card.islandLinks as { to: string }[])[0].to).toBe('广西'); // Haikou's nearest capital is Nanning, not Guangzhou
    expect(isSymmetricWeights(ours)).toBe(true);
  });
  it('province ids resolve in several spellings', () => {
    for (const s of ['内蒙古', '内蒙古自治区', '15', '150000', 'Inner Mongolia', 'nei mongol']) expect(chinaProvinceIndex(s)).toBe(4);
    expect(looksLikeChinaProvinces(['北京市', '天津', 'Hebei'])).toBe(true);
    expect(looksLikeChinaProvinces(['北京', 'CHN'])).toBe(false);
    const w = chinaProvinceWeights(['110000', '120000', '130000']);
    expect(weightsToNeighbourMap(w)).toEqual({ '110000': ['120000', '130000'], '120000': ['110000', '130000'], '130000': ['110000', '120000'] });
  });
  it('drop rows first, then standardise: rows sum to 1 on the subset, islands stay zero', () => {
    const w = weightsFromNeighbourMap(nb);
    const keep = Object.keys(nb).filter((p) => p !== '广东');
    const s = rowStandardise(subsetWeights(w, keep));
    expect(s.islands).toEqual(['海南']);
    const dense = weightsToDense(s);
    dense.forEach((r, i) => expectClose(r.reduce((a, b) => a + b, 0), s.ids[i] === '海南' ? 0 : 1, 1e-12, 1e-15, s.ids[i]));
    expect(() => subsetWeights(w, ['北京', '台湾'])).toThrow(/台湾/);
  });
  it('dense round trip, bad matrices', () => {
    const m = [[0, 1, 2], [1, 0, 0], [2, 0, 0]];
    const w = weightsFromDense(['a', 'b', 'c'], m);
    expect(w.style).toBe('V');
    expect(weightsToDense(w).map((r) => Array.from(r))).toEqual(m);
    expect(() => weightsFromDense(['a', 'b'], [[1, 0], [0, 0]])).toThrow(/diagonal/);
    expect(() => weightsFromDense(['a', 'b'], [[0, 1]])).toThrow(DataError);
    expect(() => weightsFromNeighbourMap({ a: ['a'] })).toThrow(/own neighbour/);
    expect(() => weightsFromLists(['a', 'b'], [[1, 1], []])).toThrow(/twice/);
  });
  it('S0, S1, S2 equal their dense definitions (random asymmetric weights)', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 7, maxLength: 7 }), { minLength: 7, maxLength: 7 }), (rows) => {
      const m = rows.map((r, i) => r.map((v, j) => (i === j || v < 1 ? 0 : v)));
      const ids = m.map((_, i) => `u${i}`);
      const w = weightsFromDense(ids, m);
      const c = weightsConstants(w);
      let S0 = 0, S1 = 0, S2 = 0;
      for (let i = 0; i < 7; i++) {
        let ri = 0, ci = 0;
        for (let j = 0; j < 7; j++) { S0 += m[i][j]; S1 += 0.5 * (m[i][j] + m[j][i]) ** 2; ri += m[i][j]; ci += m[j][i]; }
        S2 += (ri + ci) ** 2;
      }
      expectClose(c.S0, S0, 1e-12, 1e-12, 'S0'); expectClose(c.S1, S1, 1e-12, 1e-12, 'S1'); expectClose(c.S2, S2, 1e-12, 1e-12, 'S2');
      const s = symmetriseWeights(w);
      expect(isSymmetricWeights(s)).toBe(true);
    }), { numRuns: 40 });
  });
  it('spatial lag and island rules on valued weights', () => {
    const w = rowStandardise(weightsFromNeighbourMap({ a: ['b', 'c'], b: ['a'], c: ['a'], d: [] }));
    expect(Array.from(spatialLag(w, [1, 2, 4, 8]))).toEqual([3, 1, 1, 0]);
    const linked = applyIslandRule(weightsFromNeighbourMap({ a: ['b'], b: ['a'], d: [] }), 'knn', [{ lon: 0, lat: 0 }, { lon: 1, lat: 0 }, { lon: 1.5, lat: 0 }]);
    expect(weightsToNeighbourMap(linked)).toEqual({ a: ['b'], b: ['a', 'd'], d: ['b'] });
    expect(() => applyIslandRule(weightsFromNeighbourMap({ a: [], b: [] }), 'knn')).toThrow(/location/);
  });
});
