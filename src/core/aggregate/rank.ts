// Ranks within groups (methods.md §0 "Determinism"): 1 = best; descending by default (ascending for VIKOR Q);
// ties (|a − b| ≤ 1e-12·max(1, |a|)) share the lowest rank; NaN values get rank 0 (no rank). O(n log n).

import type { RowGroups } from '../normalize/matrix.js';

export function rankWithinGroups(values: Float64Array, groups?: RowGroups, ascending = false): Int32Array {
  const N = values.length;
  const out = new Int32Array(N);
  const G = groups ? groups.nGroups : 1;
  const members: number[][] = Array.from({ length: G }, () => []);
  for (let r = 0; r < N; r++) if (!Number.isNaN(values[r])) members[groups ? groups.group[r] : 0].push(r);
  for (const rows of members) {
    rows.sort((a, b) => (ascending ? values[a] - values[b] : values[b] - values[a]) || a - b);
    let rank = 0;
    for (let k = 0; k < rows.length; k++) {
      const v = values[rows[k]];
      if (k === 0) rank = 1;
      else {
        const prev = values[rows[k - 1]];
        if (Math.abs(v - prev) > 1e-12 * Math.max(1, Math.abs(prev))) rank = k + 1;
      }
      out[rows[k]] = rank;
    }
  }
  return out;
}

/** Average ranks ascending (smallest = 1), ties averaged (for RSR and Spearman). */
export function averageRanksAscending(values: ArrayLike<number>, rows: ArrayLike<number>): Float64Array {
  const n = rows.length;
  const idx = Array.from({ length: n }, (_, k) => k).sort((a, b) => values[rows[a]] - values[rows[b]] || a - b);
  const out = new Float64Array(n);
  let k = 0;
  while (k < n) {
    let e = k;
    while (e + 1 < n && values[rows[idx[e + 1]]] === values[rows[idx[k]]]) e++;
    const avg = (k + e) / 2 + 1;
    for (let q = k; q <= e; q++) out[idx[q]] = avg;
    k = e + 1;
  }
  return out;
}
