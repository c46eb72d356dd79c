// Ranks within groups (methods.md §0 "Determinism"): 1 = best; descending by default (ascending for VIKOR Q);
// ties (|a − b| ≤ 1e-12·max(1, |a|)) share the lowest rank; NaN values get rank 0 (no rank). O(n log n).

import type { RowGroups } from '../normalize/matrix.js';

export function rankWithinGroups(values: Float64Array, groups?: RowGroups, ascending = false): Int32Array {
  const N = values.length;
  const out = new Int32Array(N);
  const G = groups ? groups.nGroups : 1;
  const counts = new Int32Array(G);
  for (let r = 0; r < N; r++) if (!Number.isNaN(values[r])) counts[groups ? groups.group[r] : 0]++;
  // per group: native numeric sort of the values (no comparator), ranks of the sorted run, then each row
  // finds its value by binary search — O(n log n) without sorting index arrays through a closure
  const sorted = Array.from({ length: G }, (_, g) => new Float64Array(counts[g]));
  const fill = new Int32Array(G);
  const sign = ascending ? 1 : -1;
  for (let r = 0; r < N; r++) {
    const v = values[r];
    if (Number.isNaN(v)) continue;
    const g = groups ? groups.group[r] : 0;
    sorted[g][fill[g]++] = sign * v; // ascending sort of sign·v = descending v unless ascending
  }
  const rankOf = sorted.map((s) => {
    s.sort();
    const rk = new Int32Array(s.length);
    for (let k = 0; k < s.length; k++) {
      if (k === 0) { rk[k] = 1; continue; }
      const prev = s[k - 1];
      rk[k] = Math.abs(s[k] - prev) > 1e-12 * Math.max(1, Math.abs(prev)) ? k + 1 : rk[k - 1];
    }
    return rk;
  });
  for (let r = 0; r < N; r++) {
    const v = values[r];
    if (Number.isNaN(v)) continue;
    const g = groups ? groups.group[r] : 0;
    const s = sorted[g];
    const key = sign * v;
    let lo = 0, hi = s.length - 1;
    while (lo < hi) { const mid = (lo + hi) >>> 1; if (s[mid] < key) lo = mid + 1; else hi = mid; }
    out[r] = rankOf[g][lo];
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
