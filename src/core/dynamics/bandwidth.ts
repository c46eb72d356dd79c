// Kernel-density bandwidth rules (methods.md K1).
// silverman = R `bw.nrd0` (Silverman 1986, eq. 3.31): 0.9·min(sd, IQR/1.34)·n^(−1/5), sd with n − 1, IQR by
//   type-7 quantiles; when min(sd, IQR/1.34) is 0, fall back to sd, then |x₁|, then 1 (as R does).
// scott = R `bw.nrd` (Scott 1992, eq. 6.17): 1.06·min(sd, IQR/1.34)·n^(−1/5) (same fallbacks; R has none).
// scipy = scipy.stats.gaussian_kde default: sd·n^(−1/5) (Scott's factor times the sample sd).
// fixed: the number given. Stata/statsmodels use IQR/1.349: pass `iqrDivisor: 1.349`.
// O(n log n) for the quantiles.

import { quantileSorted, sd as sampleSd } from '../math/stats.js';
import { pow } from '../math/elementary.js';

export type BandwidthRule = 'silverman' | 'scott' | 'scipy';

export interface BandwidthOptions {
  iqrDivisor?: number;
}

export function bandwidth(values: ArrayLike<number>, rule: BandwidthRule | number, options: BandwidthOptions = {}): number {
  if (typeof rule === 'number') return rule;
  const n = values.length;
  if (n < 2) return NaN;
  const s = sampleSd(values);
  if (rule === 'scipy') return s * pow(n, -0.2);
  const sorted = Float64Array.from(values).sort();
  const iqr = quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25);
  let lo = Math.min(s, iqr / (options.iqrDivisor ?? 1.34));
  if (!(lo > 0)) lo = s > 0 ? s : Math.abs(values[0]) > 0 ? Math.abs(values[0]) : 1;
  return (rule === 'scott' ? 1.06 : 0.9) * lo * pow(n, -0.2);
}
