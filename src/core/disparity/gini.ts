// Gini ratio G = ΣΣ|y_i − y_j|/(2n²μ), self-pairs included (Dagum 1997; Gini 1912) — methods.md J1.
//
// Options: `smallSample` multiplies by n/(n − 1) (the unbiased "sample" Gini of some packages);
// weights give ΣΣ w_i w_j |y_i − y_j|/(2W²μ_w) with μ_w = Σw y/W (population-weighted Gini).
// O(n log n): sort, then Σ_q w_q Σ_{r<q} w_r (y_q − y_r), the inner sum carried forward by (weight passed)·gap,
// so every accumulated term is ≥ 0 and nothing cancels.
// Returns NaN when undefined (n = 0, μ = 0, total weight 0); the panel wrapper turns that into null + status.

import type { Panel } from '../panel/panel.js';
import type { Result } from '../result.js';
import { countStatuses } from '../result.js';
import { SOFTWARE } from '../version.js';
import { crossSections } from './cross-section.js';

export interface GiniOptions {
  weights?: ArrayLike<number>;
  smallSample?: boolean;
}

export function giniCoefficient(values: ArrayLike<number>, options: GiniOptions = {}): number {
  const n = values.length;
  if (n === 0) return NaN;
  const w = options.weights;
  let W = 0;
  let WY = 0;
  for (let i = 0; i < n; i++) {
    const wi = w ? w[i] : 1;
    W += wi;
    WY += wi * values[i];
  }
  const mu = WY / W;
  if (!(W > 0) || !(mu > 0) || !Number.isFinite(mu)) return NaN;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => values[a] - values[b]);
  // C = weight passed so far; dist = Σ_{passed} w_r (y_q − y_r), advanced by C·gap (all terms ≥ 0).
  let C = 0;
  let dist = 0;
  let half = 0;
  let prev = values[order[0]];
  for (let q = 0; q < n; q++) {
    const i = order[q];
    const wi = w ? w[i] : 1;
    dist += C * (values[i] - prev);
    prev = values[i];
    half += wi * dist;
    C += wi;
  }
  let G = half / (W * W * mu);
  if (options.smallSample) G *= n > 1 ? n / (n - 1) : NaN;
  return G;
}

// ---- Panel wrapper: one row per period ----

export interface GiniPanelOptions {
  value: string;
  /** Numeric weight column (population …): population-weighted Gini. */
  weight?: string;
  smallSample?: boolean;
  periods?: readonly number[];
}

export interface GiniRow {
  period: number;
  n: number;
  mean: number | null;
  G: number | null;
  status: 'ok' | 'undefined' | 'insufficient_data';
  reason?: string;
}

export function gini(panel: Panel, options: GiniPanelOptions): Result<GiniRow> {
  const cs = crossSections(panel, { value: options.value, weight: options.weight, periods: options.periods, method: 'the Gini ratio' });
  const rows: GiniRow[] = cs.sections.map((sec) => {
    const n = sec.values.length;
    let W = 0;
    let WY = 0;
    for (let i = 0; i < n; i++) {
      const wi = sec.weights ? sec.weights[i] : 1;
      W += wi;
      WY += wi * sec.values[i];
    }
    const mean = W > 0 ? WY / W : null;
    if (n === 0) return { period: sec.period, n, mean: null, G: null, status: 'insufficient_data', reason: 'no values in this period' };
    if (options.smallSample && n < 2) return { period: sec.period, n, mean, G: null, status: 'insufficient_data', reason: 'the small-sample factor n/(n − 1) needs n ≥ 2' };
    const G = giniCoefficient(sec.values, { weights: sec.weights, smallSample: options.smallSample });
    if (!Number.isFinite(G)) return { period: sec.period, n, mean, G: null, status: 'undefined', reason: 'mean (or total weight) is 0: the Gini ratio is 0/0' };
    return { period: sec.period, n, mean, G, status: 'ok' };
  });
  return {
    method: 'gini',
    params: { ...options },
    rows,
    summary: { periods: rows.length },
    warnings: cs.warnings,
    card: {
      method: 'gini',
      title: { en: 'Gini ratio', zh: '基尼系数' },
      conventions: {
        value: options.value,
        formula: options.weight ? 'ΣΣ w_i w_j |y_i − y_j| / (2 W² μ_w)' : 'ΣΣ |y_i − y_j| / (2 n² μ), self-pairs included',
        weight: options.weight ?? null,
        smallSample: Boolean(options.smallSample),
        perPeriod: true,
        missing: 'cells with a missing value are left out of their period',
        algorithm: 'O(n log n): sort and prefix sums',
      },
      formulas: ['G = \\sum_i\\sum_j |y_i - y_j| / (2 n^2 \\mu)'],
      citations: [
        { text: 'Gini, C. (1912). Variabilità e mutabilità. Bologna: Tipografia di Paolo Cuppini.' },
        { text: 'Dagum, C. (1997). A new approach to the decomposition of the Gini income inequality ratio. Empirical Economics 22(4), 515–531.', doi: '10.1007/BF01205777' },
      ],
      software: SOFTWARE,
      statusCounts: countStatuses(rows),
    },
  };
}
