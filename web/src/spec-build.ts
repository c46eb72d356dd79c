// From the workbench's choices to an evaluation spec (the same YAML `xinzhi evaluate` reads) and, for a custom
// indicator tree, the framework YAML written next to it. Pure functions; tested in test/web/spec-build.test.ts.

import { stringify } from 'yaml';
import type { EvaluationSpec } from '../../src/core/evaluation/spec.js';
import { prepareTail, prepareSources, preparedColumns, type DeflateChoice, type CapitalChoice, type PreparedRole } from './prepare-form.js';
import { tfpSection, type TfpChoices } from './tfp-form.js';
import { cloneTree, indicatorCount, seedTree, syncTree, treeToYaml, type RoleSeed, type Tree } from './framework-model.js';
import { preparedWith } from './prepare-form.js';

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
  weights: 'entropy' | 'critic' | 'cv' | 'sd' | 'pca' | 'equal' | 'ahp' | 'fixed' | 'combine';
  /** With weights `combine`: the methods (≥ 2) and the rule (H1's `index.combine`). */
  combine?: { methods: CombinableWeight[]; rule: 'linear' | 'multiplicative' | 'game' | 'geometricMean' };
  /** AHP: keep the weights of a matrix with CR ≥ 0.1 (`index.ahp.force`). */
  ahpForce?: boolean;
  /** The custom framework tree once edited in the framework editor (else it is seeded from the roles). */
  tree?: Tree;
  aggregate: 'weighted' | 'topsis' | 'gra' | 'vikor' | 'rsr';
  analyses: {
    disparity?: 'dagum' | 'theil' | 'gini' | false;
    kde?: boolean;
    convergence?: boolean;
    markov?: boolean;
    spatialMarkov?: boolean;
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
  /** Preparation: deflation and perpetual-inventory capital steps (web/src/prepare-form.ts), after interpolation. */
  deflate?: DeflateChoice[];
  capital?: CapitalChoice[];
  /** Roles of the columns those steps make (x_real, capital): input, output, undesirable, indicator or ignore. */
  preparedRoles?: Record<string, PreparedRole>;
  /** TFP methods: growth accounting, DEA, Malmquist family (web/src/tfp-form.ts). */
  tfp?: TfpChoices;
}

export type CombinableWeight = 'entropy' | 'critic' | 'cv' | 'sd' | 'pca' | 'equal' | 'ahp' | 'fixed';

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

/** What the Data tab says about the indicators (the seed of the custom tree). */
export function roleSeed(c: Choices): RoleSeed {
  // indicator-role columns, then columns made by the preparation (deflated, capital) given the indicator role
  return { indicators: [...columnsWith(c, 'indicator'), ...preparedWith(c, 'indicator')], derived: derivedIndicators(c).map((d) => ({ name: d.name, direction: d.direction })), directions: c.directions, dimensions: c.dimensions, lang: c.lang };
}

/** The custom tree: the edited one kept in line with the roles (a copy), or the one the roles describe. */
export function customTree(c: Choices): Tree {
  return c.tree ? syncTree(cloneTree(c.tree), roleSeed(c)) : seedTree(roleSeed(c));
}

export function customIndicatorCount(c: Choices): number {
  return indicatorCount(customTree(c));
}

/** Which weight methods read the framework: AHP matrices and fixed weights are written for them. */
export function usesWeights(c: Choices, m: 'ahp' | 'fixed'): boolean {
  return c.weights === m || (c.weights === 'combine' && Boolean(c.combine?.methods.includes(m)));
}

/** The custom framework (dimensions → indicators) as YAML, or undefined when there are no indicators. */
export function customFrameworkYaml(c: Choices): string | undefined {
  const tree = customTree(c);
  if (!indicatorCount(tree)) return undefined;
  return treeToYaml(tree, { ahp: usesWeights(c, 'ahp'), fixed: usesWeights(c, 'fixed') });
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
  // Order: derive → interpolate → deflate → capital. Gaps are filled in the nominal series and price indices the
  // later steps read (deflation and the PIM refuse missing index years / interior investment); a capital step may
  // take a deflated column as its investment.
  const filled = [...columnsWith(c, 'indicator'), ...inputs, ...outputs, ...undesirable];
  const made = new Set([...derivedIndicators(c).map((d) => d.name), ...preparedColumns(c)]);
  for (const col of prepareSources(c, made)) if (!filled.includes(col)) filled.push(col);
  if (c.interpolate && filled.length) prepare.push({ interpolate: { columns: filled, method: 'linear' } });
  prepare.push(...prepareTail(c));
  if (prepare.length) spec.prepare = prepare;
  const hasIndex = c.framework !== 'none';
  if (hasIndex) {
    spec.index = {
      framework: c.framework === 'custom' ? CUSTOM_FRAMEWORK_FILE : c.framework,
      normalize: c.normalize,
      weights: c.weights,
      ...(c.weights === 'combine' ? { combine: { methods: c.combine?.methods ?? ['ahp', 'entropy'], rule: c.combine?.rule ?? 'linear' } } : {}),
      ...(usesWeights(c, 'ahp') && c.ahpForce ? { ahp: { force: true } } : {}),
      aggregate: c.aggregate,
    };
  }
  const tfp = tfpSection(c);
  if (tfp) spec.tfp = tfp;
  const a: NonNullable<EvaluationSpec['analyses']> = {};
  const of = hasIndex ? 'index' : undefined;
  if (of) {
    if (c.analyses.coupling) a.coupling = {};
    if (c.analyses.obstacle) a.obstacle = { top: 3 };
    if (c.analyses.disparity && group) a.disparity = { of, group, method: c.analyses.disparity };
    if (c.analyses.kde) a.kde = { of };
    if (c.analyses.markov) a.markov = { of };
    if (c.analyses.spatialMarkov) a.spatialMarkov = { of, weights: c.weightsSource };
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
