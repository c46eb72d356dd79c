// Weight dispatch for the index pipeline (methods.md B4–B10): one weight vector over the indicators from an
// objective method on the normalised matrix, from the framework (fixed weights, AHP matrices), from the
// user, or a combination. Per-period scope runs the method on each period's rows (多次法).

import { DataError, UsageError } from '../errors.js';
import type { Warning } from '../result.js';
import type { Framework, FrameworkNode } from '../framework/types.js';
import type { MatrixInput } from '../normalize/matrix.js';
import type { IndicatorDirection } from '../normalize/direction.js';
import type { ShiftSpec } from '../normalize/shift.js';
import { shiftedSource, shiftText } from '../normalize/shift.js';
import { entropyWeights } from '../weights/entropy.js';
import { criticWeights } from '../weights/critic.js';
import { cvWeights, sdWeights } from '../weights/dispersion.js';
import { pcaWeights, type PcaOptions } from '../weights/pca.js';
import { ahpWeights } from '../weights/ahp.js';
import { combineWeights, equalWeights, type CombineRule } from '../weights/combine.js';

export type WeightMethod = 'entropy' | 'critic' | 'cv' | 'sd' | 'pca' | 'ahp' | 'equal' | 'fixed';

export interface WeightOptions {
  method?: WeightMethod | 'combine' | 'user';
  /** user weights by indicator key (method 'user'); normalised to sum 1 */
  user?: Record<string, number>;
  combine?: { methods: (WeightMethod | 'user')[]; rule?: CombineRule; alpha?: number[]; signed?: boolean };
  critic?: { absCorrelation?: boolean; sigmaOnRaw?: boolean; entropyConflict?: boolean };
  cv?: { onNormalised?: boolean };
  pca?: PcaOptions;
  ahp?: { method?: 'eigen' | 'geometric' | 'sumProduct'; ri?: 'saaty' | 'cn'; force?: boolean };
}

export interface WeightInput {
  /** x′ of the rows in scope */
  normalized: MatrixInput;
  /** raw values of the same rows */
  raw: MatrixInput;
  directions: readonly IndicatorDirection[];
  keys: readonly string[];
  shift: ShiftSpec;
  exclude: readonly boolean[];
  framework?: Framework;
}

export interface WeightOutcome {
  weights: Float64Array;
  details: Record<string, unknown>;
  warnings: Warning[];
  status: 'ok' | 'inconsistent';
}

const arr = (x: ArrayLike<number>) => Array.from(x);

