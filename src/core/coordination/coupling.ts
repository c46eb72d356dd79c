// Coupling coordination degree (methods.md D1) for n subsystem scores U_1…U_n ∈ [0,1].
//
//   standard (default): C = n (Π U_i)^{1/n} / Σ U_i  (= [ΠU/((1/n)ΣU)ⁿ]^{1/n}; for n = 2: 2√(U₁U₂)/(U₁+U₂)).
//       Any U_i = 0 gives C = 0; all U = 0 gives C = 0 and is counted (the caller warns), as in stscl.
//   wang (Wang Shujia et al. 2021, 自然资源学报 36(3), 793–810): C = √{[1 − Σ_{i<j}|U_i − U_j| / (n(n−1)/2)]
//       · [Π_i (U_i / max U)]^{1/(n−1)}}; max U = 0 gives C = 0.
//   fan (R package `coupling`): C = 1 − 2√((nΣU² − (ΣU)²)/n²) = 1 − 2σ_pop(U), negative radicand → 0.
//   C is clamped to [0, 1] in every variant (stscl). T = Σ α_i U_i (α = 1/n by default); D = √(C·T).
// The dropped-coefficient form [ΠU/(ΣU)ⁿ]^{1/n}, whose maximum is 1/n (Liu Chunlin 2017; Wang et al. 2021),
// is offered only as 'legacy:noMean', never by default, and always with a warning; likewise
// 'legacy:pairwise3' {U₁U₂U₃/[(U₁+U₂)(U₁+U₃)(U₂+U₃)]}^{1/3} (maximum 1/2). O(N·n) (O(N·n²) for wang).

import { DataError } from '../errors.js';
import { exp, log, pow } from '../math/elementary.js';

export type CouplingVariant = 'standard' | 'wang' | 'fan' | 'legacy:noMean' | 'legacy:pairwise3';

export interface CouplingOptions {
  variant?: CouplingVariant;
  /** T weights α (normalised to sum 1); default 1/n */
  alpha?: readonly number[];
  allowOutOfRange?: boolean;
  names?: readonly string[];
}

export interface CouplingResult {
  C: Float64Array;
  T: Float64Array;
  D: Float64Array;
  /** rows where every U was 0 */
  allZero: number;
  alpha: Float64Array;
  variant: CouplingVariant;
}

