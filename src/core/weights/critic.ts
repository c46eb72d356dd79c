// CRITIC weights (methods.md B5): Diakoulaki, Mavrotas & Papayannakis (1995), Computers & OR 22(7), 763–770.
//
//   C_j = σ_j Σ_k (1 − r_jk);  w_j = C_j / Σ C.
// σ_j is the sample sd (n − 1) of the normalised column x′ and r is Pearson's correlation of the x′ columns.
// Options: `absCorrelation` uses 1 − |r_jk| (conflict regardless of sign); `sigma` supplies σ from elsewhere
// (poboll CRITIC.m computes σ on the raw data: `sigmaOnRaw` in the pipeline); `entropyConflict` replaces σ by
// 1 − e_j (mathmodels). O(N·m²) for the correlation matrix.

import { DataError } from '../errors.js';
import type { MatrixInput } from '../normalize/matrix.js';
import { materializeColumns } from '../normalize/matrix.js';
import { entropyValues } from './entropy.js';

export interface CriticOptions {
  absCorrelation?: boolean;
  /** σ_j to use instead of the sd of x′ (e.g. the sd of the raw data) */
  sigma?: Float64Array;
  /** σ → 1 − e_j (entropy of x′ with 0·ln0 := 0) */
  entropyConflict?: boolean;
  exclude?: readonly boolean[];
}

export interface CriticWeights {
  weights: Float64Array;
  sigma: Float64Array;
  correlation: Float64Array[];
  C: Float64Array;
}

/** Pearson correlation matrix and sample sds of the columns (two-pass, centred). */
export function correlationMatrix(columns: readonly Float64Array[]): { correlation: Float64Array[]; sd: Float64Array; mean: Float64Array } {
  const m = columns.length;
  const N = m ? columns[0].length : 0;
  const mean = new Float64Array(m);
  const centred: Float64Array[] = [];
  for (let j = 0; j < m; j++) {
    const x = columns[j];
    let s = 0;
    for (let r = 0; r < N; r++) s += x[r];
    const mu = s / N;
    mean[j] = mu;
    const c = new Float64Array(N);
    for (let r = 0; r < N; r++) c[r] = x[r] - mu;
    centred.push(c);
  }
  const ss = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    let s = 0;
    const c = centred[j];
    for (let r = 0; r < N; r++) s += c[r] * c[r];
    ss[j] = s;
  }
  const correlation = Array.from({ length: m }, () => new Float64Array(m));
  for (let j = 0; j < m; j++) {
    correlation[j][j] = 1;
    for (let k = j + 1; k < m; k++) {
      const a = centred[j], b = centred[k];
      let s = 0;
      for (let r = 0; r < N; r++) s += a[r] * b[r];
      const r = s / Math.sqrt(ss[j] * ss[k]);
      correlation[j][k] = r;
      correlation[k][j] = r;
    }
  }
  const sd = Float64Array.from(ss, (v) => Math.sqrt(v / (N - 1)));
  return { correlation, sd, mean };
}

export function criticWeights(x: MatrixInput, options: CriticOptions = {}): CriticWeights {
  const all = materializeColumns(x);
  const m = all.length;
  const N = m ? all[0].length : 0;
  if (N < 3) throw new DataError('too-few-rows', `CRITIC needs at least 3 rows (got ${N})`);
  const keep = all.map((_, j) => !options.exclude?.[j]);
  const idx = all.map((_, j) => j).filter((j) => keep[j]);
  const { correlation: rk, sd } = correlationMatrix(idx.map((j) => all[j]));
  const correlation = Array.from({ length: m }, () => new Float64Array(m));
  idx.forEach((j, a) => idx.forEach((k, b) => { correlation[j][k] = rk[a][b]; }));
  const sigma = new Float64Array(m);
  if (options.entropyConflict) {
    const e = entropyValues(all, { exclude: options.exclude });
    for (let j = 0; j < m; j++) sigma[j] = keep[j] ? 1 - e[j] : 0;
  } else {
    idx.forEach((j, a) => { sigma[j] = options.sigma ? options.sigma[j] : sd[a]; });
  }
  const C = new Float64Array(m);
  let total = 0;
  for (const j of idx) {
    let conflict = 0;
    for (const k of idx) conflict += 1 - (options.absCorrelation ? Math.abs(correlation[j][k]) : correlation[j][k]);
    C[j] = sigma[j] * conflict;
    total += C[j];
  }
  if (!(total > 0) || !Number.isFinite(total)) throw new DataError('critic-undefined', 'CRITIC information is 0 or undefined for every indicator (constant or perfectly correlated columns)');
  const weights = Float64Array.from(C, (c) => c / total);
  return { weights, sigma, correlation, C };
}
