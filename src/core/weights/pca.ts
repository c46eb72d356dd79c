// PCA-based weights (methods.md B7), as in the Chinese applied literature (check against the paper reproduced).
//
//   1. Flip cost indicators, z-score (so the correlation matrix R of the raw data with cost columns negated).
//   2. Eigenpairs (λ_k, u_k) of R, u_k unit length, sign fixed so that Σ_j u_jk ≥ 0.
//   3. Keep components with λ > 1 (Kaiser; options: cumulative share ≥ c; fixed K).
//   4. b_j = Σ_{k≤K} u_jk λ_k / Σ_{k≤K} λ_k   (u_jk = loading a_jk / √λ_k).
//   5. w = b/Σb; negative b → |b| with a warning (option: error).
// Option `mathmodels`: b_j = Σ_k |a_jk| λ_k/Σλ with loadings a = u√λ (`squared`: a²); with `rotate: 'varimax'`
// the retained loadings are varimax-rotated (Kaiser-normalised, ./varimax.ts) and λ_k becomes the rotated
// component variance Σ_j ã_jk² (SPSS "rotation sums of squared loadings"; 旋转后方差贡献).
// `pcaCompositeScore` (option `compositeScore`, the Stata `pca` + `predict` workflow): component scores
// F_k = Σ_j z_ij u_jk (z: sample-sd z-scores after flipping cost columns; u unit eigenvectors, so var F_k = λ_k)
// and the composite F = Σ_{k≤K} (λ_k/Σ_{k≤K}λ) F_k over the retained components.
// O(N·m² + m³).

import { DataError, UsageError } from '../errors.js';
import type { MatrixInput } from '../normalize/matrix.js';
import { materializeColumns } from '../normalize/matrix.js';
import type { IndicatorDirection } from '../normalize/direction.js';
import { correlationMatrix } from './critic.js';
import { symmetricEigen } from '../math/eigen.js';
import { varimax } from './varimax.js';

export type PcaRetain = { kind: 'kaiser' } | { kind: 'cumulative'; share: number } | { kind: 'fixed'; k: number };

export interface PcaOptions {
  retain?: PcaRetain;
  /** 'abs' (default: |b| and a warning) or 'error' */
  negative?: 'abs' | 'error';
  /** `compositeScore` gives the default b here; the index pipeline then scores with `pcaCompositeScore` */
  variant?: 'default' | 'mathmodels' | 'mathmodelsSquared' | 'compositeScore';
  /** rotation of the retained loadings for the mathmodels variants (default none) */
  rotate?: 'none' | 'varimax';
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
  /** loadings used by the mathmodels variants (rotated if asked): loadings[k][j], k < retained */
  loadings?: Float64Array[];
  /** λ_k used in the coefficient (rotated variances Σ_j ã_jk² when rotated) */
  componentVariance?: Float64Array;
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
  const variant = options.variant === 'compositeScore' ? 'default' : options.variant ?? 'default';
  if (options.rotate === 'varimax' && variant === 'default') throw new UsageError('pca-rotate-variant', 'varimax rotation applies to the mathmodels PCA variants only', 'use variant mathmodels or mathmodelsSquared');
  let loadings: Float64Array[] | undefined;
  let lam: Float64Array | undefined;
  if (variant === 'default') {
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let k = 0; k < K; k++) s += vectors[k][j] * values[k];
      b[j] = s / lsum;
    }
  } else {
    loadings = vectors.slice(0, K).map((u, k) => Float64Array.from(u, (v) => v * Math.sqrt(values[k])));
    lam = values.slice(0, K);
    if (options.rotate === 'varimax' && K > 1) {
      loadings = varimax(loadings).loadings;
      lam = Float64Array.from(loadings, (a) => a.reduce((s, v) => s + v * v, 0));
    }
    const ls = lam.reduce((a, c) => a + c, 0);
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let k = 0; k < K; k++) { const a = loadings[k][j]; s += (variant === 'mathmodels' ? Math.abs(a) : a * a) * lam[k]; }
      b[j] = s / ls;
    }
  }
  let negativeFixed = false;
  if (b.some((v) => v < 0)) {
    if (options.negative === 'error') throw new DataError('pca-negative-weight', 'PCA gives a negative coefficient b_j for some indicator', {}, 'check the directions, or allow |b| (negative: abs)');
    negativeFixed = true;
    for (let j = 0; j < m; j++) b[j] = Math.abs(b[j]);
  }
  const bs = b.reduce((a, c) => a + c, 0);
  return { weights: Float64Array.from(b, (v) => v / bs), eigenvalues: values, eigenvectors: vectors, retained: K, explained, b, negativeFixed, loadings, componentVariance: lam };
}

export interface PcaCompositeScore {
  /** F = Σ_k (λ_k/Σ_{k≤K}λ) F_k, one per row */
  score: Float64Array;
  /** component scores F_k (k < retained), variance λ_k */
  components: Float64Array[];
  eigenvalues: Float64Array;
  retained: number;
  /** share λ_k/Σ_{k≤K}λ of each retained component */
  share: Float64Array;
  /** implied coefficients on z: c_j = Σ_k share_k u_jk (so F = Σ_j c_j z_j) */
  coefficients: Float64Array;
}

/** Stata `pca` workflow (methods.md B7 option `compositeScore`): composite of the retained component scores. */
export function pcaCompositeScore(raw: MatrixInput, directions: readonly IndicatorDirection[], options: Pick<PcaOptions, 'retain'> = {}): PcaCompositeScore {
  const p = pcaWeights(raw, directions, { retain: options.retain, negative: 'abs' });
  const cols = materializeColumns(raw);
  const m = cols.length;
  const N = cols[0].length;
  const K = p.retained;
  let lsum = 0;
  for (let k = 0; k < K; k++) lsum += p.eigenvalues[k];
  const share = Float64Array.from({ length: K }, (_, k) => p.eigenvalues[k] / lsum);
  const components = Array.from({ length: K }, () => new Float64Array(N));
  for (let j = 0; j < m; j++) {
    const c = cols[j];
    let mu = 0;
    for (let i = 0; i < N; i++) mu += c[i];
    mu /= N;
    let ss = 0;
    for (let i = 0; i < N; i++) ss += (c[i] - mu) ** 2;
    const sdev = Math.sqrt(ss / (N - 1));
    const sign = directions[j] === '-' ? -1 : 1;
    for (let i = 0; i < N; i++) {
      const z = (sign * (c[i] - mu)) / sdev;
      for (let k = 0; k < K; k++) components[k][i] += z * p.eigenvectors[k][j];
    }
  }
  const score = new Float64Array(N);
  for (let k = 0; k < K; k++) for (let i = 0; i < N; i++) score[i] += share[k] * components[k][i];
  const coefficients = Float64Array.from({ length: m }, (_, j) => { let s = 0; for (let k = 0; k < K; k++) s += share[k] * p.eigenvectors[k][j]; return s; });
  return { score, components, eigenvalues: p.eigenvalues, retained: K, share, coefficients };
}