/** C, T, D for rows of subsystem scores: `U[s][i]` is subsystem s in row i. NaN rows stay NaN. */
export function couplingDegree(U: readonly Float64Array[], options: CouplingOptions = {}): CouplingResult {
  const n = U.length;
  if (n < 2) throw new DataError('too-few-subsystems', `coupling coordination needs at least 2 subsystems (got ${n})`);
  if (options.variant === 'legacy:pairwise3' && n !== 3) throw new DataError('pairwise3-needs-3', 'legacy:pairwise3 is defined for 3 subsystems only');
  const N = U[0].length;
  const variant = options.variant ?? 'standard';
  const alpha = Float64Array.from(options.alpha ?? new Array(n).fill(1 / n));
  if (alpha.length !== n) throw new DataError('bad-alpha', `${alpha.length} T weights for ${n} subsystems`);
  const as = alpha.reduce((a, b) => a + b, 0);
  for (let s = 0; s < n; s++) alpha[s] /= as;
  const C = new Float64Array(N), T = new Float64Array(N), D = new Float64Array(N);
  const u = new Float64Array(n);
  let allZero = 0;
  for (let i = 0; i < N; i++) {
    let bad = false;
    for (let s = 0; s < n; s++) {
      u[s] = U[s][i];
      if (Number.isNaN(u[s])) bad = true;
      else if (!options.allowOutOfRange && (u[s] < 0 || u[s] > 1)) {
        throw new DataError('out-of-range', `subsystem score ${options.names?.[s] ?? s + 1} is ${u[s]} at row ${i + 1}; coupling needs scores in [0,1]`, { column: options.names?.[s] }, 'normalise the subsystem indicators (min–max), or pass allowOutOfRange');
      }
    }
    if (bad) { C[i] = T[i] = D[i] = NaN; continue; }
    let sum = 0, t = 0, zero = true;
    for (let s = 0; s < n; s++) { sum += u[s]; t += alpha[s] * u[s]; if (u[s] !== 0) zero = false; }
    if (zero) allZero++;
    let c: number;
    if (variant === 'standard') {
      if (zero) c = 0;
      else {
        let prod = 1, lp = 0, hasZero = false;
        for (let s = 0; s < n; s++) { if (u[s] <= 0) hasZero = true; else { prod *= u[s]; lp += log(u[s]); } }
        // the geometric mean by a power of the product, or by logs when the product underflows
        const gm = n === 2 ? Math.sqrt(prod) : prod > 1e-300 ? pow(prod, 1 / n) : exp(lp / n);
        c = hasZero ? 0 : (n * gm) / sum;
      }
    } else if (variant === 'wang') {
      let mx = 0;
      for (let s = 0; s < n; s++) if (u[s] > mx) mx = u[s];
      if (mx === 0) c = 0;
      else {
        let dsum = 0;
        for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) dsum += Math.abs(u[a] - u[b]);
        let prod = 1;
        for (let s = 0; s < n; s++) prod *= u[s] / mx;
        const v = (1 - dsum / ((n * (n - 1)) / 2)) * pow(prod, 1 / (n - 1));
        c = Math.sqrt(Math.max(v, 0));
      }
    } else if (variant === 'fan') {
      let s2 = 0;
      for (let s = 0; s < n; s++) s2 += u[s] * u[s];
      const rad = Math.max((n * s2 - sum * sum) / (n * n), 0);
      c = 1 - 2 * Math.sqrt(rad);
    } else if (variant === 'legacy:noMean') {
      let prod = 1;
      for (let s = 0; s < n; s++) prod *= u[s];
      c = sum === 0 ? 0 : pow(prod / pow(sum, n), 1 / n);
    } else {
      const den = (u[0] + u[1]) * (u[0] + u[2]) * (u[1] + u[2]);
      c = den === 0 ? 0 : pow((u[0] * u[1] * u[2]) / den, 1 / 3);
    }
    c = Math.min(Math.max(c, 0), 1);
    C[i] = c;
    T[i] = t;
    D[i] = Math.sqrt(c * t);
  }
  return { C, T, D, allZero, alpha, variant };
}

/** D grades: ten left-closed bands of width 0.1; 1.0 belongs to the top band. */
export const D_GRADES: readonly { zh: string; en: string }[] = [
  { zh: '极度失调', en: 'extreme imbalance' },
  { zh: '严重失调', en: 'serious imbalance' },
  { zh: '中度失调', en: 'moderate imbalance' },
  { zh: '轻度失调', en: 'mild imbalance' },
  { zh: '濒临失调', en: 'on the verge of imbalance' },
  { zh: '勉强协调', en: 'barely coordinated' },
  { zh: '初级协调', en: 'primary coordination' },
  { zh: '中级协调', en: 'intermediate coordination' },
  { zh: '良好协调', en: 'good coordination' },
  { zh: '优质协调', en: 'high-quality coordination' },
];

/** C bands: [0, .3) low, [.3, .5) antagonism, [.5, .8) running-in, [.8, 1] high (left-closed; check). */
export const C_GRADES: readonly { lower: number; zh: string; en: string }[] = [
  { lower: 0, zh: '低水平耦合', en: 'low-level coupling' },
  { lower: 0.3, zh: '拮抗', en: 'antagonism' },
  { lower: 0.5, zh: '磨合', en: 'running-in' },
  { lower: 0.8, zh: '高水平耦合', en: 'high-level coupling' },
];

/** Index 0…9 of the D band (left-closed bands of 0.1, D = 1 in band 9). */
export function dGradeIndex(D: number): number {
  // the small tolerance keeps 0.3 (which is 0.30000000000000004 after some arithmetic) in its band
  return Math.min(9, Math.max(0, Math.floor(D * 10 + 1e-9)));
}

export function dGrade(D: number, lang: 'zh' | 'en' = 'zh'): string {
  return D_GRADES[dGradeIndex(D)][lang];
}

export function cGrade(C: number, lang: 'zh' | 'en' = 'zh'): string {
  let k = 0;
  for (let b = 0; b < C_GRADES.length; b++) if (C >= C_GRADES[b].lower - 1e-12) k = b;
  return C_GRADES[k][lang];
}
