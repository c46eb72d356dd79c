// PCA-based weights (methods.md B7), as in the Chinese applied literature (check against the paper reproduced).
//
//   1. Flip cost indicators, z-score (so the correlation matrix R of the raw data with cost columns negated).
//   2. Eigenpairs (λ_k, u_k) of R, u_k unit length, sign fixed so that Σ_j u_jk ≥ 0.
//   3. Keep components with λ > 1 (Kaiser; options: cumulative share ≥ c; fixed K).
//   4. b_j = Σ_{k≤K} u_jk λ_k / Σ_{k≤K} λ_k   (u_jk = loading a_jk / √λ_k).
//   5. w = b/Σb; negative b → |b| with a warning (option: error).
// Option `mathmodels`: b_j = Σ_k |a_jk| λ_k/Σλ with loadings a = u√λ (`squared`: a²).
// O(N·m² + m³).

import { DataError } from '../errors.js';
import type { MatrixInput } from '../normalize/matrix.js';
import { materializeColumns } from '../normalize/matrix.js';
import type { IndicatorDirection } from '../normalize/direction.js';
import { correlationMatrix } from './critic.js';
import { symmetricEigen } from '../math/eigen.js';

export type PcaRetain = { kind: 'kaiser' } | { kind: 'cumulative'; share: number } | { kind: 'fixed'; k: number };

export interface PcaOptions {
  retain?: PcaRetain;
  /** 'abs' (default: |b| and a warning) or 'error' */
  negative?: 'abs' | 'error';
  variant?: 'default' | 'mathmodels' | 'mathmodelsSquared';
}

export interface PcaWeights {
  weights: Float64Array;
  eigenvalues: Float64Array;
  /** eigenvectors u_k (columns), sign-fixed */
  eigenvectors: Float64Array[];
  retained: number;
  explained: Float64Array;
  b: Float64Array;
  negativeFixed: boolean;
}

export function pcaWeights(raw: MatrixInput, directions: readonly IndicatorDirection[], options: PcaOptions = {}): PcaWeights {
  const cols = materializeColumns(raw).map((c, j) => (directions[j] === '-' ? Float64Array.from(c, (v) => -v) : c));
  const m = cols.length;
  const N = m ? cols[0].length : 0;
  if (N < 3 || m < 2) throw new DataError('too-few-rows', `PCA weights need at least 3 rows and 2 indicators (got ${N} × ${m})`);
  const { correlation, sd } = correlationMatrix(cols);
  sd.forEach((s, j) => {
    if (!(s > 0)) throw new DataError('constant-indicator', `indicator ${j + 1} is constant: its correlations are undefined`, {}, 'remove it');
  });
  const eig = symmetricEigen(correlation);
  const values = Float64Array.from(eig.values, (v) => Math.max(v, 0));
  const vectors = eig.vectors.map((u) => {
    let s = 0;
    for (let j = 0; j < m; j++) s += u[j];
    return s < 0 ? Float64Array.from(u, (v) => -v) : u;
  });
  const total = values.reduce((a, b) => a + b, 0);
  const explained = Float64Array.from(values, (v) => v / total);
  const retain = options.retain ?? { kind: 'kaiser' };
  let K = 0;
  if (retain.kind === 'kaiser') { while (K < m && values[K] > 1) K++; K = Math.max(K, 1); }
  else if (retain.kind === 'cumulative') { let c = 0; while (K < m && c < retain.share - 1e-12) { c += explained[K]; K++; } }
  else K = Math.min(Math.max(1, Math.floor(retain.k)), m);
  let lsum = 0;
  for (let k = 0; k < K; k++) lsum += values[k];
  const b = new Float64Array(m);
  const variant = options.variant ?? 'default';
  for (let j = 0; j < m; j++) {
    let s = 0;
    for (let k = 0; k < K; k++) {
      const u = vectors[k][j];
      if (variant === 'default') s += u * values[k];
      else {
        const a = u * Math.sqrt(values[k]);
        s += (variant === 'mathmodels' ? Math.abs(a) : a * a) * values[k];
      }
    }
    b[j] = s / lsum;
  }
  let negativeFixed = false;
  if (b.some((v) => v < 0)) {
    if (options.negative === 'error') throw new DataError('pca-negative-weight', 'PCA gives a negative coefficient b_j for some indicator', {}, 'check the directions, or allow |b| (negative: abs)');
    negativeFixed = true;
    for (let j = 0; j < m; j++) b[j] = Math.abs(b[j]);
  }
  const bs = b.reduce((a, c) => a + c, 0);
  return { weights: Float64Array.from(b, (v) => v / bs), eigenvalues: values, eigenvectors: vectors, retained: K, explained, b, negativeFixed };
}
