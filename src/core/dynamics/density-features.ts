// Shape features of an estimated density on a grid, for the report (methods.md K1, heuristics):
// peaks = interior local maxima whose topographic prominence (height above the higher of the two lowest
// points between the peak and the nearest higher point on either side, as scipy.signal.peak_prominences)
// is ≥ 5% of the maximum density; main peak = global maximum; width at half maximum of the main peak
// (linear interpolation between grid points; null when the curve does not fall to half on a side);
// right tail = 99th percentile (type 7) of the sample − mode. O(G²) worst case for prominences, O(n log n)
// for the percentile.

import { quantileSorted } from '../math/stats.js';

export interface DensityPeak { x: number; density: number; prominence: number }

export interface DensityFeatures {
  mode: number;
  modeDensity: number;
  peakCount: number;
  peaks: DensityPeak[];
  halfMaxWidth: number | null;
  p99: number;
  rightTail: number;
  /** Why a feature is null (the density does not fall to half its maximum inside the grid). */
  reason?: string;
}

export function densityFeatures(grid: ArrayLike<number>, density: ArrayLike<number>, sample: ArrayLike<number>, minProminence = 0.05): DensityFeatures {
  const G = density.length;
  let im = 0;
  for (let g = 1; g < G; g++) if (density[g] > density[im]) im = g;
  const fmax = density[im];
  const peaks: DensityPeak[] = [];
  for (let i = 1; i < G - 1; i++) {
    if (!(density[i] > density[i - 1] && density[i] >= density[i + 1])) continue;
    // Skip the rest of a plateau: the peak is its first point.
    let minL = density[i];
    for (let a = i - 1; a >= 0 && density[a] <= density[i]; a--) minL = Math.min(minL, density[a]);
    let minR = density[i];
    let b = i + 1;
    while (b < G && density[b] === density[i]) b++;
    for (; b < G && density[b] <= density[i]; b++) minR = Math.min(minR, density[b]);
    const prominence = density[i] - Math.max(minL, minR);
    if (prominence >= minProminence * fmax) peaks.push({ x: grid[i], density: density[i], prominence });
  }
  const half = fmax / 2;
  let left: number | null = null;
  for (let a = im; a > 0; a--) {
    if (density[a - 1] < half) {
      left = grid[a - 1] + ((half - density[a - 1]) / (density[a] - density[a - 1])) * (grid[a] - grid[a - 1]);
      break;
    }
  }
  let right: number | null = null;
  for (let b = im; b < G - 1; b++) {
    if (density[b + 1] < half) {
      right = grid[b] + ((density[b] - half) / (density[b] - density[b + 1])) * (grid[b + 1] - grid[b]);
      break;
    }
  }
  const sorted = Float64Array.from(sample).sort();
  const p99 = quantileSorted(sorted, 0.99);
  return {
    mode: grid[im], modeDensity: fmax, peakCount: peaks.length, peaks,
    halfMaxWidth: left !== null && right !== null ? right - left : null,
    p99, rightTail: p99 - grid[im],
    ...(left !== null && right !== null ? {} : { reason: 'the density does not fall to half its maximum inside the grid: halfMaxWidth is null' }),
  };
}
