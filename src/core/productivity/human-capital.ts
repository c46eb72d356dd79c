// Human-capital index from years of schooling (methods.md G4).
//
// hc = exp(φ(s)) with the piecewise-linear Mincerian returns of Psacharopoulos (1994) as used by Hall & Jones
// (1999, QJE 114(1), 83–116) and PWT 8+: 13.4% per year for the first 4 years, 10.1% for the next 4, 6.8% after.
// Chinese average years of schooling (the usual yearbook construction): (6·primary + 9·junior + 12·senior +
// 16·college-and-above) / population aged 6+. Pure functions, O(n).

import { DataError } from '../errors.js';
import { exp } from '../math/elementary.js';

/** φ(s): returns to s years of schooling. */
export function schoolingReturn(s: number): number {
  if (s <= 4) return 0.134 * s;
  if (s <= 8) return 0.536 + 0.101 * (s - 4);
  return 0.94 + 0.068 * (s - 8);
}

/** hc = exp(φ(s)) element-wise; NaN (missing) stays NaN; negative years are a data error. */
export function humanCapitalIndex(years: ArrayLike<number>): Float64Array {
  const out = new Float64Array(years.length);
  for (let k = 0; k < years.length; k++) {
    const s = years[k];
    if (Number.isFinite(s) && s < 0) {
      throw new DataError('negative-schooling', `years of schooling must be ≥ 0 (element ${k + 1})`, { text: String(s) });
    }
    out[k] = Number.isFinite(s) ? exp(schoolingReturn(s)) : NaN;
  }
  return out;
}

export interface SchoolingCounts {
  primary: ArrayLike<number>;
  junior: ArrayLike<number>;
  senior: ArrayLike<number>;
  college: ArrayLike<number>;
  /** Population aged 6 and over (same units as the counts). */
  population: ArrayLike<number>;
}

/** Average years of schooling (6·primary + 9·junior + 12·senior + 16·college)/population6+; NaN where missing or population ≤ 0. */
export function averageSchoolingYears(c: SchoolingCounts): Float64Array {
  const n = c.population.length;
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const pop = c.population[k];
    out[k] = pop > 0 ? (6 * c.primary[k] + 9 * c.junior[k] + 12 * c.senior[k] + 16 * c.college[k]) / pop : NaN;
  }
  return out;
}
