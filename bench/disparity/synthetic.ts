// Seeded synthetic panels and weights for the disparity/dynamics benchmarks.
import { createPanel, type Panel } from '../../src/core/panel/panel.js';
import { createRng } from '../../src/core/random.js';
import type { SpatialWeights } from '../../src/core/spatial/types.js';

/** n units × T periods, log-normal levels with unit effects and drift, `groups` region labels. */
export function syntheticPanel(n: number, T: number, groups: number, seed = 12345): Panel {
  const rng = createRng(seed);
  const ids = Array.from({ length: n }, (_, i) => `u${String(i).padStart(5, '0')}`);
  const periods = Array.from({ length: T }, (_, t) => 2001 + t);
  const entity: string[] = [];
  const period: number[] = [];
  const y: number[] = [];
  const region: string[] = [];
  for (let i = 0; i < n; i++) {
    const g = rng.int(groups);
    let ly = 0.3 * g + 0.6 * rng.normal();
    for (let t = 0; t < T; t++) {
      entity.push(ids[i]);
      period.push(periods[t]);
      y.push(Math.exp(ly));
      region.push(`R${g + 1}`);
      ly += 0.02 + 0.1 * rng.normal();
    }
  }
  return createPanel({ ids, periods, entity, period, values: { y }, labels: { region } });
}

/** A kNN-like sparse W: each unit gets k distinct random neighbours (binary, not symmetric). */
export function randomKnnWeights(ids: readonly string[], k: number, seed = 777): SpatialWeights {
  const rng = createRng(seed);
  const n = ids.length;
  const offsets = new Int32Array(n + 1);
  const nb = new Int32Array(n * k);
  for (let i = 0; i < n; i++) {
    const chosen = new Set<number>();
    while (chosen.size < k) {
      const j = rng.int(n);
      if (j !== i) chosen.add(j);
    }
    [...chosen].sort((a, b) => a - b).forEach((j, m) => { nb[i * k + m] = j; });
    offsets[i + 1] = (i + 1) * k;
  }
  return { ids: [...ids], offsets, neighbors: nb, weights: new Float64Array(n * k).fill(1), style: 'B', islands: [], card: { type: `random ${k}-NN (bench)` } };
}
