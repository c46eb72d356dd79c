// Per-period cross-sections of a Panel column, with optional group labels and weights: the input every
// disparity method (Gini, Dagum, Theil, CV) and σ-convergence works on.
//
// Conventions: a cell enters period t when its row is present and the value is finite; missing values are
// skipped and counted in a warning (rows are never invented). Negative values are a DataError (methods.md
// J1/J3: inequality measures need y ≥ 0) unless `allowNegative`. A present value without a group label is a
// DataError naming the id and period. Units keep the panel's id order; group codes follow the code-point
// order of the labels. O(n·T).

import { DataError } from '../errors.js';
import type { Panel } from '../panel/panel.js';
import { column } from '../panel/panel.js';
import type { Warning } from '../result.js';

export interface CrossSection {
  period: number;
  /** Panel entity index of each value. */
  units: Int32Array;
  values: Float64Array;
  /** Group code per value (index into `groupNames`), when a group column was given. */
  groups?: Int32Array;
  /** Second-level group code per value (nested Theil). */
  subgroups?: Int32Array;
  weights?: Float64Array;
}

export interface CrossSectionOptions {
  value: string;
  group?: string;
  subgroup?: string;
  /** Numeric column of non-negative weights (population …). */
  weight?: string;
  /** Restrict to these periods (all by default). */
  periods?: readonly number[];
  allowNegative?: boolean;
  /** What the values must be, for messages ("Gini", "Theil"). */
  method?: string;
}

export interface CrossSections {
  sections: CrossSection[];
  groupNames: string[];
  subgroupNames: string[];
  warnings: Warning[];
}

export function crossSections(panel: Panel, options: CrossSectionOptions): CrossSections {
  const y = column(panel, options.value);
  const w = options.weight ? column(panel, options.weight) : undefined;
  const labelCol = (name: string | undefined): (string | null)[] | undefined => {
    if (!name) return undefined;
    const lab = panel.labels[name];
    if (!lab) {
      throw new DataError('unknown-column', `no label column "${name}" in ${panel.source ?? 'the data'}; label columns are: ${Object.keys(panel.labels).join(', ') || '(none)'}`, { file: panel.source, column: name }, 'name a text column such as region4 with --group');
    }
    return lab;
  };
  const g = labelCol(options.group);
  const sg = labelCol(options.subgroup);
  const names = (lab: (string | null)[] | undefined): string[] => {
    if (!lab) return [];
    const set = new Set<string>();
    for (let k = 0; k < panel.present.length; k++) if (panel.present[k] && lab[k] !== null) set.add(lab[k]!);
    return [...set].sort(codePointCompare);
  };
  const groupNames = names(g);
  const subgroupNames = names(sg);
  const gIndex = new Map(groupNames.map((s, i) => [s, i]));
  const sgIndex = new Map(subgroupNames.map((s, i) => [s, i]));
  const T = panel.periods.length;
  const n = panel.ids.length;
  const wanted = options.periods ? new Set(options.periods) : undefined;
  if (wanted) {
    for (const p of wanted) {
      if (!panel.periods.includes(p)) {
        throw new DataError('unknown-period', `period ${p} is not in the data (periods: ${panel.periods.join(', ')})`, { file: panel.source, period: p });
      }
    }
  }
  const sections: CrossSection[] = [];
  let missing = 0;
  const where = (k: number, i: number, t: number, column: string) => ({
    file: panel.source, row: panel.sourceRow?.[k] || undefined, column, id: panel.ids[i], period: panel.periods[t],
  });
  for (let t = 0; t < T; t++) {
    if (wanted && !wanted.has(panel.periods[t])) continue;
    const units: number[] = [];
    for (let i = 0; i < n; i++) {
      const k = i * T + t;
      if (!panel.present[k]) continue;
      const v = y[k];
      if (!Number.isFinite(v) || (w && !Number.isFinite(w[k]))) { missing++; continue; }
      if (v < 0 && !options.allowNegative) {
        throw new DataError('negative-value', `${options.method ?? 'this inequality measure'} needs non-negative values; found ${v}`, { ...where(k, i, t, options.value), text: String(v) }, 'use a non-negative variable (levels, not growth rates) or shift it explicitly');
      }
      if (w && w[k] < 0) {
        throw new DataError('negative-weight', `weights must be non-negative; found ${w[k]}`, { ...where(k, i, t, options.weight!), text: String(w[k]) });
      }
      if (g && g[k] === null) {
        throw new DataError('missing-group', `no group label for a unit with a value`, where(k, i, t, options.group!), `fill the "${options.group}" column for every row`);
      }
      if (sg && sg[k] === null) {
        throw new DataError('missing-group', `no subgroup label for a unit with a value`, where(k, i, t, options.subgroup!), `fill the "${options.subgroup}" column for every row`);
      }
      units.push(i);
    }
    const m = units.length;
    const sec: CrossSection = { period: panel.periods[t], units: Int32Array.from(units), values: new Float64Array(m) };
    if (g) sec.groups = new Int32Array(m);
    if (sg) sec.subgroups = new Int32Array(m);
    if (w) sec.weights = new Float64Array(m);
    for (let a = 0; a < m; a++) {
      const k = units[a] * T + t;
      sec.values[a] = y[k];
      if (g) sec.groups![a] = gIndex.get(g[k]!)!;
      if (sg) sec.subgroups![a] = sgIndex.get(sg[k]!)!;
      if (w) sec.weights![a] = w[k];
    }
    sections.push(sec);
  }
  const warnings: Warning[] = [];
  if (missing > 0) {
    warnings.push({
      code: 'missing-values',
      message: `${missing} present row(s) have a missing ${options.value}${w ? ' or weight' : ''} and were left out of their period`,
      messageZh: `${missing} 行的 ${options.value} 缺失，已从所在期剔除`,
      count: missing,
      where: { column: options.value },
    });
  }
  return { sections, groupNames, subgroupNames, warnings };
}

export function codePointCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
