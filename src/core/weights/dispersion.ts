// Dispersion weights (methods.md B6): coefficient of variation and standard deviation.
//
//   CV: v_j = sd_j / x̄_j, w = v/Σv, on the raw data by default (direction ignored); needs x̄_j > 0.
//   SD: w_j = sd_j / Σ sd on the normalised x′ (pymcdm `std`).
// sd is the sample sd (n − 1). O(N·m), one column at a time.

import { DataError } from '../errors.js';
import type { MatrixInput } from '../normalize/matrix.js';
import { asColumnSource } from '../normalize/matrix.js';

export interface DispersionWeights {
  weights: Float64Array;
  mean: Float64Array;
  sd: Float64Array;
  /** CV (cvWeights only) */
  cv?: Float64Array;
}

function meanSd(x: Float64Array): [number, number] {
  const N = x.length;
  let s = 0;
  for (let r = 0; r < N; r++) s += x[r];
  const mu = s / N;
  let ss = 0, comp = 0;
  for (let r = 0; r < N; r++) { const d = x[r] - mu; ss += d * d; comp += d; }
  ss -= (comp * comp) / N;
  return [mu, Math.sqrt(ss / (N - 1))];
}

export function cvWeights(x: MatrixInput, options: { exclude?: readonly boolean[]; keys?: readonly string[] } = {}): DispersionWeights {
  const src = asColumnSource(x);
  const m = src.nCols;
  if (src.nRows < 2) throw new DataError('too-few-rows', `CV weights need at least 2 rows (got ${src.nRows})`);
  const mean = new Float64Array(m), sd = new Float64Array(m), cv = new Float64Array(m);
  const scratch = new Float64Array(src.nRows);
  let total = 0;
  for (let j = 0; j < m; j++) {
    if (options.exclude?.[j]) continue;
    [mean[j], sd[j]] = meanSd(src.column(j, scratch));
    if (!(mean[j] > 0)) {
      throw new DataError('nonpositive-mean', `CV weights need a positive mean; indicator "${options.keys?.[j] ?? j + 1}" has mean ${mean[j]}`, { column: options.keys?.[j] }, 'use CV on the normalised data (onNormalised), or SD/entropy weights');
    }
    cv[j] = sd[j] / mean[j];
    total += cv[j];
  }
  if (!(total > 0)) throw new DataError('uniform-indicators', 'every indicator has CV 0: CV weights are undefined');
  return { weights: Float64Array.from(cv, (v) => v / total), mean, sd, cv };
}

export function sdWeights(x: MatrixInput, options: { exclude?: readonly boolean[] } = {}): DispersionWeights {
  const src = asColumnSource(x);
  const m = src.nCols;
  const mean = new Float64Array(m), sd = new Float64Array(m);
  const scratch = new Float64Array(src.nRows);
  let total = 0;
  for (let j = 0; j < m; j++) {
    if (options.exclude?.[j]) continue;
    [mean[j], sd[j]] = meanSd(src.column(j, scratch));
    total += sd[j];
  }
  if (!(total > 0)) throw new DataError('uniform-indicators', 'every indicator has sd 0: SD weights are undefined');
  return { weights: Float64Array.from(sd, (v) => v / total), mean, sd };
}
