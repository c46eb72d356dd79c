// Obstacle degree (障碍度; methods.md D2): which indicators hold a unit's score back.
//
//   F_j = global weight of indicator j (dimension weight × within-dimension weight);
//   I_ij = 1 − x′_ij (deviation, x′ the unshifted min–max value);
//   O_ij = F_j I_ij / Σ_j F_j I_ij × 100 (each row sums to 100); dimension obstacle = Σ_{j∈d} O_ij.
// Σ F I = 0 (a unit at the best value everywhere) → NaN (the caller reports null, status 'undefined').
// Option `unscaled` returns F·I without the row normalisation (mathmodels default). No single primary
// source (check). O(N·m).

import type { MatrixInput } from '../normalize/matrix.js';
import { materializeColumns } from '../normalize/matrix.js';

export interface ObstacleOptions {
  unscaled?: boolean;
}

export interface ObstacleResult {
  /** deviation[j][i] = 1 − x′ */
  deviation: Float64Array[];
  /** obstacle[j][i] in percent (or F·I when unscaled) */
  obstacle: Float64Array[];
}

export function obstacleDegree(x: MatrixInput, weights: ArrayLike<number>, options: ObstacleOptions = {}): ObstacleResult {
  const cols = materializeColumns(x);
  const m = cols.length;
  const N = m ? cols[0].length : 0;
  const deviation = cols.map((c) => Float64Array.from(c, (v) => 1 - v));
  const obstacle = deviation.map((d, j) => Float64Array.from(d, (v) => weights[j] * v));
  if (!options.unscaled) {
    for (let i = 0; i < N; i++) {
      let s = 0;
      for (let j = 0; j < m; j++) s += obstacle[j][i];
      for (let j = 0; j < m; j++) obstacle[j][i] = s > 0 ? (obstacle[j][i] / s) * 100 : NaN;
    }
  }
  return { deviation, obstacle };
}

/** The k largest obstacles of row i (stable: ties keep indicator order). */
export function topObstacles(obstacle: readonly Float64Array[], i: number, k: number): number[] {
  const idx = obstacle.map((_, j) => j).filter((j) => !Number.isNaN(obstacle[j][i]));
  idx.sort((a, b) => obstacle[b][i] - obstacle[a][i] || a - b);
  return idx.slice(0, k);
}
