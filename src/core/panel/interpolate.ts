// Filling gaps: interior interpolation and extrapolation at the ends (methods.md A2) — the usual
// 线性插值 + 平均增长率法 of Chinese provincial panels.
//
// Interior gap between consecutive observed periods a < t < b (per entity and variable):
//   linear (default): x_t = x_a + (t−a)/(b−a)·(x_b − x_a)
//   loglinear:        x_t = x_a·(x_b/x_a)^{(t−a)/(b−a)}   (needs x_a, x_b > 0; otherwise linear + warning)
// Ends. e = last observed period, f = max{observed s ≤ e − k} (k = 3), falling back to the first observation:
//   growth (default): g = (x_e/x_f)^{1/(e−f)} − 1, x_{e+h} = x_e·(1+g)^h
//   arithmetic:       g = arithmetic mean of the annualised growth rates between consecutive observations
//                     in [f, e]; x_{e+h} = x_e·(1+g)^h
//   linear:           the straight line through (f, x_f) and (e, x_e): x_{e+h} = x_e + h·(x_e − x_f)/(e − f)
//   carry:            x_{e+h} = x_e
//   none:             ends stay missing
// Leading gaps are symmetric (s = first observed, anchor f = min{observed ≥ s + k}, x_{s−h} = x_s/(1+g)^h …).
// Cells more than maxExtrapolate (3) periods beyond the data, or in series with fewer than 2 observations,
// stay missing and are listed with status `insufficient_data`. A non-positive anchor for growth/arithmetic
// (or loglinear) falls back to linear with a warning. Distances are in period units (years), so uneven
// period lists are handled. Every filled cell is listed and flagged in `mask`. O(n·T) per variable.

import type { MethodCard, Status, Warning } from '../result.js';
import { UsageError } from '../errors.js';
import { SOFTWARE } from '../version.js';
import { column, type Panel } from './panel.js';
import { pow } from '../math/elementary.js';

export type InteriorMethod = 'linear' | 'loglinear' | 'none';
export type EndMethod = 'growth' | 'arithmetic' | 'linear' | 'carry' | 'none';

export interface InterpolateOptions {
  /** Variables to fill (default: every numeric column). */
  variables?: readonly string[];
  interior?: InteriorMethod;
  ends?: EndMethod;
  /** Anchor distance for the end growth rate (default 3). */
  k?: number;
  /** Largest distance (in periods) filled beyond the data (default 3). */
  maxExtrapolate?: number;
}

/** How a cell was filled. `linear-fallback` = linear used because an anchor was not positive. */
export type FillMethod = 'linear' | 'loglinear' | 'growth' | 'arithmetic' | 'linear-trend' | 'carry' | 'linear-fallback';

export interface FilledCell {
  id: string;
  period: number;
  variable: string;
  /** null when the cell could not be filled. */
  method: FillMethod | null;
  value: number | null;
  status: Status;
  reason?: string;
}

export interface InterpolateResult {
  panel: Panel;
  /** Every cell that was missing in a filled variable: filled ones and those left missing (status). */
  cells: FilledCell[];
  /** Per variable, per cell: 0 observed or still missing, 1 interior fill, 2 end extrapolation. */
  mask: Record<string, Uint8Array>;
  warnings: Warning[];
  card: MethodCard;
}

const INTERIOR: readonly InteriorMethod[] = ['linear', 'loglinear', 'none'];
const ENDS: readonly EndMethod[] = ['growth', 'arithmetic', 'linear', 'carry', 'none'];

