// Combination of weight vectors (methods.md B9), e.g. subjective AHP with objective entropy.
//
//   linear          Σ_l α_l w_l (default α equal)
//   multiplicative  Π_l w_lj / Σ_j Π_l w_lj (every weight must be > 0)
//   game            game-theory (博弈论) combination: solve Σ_l α_l (w_h·w_l) = w_h·w_h for h = 1…L,
//                   α* = |α|/Σ|α| (option `signed`: α/Σα as mathmodels game_linear); w = Σ α*_l w_l.
//                   A singular system (identical vectors) returns the common vector.
//   geometricMean   normalised (Π_l w_lj)^{1/L} (what mathmodels calls "game").

import { DataError, UsageError } from '../errors.js';
import { solveLinear, dot } from '../math/linear-algebra.js';
import { exp, log } from '../math/elementary.js';

export type CombineRule = 'linear' | 'multiplicative' | 'game' | 'geometricMean';

export interface CombineOptions {
  rule?: CombineRule;
  /** linear coefficients (normalised to sum 1); default equal */
  alpha?: readonly number[];
  /** game: keep the signs of α (α/Σα) */
  signed?: boolean;
}

export interface CombinedWeights {
  weights: Float64Array;
  /** the coefficients used (linear and game) */
  alpha?: Float64Array;
  rule: CombineRule;
}

export function combineWeights(vectors: readonly Float64Array[], options: CombineOptions = {}): CombinedWeights {
  const L = vectors.length;
  if (L === 0) throw new UsageError('combine-empty', 'nothing to combine: give at least one weight vector');
  const m = vectors[0].length;
  for (const v of vectors) if (v.length !== m) throw new UsageError('combine-length', 'weight vectors to combine have different lengths');
  const rule = options.rule ?? 'linear';
  const out = new Float64Array(m);
  if (rule === 'linear') {
    const a = Float64Array.from(options.alpha ?? new Array(L).fill(1 / L));
    if (a.length !== L) throw new UsageError('combine-alpha', `${a.length} coefficients for ${L} weight vectors`);
    const s = a.reduce((x, y) => x + y, 0);
    for (let l = 0; l < L; l++) { a[l] /= s; for (let j = 0; j < m; j++) out[j] += a[l] * vectors[l][j]; }
    return { weights: out, alpha: a, rule };
  }
  if (rule === 'multiplicative' || rule === 'geometricMean') {
    for (let j = 0; j < m; j++) {
      let p = rule === 'multiplicative' ? 1 : 0;
      for (let l = 0; l < L; l++) {
        const w = vectors[l][j];
        if (!(w > 0)) throw new DataError('combine-zero-weight', `multiplicative combination needs every weight > 0 (vector ${l + 1}, indicator ${j + 1} is ${w})`, {}, 'use linear or game combination');
        if (rule === 'multiplicative') p *= w; else p += log(w);
      }
      out[j] = rule === 'multiplicative' ? p : exp(p / L);
    }
    const s = out.reduce((x, y) => x + y, 0);
    for (let j = 0; j < m; j++) out[j] /= s;
    return { weights: out, rule };
  }
  // game theory
  const G = vectors.map((wh) => vectors.map((wl) => dot(wh, wl)));
  const rhs = vectors.map((wh) => dot(wh, wh));
  const alpha = solveLinear(G, rhs);
  if (!alpha) return { weights: Float64Array.from(vectors[0]), alpha: Float64Array.from({ length: L }, (_, l) => (l === 0 ? 1 : 0)), rule };
  const a = options.signed ? alpha : Float64Array.from(alpha, Math.abs);
  const s = a.reduce((x, y) => x + y, 0);
  for (let l = 0; l < L; l++) { a[l] /= s; for (let j = 0; j < m; j++) out[j] += a[l] * vectors[l][j]; }
  return { weights: out, alpha: a, rule };
}

/** Equal weights 1/m (excluded indicators get 0). */
export function equalWeights(m: number, exclude?: readonly boolean[]): Float64Array {
  const k = exclude ? exclude.filter((e) => !e).length : m;
  return Float64Array.from({ length: m }, (_, j) => (exclude?.[j] ? 0 : 1 / k));
}
