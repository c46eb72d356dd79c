import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot, sharedPath } from '../helpers.js';
import { parseGeometry, topologyToFeatures, matchFeatures, parseWeightsJson, parseWeightsCsv, parseGeoDaWeights } from '../../src/io/geo-parse.js';
import { readGeometryFile, readWeightsFile } from '../../src/io/geo.js';
import { resolveWeights, defaultWeightsSpec } from '../../src/io/geo-weights.js';
import { contiguityWeights, weightsToNeighbourMap, geometryCentroid, WORLD_CENTROIDS, chinaProvinceWeights } from '../../src/core/spatial/index.js';
import { DataError } from '../../src/core/errors.js';

describe('geometry files', () => {
  it('TopoJSON: quantised delta-encoded arcs, shared arc reversed', () => {
    // Two unit squares sharing the edge x = 1, quantised with scale 1 and translate (100, 20).
    const topo = {
      type: 'Topology', transform: { scale: [1, 1], translate: [100, 20] },
      arcs: [[[1, 0], [0, 1]], [[1, 1], [-1, 0], [0, -1], [1, 0]], [[1, 0], [1, 0], [0, 1], [-1, 0]]],
      objects: { units: { type: 'GeometryCollection', geometries: [
        { type: 'Polygon', id: 'A', arcs: [[0, 1]], properties: { name: 'a' } },
        { type: 'Polygon', id: 'B', arcs: [[2, ~0]], properties: { name: 'b' } },
      ] } },
    };
    const fc = topologyToFeatures(topo as any);
    expect(fc.features[0].geometry).toEqual({ type: 'Polygon', coordinates: [[[101, 20], [101, 21], [100, 21], [100, 20], [101, 20]]] });
    expect(fc.features[1].geometry).toEqual({ type: 'Polygon', coordinates: [[[101, 20], [102, 20], [102, 21], [101, 21], [101, 20]]] });
    const w = contiguityWeights(['A', 'B'], fc.features, 'rook');
    expect(weightsToNeighbourMap(w)).toEqual({ A: ['B'], B: ['A'] });
    expect(() => parseGeometry('{"type":"Topology","arcs":[],"objects":{}}', { object: 'x' })).toThrow(DataError);
    expect(() => parseGeometry('not json', { file: 'g.json' })).toThrow(/g\.json/);
  });
  it('bundled world map: ISO3 ids, contiguity of neighbouring countries, every PWT economy has a shape', () => {
    const fc = readGeometryFile(resolve(repoRoot, 'data/geo/world.json'));
    const ids = ['CHN', 'MNG', 'RUS', 'FRA', 'ESP', 'PRT', 'JPN'];
    const m = matchFeatures(fc, ids);
    expect(m.field).toBe('feature.id');
    const w = contiguityWeights(ids, m.index.map((i) => fc.features[i]), 'queen');
    const nb = weightsToNeighbourMap(w) as Record<string, string[]>;
    expect(nb.CHN).toEqual(expect.arrayContaining(['MNG', 'RUS']));
    expect(nb.ESP).toEqual(expect.arrayContaining(['FRA', 'PRT']));
    expect(nb.JPN).toEqual([]);
    const c = geometryCentroid(fc.features[m.index[0]].geometry)!;
    expect(c[0]).toBeGreaterThan(95); expect(c[0]).toBeLessThan(110);
    expect(Object.keys(WORLD_CENTROIDS).length).toBeGreaterThan(230);
  });
  it('matchFeatures finds the id property, including Chinese province spellings', () => {
    const fc = parseGeometry(JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { adcode: 110000, name: '北京市' }, geometry: null },
      { type: 'Feature', properties: { adcode: 120000, name: '天津市' }, geometry: null },
    ] }));
    expect(matchFeatures(fc, ['北京', '天津']).index).toEqual([0, 1]);
    expect(matchFeatures(fc, ['120000', '110000']).field).toBe('properties.adcode');
    expect(matchFeatures(fc, ['北京', '上海']).unmatched).toEqual(['上海']);
  });
});

