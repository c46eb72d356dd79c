// Ordinary least squares with classical, HC1 and cluster-robust covariance, and the within transformation
// for entity (and time) fixed effects. Used by β-convergence (methods.md K4); others may import.
//
// Estimation: Householder QR of X (Golub & Van Loan 2013, §5.2), so ill-conditioned designs lose no more
// digits than they must; (X'X)^{-1} = R^{-1}R^{-T}. Classical SEs match R `lm`.
// HC1 (MacKinnon & White 1985): V = n/(n − k − a) · (X'X)^{-1} X' diag(û²) X (X'X)^{-1}, a = absorbed FE.
// Cluster-robust (Liang & Zeger 1986; Stata `vce(cluster)` small-sample factor):
//   V = G/(G − 1) · (n − 1)/(n − K) · (X'X)^{-1} (Σ_g X_g'û_g û_g'X_g) (X'X)^{-1}, t tests with G − 1 df,
//   K = regressors including the constant (absorbed effects nested in the clusters are not counted, as
//   `xtreg, fe vce(cluster id)`).
// Complexity O(n k²) for the fit, O(n k²) for the sandwich.

import { DataError } from '../errors.js';
import { studentTTwoSided, fSf } from './distributions.js';

export type VcovType = 'classical' | 'hc1' | 'cluster';

export interface OlsOptions {
  /** Names of the k columns of X, for messages and output. */
  names?: readonly string[];
  vcov?: VcovType;
  /** Cluster index per observation (0..G−1), required for `cluster`. */
  clusters?: ArrayLike<number>;
  /** Whether X has an intercept column (R² is centred either way; F tests the other columns). Default true if the first name is "(Intercept)". */
  intercept?: boolean;
  /** Parameters absorbed by a within transformation (entity means …): lowers the residual df for classical/HC1. */
  absorbed?: number;
  /** K in the cluster small-sample factor (default k + (intercept ? 0 : 1) when absorbed > 0, else k). */
  clusterK?: number;
}

export interface OlsFit {
  n: number;
  k: number;
  names: string[];
  coef: Float64Array;
  se: Float64Array;
  t: Float64Array;
  p: Float64Array;
  /** k × k row-major covariance of the coefficients. */
  vcov: Float64Array;
  vcovType: VcovType;
  residuals: Float64Array;
  rss: number;
  tss: number;
  r2: number;
  adjR2: number;
  /** Residual standard error √(rss/df). */
  sigma: number;
  /** Residual degrees of freedom n − k − absorbed. */
  df: number;
  /** Degrees of freedom of the t tests (df, or G − 1 for cluster). */
  dfTest: number;
  /** F (classical) or Wald F (robust) for all non-intercept coefficients. */
  F: number;
  Fdf1: number;
  Fdf2: number;
  Fp: number;
  clusters?: number;
}

/**
 * OLS of y on X (n × k, row-major). Throws DataError `collinear-regressors` when a column is (numerically)
 * a combination of the others, and `too-few-observations` when n − k − absorbed < 1.
 */
