// Coefficient of variation — methods.md J4.
// Default σ_pop/μ (population SD, ÷n); option `sample` uses ÷(n − 1).
// Weighted (Williamson 1965, Econ. Dev. Cult. Change 13(4), 1–84): √(Σ(P_i/P)(y_i − ȳ_w)²)/ȳ_w, ȳ_w = Σ(P_i/P)y_i.
// Two-pass, O(n). NaN when undefined (n = 0, n = 1 with `sample`, μ = 0); the panel wrapper reports null + status.

import type { Panel } from '../panel/panel.js';
import type { Result } from '../result.js';
import { countStatuses } from '../result.js';
import { SOFTWARE } from '../version.js';
import { crossSections } from './cross-section.js';

export interface CvOptions {
  sample?: boolean;
  weights?: ArrayLike<number>;
}

export interface CvValue { mean: number; sd: number; cv: number }

export function coefficientOfVariation(values: ArrayLike<number>, options: CvOptions = {}): CvValue {
  const n = values.length;
  const w = options.weights;
  let W = 0;
  let S = 0;
  for (let i = 0; i < n; i++) {
    const wi = w ? w[i] : 1;
    W += wi;
    S += wi * values[i];
  }
  const mean = S / W;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const wi = w ? w[i] : 1;
    ss += wi * (values[i] - mean) ** 2;
  }
  const denom = w ? W : options.sample ? n - 1 : n;
  const sd = Math.sqrt(ss / denom);
  return { mean, sd, cv: sd / mean };
}

// ---- Panel wrapper: one row per period ----

export interface CvPanelOptions {
  value: string;
  weight?: string;
  sample?: boolean;
  periods?: readonly number[];
}

export interface CvRow {
  period: number;
  n: number;
  mean: number | null;
  sd: number | null;
  cv: number | null;
  status: 'ok' | 'undefined' | 'insufficient_data';
  reason?: string;
}

export function disparityCv(panel: Panel, options: CvPanelOptions): Result<CvRow> {
  const cs = crossSections(panel, { value: options.value, weight: options.weight, periods: options.periods, allowNegative: true });
  const rows: CvRow[] = cs.sections.map((sec) => {
    const n = sec.values.length;
    if (n === 0 || (options.sample && !sec.weights && n < 2)) {
      return { period: sec.period, n, mean: null, sd: null, cv: null, status: 'insufficient_data', reason: n === 0 ? 'no values in this period' : 'the sample SD needs n ≥ 2' };
    }
    const v = coefficientOfVariation(sec.values, { sample: options.sample, weights: sec.weights });
    const fin = (x: number) => (Number.isFinite(x) ? x : null);
    if (!Number.isFinite(v.cv)) return { period: sec.period, n, mean: fin(v.mean), sd: fin(v.sd), cv: null, status: 'undefined', reason: 'mean is 0 (or total weight is 0): CV undefined' };
    return { period: sec.period, n, mean: v.mean, sd: v.sd, cv: v.cv, status: 'ok' };
  });
  return {
    method: 'cv',
    params: { ...options },
    rows,
    summary: { periods: rows.length },
    warnings: cs.warnings,
    card: {
      method: 'cv',
      title: { en: options.weight ? 'Weighted coefficient of variation (Williamson)' : 'Coefficient of variation', zh: options.weight ? '加权变异系数（Williamson）' : '变异系数' },
      conventions: {
        value: options.value,
        sd: options.weight ? 'weighted population SD √(Σ(P_i/P)(y_i − ȳ_w)²)' : options.sample ? 'sample (n − 1)' : 'population (n)',
        weight: options.weight ?? null,
      },
      citations: [{ text: 'Williamson, J. G. (1965). Regional inequality and the process of national development. Economic Development and Cultural Change 13(4), 1–84.', doi: '10.1086/450136' }],
      software: SOFTWARE,
      statusCounts: countStatuses(rows),
    },
  };
}
