// Grey relational analysis (methods.md C3): Deng (1982), Systems & Control Letters 1(5), 288–294.
//
// On normalised, direction-adjusted data x (higher = better):
//   reference x₀(k) = max_i x_i(k) (or a user series); Δ_i(k) = |x₀(k) − x_i(k)|;
//   Δmin, Δmax GLOBAL over all i and k within the scope (mathmodels), not per column;
//   ξ_i(k) = (Δmin + ρΔmax)/(Δ_i(k) + ρΔmax), ρ = 0.5; Δmax = 0 gives ξ ≡ 1;
//   grade r_i = Σ_k w_k ξ_i(k) / Σ_k w_k (equal weights by default).
// Scope: pooled (one reference and Δ range over all rows) or per group (period). Two passes, O(N·m).
// Preprocessing (methods.md C3; applied by `graPreprocess` before the grade, column by column within the scope):
//   `mean` (均值化) x/x̄_j; `initial` (初值化) x/x_1j with x_1j the column's value on the first row of the scope
//   (the first entity in the row order); a zero divisor is a data error. `minmax` and `none` are handled by the
//   caller (the index pipeline's x′, or the data as given).

import type { MatrixInput, RowGroups } from '../normalize/matrix.js';
import { asColumnSource } from '../normalize/matrix.js';
import { DataError } from '../errors.js';

/** GRA `mean` / `initial` preprocessing of each column within each group (pooled: one group). */
export function graPreprocess(x: MatrixInput, how: 'mean' | 'initial', groups?: RowGroups, keys?: readonly string[]): Float64Array[] {
  const src = asColumnSource(x);
  const N = src.nRows;
  const G = groups ? groups.nGroups : 1;
  const gi = (q: number) => (groups ? groups.group[q] : 0);
  const out: Float64Array[] = [];
  for (let j = 0; j < src.nCols; j++) {
    const c = Float64Array.from(src.column(j, new Float64Array(N)));
    const div = new Float64Array(G).fill(NaN);
    if (how === 'mean') {
      const s = new Float64Array(G), n = new Float64Array(G);
      for (let q = 0; q < N; q++) { s[gi(q)] += c[q]; n[gi(q)]++; }
      for (let g = 0; g < G; g++) div[g] = s[g] / n[g];
    } else for (let q = N - 1; q >= 0; q--) div[gi(q)] = c[q];
    for (let g = 0; g < G; g++) {
      if (div[g] === 0) throw new DataError('gra-zero-divisor', `GRA ${how === 'mean' ? 'mean' : 'initial-value'} preprocessing: the ${how === 'mean' ? 'mean' : 'first value'} of indicator "${keys?.[j] ?? j + 1}" is 0`, {}, 'use --gra-preprocess minmax');
    }
    for (let q = 0; q < N; q++) c[q] /= div[gi(q)];
    out.push(c);
  }
  return out;
}

export interface GraOptions {
  rho?: number;
  groups?: RowGroups;
  /** user reference series, one value per column (instead of the column max) */
  reference?: ArrayLike<number>;
  /** also return ξ (N × m, column-major) */
  keepCoefficients?: boolean;
}

export interface GraResult {
  grade: Float64Array;
  /** reference[g][k] */
  reference: Float64Array[];
  deltaMin: Float64Array;
  deltaMax: Float64Array;
  coefficients?: Float64Array[];
  rho: number;
}

export function greyRelational(x: MatrixInput, weights?: ArrayLike<number>, options: GraOptions = {}): GraResult {
  const src = asColumnSource(x);
  const N = src.nRows;
  const m = src.nCols;
  const rho = options.rho ?? 0.5;
  const G = options.groups ? options.groups.nGroups : 1;
  const grp = options.groups?.group;
  const gi = (q: number) => (grp ? grp[q] : 0);
  const w = weights ?? new Float64Array(m).fill(1 / m);
  let wsum = 0;
  for (let j = 0; j < m; j++) wsum += w[j];
  const reference = Array.from({ length: G }, () => new Float64Array(m));
  const deltaMin = new Float64Array(G).fill(Infinity);
  const deltaMax = new Float64Array(G).fill(-Infinity);
  const scratch = new Float64Array(N);
  for (let j = 0; j < m; j++) {
    const c = src.column(j, scratch);
    if (options.reference) for (let g = 0; g < G; g++) reference[g][j] = options.reference[j];
    else {
      for (let g = 0; g < G; g++) reference[g][j] = -Infinity;
      for (let q = 0; q < N; q++) { const g = gi(q); if (c[q] > reference[g][j]) reference[g][j] = c[q]; }
    }
    for (let q = 0; q < N; q++) {
      const g = gi(q);
      const d = Math.abs(reference[g][j] - c[q]);
      if (d < deltaMin[g]) deltaMin[g] = d;
      if (d > deltaMax[g]) deltaMax[g] = d;
    }
  }
  const grade = new Float64Array(N);
  const coefficients = options.keepCoefficients ? [] as Float64Array[] : undefined;
  for (let j = 0; j < m; j++) {
    const c = src.column(j, scratch);
    const xi = coefficients ? new Float64Array(N) : null;
    for (let q = 0; q < N; q++) {
      const g = gi(q);
      const dmax = deltaMax[g];
      const v = dmax === 0 ? 1 : (deltaMin[g] + rho * dmax) / (Math.abs(reference[g][j] - c[q]) + rho * dmax);
      grade[q] += w[j] * v;
      if (xi) xi[q] = v;
    }
    if (coefficients && xi) coefficients.push(xi);
  }
  for (let q = 0; q < N; q++) grade[q] /= wsum;
  return { grade, reference, deltaMin, deltaMax, coefficients, rho };
}
