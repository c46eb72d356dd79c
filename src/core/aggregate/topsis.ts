// TOPSIS (methods.md C2): Hwang & Yoon (1981), Multiple Attribute Decision Making, LNEMS 186.
//
// On a normalised matrix r (vector: x/√Σx², the default; or min–max):
//   weighting 'matrix' (default): v = w·r, D± = √Σ_j (v_ij − v±_j)²  (this effectively squares the weights);
//   weighting 'distance':         D± = √Σ_j w_j (r_ij − r±_j)².
// Ideal v⁺ = column max for benefit columns, min for cost columns ("ideal selection"); anti-ideal the
// reverse. Ideal scope: pooled (default, one ideal over all rows) or per group (period). `absoluteIdeal`
// takes 1 and 0 (min–max data). C = D⁻/(D⁺ + D⁻); D⁺ + D⁻ = 0 → NaN (the caller reports null, 'undefined').
// Rank reversal is inherent: adding or removing alternatives can change the order of the others.
// Streams column by column: O(N·m) time, O(N) extra memory.

import type { MatrixInput, RowGroups } from '../normalize/matrix.js';
import { asColumnSource } from '../normalize/matrix.js';

export interface TopsisOptions {
  /** benefit (true) or cost (false) per column; default all benefit (direction-adjusted min–max data) */
  benefit?: readonly boolean[];
  weighting?: 'matrix' | 'distance';
  /** ideal points per group (period scope) */
  groups?: RowGroups;
  absoluteIdeal?: boolean;
}

export interface TopsisResult {
  dPlus: Float64Array;
  dMinus: Float64Array;
  closeness: Float64Array;
  /** weighted ideal and anti-ideal: ideal[g][j] (matrix weighting: v = w·r; distance weighting: r) */
  ideal: Float64Array[];
  antiIdeal: Float64Array[];
}

export function topsis(r: MatrixInput, weights: ArrayLike<number>, options: TopsisOptions = {}): TopsisResult {
  const src = asColumnSource(r);
  const N = src.nRows;
  const m = src.nCols;
  const G = options.groups ? options.groups.nGroups : 1;
  const grp = options.groups?.group;
  const matrixW = (options.weighting ?? 'matrix') === 'matrix';
  const dp = new Float64Array(N);
  const dm = new Float64Array(N);
  const ideal = Array.from({ length: G }, () => new Float64Array(m));
  const anti = Array.from({ length: G }, () => new Float64Array(m));
  const scratch = new Float64Array(N);
  const hi = new Float64Array(G);
  const lo = new Float64Array(G);
  for (let j = 0; j < m; j++) {
    const w = weights[j];
    const c = src.column(j, scratch);
    const benefit = options.benefit ? options.benefit[j] : true;
    if (options.absoluteIdeal) { hi.fill(1); lo.fill(0); }
    else if (!grp) {
      let mx = -Infinity, mn = Infinity;
      for (let q = 0; q < N; q++) { const v = c[q]; if (v > mx) mx = v; if (v < mn) mn = v; }
      hi[0] = mx; lo[0] = mn;
    } else {
      hi.fill(-Infinity); lo.fill(Infinity);
      for (let q = 0; q < N; q++) { const g = grp[q]; const v = c[q]; if (v > hi[g]) hi[g] = v; if (v < lo[g]) lo[g] = v; }
    }
    for (let g = 0; g < G; g++) {
      const best = benefit ? hi[g] : lo[g];
      const worst = benefit ? lo[g] : hi[g];
      ideal[g][j] = matrixW ? w * best : best;
      anti[g][j] = matrixW ? w * worst : worst;
    }
    if (w === 0) continue;
    if (!grp) {
      const bp = ideal[0][j], bm = anti[0][j];
      if (matrixW) {
        for (let q = 0; q < N; q++) { const v = w * c[q]; const a = v - bp; const b = v - bm; dp[q] += a * a; dm[q] += b * b; }
      } else {
        for (let q = 0; q < N; q++) { const v = c[q]; const a = v - bp; const b = v - bm; dp[q] += w * a * a; dm[q] += w * b * b; }
      }
    } else {
      for (let q = 0; q < N; q++) {
        const g = grp[q];
        if (matrixW) { const v = w * c[q]; const a = v - ideal[g][j]; const b = v - anti[g][j]; dp[q] += a * a; dm[q] += b * b; }
        else { const v = c[q]; const a = v - ideal[g][j]; const b = v - anti[g][j]; dp[q] += w * a * a; dm[q] += w * b * b; }
      }
    }
  }
  const closeness = new Float64Array(N);
  for (let q = 0; q < N; q++) {
    const a = Math.sqrt(dp[q]);
    const b = Math.sqrt(dm[q]);
    dp[q] = a;
    dm[q] = b;
    const s = a + b;
    closeness[q] = s > 0 ? b / s : NaN;
  }
  return { dPlus: dp, dMinus: dm, closeness, ideal, antiIdeal: anti };
}
