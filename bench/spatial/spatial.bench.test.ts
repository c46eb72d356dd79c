// Timing of spatial weights, Moran's I / LISA / Geary's C with 999 permutations, and GM(1,1), on seeded synthetic
// data: 3,000 points (k-NN, 6 neighbours) and a 100 × 100 polygon grid (queen/rook contiguity).
import { it, expect } from 'vitest';
import { knnWeights, rowStandardise, moranTest, localMoranStatistics, gearyTest, contiguityWeights, type GeoFeature } from '../../src/core/spatial/index.js';
import { gm11Fit } from '../../src/core/forecast/index.js';
import { createRng } from '../../src/core/random.js';
import { time } from '../time.js';

const rng = createRng(2026);
const n = 3000;
const pts = Array.from({ length: n }, (_, i) => ({ id: `u${String(i).padStart(4, '0')}`, lon: 100 + 20 * rng.uniform(), lat: 20 + 20 * rng.uniform() }));
const x = Float64Array.from(pts, (p) => p.lon / 10 + rng.normal());

it('weights, Moran, LISA, Geary on 3,000 units', () => {
  const w = rowStandardise(time('k-NN (k = 6) on 3,000 points', () => knnWeights(pts, 6)).value);
  expect(w.neighbors.length).toBe(6 * n);
  const m = time('Moran I + 999 permutations', () => moranTest(x, w, { permutations: 999 }));
  expect(m.value.I).toBeGreaterThan(0.1);
  time('LISA (conditional) + 999 conditional permutations', () => localMoranStatistics(x, w, { permutations: 999 }));
  time('Geary C + 999 permutations', () => gearyTest(x, w, { permutations: 999 }));
});

it('contiguity on 10,000 polygons', () => {
  const ids: string[] = [], feats: GeoFeature[] = [];
  for (let r = 0; r < 100; r++) for (let c = 0; c < 100; c++) {
    ids.push(`${r}-${c}`);
    const x0 = c * 0.1, y0 = r * 0.1;
    feats.push({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x0 + 0.1, y0], [x0 + 0.1, y0 + 0.1], [x0, y0 + 0.1], [x0, y0]]] } });
  }
  time('queen, 100 × 100 grid (50,000 vertices)', () => contiguityWeights(ids, feats, 'queen'));
  time('rook, 100 × 100 grid', () => contiguityWeights(ids, feats, 'rook'));
});

it('GM(1,1) on 3,000 series of 10 values', () => {
  const series = Array.from({ length: n }, () => Array.from({ length: 10 }, (_, k) => 100 * Math.exp(0.05 * k) * (1 + 0.02 * rng.normal())));
  time('gm11Fit × 3,000 (horizon 5)', () => series.map((s) => gm11Fit(s)));
});
