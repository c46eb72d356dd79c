// Indicator frameworks (design.md "Data model"): a tree goal → dimensions → sub-dimensions → indicators.
// Each indicator has a key, zh/en labels, unit, direction (+, −, interval, moderate point), an optional
// fixed weight (local to its parent), a panel column or a formula over columns, and a typical source.
// Nodes may carry a fixed weight and an AHP pairwise matrix over their children.

import type { IndicatorDirection } from '../normalize/direction.js';

export interface Label { zh?: string; en?: string }

export interface FrameworkIndicator {
  key: string;
  label: Label;
  unit?: string;
  direction: IndicatorDirection;
  /** panel column (defaults to key) — ignored when a formula is given */
  column?: string;
  formula?: string;
  /** fixed weight, local to the parent node */
  weight?: number;
  source?: string;
  note?: string;
  /** keys of the nodes from the top dimension down to the parent */
  path: string[];
  /** 1-based line of the indicator in the YAML source */
  line?: number;
}

export interface FrameworkNode {
  key: string;
  label: Label;
  weight?: number;
  /** pairwise comparisons of this node's children (sub-dimensions, else indicators), in order */
  ahp?: number[][];
  children: FrameworkNode[];
  indicators: FrameworkIndicator[];
  line?: number;
}

export interface Framework {
  key: string;
  label: Label;
  description?: string;
  references?: string[];
  /** pairwise comparisons of the top dimensions */
  ahp?: number[][];
  dimensions: FrameworkNode[];
  /** every indicator in document order */
  indicators: FrameworkIndicator[];
  /** where it was read from (file path or "builtin:nqpf") */
  source?: string;
}

/** The top dimension key of each indicator, in indicator order. */
export function indicatorDimensions(fw: Framework): string[] {
  return fw.indicators.map((ind) => ind.path[0]);
}

/** A one-dimension framework from a flat list of indicators (used by `--indicators col:+,col:-`). */
export function flatFramework(indicators: readonly { key: string; direction: IndicatorDirection; column?: string; formula?: string; dimension?: string; weight?: number }[], key = 'indicators'): Framework {
  const dims = new Map<string, FrameworkNode>();
  const inds: FrameworkIndicator[] = [];
  for (const s of indicators) {
    const d = s.dimension ?? 'index';
    if (!dims.has(d)) dims.set(d, { key: d, label: { en: d, zh: d }, children: [], indicators: [] });
    const ind: FrameworkIndicator = { key: s.key, label: { en: s.key, zh: s.key }, direction: s.direction, column: s.column ?? (s.formula ? undefined : s.key), formula: s.formula, weight: s.weight, path: [d] };
    dims.get(d)!.indicators.push(ind);
    inds.push(ind);
  }
  return { key, label: { en: key, zh: key }, dimensions: [...dims.values()], indicators: inds };
}
