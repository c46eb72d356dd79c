// Shared machinery of the classical and spatial Markov chains (methods.md K2/K3): the unit × period value
// matrix, its quantile classes (pooled, per period or user cut-offs), and transition counts at lag d.
// Matrices are entity-major like the Panel: cell (i, t) at i·T + t. Class 0 marks a missing value.
// O(n·T) plus the quantile sort.

import type { Panel } from '../panel/panel.js';
import { column } from '../panel/panel.js';
import type { Warning } from '../result.js';
import { UsageError } from '../errors.js';
import { quantileCutoffs, classify, type Closure } from './quantile-classes.js';
import { quantileSorted } from '../math/stats.js';

export type ClassScope = 'pooled' | 'period';

export interface ClassingOptions {
  /** Number of quantile classes (default 4). */
  k?: number;
  /** Pooled cut-offs over all unit-periods (default) or per period. */
  scope?: ClassScope;
  /** User cut-offs (ascending); override k and scope. */
  cutoffs?: readonly number[];
  /** Interval closure: 'right' (c_{i−1}, c_i] (default, mapclassify/R cut) or 'left' [c_{i−1}, c_i). */
  closure?: Closure;
}

export interface Classing {
  k: number;
  classes: Int32Array;
  /** Pooled or user cut-offs; per-period cut-offs in `cutoffsByPeriod`. */
  cutoffs: number[] | null;
  cutoffsByPeriod: number[][] | null;
  scope: ClassScope | 'user';
  warnings: Warning[];
}

/** Values of `value` (NaN where absent or missing), optionally divided by the period mean (`relative`). */
export function valueMatrix(panel: Panel, value: string, relative = false): { y: Float64Array; missing: number } {
  const src = column(panel, value);
  const n = panel.ids.length;
  const T = panel.periods.length;
  const y = new Float64Array(n * T);
  let missing = 0;
  for (let k = 0; k < n * T; k++) {
    const v = panel.present[k] ? src[k] : NaN;
    if (panel.present[k] && !Number.isFinite(v)) missing++;
    y[k] = Number.isFinite(v) ? v : NaN;
  }
  if (relative) {
    for (let t = 0; t < T; t++) {
      let s = 0;
      let c = 0;
      for (let i = 0; i < n; i++) if (Number.isFinite(y[i * T + t])) { s += y[i * T + t]; c++; }
      const m = s / c;
      for (let i = 0; i < n; i++) y[i * T + t] = c > 0 && m !== 0 ? y[i * T + t] / m : NaN;
    }
  }
  return { y, missing };
}