export function computeWeights(options: WeightOptions, input: WeightInput): WeightOutcome {
  const method = options.method ?? 'entropy';
  if (method === 'combine') {
    const spec = options.combine;
    if (!spec || spec.methods.length < 2) throw new UsageError('combine-needs-methods', 'combination needs at least two weight methods', 'e.g. --weights ahp+entropy --combine game');
    const parts = spec.methods.map((mth) => computeWeights({ ...options, method: mth }, input));
    const c = combineWeights(parts.map((p) => p.weights), { rule: spec.rule, alpha: spec.alpha, signed: spec.signed });
    return {
      weights: c.weights,
      details: { combine: spec.rule ?? 'linear', alpha: c.alpha ? arr(c.alpha) : undefined, parts: spec.methods.map((mth, l) => ({ method: mth, weights: arr(parts[l].weights), ...parts[l].details })) },
      warnings: parts.flatMap((p) => p.warnings),
      status: parts.some((p) => p.status === 'inconsistent') ? 'inconsistent' : 'ok',
    };
  }
  const m = input.keys.length;
  const ex = input.exclude;
  switch (method) {
    case 'entropy': {
      // constant and ε shifts are affine and applied on the fly; ratio and spssau work on the raw data
      const sh = input.shift;
      const affine = sh.kind === 'constant' ? { offset: sh.value, scale: 1 } : sh.kind === 'epsilonRescale' ? { offset: sh.epsilon, scale: 1 - 2 * sh.epsilon } : null;
      const z = affine || sh.kind === 'none' ? input.normalized : shiftedSource(input.normalized, sh, input.raw, input.directions);
      const e = entropyWeights(z, { exclude: ex, keys: input.keys, ...(affine ?? {}) });
      return { weights: e.weights, details: { entropy: arr(e.entropy), divergence: arr(e.divergence), n: e.n, k: e.k, shift: shiftText(input.shift) }, warnings: [], status: 'ok' };
    }
    case 'critic': {
      const o = options.critic ?? {};
      let sigma: Float64Array | undefined;
      if (o.sigmaOnRaw) sigma = sdWeights(input.raw, { exclude: ex }).sd;
      const c = criticWeights(input.normalized, { absCorrelation: o.absCorrelation, sigma, entropyConflict: o.entropyConflict, exclude: ex });
      return { weights: c.weights, details: { sigma: arr(c.sigma), C: arr(c.C), correlation: c.correlation.map(arr), absCorrelation: !!o.absCorrelation, sigmaOnRaw: !!o.sigmaOnRaw, entropyConflict: !!o.entropyConflict }, warnings: [], status: 'ok' };
    }
    case 'cv': {
      const on = options.cv?.onNormalised ? input.normalized : input.raw;
      const c = cvWeights(on, { exclude: ex, keys: input.keys });
      return { weights: c.weights, details: { data: options.cv?.onNormalised ? 'normalised' : 'raw (direction ignored)', mean: arr(c.mean), sd: arr(c.sd), cv: arr(c.cv!) }, warnings: [], status: 'ok' };
    }
    case 'sd': {
      const c = sdWeights(input.normalized, { exclude: ex });
      return { weights: c.weights, details: { sd: arr(c.sd) }, warnings: [], status: 'ok' };
    }
    case 'pca': {
      const p = pcaWeights(input.raw, input.directions, options.pca);
      const warnings: Warning[] = p.negativeFixed ? [{ code: 'pca-negative', message: 'PCA gave negative coefficients for some indicators; their absolute values were used', messageZh: '主成分系数出现负值，已取绝对值' }] : [];
      return { weights: p.weights, details: { eigenvalues: arr(p.eigenvalues), explained: arr(p.explained), retained: p.retained, b: arr(p.b), retain: options.pca?.retain ?? { kind: 'kaiser' }, variant: options.pca?.variant ?? 'default', rotate: options.pca?.rotate ?? 'none', ...(p.loadings ? { loadings: p.loadings.map(arr), componentVariance: arr(p.componentVariance!) } : {}) }, warnings, status: 'ok' };
    }
    case 'equal':
      return { weights: equalWeights(m, ex), details: {}, warnings: [], status: 'ok' };
    case 'fixed':
      return { weights: fixedFrameworkWeights(needFramework(input, 'fixed')), details: { source: 'framework weights (product along the path, normalised to sum 1)' }, warnings: [], status: 'ok' };
    case 'ahp':
      return ahpFrameworkWeights(needFramework(input, 'ahp'), options.ahp);
    case 'user': {
      const u = options.user ?? {};
      const w = new Float64Array(m);
      for (let j = 0; j < m; j++) {
        const v = u[input.keys[j]];
        if (v === undefined) throw new UsageError('missing-weight', `no weight given for indicator "${input.keys[j]}"`, `give a weight for every indicator: ${input.keys.join(', ')}`);
        if (!(v >= 0) || !Number.isFinite(v)) throw new UsageError('bad-weight', `weight of "${input.keys[j]}" must be a number ≥ 0 (got ${v})`);
        w[j] = v;
      }
      for (const k of Object.keys(u)) if (!input.keys.includes(k)) throw new UsageError('unknown-weight', `a weight is given for "${k}", which is not an indicator`, `indicators: ${input.keys.join(', ')}`);
      const s = w.reduce((a, b) => a + b, 0);
      if (!(s > 0)) throw new UsageError('bad-weight', 'user weights sum to 0');
      return { weights: w.map((v) => v / s), details: { source: 'user', sumGiven: s }, warnings: [], status: 'ok' };
    }
  }
  throw new UsageError('bad-weights', `unknown weight method "${method}"`, 'use entropy, critic, cv, sd, pca, ahp, equal, fixed, or a weights file');
}

