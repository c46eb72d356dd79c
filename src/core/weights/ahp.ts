// Analytic hierarchy process weights (methods.md B8): Saaty (1977), J. Math. Psych. 15, 234–281.
//
// Input: a positive reciprocal pairwise matrix (|a_ij a_ji − 1| > 1e-8 is a data error).
// Weights: principal eigenvector by power iteration until ‖Δw‖₁ < 1e-13 (default), or `geometric` (row
// geometric means) or `sumProduct` (和积法: mean of the column-normalised rows); summing to 1.
// Consistency: λ_max = (1/n) Σ (Aw)_i / w_i; CI = (λ_max − n)/(n − 1); CR = CI/RI(n) (CR = 0 for n ≤ 2).
// CR ≥ 0.1 → status 'inconsistent' (the pipeline stops unless forced). RI tables n = 1…15: 'saaty'
// (default, as in mathmodels) and 'cn' (a table common in Chinese textbooks; check); n > 15 is an error.

import { DataError } from '../errors.js';
import { principalEigenvector } from '../math/eigen.js';
import { exp, log } from '../math/elementary.js';

export const RI_TABLES: Record<'saaty' | 'cn', readonly number[]> = {
  saaty: [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59],
  cn: [0, 0, 0.52, 0.89, 1.12, 1.26, 1.36, 1.41, 1.46, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59],
};

export interface AhpOptions {
  method?: 'eigen' | 'geometric' | 'sumProduct';
  ri?: 'saaty' | 'cn';
  /** where the matrix came from, for messages */
  where?: string;
}

export interface AhpWeights {
  weights: Float64Array;
  lambdaMax: number;
  CI: number;
  RI: number;
  CR: number;
  status: 'ok' | 'inconsistent';
  iterations?: number;
}

export function ahpWeights(A: readonly (readonly number[])[], options: AhpOptions = {}): AhpWeights {
  const n = A.length;
  const where = options.where ? `${options.where}: ` : '';
  if (n < 1) throw new DataError('ahp-empty', `${where}the pairwise comparison matrix is empty`);
  if (n > 15) throw new DataError('ahp-too-large', `${where}the pairwise matrix has ${n} items; the RI tables stop at 15`, {}, 'split the level into groups of at most 15');
  for (let i = 0; i < n; i++) {
    if (A[i].length !== n) throw new DataError('ahp-not-square', `${where}row ${i + 1} of the pairwise matrix has ${A[i].length} entries, expected ${n}`);
    for (let j = 0; j < n; j++) {
      const a = A[i][j];
      if (!(a > 0) || !Number.isFinite(a)) throw new DataError('ahp-bad-entry', `${where}entry (${i + 1}, ${j + 1}) of the pairwise matrix must be a positive number (got ${a})`);
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (Math.abs(A[i][j] * A[j][i] - 1) > 1e-8) {
        throw new DataError('ahp-not-reciprocal', `${where}the pairwise matrix is not reciprocal: a(${i + 1},${j + 1}) × a(${j + 1},${i + 1}) = ${A[i][j] * A[j][i]}, expected 1`, {}, 'write a_ji = 1/a_ij');
      }
    }
  }
  const method = options.method ?? 'eigen';
  let w: Float64Array;
  let iterations: number | undefined;
  if (method === 'eigen') {
    const pe = principalEigenvector(A);
    w = pe.vector;
    iterations = pe.iterations;
  } else if (method === 'geometric') {
    w = new Float64Array(n);
    for (let i = 0; i < n; i++) { let s = 0; for (let j = 0; j < n; j++) s += log(A[i][j]); w[i] = exp(s / n); }
  } else {
    const colSum = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) colSum[j] += A[i][j];
    w = new Float64Array(n);
    for (let i = 0; i < n; i++) { let s = 0; for (let j = 0; j < n; j++) s += A[i][j] / colSum[j]; w[i] = s / n; }
  }
  const tot = w.reduce((a, b) => a + b, 0);
  for (let i = 0; i < n; i++) w[i] /= tot;
  let lambda = 0;
  for (let i = 0; i < n; i++) {
    let acc = 0;
    for (let j = 0; j < n; j++) acc += A[i][j] * w[j];
    lambda += acc / w[i];
  }
  lambda /= n;
  const CI = n > 1 ? (lambda - n) / (n - 1) : 0;
  const RI = RI_TABLES[options.ri ?? 'saaty'][n - 1];
  const CR = n <= 2 || RI === 0 ? 0 : CI / RI;
  return { weights: w, lambdaMax: lambda, CI, RI, CR, status: CR >= 0.1 ? 'inconsistent' : 'ok', iterations };
}
