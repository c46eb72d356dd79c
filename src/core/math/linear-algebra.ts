// Small dense linear algebra: solve A x = b by Gaussian elimination with partial pivoting, and matrix helpers.
// Used by game-theory weight combination (methods.md B9). O(n³); for the small systems of weighting methods.

/** Solve A x = b. Returns null when A is singular (pivot ≤ 1e-12·max|A|). A and b are not modified. */
export function solveLinear(A: ArrayLike<ArrayLike<number>>, b: ArrayLike<number>): Float64Array | null {
  const n = A.length;
  const m: Float64Array[] = [];
  let scale = 0;
  for (let i = 0; i < n; i++) {
    const r = new Float64Array(n + 1);
    for (let j = 0; j < n; j++) { r[j] = A[i][j]; scale = Math.max(scale, Math.abs(r[j])); }
    r[n] = b[i];
    m.push(r);
  }
  const eps = 1e-12 * (scale || 1);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    if (Math.abs(m[p][c]) <= eps) return null;
    if (p !== c) { const t = m[p]; m[p] = m[c]; m[c] = t; }
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / m[c][c];
      if (f === 0) continue;
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let k = r + 1; k < n; k++) s -= m[r][k] * x[k];
    x[r] = s / m[r][r];
  }
  return x;
}

/** Dot product of two equal-length vectors. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