function needFramework(input: WeightInput, what: string): Framework {
  if (!input.framework) throw new UsageError('needs-framework', `${what} weights come from a framework file`, 'pass --framework FILE');
  return input.framework;
}

/** Fixed weights: Π (node weights on the path, 1 where absent) × indicator weight, normalised to sum 1. */
export function fixedFrameworkWeights(fw: Framework): Float64Array {
  const nodeWeight = new Map<string, number>();
  const walk = (nodes: FrameworkNode[]) => { for (const n of nodes) { nodeWeight.set(n.key, n.weight ?? 1); walk(n.children); } };
  walk(fw.dimensions);
  const w = Float64Array.from(fw.indicators, (ind) => {
    if (ind.weight === undefined) throw new DataError('missing-weight', `indicator "${ind.key}" has no fixed weight`, { file: fw.source, row: ind.line }, 'add `weight:` to every indicator, or choose an objective weighting method');
    return ind.path.reduce((p, k) => p * (nodeWeight.get(k) ?? 1), 1) * ind.weight;
  });
  const s = w.reduce((a, b) => a + b, 0);
  if (!(s > 0)) throw new DataError('bad-weight', 'the fixed weights sum to 0', { file: fw.source });
  return w.map((v) => v / s);
}

/** AHP over the framework tree: local weights from each node's pairwise matrix; global = product along the path. */
export function ahpFrameworkWeights(fw: Framework, options: WeightOptions['ahp'] = {}): WeightOutcome {
  const levels: Record<string, unknown>[] = [];
  const warnings: Warning[] = [];
  let status: 'ok' | 'inconsistent' = 'ok';
  const local = (matrix: number[][] | undefined, count: number, where: string): Float64Array => {
    if (count === 1) return Float64Array.of(1);
    if (!matrix) throw new DataError('missing-ahp', `AHP weights need a pairwise matrix for ${where} (${count} items)`, { file: fw.source }, 'add `ahp:` with one row per child, in order');
    const a = ahpWeights(matrix, { method: options.method, ri: options.ri, where });
    levels.push({ node: where, weights: Array.from(a.weights), lambdaMax: a.lambdaMax, CI: a.CI, RI: a.RI, CR: a.CR, status: a.status });
    if (a.status === 'inconsistent') {
      if (!options.force) {
        throw new DataError('ahp-inconsistent', `the AHP matrix of ${where} is inconsistent: CR = ${a.CR.toFixed(4)} ≥ 0.1`, { file: fw.source }, 'revise the pairwise judgements, or force (--ahp-force) to keep the weights with status "inconsistent"');
      }
      status = 'inconsistent';
      warnings.push({ code: 'ahp-inconsistent', message: `AHP matrix of ${where} has CR = ${a.CR.toFixed(4)} ≥ 0.1; weights kept because forced`, messageZh: `${where} 判断矩阵一致性比率 CR = ${a.CR.toFixed(4)} ≥ 0.1（已强制使用）` });
    }
    return a.weights;
  };
  const global = new Map<string, number>();
  const walk = (nodes: FrameworkNode[], matrix: number[][] | undefined, where: string, base: number) => {
    const w = local(matrix, nodes.length, where);
    nodes.forEach((n, k) => {
      const g = base * w[k];
      if (n.children.length) walk(n.children, n.ahp, `"${n.key}"`, g);
      else {
        const wi = local(n.ahp, n.indicators.length, `"${n.key}"`);
        n.indicators.forEach((ind, q) => global.set(ind.key, g * wi[q]));
      }
    });
  };
  walk(fw.dimensions, fw.ahp, 'the dimensions', 1);
  const weights = Float64Array.from(fw.indicators, (ind) => global.get(ind.key) ?? 0);
  return { weights, details: { levels, method: options.method ?? 'eigen', ri: options.ri ?? 'saaty', forced: !!options.force }, warnings, status };
}