/** Fill missing cells; see the file header. The input panel is not changed. */
export function interpolate(p: Panel, options: InterpolateOptions = {}): InterpolateResult {
  const interior = options.interior ?? 'linear';
  const ends = options.ends ?? 'growth';
  const k = options.k ?? 3;
  const maxExt = options.maxExtrapolate ?? 3;
  if (!INTERIOR.includes(interior)) throw new UsageError('bad-option', `interior must be one of ${INTERIOR.join(', ')} (got "${interior}")`);
  if (!ENDS.includes(ends)) throw new UsageError('bad-option', `ends must be one of ${ENDS.join(', ')} (got "${ends}")`);
  if (!(Number.isInteger(k) && k >= 1)) throw new UsageError('bad-option', `k must be a positive integer (got ${k})`);
  if (!(maxExt >= 0)) throw new UsageError('bad-option', `maxExtrapolate must be ≥ 0 (got ${maxExt})`);
  const variables = options.variables ?? Object.keys(p.columns);
  const T = p.periods.length;
  const n = p.ids.length;
  const per = p.periods;
  const columns: Record<string, Float64Array> = { ...p.columns };
  const mask: Record<string, Uint8Array> = {};
  const cells: FilledCell[] = [];
  let fallbacks = 0;
  let leftMissing = 0;
  const counts: Record<string, number> = {};
  const obs = new Int32Array(T);

  for (const v of variables) {
    const src = column(p, v);
    const x = Float64Array.from(src);
    const m = new Uint8Array(n * T);
    for (let i = 0; i < n; i++) {
      const row = i * T;
      let no = 0;
      for (let t = 0; t < T; t++) if (Number.isFinite(src[row + t])) obs[no++] = t;
      const put = (t: number, value: number, method: FillMethod, kind: 1 | 2) => {
        if (!Number.isFinite(value)) {
          miss(t, 'the fill formula gave a non-finite value');
          return;
        }
        x[row + t] = value;
        m[row + t] = kind;
        counts[method] = (counts[method] ?? 0) + 1;
        cells.push({ id: p.ids[i], period: per[t], variable: v, method, value, status: 'ok' });
      };
      const miss = (t: number, reason: string) => {
        leftMissing++;
        cells.push({ id: p.ids[i], period: per[t], variable: v, method: null, value: null, status: 'insufficient_data', reason });
      };
      if (no === 0) {
        for (let t = 0; t < T; t++) miss(t, 'no observation of this variable for this entity');
        continue;
      }
      // interior
      for (let q = 0; q + 1 < no; q++) {
        const a = obs[q];
        const b = obs[q + 1];
        if (b - a < 2) continue;
        const xa = src[row + a];
        const xb = src[row + b];
        for (let t = a + 1; t < b; t++) {
          if (interior === 'none') {
            miss(t, 'interior gap left missing (interior: none)');
            continue;
          }
          const w = (per[t] - per[a]) / (per[b] - per[a]);
          if (interior === 'loglinear') {
            if (xa > 0 && xb > 0) put(t, xa * pow(xb / xa, w), 'loglinear', 1);
            else {
              fallbacks++;
              put(t, xa + w * (xb - xa), 'linear-fallback', 1);
            }
          } else put(t, xa + w * (xb - xa), 'linear', 1);
        }
      }
      // ends
      const first = obs[0];
      const last = obs[no - 1];
      if (first === 0 && last === T - 1) continue;
      const endCells = (t: number) => ({ t, h: t > last ? per[t] - per[last] : per[first] - per[t] });
      const todo: { t: number; h: number }[] = [];
      for (let t = 0; t < first; t++) todo.push(endCells(t));
      for (let t = last + 1; t < T; t++) todo.push(endCells(t));
      if (ends === 'none') {
        for (const c of todo) miss(c.t, 'outside the observed span (ends: none)');
        continue;
      }
      if (no < 2) {
        for (const c of todo) miss(c.t, 'fewer than 2 observations: cannot extrapolate');
        continue;
      }
      // trailing anchor pair (f, e) and leading pair (s, f')
      const e = last;
      let f = -1;
      for (let q = no - 1; q >= 0; q--) if (per[obs[q]] <= per[e] - k) { f = obs[q]; break; }
      if (f < 0) f = first;
      const s = first;
      let fl = -1;
      for (let q = 0; q < no; q++) if (per[obs[q]] >= per[s] + k) { fl = obs[q]; break; }
      if (fl < 0) fl = last;
      for (const { t, h } of todo) {
        if (h > maxExt) {
          miss(t, `more than ${maxExt} periods beyond the observed data (maxExtrapolate)`);
          continue;
        }
        const trailing = t > last;
        const anchor = trailing ? e : s; // the observation extrapolated from
        const other = trailing ? f : fl;
        const xa = src[row + anchor];
        const xo = src[row + other];
        const span = Math.abs(per[anchor] - per[other]);
        const dir = trailing ? 1 : -1;
        const linear = () => xa + dir * h * ((trailing ? xa - xo : xo - xa) / span);
        if (ends === 'carry') put(t, xa, 'carry', 2);
        else if (ends === 'linear') put(t, linear(), 'linear-trend', 2);
        else {
          // growth-based; need positive values at the anchors (and in between for arithmetic)
          let g = NaN;
          if (xa > 0 && xo > 0) {
            if (ends === 'growth') {
              g = trailing ? pow(xa / xo, 1 / span) - 1 : pow(xo / xa, 1 / span) - 1;
            } else {
              g = meanAnnualGrowth(src, row, obs, no, Math.min(anchor, other), Math.max(anchor, other), per);
            }
          }
          if (Number.isFinite(g)) put(t, trailing ? xa * pow(1 + g, h) : xa / pow(1 + g, h), ends, 2);
          else {
            fallbacks++;
            put(t, linear(), 'linear-fallback', 2);
          }
        }
      }
    }
    columns[v] = x;
    mask[v] = m;
  }
  cells.sort((a, b) => a.period - b.period || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) || (a.variable < b.variable ? -1 : a.variable > b.variable ? 1 : 0));
  const warnings: Warning[] = [];
  const filled = cells.length - leftMissing;
  if (filled) {
    warnings.push({ code: 'imputed-cells', message: `${filled} missing cells were filled (${Object.entries(counts).map(([a, b]) => `${a} ${b}`).join(', ')})`, messageZh: `已填补 ${filled} 个缺失值`, count: filled });
  }
  if (fallbacks) {
    warnings.push({ code: 'interpolate-linear-fallback', message: `${fallbacks} cells used linear interpolation because an anchor value was not positive (growth rates and log-linear need positive values)`, messageZh: `${fallbacks} 个单元格因锚点非正改用线性方法`, count: fallbacks });
  }
  if (leftMissing) {
    warnings.push({ code: 'insufficient-data', message: `${leftMissing} cells stay missing (too far beyond the data, or too few observations)`, messageZh: `${leftMissing} 个单元格仍缺失（超出外推范围或观测不足）`, count: leftMissing });
  }
  return {
    panel: { ...p, columns },
    cells,
    mask,
    warnings,
    card: {
      method: 'interpolate',
      title: { en: 'Gap filling: interpolation and growth-rate extrapolation', zh: '缺失值填补：线性插值与平均增长率外推' },
      conventions: { variables: [...variables], interior, ends, k, maxExtrapolate: maxExt, filled, leftMissing, byMethod: counts, linearFallbacks: fallbacks },
      formulas: [
        interior === 'loglinear' ? 'x_t = x_a (x_b/x_a)^{(t-a)/(b-a)}' : 'x_t = x_a + \\frac{t-a}{b-a}(x_b - x_a)',
        'g = (x_e/x_f)^{1/(e-f)} - 1,\\quad x_{e+h} = x_e (1+g)^h',
      ],
      citations: [],
      software: SOFTWARE,
      statusCounts: { ok: filled, insufficient_data: leftMissing },
    },
  };
}

/** Arithmetic mean of annualised growth rates between consecutive observations within [lo, hi]. */
function meanAnnualGrowth(x: Float64Array, row: number, obs: Int32Array, no: number, lo: number, hi: number, per: readonly number[]): number {
  let sum = 0;
  let cnt = 0;
  let prev = -1;
  for (let q = 0; q < no; q++) {
    const t = obs[q];
    if (t < lo || t > hi) continue;
    if (prev >= 0) {
      const a = x[row + prev];
      const b = x[row + t];
      if (!(a > 0 && b > 0)) return NaN;
      sum += pow(b / a, 1 / (per[t] - per[prev])) - 1;
      cnt++;
    }
    prev = t;
  }
  return cnt ? sum / cnt : NaN;
}
