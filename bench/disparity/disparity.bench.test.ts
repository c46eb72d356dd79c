// Timing: Dagum on 3,000 units × 20 periods × 8 groups, spatial Markov on 3,000 units × 20 periods (issue 6:
// each under 2 s), plus Gini/Theil/KDE/convergence on the same panel and the binned-KDE error.
import { it, expect } from 'vitest';
import { dagum } from '../../src/core/disparity/dagum.js';
import { theil } from '../../src/core/disparity/theil.js';
import { gini } from '../../src/core/disparity/gini.js';
import { spatialMarkov } from '../../src/core/dynamics/spatial-markov.js';
import { markov } from '../../src/core/dynamics/markov.js';
import { kde } from '../../src/core/dynamics/kde.js';
import { convergence } from '../../src/core/dynamics/convergence.js';
import { densityExact, densityBinned, linearGrid } from '../../src/core/dynamics/kernel-density.js';
import { bandwidth } from '../../src/core/dynamics/bandwidth.js';
import { createRng } from '../../src/core/random.js';
import { time } from '../time.js';
import { syntheticPanel, randomKnnWeights } from './synthetic.js';

const panel = syntheticPanel(3000, 20, 8);

it('Dagum 3,000 × 20 × 8 groups < 2 s', () => {
  const r = time('dagum 3000 units × 20 periods × 8 groups', () => dagum(panel, { value: 'y', group: 'region' }));
  expect(r.value.rows).toHaveLength(20);
  expect(Math.abs(r.value.rows[0].G! - (r.value.rows[0].Gw! + r.value.rows[0].Gnb! + r.value.rows[0].Gt!))).toBeLessThan(1e-12);
  expect(r.ms).toBeLessThan(2000);
  time('gini 3000 × 20', () => gini(panel, { value: 'y' }));
  time('theil T by 8 groups 3000 × 20', () => theil(panel, { value: 'y', group: 'region' }));
});

it('spatial Markov 3,000 × 20 (random 6-NN W) < 2 s', () => {
  const W = randomKnnWeights(panel.ids, 6);
  const r = time('spatial markov 3000 units × 20 periods, k = m = 4, 6-NN', () => spatialMarkov(panel, W, { value: 'y' }));
  expect(r.value.rows).toHaveLength(16);
  expect(r.ms).toBeLessThan(2000);
  time('markov 3000 × 20, k = 4', () => markov(panel, { value: 'y' }));
  time('convergence (σ + pooled β) 3000 × 20', () => convergence(panel, { value: 'y' }));
  time('convergence two-way FE, cluster SE 3000 × 20', () => convergence(panel, { value: 'y', effects: 'twoway' }));
  time('kde exact 512 points × 20 periods × 3000', () => kde(panel, { value: 'y', method: 'exact' }), 1);
  time('kde binned 512 points × 20 periods × 3000', () => kde(panel, { value: 'y', method: 'binned' }), 1);
});

it('binned KDE: error relative to the peak against exact sums', () => {
  const rng = createRng(7);
  for (const n of [1000, 20000, 200000]) {
    const x = Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 3 + 0.5 * rng.normal() : rng.normal()));
    const h = bandwidth(x, 'silverman');
    const grid = linearGrid(-4, 6, 512);
    for (const k of ['gaussian', 'epanechnikov', 'epan2'] as const) {
      const t0 = performance.now();
      const e = densityExact(x, grid, h, k);
      const t1 = performance.now();
      const b = densityBinned(x, grid, h, k);
      const t2 = performance.now();
      let peak = 0;
      let worst = 0;
      for (let i = 0; i < grid.length; i++) { peak = Math.max(peak, e[i]); worst = Math.max(worst, Math.abs(e[i] - b[i])); }
      console.log(`kde n=${n} ${k.padEnd(12)} max|binned − exact|/peak ${(worst / peak).toExponential(2)}  exact ${(t1 - t0).toFixed(1)} ms  binned ${(t2 - t1).toFixed(1)} ms`);
      expect(worst / peak).toBeLessThan(1e-3);
    }
  }
});
