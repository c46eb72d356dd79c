// Small descriptive statistics on Float64Arrays (no allocation per element).
// Conventions (methods.md §0): sd is the sample SD (n−1) unless `population` is asked for;
// quantiles are Hyndman & Fan (1996) type 7 (R and numpy default). NaN inputs are the caller's job to exclude.

export function sum(x: ArrayLike<number>): number {
  // Neumaier compensated summation: sums do not depend on the magnitude order of the data.
  let s = 0;
  let c = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const t = s + v;
    if (Math.abs(s) >= Math.abs(v)) c += s - t + v;
    else c += v - t + s;
    s = t;
  }
  return s + c;
}

export function mean(x: ArrayLike<number>): number {
  return sum(x) / x.length;
}

/** Variance; `population` divides by n, otherwise by n − 1. Two-pass algorithm. */
export function variance(x: ArrayLike<number>, population = false): number {
  const n = x.length;
  const m = mean(x);
  let ss = 0;
  let comp = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - m;
    ss += d * d;
    comp += d;
  }
  ss -= (comp * comp) / n;
  return ss / (population ? n : n - 1);
}

export function sd(x: ArrayLike<number>, population = false): number {
  return Math.sqrt(variance(x, population));
}

/** Quantile of type 7 on already sorted data: h = (n−1)p, linear interpolation. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Quantile of type 7 (copies and sorts: O(n log n)). */
export function quantile(x: ArrayLike<number>, p: number): number {
  const s = Float64Array.from(x as ArrayLike<number>).sort();
  return quantileSorted(s, p);
}
