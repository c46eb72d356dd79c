// Rank-sum ratio (methods.md C5; Tian Fengtiao 1988, as used by mathmodels and SPSSAU).
//
// R_ij is the rank of row i among the n rows of its group (period) on indicator j: for a benefit column the
// largest value gets rank n, for a cost column the largest gets rank 1; ties get average ranks.
// Option `nonInteger`: R = 1 + (n − 1)(x − m)/(M − m) (cost: 1 + (n − 1)(M − x)/(M − m)).
// RSR_i = Σ_j w_j R_ij / n (with equal weights this is ΣR/(J·n)). Probit grading is not offered (open check).
// O(m · N log N).

import type { MatrixInput, RowGroups } from '../normalize/matrix.js';
import { asColumnSource } from '../normalize/matrix.js';
import { averageRanksAscending } from './rank.js';

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
