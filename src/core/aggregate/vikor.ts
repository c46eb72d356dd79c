// VIKOR (methods.md C4): Opricovic & Tzeng (2004), EJOR 156(2), 445–455.
//
//   f*_j best, f⁻_j worst value of column j (max/min for benefit, min/max for cost) within the scope;
//   S_i = Σ_j w_j (f*_j − f_ij)/(f*_j − f⁻_j);  R_i = max_j of the same terms;
//   Q_i = v(S_i − S*)/(S⁻ − S*) + (1 − v)(R_i − R*)/(R⁻ − R*), v = 0.5; rank by Q ascending.
// A zero range (f* = f⁻, S⁻ = S*, R⁻ = R*) makes that term 0 and is reported in `zeroRanges`.
// Compromise conditions per group: C1 acceptable advantage Q(a₂) − Q(a₁) ≥ 1/(I − 1);
// C2 acceptable stability: a₁ is also best by S or by R. If C1 fails the compromise set is every a with
// Q(a) − Q(a₁) < 1/(I − 1); if only C2 fails it is {a₁, a₂}. O(N·m + N log N).

import type { MatrixInput, RowGroups } from '../normalize/matrix.js';
import { asColumnSource } from '../normalize/matrix.js';

export interface VikorOptions {
  v?: number;
  benefit?: readonly boolean[];
  groups?: RowGroups;
}

export interface VikorConditions {
  /** row indices, best first, of the group's compromise solution(s) */
  best: number;
  advantage: boolean;
  stability: boolean;
  compromiseSet: number[];
}

export interface VikorResult {
  S: Float64Array;
  R: Float64Array;
  Q: Float64Array;
  conditions: VikorConditions[];
  /** count of zero ranges met (columns within groups, and S or R ranges) */
  zeroRanges: number;
  v: number;
}

export function vikor(x: MatrixInput, weights: ArrayLike<number>, options: VikorOptions = {}): VikorResult {
  const src = asColumnSource(x);
  const N = src.nRows;
  const m = src.nCols;
  const v = options.v ?? 0.5;
  const G = options.groups ? options.groups.nGroups : 1;
  const gi = (q: number) => (options.groups ? options.groups.group[q] : 0);
  const S = new Float64Array(N);
  const R = new Float64Array(N);
  const scratch = new Float64Array(N);
  const hi = new Float64Array(G), lo = new Float64Array(G);
  let zeroRanges = 0;
  for (let j = 0; j < m; j++) {
    const c = src.column(j, scratch);
    hi.fill(-Infinity); lo.fill(Infinity);
    for (let q = 0; q < N; q++) { const g = gi(q); if (c[q] > hi[g]) hi[g] = c[q]; if (c[q] < lo[g]) lo[g] = c[q]; }
    const benefit = options.benefit ? options.benefit[j] : true;
    for (let g = 0; g < G; g++) if (hi[g] === lo[g] && hi[g] !== -Infinity) zeroRanges++;
    for (let q = 0; q < N; q++) {
      const g = gi(q);
      const best = benefit ? hi[g] : lo[g];
      const worst = benefit ? lo[g] : hi[g];
      const term = best === worst ? 0 : (weights[j] * (best - c[q])) / (best - worst);
      S[q] += term;
      if (term > R[q]) R[q] = term;
    }
  }
  const sMin = new Float64Array(G).fill(Infinity), sMax = new Float64Array(G).fill(-Infinity);
  const rMin = new Float64Array(G).fill(Infinity), rMax = new Float64Array(G).fill(-Infinity);
  for (let q = 0; q < N; q++) {
    const g = gi(q);
    if (S[q] < sMin[g]) sMin[g] = S[q];
    if (S[q] > sMax[g]) sMax[g] = S[q];
    if (R[q] < rMin[g]) rMin[g] = R[q];
    if (R[q] > rMax[g]) rMax[g] = R[q];
  }
  for (let g = 0; g < G; g++) {
    if (sMax[g] === sMin[g]) zeroRanges++;
    if (rMax[g] === rMin[g]) zeroRanges++;
  }
  const Q = new Float64Array(N);
  for (let q = 0; q < N; q++) {
    const g = gi(q);
    const a = sMax[g] === sMin[g] ? 0 : (S[q] - sMin[g]) / (sMax[g] - sMin[g]);
    const b = rMax[g] === rMin[g] ? 0 : (R[q] - rMin[g]) / (rMax[g] - rMin[g]);
    Q[q] = v * a + (1 - v) * b;
  }
  const members: number[][] = Array.from({ length: G }, () => []);
  for (let q = 0; q < N; q++) members[gi(q)].push(q);
  const conditions: VikorConditions[] = members.map((rows) => {
    if (rows.length === 0) return { best: -1, advantage: false, stability: false, compromiseSet: [] };
    const byQ = [...rows].sort((a, b) => Q[a] - Q[b] || a - b);
    const a1 = byQ[0];
    const I = rows.length;
    const DQ = I > 1 ? 1 / (I - 1) : 0;
    const advantage = I < 2 || Q[byQ[1]] - Q[a1] >= DQ;
    const bestS = Math.min(...rows.map((q) => S[q]));
    const bestR = Math.min(...rows.map((q) => R[q]));
    const stability = S[a1] === bestS || R[a1] === bestR;
    let compromiseSet: number[];
    if (!advantage) compromiseSet = byQ.filter((q) => Q[q] - Q[a1] < DQ);
    else if (!stability) compromiseSet = byQ.slice(0, 2);
    else compromiseSet = [a1];
    return { best: a1, advantage, stability, compromiseSet };
  });
  return { S, R, Q, conditions, zeroRanges, v };
}