export function classMatrix(y: Float64Array, n: number, T: number, periods: readonly number[], options: ClassingOptions, what = 'value'): Classing {
  const warnings: Warning[] = [];
  const classes = new Int32Array(n * T);
  if (options.cutoffs) {
    const c = [...options.cutoffs];
    for (let i = 1; i < c.length; i++) {
      if (!(c[i] > c[i - 1])) throw new UsageError('bad-cutoffs', `cut-offs must be strictly ascending (got ${c.join(', ')})`);
    }
    for (let q = 0; q < n * T; q++) classes[q] = classify(y[q], c, options.closure);
    return { k: c.length + 1, classes, cutoffs: c, cutoffsByPeriod: null, scope: 'user', warnings };
  }
  const k = options.k ?? 4;
  if (!(Number.isInteger(k) && k >= 2)) throw new UsageError('bad-k', `the number of classes must be an integer ≥ 2 (got ${k})`);
  if ((options.scope ?? 'pooled') === 'pooled') {
    const q = quantileCutoffs(y, k);
    if (q.duplicatesMerged > 0) {
      warnings.push({
        code: 'duplicate-cutoffs',
        message: `${q.duplicatesMerged} duplicate ${what} quantile cut-off(s) merged: ${q.k} classes instead of ${k}`,
        messageZh: `${what} 分位数断点有 ${q.duplicatesMerged} 个重复，已合并：实际 ${q.k} 类（而非 ${k} 类）`,
        count: q.duplicatesMerged,
      });
    }
    for (let c = 0; c < n * T; c++) classes[c] = classify(y[c], q.cutoffs, options.closure);
    return { k: q.k, classes, cutoffs: q.cutoffs, cutoffsByPeriod: null, scope: 'pooled', warnings };
  }
  // Per period: keep k classes everywhere (tied cut-offs leave a class empty in that period, with a warning).
  const byPeriod: number[][] = [];
  const col = new Float64Array(n);
  for (let t = 0; t < T; t++) {
    for (let i = 0; i < n; i++) col[i] = y[i * T + t];
    const finite = Array.from(col).filter(Number.isFinite);
    const q = quantileCutoffs(finite, k);
    const cuts = q.duplicatesMerged > 0 ? rawCutoffs(Float64Array.from(finite).sort(), k) : q.cutoffs;
    if (q.duplicatesMerged > 0) {
      warnings.push({
        code: 'duplicate-cutoffs',
        message: `period ${periods[t]}: tied ${what} cut-offs leave ${q.duplicatesMerged} class(es) empty`,
        count: q.duplicatesMerged, where: { period: periods[t] },
      });
    }
    byPeriod.push(cuts);
    for (let i = 0; i < n; i++) classes[i * T + t] = classify(y[i * T + t], cuts, options.closure);
  }
  return { k, classes, cutoffs: null, cutoffsByPeriod: byPeriod, scope: 'period', warnings };
}

/** Type-7 cut-offs without merging ties (per-period classes keep k fixed). */
function rawCutoffs(sorted: Float64Array, k: number): number[] {
  const out: number[] = [];
  for (let c = 1; c < k; c++) out.push(quantileSorted(sorted, c / k));
  return out;
}

/**
 * Transition counts from (i, t) to (i, t + lag), both classes known. With `regime` (class 1..m of the
 * conditioning variable at the start t, 0 = unknown), counts are split by regime: index (r−1)·k·k + a·k + b.
 */
export function countTransitions(classes: Int32Array, n: number, T: number, k: number, lag: number, regime?: Int32Array, m = 1): Float64Array {
  const counts = new Float64Array(m * k * k);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t + lag < T; t++) {
      const a = classes[i * T + t];
      const b = classes[i * T + t + lag];
      if (a === 0 || b === 0) continue;
      let r = 0;
      if (regime) {
        r = regime[i * T + t] - 1;
        if (r < 0) continue;
      }
      counts[r * k * k + (a - 1) * k + (b - 1)]++;
    }
  }
  return counts;
}

/** Row-normalise a k × k block; empty rows stay 0 (or 1 on the diagonal with `fillEmpty`) and are listed (1-based). */
export function transitionProbabilities(counts: ArrayLike<number>, k: number, offset = 0, fillEmpty = false): { P: number[][]; emptyRows: number[]; rowTotals: number[] } {
  const P: number[][] = [];
  const emptyRows: number[] = [];
  const rowTotals: number[] = [];
  for (let a = 0; a < k; a++) {
    let s = 0;
    for (let b = 0; b < k; b++) s += counts[offset + a * k + b];
    rowTotals.push(s);
    if (s === 0) {
      emptyRows.push(a + 1);
      P.push(Array.from({ length: k }, (_, b) => (fillEmpty && a === b ? 1 : 0)));
    } else {
      P.push(Array.from({ length: k }, (_, b) => counts[offset + a * k + b] / s));
    }
  }
  return { P, emptyRows, rowTotals };
}

/** Copy of P with empty rows set to stay put (diagonal 1): the filled matrix used for steady states and passage times. */
export function fillEmptyRows(P: readonly (readonly number[])[], emptyRows: readonly number[]): number[][] {
  return P.map((row, a) => (emptyRows.includes(a + 1) ? row.map((_, b) => (a === b ? 1 : 0)) : [...row]));
}
