// From the workbench's choices to an evaluation spec (the same YAML `xinzhi evaluate` reads) and, for a custom
// indicator tree, the framework YAML written next to it. Pure functions; tested in test/web/spec-build.test.ts.

import { stringify } from 'yaml';
import type { EvaluationSpec } from '../../src/core/evaluation/spec.js';

export type Role = 'ignore' | 'id' | 'period' | 'name' | 'group' | 'indicator' | 'input' | 'output' | 'undesirable';

export interface Choices {
  dataFile: string;
  sheet?: string;
  lang: 'zh' | 'en';
  roles: Record<string, Role>;
  directions: Record<string, '+' | '-'>;
  dimensions: Record<string, string>;
  framework: 'custom' | 'nqpf' | 'hqd' | 'pwt' | 'none';
  normalize: 'minmax' | 'zscore' | 'vector';
  weights: 'entropy' | 'critic' | 'cv' | 'sd' | 'pca' | 'equal';
  aggregate: 'weighted' | 'topsis' | 'gra' | 'vikor' | 'rsr';
  analyses: {
    disparity?: 'dagum' | 'theil' | 'gini' | false;
    kde?: boolean;
    convergence?: boolean;
    markov?: boolean;
    moran?: boolean;
    lisa?: boolean;
    obstacle?: boolean;
    coupling?: boolean;
    forecast?: boolean;
    malmquist?: boolean;
  };
  weightsSource: string;
  /** Where groups come from: the group column, or a built-in grouping of China's provinces (ids must be provinces). */
  grouping?: 'column' | 'nbs4' | 'three' | 'belts';
  /** Preparation: fill gaps in the indicator/DEA columns by linear interpolation (CLI defaults for the ends). */
  interpolate?: boolean;
  /** Derived indicators, one a line: `name = formula` (a leading `-` on the name marks a negative indicator). */
  derived?: string;
}

export interface Derived { name: string; formula: string; direction: '+' | '-' }

/** Parse the derived-indicator lines; lines without "=" are ignored. */
export function derivedIndicators(c: Choices): Derived[] {
  const out: Derived[] = [];
  for (const line of (c.derived ?? '').split(/\r?\n/)) {
    const k = line.indexOf('=');
    if (k < 0) continue;
    let name = line.slice(0, k).trim();
    const formula = line.slice(k + 1).trim();
    let direction: '+' | '-' = '+';
    if (name.startsWith('-')) {
      direction = '-';
      name = name.slice(1).trim();
    }
    if (name && formula) out.push({ name, formula, direction });
  }
  return out;
}

export const CUSTOM_FRAMEWORK_FILE = 'framework.yaml';

export function columnsWith(c: Choices, role: Role): string[] {
  return Object.keys(c.roles).filter((k) => c.roles[k] === role);
}

function ident(s: string, k: number, prefix: string, used: Set<string>): string {
  let key = /^[A-Za-z_][A-Za-z0-9_]*$/.test(s) ? s : `${prefix}${k + 1}`;
  while (used.has(key)) key = `${key}_`;
  used.add(key);
  return key;
}

/** The custom framework (dimensions → indicators) as YAML, or undefined when there are no indicators. */
export function customFrameworkYaml(c: Choices): string | undefined {
  const derived = derivedIndicators(c);
  const inds = [...columnsWith(c, 'indicator'), ...derived.map((d) => d.name)];
  const dirs: Record<string, '+' | '-'> = { ...c.directions };
  for (const d of derived) dirs[d.name] = d.direction;
  if (!inds.length) return undefined;
  const used = new Set<string>();
  const dims = new Map<string, string[]>();
  for (const col of inds) {
    const d = (c.dimensions[col] ?? '').trim() || (c.lang === 'zh' ? '综合' : 'Overall');
    if (!dims.has(d)) dims.set(d, []);
    dims.get(d)!.push(col);
  }
  const dimKeys = [...dims.keys()].map((d, k) => ident(d, k, 'd', used));
  let n = 0;
  const doc = {
    framework: 'custom',
    label: { zh: '自定义指标体系', en: 'Custom indicator system' },
    dimensions: [...dims.entries()].map(([d, cols], k) => ({
      key: dimKeys[k],
      label: { zh: d, en: d },
      indicators: cols.map((col) => ({
        key: ident(col, n++, 'x', used),
        label: { zh: col, en: col },
        direction: dirs[col] ?? '+',
        column: col,
      })),
    })),
  };
  return '# Indicator system built in the xinzhi workbench.\n' + stringify(doc, { lineWidth: 0 });
}