export function ols(X: Float64Array, y: Float64Array, k: number, options: OlsOptions = {}): OlsFit {
  const n = y.length;
  if (X.length !== n * k) throw new Error(`ols: X has ${X.length} cells, expected ${n}×${k}`);
  const names = options.names ? [...options.names] : Array.from({ length: k }, (_, j) => `x${j + 1}`);
  const intercept = options.intercept ?? names[0] === '(Intercept)';
  const absorbed = options.absorbed ?? 0;
  const df = n - k - absorbed;
  if (df < 1) {
    throw new DataError('too-few-observations', `regression needs more observations than parameters: n = ${n}, parameters = ${k + absorbed}`, {}, 'use a longer panel or fewer controls');
  }
  // Column-major copy for Householder QR.
  const A = new Float64Array(n * k);
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) A[j * n + i] = X[i * k + j];
  const qty = Float64Array.from(y);
  const rdiag = new Float64Array(k);
  const colNorm0 = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += A[j * n + i] ** 2;
    colNorm0[j] = Math.sqrt(s);
  }
  for (let j = 0; j < k; j++) {
    const cj = j * n;
    let norm = 0;
    for (let i = j; i < n; i++) norm += A[cj + i] ** 2;
    norm = Math.sqrt(norm);
    if (!(norm > 1e-10 * (colNorm0[j] || 1)) || colNorm0[j] === 0) {
      throw new DataError('collinear-regressors', `regressor "${names[j]}" is constant or a linear combination of the others`, { column: names[j] }, 'drop that regressor or the fixed effect that absorbs it');
    }
    const alpha = A[cj + j] > 0 ? -norm : norm;
    // v = x − αe1, stored in place; R_jj = α.
    A[cj + j] -= alpha;
    let vnorm2 = 0;
    for (let i = j; i < n; i++) vnorm2 += A[cj + i] ** 2;
    rdiag[j] = alpha;
    if (vnorm2 === 0) continue;
    for (let c = j + 1; c < k; c++) {
      const cc = c * n;
      let s = 0;
      for (let i = j; i < n; i++) s += A[cj + i] * A[cc + i];
      const f = (2 * s) / vnorm2;
      for (let i = j; i < n; i++) A[cc + i] -= f * A[cj + i];
    }
    let s = 0;
    for (let i = j; i < n; i++) s += A[cj + i] * qty[i];
    const f = (2 * s) / vnorm2;
    for (let i = j; i < n; i++) qty[i] -= f * A[cj + i];
  }
  // R (upper triangle): R_jj = rdiag, R_jc = A[c*n + j] for c > j.
  const R = (j: number, c: number): number => (j === c ? rdiag[j] : A[c * n + j]);
  const coef = new Float64Array(k);
  for (let j = k - 1; j >= 0; j--) {
    let s = qty[j];
    for (let c = j + 1; c < k; c++) s -= R(j, c) * coef[c];
    coef[j] = s / rdiag[j];
  }
  // Rinv (upper triangular), then XtXinv = Rinv Rinv'.
  const Rinv = new Float64Array(k * k);
  for (let j = k - 1; j >= 0; j--) {
    Rinv[j * k + j] = 1 / rdiag[j];
    for (let c = j + 1; c < k; c++) {
      let s = 0;
      for (let m = j + 1; m <= c; m++) s += R(j, m) * Rinv[m * k + c];
      Rinv[j * k + c] = -s / rdiag[j];
    }
  }
  const XtXinv = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      let s = 0;
      for (let m = b; m < k; m++) s += Rinv[a * k + m] * Rinv[b * k + m];
      XtXinv[a * k + b] = s;
      XtXinv[b * k + a] = s;
    }
  }
  const residuals = new Float64Array(n);
  let rss = 0;
  let ybar = 0;
  for (let i = 0; i < n; i++) ybar += y[i];
  ybar /= n;
  let tss = 0;
  for (let i = 0; i < n; i++) {
    let f = 0;
    for (let j = 0; j < k; j++) f += X[i * k + j] * coef[j];
    const e = y[i] - f;
    residuals[i] = e;
    rss += e * e;
    tss += (y[i] - ybar) ** 2;
  }
  const sigma2 = rss / df;
  const vcovType = options.vcov ?? 'classical';
  let vcov: Float64Array;
  let dfTest = df;
  let G: number | undefined;
  if (vcovType === 'classical') {
    vcov = XtXinv.map((v) => v * sigma2);
  } else {
    const meat = new Float64Array(k * k);
    if (vcovType === 'hc1') {
      for (let i = 0; i < n; i++) {
        const e2 = residuals[i] * residuals[i];
        for (let a = 0; a < k; a++) {
          const xa = X[i * k + a] * e2;
          for (let b = a; b < k; b++) meat[a * k + b] += xa * X[i * k + b];
        }
      }
    } else {
      const cl = options.clusters;
      if (!cl || cl.length !== n) throw new Error('ols: cluster-robust covariance needs one cluster index per observation');
      let maxG = 0;
      for (let i = 0; i < n; i++) maxG = Math.max(maxG, cl[i] + 1);
      const score = new Float64Array(maxG * k);
      for (let i = 0; i < n; i++) {
        const g = cl[i];
        for (let a = 0; a < k; a++) score[g * k + a] += X[i * k + a] * residuals[i];
      }
      const seen = new Uint8Array(maxG);
      for (let i = 0; i < n; i++) seen[cl[i]] = 1;
      G = 0;
      for (let g = 0; g < maxG; g++) if (seen[g]) G++;
      if (G < 2) throw new DataError('too-few-clusters', `cluster-robust standard errors need at least 2 clusters (found ${G})`);
      for (let g = 0; g < maxG; g++) {
        for (let a = 0; a < k; a++) {
          const sa = score[g * k + a];
          for (let b = a; b < k; b++) meat[a * k + b] += sa * score[g * k + b];
        }
      }
      dfTest = G - 1;
    }
    for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) meat[a * k + b] = meat[b * k + a];
    const tmp = matMul(XtXinv, meat, k);
    vcov = matMul(tmp, XtXinv, k);
    let factor: number;
    if (vcovType === 'hc1') factor = n / df;
    else {
      const K = options.clusterK ?? (absorbed > 0 && !intercept ? k + 1 : k);
      factor = (G! / (G! - 1)) * ((n - 1) / (n - K));
    }
    for (let i = 0; i < k * k; i++) vcov[i] *= factor;
  }
  const se = new Float64Array(k);
  const t = new Float64Array(k);
  const p = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    se[j] = Math.sqrt(vcov[j * k + j]);
    t[j] = coef[j] / se[j];
    p[j] = studentTTwoSided(t[j], dfTest);
  }
  const r2 = tss > 0 ? 1 - rss / tss : NaN;
  // Adjusted R²: total df n − 1 with an intercept, n − absorbed after a within transformation.
  const adjR2 = 1 - ((1 - r2) * (intercept ? n - 1 : n - absorbed)) / df;
  // F for the non-intercept coefficients.
  const idx: number[] = [];
  for (let j = 0; j < k; j++) if (!(intercept && j === 0)) idx.push(j);
  const q = idx.length;
  let F = NaN;
  if (q > 0) {
    if (vcovType === 'classical' && intercept) {
      F = ((tss - rss) / q) / sigma2;
    } else {
      const Vs = idx.map((a) => idx.map((b) => vcov[a * k + b]));
      const bs = idx.map((a) => coef[a]);
      const sol = solveSmall(Vs, bs);
      if (sol) {
        let w = 0;
        for (let a = 0; a < q; a++) w += bs[a] * sol[a];
        F = w / q;
      }
    }
  }
  const Fdf2 = dfTest;
  const Fp = Number.isFinite(F) ? fSf(F, q, Fdf2) : NaN;
  return {
    n, k, names, coef, se, t, p, vcov, vcovType, residuals, rss, tss, r2, adjR2,
    sigma: Math.sqrt(sigma2), df, dfTest, F, Fdf1: q, Fdf2, Fp, clusters: G,
  };
}

