// Homogeneity of transition matrices across regimes (Bickenbach & Bode 2003, IRSR 26(3), 363–392, §3;
// as giddy `Spatial_Markov` Q and LR): H0: every regime l has the pooled transition probabilities p_ij.
//   Q  = Σ_l Σ_i Σ_j n_{l,i} (p_{l,ij} − p_ij)² / p_ij        over cells with p_ij > 0 (and n_{l,i} > 0)
//   LR = 2 Σ_l Σ_i Σ_j n_{l,ij} ln(p_{l,ij} / p_ij)          over cells with n_{l,ij} > 0 and p_ij > 0
//   df = Σ_i (a_i − 1)(b_i − 1), a_i = non-zero cells in pooled row i, b_i = regimes with data in row i.
// χ²(df) upper-tail p-values; df = 0 gives null p. The pooled matrix is the sum of the regime counts.
// O(m·k²).

import { chiSquareSf } from '../math/distributions.js';
import { log } from '../math/elementary.js';

export interface HomogeneityTest {
  Q: number;
  LR: number;
  df: number;
  /** χ² p-value of Q; null when df = 0. */
  Q_p: number | null;
  LR_p: number | null;
  reason?: string;
}

export interface HomogeneityOptions {
  emptyRowDf?: 'skip' | 'giddy';
}

/** `counts[l]` is regime l's k × k count matrix. */
export function markovHomogeneity(counts: readonly (readonly (readonly number[])[])[], options: HomogeneityOptions = {}): HomogeneityTest {
  const m = counts.length;
  const k = m > 0 ? counts[0].length : 0;
  const pooled: number[][] = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => {
    let s = 0;
    for (let l = 0; l < m; l++) s += counts[l][i][j];
    return s;
  }));
  const rowSum = (M: readonly (readonly number[])[], i: number) => M[i].reduce((a, b) => a + b, 0);
  let Q = 0;
  let LR = 0;
  let df = 0;
  for (let i = 0; i < k; i++) {
    const ni = rowSum(pooled, i);
    if (ni === 0) {
      if (options.emptyRowDf === 'giddy') df += 1;
      continue;
    }
    let a = 0;
    for (let j = 0; j < k; j++) if (pooled[i][j] > 0) a++;
    let b = 0;
    for (let l = 0; l < m; l++) {
      const nli = rowSum(counts[l], i);
      if (nli === 0) continue;
      b++;
      for (let j = 0; j < k; j++) {
        const p = pooled[i][j] / ni;
        if (p <= 0) continue;
        const pl = counts[l][i][j] / nli;
        Q += (nli * (pl - p) ** 2) / p;
        if (counts[l][i][j] > 0) LR += 2 * counts[l][i][j] * log(pl / p);
      }
    }
    df += (a - 1) * (b - 1);
  }
  return {
    Q, LR, df,
    Q_p: df > 0 ? chiSquareSf(Q, df) : null,
    LR_p: df > 0 ? chiSquareSf(LR, df) : null,
    ...(df > 0 ? {} : { reason: 'zero degrees of freedom: nothing to test' }),
  };
}