describe('weights files', () => {
  it('JSON: neighbour map (fixture), lists, matrix; geometry is refused', () => {
    const w = readWeightsFile(sharedPath('fixtures/index/data/provinces_queen.json'));
    expect(w.ids.length).toBe(31);
    expect(weightsToNeighbourMap(w)).toEqual(weightsToNeighbourMap(chinaProvinceWeights(w.ids)));
    const l = parseWeightsJson(JSON.stringify({ ids: ['a', 'b', 'c'], neighbours: [[1], ['a', 'c'], [1]], weights: [[2], [2, 3], [3]] }));
    expect(weightsToNeighbourMap(l)).toEqual({ a: { b: 2 }, b: { a: 2, c: 3 }, c: { b: 3 } });
    const mtx = parseWeightsJson(JSON.stringify({ ids: ['a', 'b'], matrix: [[0, 1], [1, 0]] }));
    expect(mtx.style).toBe('B');
    expect(() => parseWeightsJson('{"type":"FeatureCollection","features":[]}', 'x.json')).toThrow(/--geo/);
    expect(() => parseWeightsJson(JSON.stringify({ ids: ['a'], neighbours: [['z']] }))).toThrow(/"z"/);
  });
  it('CSV: matrix with rows in any order; edge list; bad cells name row and column', () => {
    const m = parseWeightsCsv(',a,b,c\nc,1,0,0\na,0,1,1\nb,1,0,0\n', 'w.csv');
    expect(weightsToNeighbourMap(m)).toEqual({ a: ['b', 'c'], b: ['a'], c: ['a'] });
    const e = parseWeightsCsv('from,to,weight\na,b,0.5\nb,a,0.5\nc,a,2\n', 'e.csv');
    expect(weightsToNeighbourMap(e)).toEqual({ a: { b: 0.5 }, b: { a: 0.5 }, c: { a: 2 } });
    try { parseWeightsCsv(',a,b\na,0,x\nb,1,0\n', 'w.csv'); expect.unreachable(); } catch (err) {
      expect(err).toBeInstanceOf(DataError);
      expect((err as DataError).location).toMatchObject({ file: 'w.csv', row: 2, column: 'b', text: 'x' });
    }
    expect(() => parseWeightsCsv(',a,b\na,0,1\n', 'w.csv')).toThrow(/one row per id/);
  });
  it('GeoDa .gal and .gwt', () => {
    const gal = parseGeoDaWeights('0 3 shp id\n1 2\n2 3\n2 1\n1\n3 0\n', 'w.gal', 'gal');
    expect(weightsToNeighbourMap(gal)).toEqual({ 1: ['2', '3'], 2: ['1'], 3: [] });
    const gwt = parseGeoDaWeights('0 2 shp id\na b 1.5\nb a 1.5\n', 'w.gwt', 'gwt');
    expect(weightsToNeighbourMap(gwt)).toEqual({ a: { b: 1.5 }, b: { a: 1.5 } });
  });
});

describe('resolveWeights (CLI/spec --weights)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xinzhi-geo-'));
  const sq = (x: number) => ({ type: 'Feature', properties: { code: `u${x}` }, geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] } });
  writeFileSync(join(dir, 'strip.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [sq(0), sq(1), sq(2), sq(5)] }));
  it('queen from --geo with the id property found; knn from centroids; islands knn', () => {
    const ids = ['u2', 'u0', 'u1', 'u5'];
    const q = resolveWeights(ids, { weights: 'queen', geo: 'strip.geojson', cwd: dir });
    expect(weightsToNeighbourMap(q)).toEqual({ u2: ['u1'], u0: ['u1'], u1: ['u2', 'u0'], u5: [] });
    expect(q.card.idField).toBe('properties.code');
    const k = resolveWeights(ids, { weights: 'knn:1', geo: 'strip.geojson', cwd: dir });
    expect((weightsToNeighbourMap(k) as Record<string, string[]>).u5).toEqual(['u2']);
    const qi = resolveWeights(ids, { weights: 'queen', geo: 'strip.geojson', cwd: dir, islands: 'knn' });
    expect((weightsToNeighbourMap(qi) as Record<string, string[]>).u5).toEqual(['u2']);
    expect(() => resolveWeights(['u0', 'zz'], { weights: 'queen', geo: 'strip.geojson', cwd: dir })).toThrow(/zz/);
  });
  it('defaults: queen for provinces, knn:4 for ISO3, errors otherwise', () => {
    expect(defaultWeightsSpec(['北京', '天津'])).toBe('queen');
    expect(defaultWeightsSpec(['CHN', 'USA'])).toBe('knn:4');
    expect(() => resolveWeights(['x1', 'x2'], {})).toThrow(/boundaries/);
    expect(() => resolveWeights(['x1', 'x2'], { weights: 'knn:1' })).toThrow(/locations/);
  });
});
