// Varimax rotation of a loading matrix (Kaiser 1958, Psychometrika 23(3):187–200), Kaiser-normalised.
//
// Standard iterative (SVD / polar) algorithm, as in R stats::varimax and most statistics packages:
//   1. Kaiser normalisation: each row a_j of the p×k loadings is divided by h_j = ‖a_j‖ (communality root).
//   2. Repeat: Z = A·T; B = Aᵀ(Z∘Z∘Z − Z·diag(colSums(Z∘Z))/p); T = U·Vᵀ from B = U·S·Vᵀ (the orthogonal
//      polar factor, computed here as B·(BᵀB)^{-1/2} with a symmetric eigen-decomposition); stop when
//      max|T_new − T_old| < `tol` (default 1e-13). R stops when Σ s grows by less than 1e-5 relative, which
//      leaves the angle accurate to ~√1e-5 only; we iterate to the fixed point (linear convergence).
//   3. Rotated loadings Ã = (A_normalised·T) ∘ h.
// Signs and order of the rotated factors are not identified; callers that use |Ã| or Ã² do not depend on them.
// k = 1 returns the loadings unchanged. O(iterations · p·k²).

import { NumericalError } from '../errors.js';
import { symmetricEigen } from '../math/eigen.js';

export interface VarimaxResult {
  /** rotated loadings, columns: loadings[k][j] */
  loadings: Float64Array[];
  /** rotation matrix T (k×k, rows) */
  rotation: Float64Array[];
  iterations: number;
}

export function varimax(loadings: readonly Float64Array[], options: { normalize?: boolean; tol?: number; maxIter?: number } = {}): VarimaxResult {
  const k = loadings.length;
  const p = k ? loadings[0].length : 0;
  const identity = () => Array.from({ length: k }, (_, i) => { const r = new Float64Array(k); r[i] = 1; return r; });
  if (k < 2) return { loadings: loadings.map((c) => Float64Array.from(c)), rotation: identity(), iterations: 0 };
  const normalize = options.normalize ?? true;
  const tol = options.tol ?? 1e-13;
  const maxIter = options.maxIter ?? 10000;
  const h = new Float64Array(p).fill(1);
  if (normalize) for (let j = 0; j < p; j++) { let s = 0; for (let c = 0; c < k; c++) s += loadings[c][j] ** 2; h[j] = Math.sqrt(s) || 1; }
  const A = loadings.map((c) => Float64Array.from(c, (v, j) => v / h[j]));
  let T = identity();
  const Z = Array.from({ length: k }, () => new Float64Array(p));
  let it = 0;
  for (; it < maxIter; it++) {
    for (let c = 0; c < k; c++) for (let j = 0; j < p; j++) { let s = 0; for (let r = 0; r < k; r++) s += A[r][j] * T[r][c]; Z[c][j] = s; }
    const colSq = Float64Array.from(Z, (z) => z.reduce((a, v) => a + v * v, 0) / p);
    // B[r][c] = Σ_j A[r][j] (Z[c][j]^3 − Z[c][j] colSq[c])
    const B = Array.from({ length: k }, (_, r) => Float64Array.from({ length: k }, (_, c) => { let s = 0; for (let j = 0; j < p; j++) { const z = Z[c][j]; s += A[r][j] * (z * z * z - z * colSq[c]); } return s; }));
    // polar factor: T = B (BᵀB)^{-1/2}; Σ singular values = Σ √eig(BᵀB)
    const BtB = Array.from({ length: k }, (_, a) => Float64Array.from({ length: k }, (_, b) => { let s = 0; for (let r = 0; r < k; r++) s += B[r][a] * B[r][b]; return s; }));
    const eig = symmetricEigen(BtB);
    const inv = new Float64Array(k);
    for (let q = 0; q < k; q++) {
      const lam = eig.values[q];
      if (!(lam > 1e-300)) throw new NumericalError('varimax-singular', 'varimax: the rotation gradient is singular (loadings degenerate)');
      inv[q] = 1 / Math.sqrt(lam);
    }
    const Minv = Array.from({ length: k }, (_, a) => Float64Array.from({ length: k }, (_, b) => { let s = 0; for (let q = 0; q < k; q++) s += eig.vectors[q][a] * inv[q] * eig.vectors[q][b]; return s; }));
    const Tn = Array.from({ length: k }, (_, r) => Float64Array.from({ length: k }, (_, c) => { let s = 0; for (let q = 0; q < k; q++) s += B[r][q] * Minv[q][c]; return s; }));
    let change = 0;
    for (let r = 0; r < k; r++) for (let c = 0; c < k; c++) change = Math.max(change, Math.abs(Tn[r][c] - T[r][c]));
    T = Tn;
    if (change < tol) { it++; break; }
  }
  const out = Array.from({ length: k }, (_, c) => Float64Array.from({ length: p }, (_, j) => { let s = 0; for (let r = 0; r < k; r++) s += A[r][j] * T[r][c]; return s * h[j]; }));
  return { loadings: out, rotation: T, iterations: it };
}
