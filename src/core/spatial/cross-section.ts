// Shared plumbing for the spatial statistics: one cross-section per period, weights restricted to the units
// observed in that period and then standardised (methods.md L1 "drop rows first, then standardise"), and the
// p-value helpers used by Moran's I, LISA and Geary's C.

import { DataError, UsageError } from '../errors.js';
import type { Panel } from '../panel/panel.js';
import { column } from '../panel/panel.js';
import { normalSf, normalCdf, normalTwoSided } from '../math/distributions.js';
import { subsetWeights, rowStandardise } from './weights.js';
import type { SpatialWeights } from './types.js';

export type Alternative = 'two-sided' | 'greater' | 'less';

/**
 * Builds weights for a given set of units. Used where building on the subset differs from subsetting a matrix
 * built on all units: k-NN (a unit whose neighbour has no value gets the next nearest instead).
 */
export type WeightsBuilder = (ids: readonly string[]) => SpatialWeights;

export interface CrossSectionOptions {
  /** Column with the variable analysed. */
  value: string;
  /** Weights over (at least) every unit of the panel, or a builder called with each period's observed units. */
  weights: SpatialWeights | WeightsBuilder;
  /** Periods to analyse (default: all). */
  periods?: readonly number[];
  /** 'W' row-standardise after subsetting (default), 'none' use the weights as given. */
  standardise?: 'W' | 'none';
}

export interface CrossSection {
  period: number;
  /** Units observed in this period (finite value), in panel order. */
  ids: string[];
  x: Float64Array;
  w: SpatialWeights;
  /** Panel units without a finite value in this period. */
  missing: string[];
}

/** Check that weights cover the panel's ids; throw a DataError listing the missing ones. */
export function checkWeightsCover(panel: Panel, weights: SpatialWeights): void {
  const have = new Set(weights.ids);
  const missing = panel.ids.filter((id) => !have.has(id));
  if (missing.length) {
    throw new DataError('unknown-id', `${missing.length} unit(s) of the data are not in the spatial weights: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ' …' : ''}`,
      { file: panel.source, id: missing[0] }, 'give weights (or geometry) that cover every unit, or drop those units from the data');
  }
}

export function crossSections(panel: Panel, options: CrossSectionOptions): CrossSection[] {
  const values = column(panel, options.value);
  const fixed = typeof options.weights === 'function' ? null : options.weights;
  if (fixed) checkWeightsCover(panel, fixed);
  const T = panel.periods.length;
  const periods = options.periods ?? panel.periods;
  const out: CrossSection[] = [];
  for (const period of periods) {
    const t = panel.periods.indexOf(period);
    if (t < 0) throw new UsageError('unknown-period', `period ${period} is not in the data (periods: ${panel.periods.join(', ')})`);
    const ids: string[] = [], xs: number[] = [], missing: string[] = [];
    for (let i = 0; i < panel.ids.length; i++) {
      const v = values[i * T + t];
      if (panel.present[i * T + t] && Number.isFinite(v)) { ids.push(panel.ids[i]); xs.push(v); } else missing.push(panel.ids[i]);
    }
    let w = fixed ? subsetWeights(fixed, ids) : (options.weights as WeightsBuilder)(ids);
    if ((options.standardise ?? 'W') === 'W') w = rowStandardise(w);
    out.push({ period, ids, x: Float64Array.from(xs), w, missing });
  }
  return out;
}

/** The weights' card for the method card (a builder is described by the weights it builds on all units). */
export function weightsCardOf(weights: SpatialWeights | WeightsBuilder, ids: readonly string[]): Record<string, unknown> {
  if (typeof weights !== 'function') return weights.card;
  return { ...weights(ids).card, builtPerPeriod: 'on the units observed in each period' };
}

/** Normal p-value of a standard deviate for the given alternative. */
export function normalP(z: number, alternative: Alternative): number {
  if (alternative === 'greater') return normalSf(z);
  if (alternative === 'less') return normalCdf(z);
  return normalTwoSided(z);
}

/** esda's folded pseudo p-value: M = #{sim ≥ obs}; if R − M < M then M = R − M; p = (M + 1)/(R + 1). */
export function foldedPseudoP(countAtLeast: number, R: number): number {
  const M = R - countAtLeast < countAtLeast ? R - countAtLeast : countAtLeast;
  return (M + 1) / (R + 1);
}

/** Finite number or null. */
export function fin(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** Code-point order for ids (methods.md §0). */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
