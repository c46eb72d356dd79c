// Rank-sum ratio (methods.md C5; Tian Fengtiao 1988, as used by mathmodels and SPSSAU).
//
// R_ij is the rank of row i among the n rows of its group (period) on indicator j: for a benefit column the
// largest value gets rank n, for a cost column the largest gets rank 1; ties get average ranks.
// Option `nonInteger`: R = 1 + (n − 1)(x − m)/(M − m) (cost: 1 + (n − 1)(M − x)/(M − m)).
// RSR_i = Σ_j w_j R_ij / n (with equal weights this is ΣR/(J·n)).
// Probit grading (`rsrGrading`, methods.md C5 "optional grading"), within each group of n rows:
//   distinct RSR values v₁ < … < v_D (consecutive values within 1e-12·max(1,|v|) are ties, so that rounding
//   in Σ w R / n does not split them; the tie group's value is its smallest member); f(v) = #{RSR ≤ v}/n (cumulative frequency), the last f = 1 − 1/(4n);
//   Probit = 5 + Φ⁻¹(f); OLS RSR = a + b·Probit over the D distinct values (textbook frequency table; option
//   `regression: 'rows'` uses all n rows); fitted RSR̂ = a + b·Probit; cut-offs at Probit 4 and 6, i.e.
//   RSR̂ < a+4b → grade 1 (low), a+4b ≤ RSR̂ < a+6b → 2, RSR̂ ≥ a+6b → 3 (high; left-closed bands).
//   Option `frequency: 'averageRank'`: f = R̄/n with R̄ the mean rank position of the tie group (the 平均秩次
//   column of Tian's frequency table); the last value is still 1 − 1/(4n).
//   Fewer than 2 distinct values: grade undefined (NaN). Φ⁻¹: Acklam's rational approximation + one Halley step.
// O(m · N log N).

import type { MatrixInput, RowGroups } from '../normalize/matrix.js';
import { asColumnSource } from '../normalize/matrix.js';
import { averageRanksAscending } from './rank.js';
import { normalCdf, normalPdf } from '../math/distributions.js';
import { log } from '../math/elementary.js';

export interface RsrOptions {
  benefit?: readonly boolean[];
  groups?: RowGroups;
  nonInteger?: boolean;
}

export function rankSumRatio(x: MatrixInput, weights: ArrayLike<number>, options: RsrOptions = {}): Float64Array {
  const src = asColumnSource(x);
  const N = src.nRows;
  const G = options.groups ? options.groups.nGroups : 1;
  const members: number[][] = Array.from({ length: G }, () => []);
  for (let q = 0; q < N; q++) members[options.groups ? options.groups.group[q] : 0].push(q);
  const rsr = new Float64Array(N);
  const scratch = new Float64Array(N);
  for (let j = 0; j < src.nCols; j++) {
    const w = weights[j];
    if (w === 0) continue;
    const c = src.column(j, scratch);
    const benefit = options.benefit ? options.benefit[j] : true;
    for (const rows of members) {
      const n = rows.length;
      if (n === 0) continue;
      if (options.nonInteger) {
        let mn = Infinity, mx = -Infinity;
        for (const q of rows) { if (c[q] < mn) mn = c[q]; if (c[q] > mx) mx = c[q]; }
        for (const q of rows) {
          const t = mx === mn ? 1 : benefit ? (c[q] - mn) / (mx - mn) : (mx - c[q]) / (mx - mn);
          rsr[q] += (w * (1 + (n - 1) * t)) / n;
        }
      } else {
        const ranks = averageRanksAscending(c, rows);
        rows.forEach((q, k) => { rsr[q] += (w * (benefit ? ranks[k] : n + 1 - ranks[k])) / n; });
      }
    }
  }
  return rsr;
}

export interface RsrGradingOptions {
  groups?: RowGroups;
  /** regress on the distinct values (default) or on every row */
  regression?: 'distinct' | 'rows';
  /** f = #{RSR ≤ v}/n (default, methods.md) or R̄/n with R̄ the mean position of the tie group (Tian's table) */
  frequency?: 'cumulative' | 'averageRank';
}

