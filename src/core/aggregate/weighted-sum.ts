// Weighted sum composite index (methods.md C1, B10): S_i = Σ_j w_j x′_ij on the unshifted normalised values,
// and dimension scores S_d = Σ_{j∈d} w_j x′_ij (flat hierarchy: the total is Σ_d S_d). O(N·m).

import type { MatrixInput } from '../normalize/matrix.js';
import { asColumnSource } from '../normalize/matrix.js';

/** Σ_j w_j x_ij. `dimensionOf[j]` (optional) also accumulates per-dimension sums. */
export function weightedSum(x: MatrixInput, weights: ArrayLike<number>, dimensionOf?: ArrayLike<number>, nDimensions = 0): { score: Float64Array; dimensions: Float64Array[] } {
  const src = asColumnSource(x);
  const N = src.nRows;
  const score = new Float64Array(N);
  const dimensions = Array.from({ length: nDimensions }, () => new Float64Array(N));
  const scratch = new Float64Array(N);
  for (let j = 0; j < src.nCols; j++) {
    const w = weights[j];
    if (w === 0) continue;
    const c = src.column(j, scratch);
    for (let r = 0; r < N; r++) score[r] += w * c[r];
    if (dimensionOf) {
      const d = dimensions[dimensionOf[j]];
      for (let r = 0; r < N; r++) d[r] += w * c[r];
    }
  }
  return { score, dimensions };
}