/** The spec object for the choices. */
export function buildSpec(c: Choices): EvaluationSpec {
  const id = columnsWith(c, 'id')[0];
  const period = columnsWith(c, 'period')[0];
  const name = columnsWith(c, 'name')[0];
  const builtinGrouping = c.grouping && c.grouping !== 'column' ? c.grouping : undefined;
  const groupCol = columnsWith(c, 'group')[0];
  const group = builtinGrouping ? 'region' : groupCol;
  const inputs = columnsWith(c, 'input');
  const outputs = columnsWith(c, 'output');
  const undesirable = columnsWith(c, 'undesirable');
  const spec: EvaluationSpec = {
    xinzhi: 1,
    title: { zh: '综合评价', en: 'Evaluation' },
    data: {
      file: c.dataFile,
      ...(id ? { id } : {}),
      ...(period ? { period } : {}),
      ...(name ? { name } : {}),
      ...(c.sheet ? { sheet: c.sheet } : {}),
      ...(groupCol ? { labels: [groupCol] } : {}),
      ...(builtinGrouping ? { groups: builtinGrouping } : {}),
    },
  };
  const prepare: NonNullable<EvaluationSpec['prepare']> = [];
  for (const d of derivedIndicators(c)) prepare.push({ derive: { name: d.name, formula: d.formula } });
  const filled = [...columnsWith(c, 'indicator'), ...inputs, ...outputs, ...undesirable];
  if (c.interpolate && filled.length) prepare.push({ interpolate: { columns: filled, method: 'linear' } });
  if (prepare.length) spec.prepare = prepare;
  const hasIndex = c.framework !== 'none';
  if (hasIndex) {
    spec.index = {
      framework: c.framework === 'custom' ? CUSTOM_FRAMEWORK_FILE : c.framework,
      normalize: c.normalize,
      weights: c.weights,
      aggregate: c.aggregate,
    };
  }
  if (c.analyses.malmquist && inputs.length && outputs.length) {
    spec.tfp = { malmquist: { inputs, outputs, ...(undesirable.length ? { undesirable, index: 'ml' as const } : {}), orientation: 'in', rts: 'crs' } };
  }
  const a: NonNullable<EvaluationSpec['analyses']> = {};
  const of = hasIndex ? 'index' : undefined;
  if (of) {
    if (c.analyses.coupling) a.coupling = {};
    if (c.analyses.obstacle) a.obstacle = { top: 3 };
    if (c.analyses.disparity && group) a.disparity = { of, group, method: c.analyses.disparity };
    if (c.analyses.kde) a.kde = { of };
    if (c.analyses.markov) a.markov = { of };
    if (c.analyses.convergence) a.convergence = { of };
    if (c.analyses.moran) a.moran = { of, weights: c.weightsSource };
    if (c.analyses.lisa) a.lisa = { of, weights: c.weightsSource, period: 'last' };
    if (c.analyses.forecast) a.forecast = { of };
  }
  if (Object.keys(a).length) spec.analyses = a;
  spec.output = { language: c.lang, formats: ['json', 'csv', 'xlsx', 'docx', 'tex', 'html'], top: 10, digits: 4, ...(c.dataFile === 'pwt' ? { map: 'world' as const } : {}) };
  return spec;
}

export function specYaml(spec: EvaluationSpec): string {
  return '# Evaluation spec written by the xinzhi workbench; repeat with: npx xinzhi evaluate spec.yaml --out bundle\n' + stringify(spec, { lineWidth: 0 });
}
