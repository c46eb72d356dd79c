// Symmetric eigen-decomposition (cyclic Jacobi) and the principal eigenvector of a positive matrix
// (power iteration). Used by PCA weights (methods.md B7) and AHP (B8); small dense matrices only.
//
// Jacobi: Golub & Van Loan (2013) §8.5, cyclic-by-row sweeps until the off-diagonal Frobenius norm is below
// 1e-15·‖A‖_F; eigenvalues sorted descending, eigenvectors as columns. O(n³) per sweep, a handful of sweeps.
// Power iteration: Saaty (1977) — w ← Aw/‖Aw‖₁ until ‖Δw‖₁ < tol (default 1e-13); converges for positive A.

export interface SymmetricEigen {
  /** eigenvalues, descending */
  values: Float64Array;
  /** eigenvectors as columns: vectors[k][j] is component j of eigenvector k (unit length) */
  vectors: Float64Array[];
  sweeps: number;
}

/** Eigenpairs of a symmetric matrix given as rows (only symmetry up to rounding is assumed). */
export function symmetricEigen(matrix: ArrayLike<ArrayLike<number>>, maxSweeps = 100): SymmetricEigen {
  const n = matrix.length;
  const a: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const r = new Float64Array(n);
    for (let j = 0; j < n; j++) r[j] = 0.5 * (matrix[i][j] + matrix[j][i]);
    a.push(r);
  }
  const v: Float64Array[] = [];
  for (let i = 0; i < n; i++) { const r = new Float64Array(n); r[i] = 1; v.push(r); }
  let norm = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) norm += a[i][j] * a[i][j];
  const tol = 1e-30 * Math.max(norm, 1e-300);
  let sweeps = 0;
  for (; sweeps < maxSweeps; sweeps++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += 2 * a[i][j] * a[i][j];
    if (off <= tol) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p][q];
        if (apq === 0) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k][p], akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p][k], aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k][p], vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => a[y][y] - a[x][x] || x - y);
  const values = new Float64Array(n);
  const vectors: Float64Array[] = [];
  order.forEach((k, r) => {
    values[r] = a[k][k];
    const u = new Float64Array(n);
    for (let j = 0; j < n; j++) u[j] = v[j][k];
    vectors.push(u);
  });
  return { values, vectors, sweeps };
}

export interface PrincipalEigen {
  /** eigenvector normalised to sum 1 */
  vector: Float64Array;
  /** λ_max estimated as (1/n) Σ (Aw)_i / w_i */
  lambdaMax: number;
  iterations: number;
  converged: boolean;
}

/** Principal (Perron) eigenvector of a positive square matrix by power iteration. */
export function principalEigenvector(matrix: ArrayLike<ArrayLike<number>>, tol = 1e-13, maxIter = 10000): PrincipalEigen {
  const n = matrix.length;
  let w = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  let it = 0;
  let converged = false;
  for (; it < maxIter; it++) {
    let s = 0;
    for (let i = 0; i < n; i++) {
      let acc = 0;
      for (let j = 0; j < n; j++) acc += matrix[i][j] * w[j];
      next[i] = acc;
      s += acc;
    }
    let diff = 0;
    for (let i = 0; i < n; i++) { next[i] /= s; diff += Math.abs(next[i] - w[i]); }
    const tmp = w; w = next; next = tmp;
    if (diff < tol) { converged = true; it++; break; }
  }
  let lambda = 0;
  for (let i = 0; i < n; i++) {
    let acc = 0;
    for (let j = 0; j < n; j++) acc += matrix[i][j] * w[j];
    lambda += acc / w[i];
  }
  return { vector: w, lambdaMax: lambda / n, iterations: it, converged };
}