function matMul(A: Float64Array, B: Float64Array, k: number): Float64Array {
  const C = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let m = 0; m < k; m++) {
      const a = A[i * k + m];
      if (a === 0) continue;
      for (let j = 0; j < k; j++) C[i * k + j] += a * B[m * k + j];
    }
  }
  return C;
}

/** Gaussian elimination with partial pivoting for a small symmetric system; null when singular. */
function solveSmall(A: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = A.map((r, i) => [...r, b[i]]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
    if (Math.abs(m[piv][c]) < 1e-300) return null;
    [m[c], m[piv]] = [m[piv], m[c]];
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / m[c][c];
      for (let j = c; j <= n; j++) m[r][j] -= f * m[c][j];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let j = r + 1; j < n; j++) s -= m[r][j] * x[j];
    x[r] = s / m[r][r];
  }
  return x;
}

/**
 * Within transformation: subtract group means from each of the `cols` columns of an n × cols row-major
 * matrix, in place. Groups are indices 0..G−1. Returns the number of distinct groups (absorbed parameters).
 */
export function demeanWithin(M: Float64Array, cols: number, groups: ArrayLike<number>): number {
  const n = groups.length;
  let G = 0;
  for (let i = 0; i < n; i++) G = Math.max(G, groups[i] + 1);
  const sums = new Float64Array(G * cols);
  const counts = new Float64Array(G);
  for (let i = 0; i < n; i++) {
    const g = groups[i];
    counts[g]++;
    for (let c = 0; c < cols; c++) sums[g * cols + c] += M[i * cols + c];
  }
  for (let i = 0; i < n; i++) {
    const g = groups[i];
    for (let c = 0; c < cols; c++) M[i * cols + c] -= sums[g * cols + c] / counts[g];
  }
  let used = 0;
  for (let g = 0; g < G; g++) if (counts[g] > 0) used++;
  return used;
}