export interface RsrGrading {
  /** cumulative frequency f per row */
  frequency: Float64Array;
  probit: Float64Array;
  fitted: Float64Array;
  /** 1 (low) … 3 (high); NaN when undefined */
  grade: Float64Array;
  /** per group: intercept a, slope b, cut-offs a+4b and a+6b, number of distinct values */
  fit: { a: number; b: number; cut4: number; cut6: number; distinct: number; n: number }[];
}

export function rsrGrading(rsr: ArrayLike<number>, options: RsrGradingOptions = {}): RsrGrading {
  const N = rsr.length;
  const G = options.groups ? options.groups.nGroups : 1;
  const members: number[][] = Array.from({ length: G }, () => []);
  for (let q = 0; q < N; q++) if (Number.isFinite(rsr[q])) members[options.groups ? options.groups.group[q] : 0].push(q);
  const frequency = new Float64Array(N).fill(NaN);
  const probit = new Float64Array(N).fill(NaN);
  const fitted = new Float64Array(N).fill(NaN);
  const grade = new Float64Array(N).fill(NaN);
  const fit: RsrGrading['fit'] = [];
  for (const rows of members) {
    const n = rows.length;
    const sorted = rows.slice().sort((p, q) => rsr[p] - rsr[q] || p - q);
    // distinct values and their cumulative frequency
    const vals: number[] = [];
    const pro: number[] = [];
    let k = 0;
    while (k < n) {
      let e = k;
      while (e + 1 < n && rsr[sorted[e + 1]] - rsr[sorted[e]] <= 1e-12 * Math.max(1, Math.abs(rsr[sorted[e]]))) e++;
      const f = e + 1 === n ? 1 - 1 / (4 * n) : options.frequency === 'averageRank' ? (k + e + 2) / 2 / n : (e + 1) / n;
      const pb = 5 + normalQuantile(f);
      for (let t = k; t <= e; t++) { frequency[sorted[t]] = f; probit[sorted[t]] = pb; }
      vals.push(rsr[sorted[k]]); pro.push(pb);
      k = e + 1;
    }
    const D = vals.length;
    if (D < 2) { fit.push({ a: NaN, b: NaN, cut4: NaN, cut6: NaN, distinct: D, n }); continue; }
    const xs = options.regression === 'rows' ? rows.map((q) => probit[q]) : pro;
    const ys = options.regression === 'rows' ? rows.map((q) => rsr[q]) : vals;
    const L = xs.length;
    let mx = 0, my = 0;
    for (let t = 0; t < L; t++) { mx += xs[t]; my += ys[t]; }
    mx /= L; my /= L;
    let sxy = 0, sxx = 0;
    for (let t = 0; t < L; t++) { sxy += (xs[t] - mx) * (ys[t] - my); sxx += (xs[t] - mx) ** 2; }
    const b = sxy / sxx;
    const a = my - b * mx;
    const cut4 = a + 4 * b, cut6 = a + 6 * b;
    fit.push({ a, b, cut4, cut6, distinct: D, n });
    for (const q of rows) {
      const y = a + b * probit[q];
      fitted[q] = y;
      grade[q] = y < cut4 ? 1 : y < cut6 ? 2 : 3;
    }
  }
  return { frequency, probit, fitted, grade, fit };
}

/** Φ⁻¹(p), 0 < p < 1: Acklam (2003) rational approximation refined by one Halley step (|error| ~ 1e-15). */
function normalQuantile(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  let x: number;
  if (p < lo) {
    const q = Math.sqrt(-2 * log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - lo) {
    const q = p - 0.5, r = q * q;
    x = ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * log(1 - p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const e = normalCdf(x) - p;
  const u = e / normalPdf(x);
  return x - u / (1 + (x * u) / 2);
}
