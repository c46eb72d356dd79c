// Quantile classes for Markov chains (methods.md K2): k classes from type-7 quantile cut-offs
// (Hyndman & Fan 1996; R `quantile` default, numpy default), right-closed intervals (c_{i−1}, c_i]
// as mapclassify `Quantiles` and R `cut(right = TRUE)`: class 1 is y ≤ c_1, class k is y > c_{k−1}.
// Duplicate cut-offs (many tied values) are merged, which reduces k; the caller warns.
// O(N log N) for the cut-offs, O(log k) per classification.

import { quantileSorted } from '../math/stats.js';

export interface QuantileCutoffs {
  cutoffs: number[];
  /** Number of classes after merging duplicate cut-offs. */
  k: number;
  requestedK: number;
  duplicatesMerged: number;
}

/** Cut-offs at p = 1/k … (k−1)/k of the finite values. */
export function quantileCutoffs(values: ArrayLike<number>, k: number): QuantileCutoffs {
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) finite.push(values[i]);
  const sorted = Float64Array.from(finite).sort();
  const raw: number[] = [];
  for (let c = 1; c < k; c++) raw.push(quantileSorted(sorted, c / k));
  const cutoffs: number[] = [];
  for (const c of raw) if (cutoffs.length === 0 || c > cutoffs[cutoffs.length - 1]) cutoffs.push(c);
  return { cutoffs, k: cutoffs.length + 1, requestedK: k, duplicatesMerged: raw.length - cutoffs.length };
}

export type Closure = 'right' | 'left';

/**
 * Class 1..k of y; 0 when y is not finite. Right-closed (default): 1 + #{c < y}, so y = c_i falls in class i.
 * Left-closed [c_{i−1}, c_i) (option, e.g. Stata `xtile`-like bins): 1 + #{c ≤ y}.
 */
export function classify(y: number, cutoffs: readonly number[], closure: Closure = 'right'): number {
  if (!Number.isFinite(y)) return 0;
  let lo = 0;
  let hi = cutoffs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (closure === 'right' ? y > cutoffs[mid] : y >= cutoffs[mid]) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}
