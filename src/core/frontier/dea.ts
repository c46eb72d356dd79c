// dea(panelOrData, options) → Result: the DEA entry point (methods.md E0–E9; design.md CLI contract `dea`).
//
// Options are named as users of R Benchmarking / deaR know them: model, rts, orientation, slack, super,
// direction, undesirable. Each period is scored against its own frontier (`frontier: 'period'`, default) or all
// DMU-periods form one pooled frontier (`frontier: 'pooled'`). Rows are sorted by period, then id (code-point order),
// and the LPs are solved in that order, each warm-started from the previous DMU's basis.
// Conventions (see the method card of every Result): variables divided by their mean over the run (E0); efficiency
// in (0,1] for both radial orientations, with phi = φ* for output orientation (E1); max-slack phase II on scaled
// data (E2; `slackObjective: 'raw'` = deaR/Benchmarking); negative data is an error naming DMU and column except for
// the VRS additive model (translation invariant); rows with missing data get status `insufficient_data`.
// Radial models take undesirable outputs (and inputs) through the Seiford & Zhu (2002) translation b' = c - b
// (`translate`, `translateInputs`; deaR vtrans_o/vtrans_i, default max + 1); targets are mapped back to b.
// Complexity: see engine.ts — for n ≥ 150 per frontier, the extreme-efficient frame is found first and every DMU
// is scored against it.

import { DataError, UsageError } from '../errors.js';
import type { Result, Warning, MethodCard, Citation } from '../result.js';
import { countStatuses } from '../result.js';
import { SOFTWARE } from '../version.js';
import type { Panel } from '../panel/panel.js';
import { LP_STATUS_NAMES, type LpStatusCode, type Rts } from './types.js';
import { buildRef, efficientFrame, FRAME_MIN_N, type RefData } from './engine.js';
import { LP_TOL_PRIMAL, LP_TOL_DUAL, LP_TOL_PIVOT } from './lp.js';
import { RadialModel, CookSuperModel, type SlackStage } from './radial.js';
import { SbmModel, SuperSbmModel } from './sbm.js';
import { DirectionalModel, type DirectionKind } from './directional.js';
import { AdditiveModel } from './additive.js';
import type { DmuOutcome } from './outcome.js';

export type DeaModel = 'radial' | 'sbm' | 'ddf' | 'nddf' | 'additive';

export interface DeaOptions {
  inputs: string[];
  outputs: string[];
  /** Undesirable (bad) outputs: SBM (Tone 2004), DDF/NDDF (weak disposability by default); radial models need `translate`. */
  undesirable?: string[];
  /**
   * Radial models with undesirable outputs (Seiford & Zhu 2002; deaR `model_basic(vtrans_o =)`): b′ = c − b is used
   * as an ordinary output. c: 'max+1' (default of deaR: max over the run + 1, per bad output), one number for every
   * bad output, or one entry per bad output (null = max + 1). Needs c ≥ every b.
   */
  translate?: 'max+1' | number | (number | null)[];
  /**
   * Radial models: inputs (named among `inputs`) that are undesirable — the DMU should use more of them — entered as
   * x′ = c − x in place (Seiford & Zhu 2002; deaR `ud_inputs` with `vtrans_i`). c as for `translate` (`translateInputs`,
   * default max + 1).
   */
  undesirableInputs?: string[];
  translateInputs?: 'max+1' | number | (number | null)[];
  model?: DeaModel;
  /** Radial default 'in'; SBM default 'non'. */
  orientation?: 'in' | 'out' | 'non';
  /** Default 'crs' ('vrs' for the additive model). */
  rts?: Rts;
  /** Second stage (radial, DDF): 'maxSlack' (default), 'none', 'epsilon'. */
  slack?: SlackStage;
  /** Phase-II slack sum on mean-scaled data ('scaled', default) or in original units ('raw', deaR/Benchmarking). */
  slackObjective?: 'scaled' | 'raw';
  /** Super-efficiency: true/'ap' (Andersen–Petersen; super-SBM for model 'sbm'), 'cook2009' (radial). */
  super?: boolean | 'ap' | 'cook2009';
  /** Super-SBM score: 'delta' (δ*, deaR efficiencies()) or 'composite' (ρ when ρ < 1, else δ*). */
  superScore?: 'delta' | 'composite';
  /** DDF/NDDF direction; default 'green' when undesirable outputs exist, else 'graph'. Custom: one value per variable (inputs, outputs, bads). */
  direction?: DirectionKind | number[];
  badDisposability?: 'weak' | 'free';
  /** NDDF weights: 'normalised' (default: equal shares to the groups the direction moves, split within) or explicit per variable (inputs, outputs, bads). */
  nddfWeights?: 'normalised' | number[];
  /** SBM weights per input and per output (then bads); default equal. */
  sbmWeights?: { inputs?: number[]; outputs?: number[] };
  /** SBM zero outputs: 'replace' (min positive / 100, Tone 2001 case 2, deaR) or 'drop' (Tone case 1). */
  zeroOutput?: 'replace' | 'drop';
  /** Additive model weights: 'unit' (deaR) or 'inverse' (1/x_o, 1/y_o). */
  additiveWeights?: 'unit' | 'inverse';
  /** 'period' (each period its own frontier, default) or 'pooled' (all DMU-periods). */
  frontier?: 'period' | 'pooled';
  /** 'mean' (default) or 'none'. */
  scale?: 'mean' | 'none';
  /** Efficient-frame strategy: 'auto' (n ≥ 150), 'always', 'never'. */
  frame?: 'auto' | 'always' | 'never';
  epsilon?: number;
}

/** Plain data: one entry per observation (DMU or DMU-period). */
export interface DeaData {
  ids: readonly string[];
  periods?: readonly (number | string)[];
  columns: Record<string, ArrayLike<number>>;
  source?: string;
}

export interface DeaRow {
  id: string;
  period?: number | string;
  efficiency?: number | null;
  phi?: number | null;
  beta?: number | null;
  objective?: number | null;
  efficient?: boolean | null;
  status: string;
  reason?: string;
  slacks: Record<string, number> | null;
  targets: Record<string, number> | null;
  lambdas: Record<string, number> | null;
  peers: string[] | null;
  [extra: string]: unknown;
}

interface Obs { id: string; period: number | string | undefined; values: Float64Array; row: number; ok: boolean }

function isPanel(x: unknown): x is Panel {
  return typeof x === 'object' && x !== null && 'present' in x && 'periods' in x && 'columns' in x;
}

function collect(data: Panel | DeaData, vars: string[]): { obs: Obs[]; source?: string; hasPeriod: boolean } {
  const obs: Obs[] = [];
  if (isPanel(data)) {
    const T = data.periods.length;
    for (const v of vars) if (!data.columns[v]) throw new UsageError('unknown-column', `no numeric column "${v}" in ${data.source ?? 'the data'}; columns are: ${Object.keys(data.columns).join(', ')}`);
    for (let i = 0; i < data.ids.length; i++) for (let t = 0; t < T; t++) {
      const c = i * T + t;
      if (!data.present[c]) continue;
      const values = new Float64Array(vars.length);
      let ok = true;
      vars.forEach((v, k) => { values[k] = data.columns[v][c]; if (!Number.isFinite(values[k])) ok = false; });
      obs.push({ id: data.ids[i], period: T > 1 || data.periods.length ? data.periods[t] : undefined, values, row: data.sourceRow ? data.sourceRow[c] : 0, ok });
    }
    return { obs, source: data.source, hasPeriod: T > 1 };
  }
  const n = data.ids.length;
  for (const v of vars) {
    if (!data.columns[v]) throw new UsageError('unknown-column', `no numeric column "${v}"; columns are: ${Object.keys(data.columns).join(', ')}`);
    if (data.columns[v].length !== n) throw new UsageError('bad-data', `column "${v}" has ${data.columns[v].length} values for ${n} ids`);
  }
  for (let j = 0; j < n; j++) {
    const values = new Float64Array(vars.length);
    let ok = true;
    vars.forEach((v, k) => { values[k] = Number(data.columns[v][j]); if (!Number.isFinite(values[k])) ok = false; });
    obs.push({ id: data.ids[j], period: data.periods ? data.periods[j] : undefined, values, row: j + 1, ok });
  }
  return { obs, source: data.source, hasPeriod: !!data.periods };
}

function cmpPeriod(a: number | string | undefined, b: number | string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}
const cmpId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const CITE: Record<string, Citation> = {
  ccr: { text: 'Charnes, A., Cooper, W.W., Rhodes, E. (1978). Measuring the efficiency of decision making units. European Journal of Operational Research 2(6), 429–444.', doi: '10.1016/0377-2217(78)90138-8' },
  bcc: { text: 'Banker, R.D., Charnes, A., Cooper, W.W. (1984). Some models for estimating technical and scale inefficiencies in DEA. Management Science 30(9), 1078–1092.', doi: '10.1287/mnsc.30.9.1078' },
  ap: { text: 'Andersen, P., Petersen, N.C. (1993). A procedure for ranking efficient units in DEA. Management Science 39(10), 1261–1264.', doi: '10.1287/mnsc.39.10.1261' },
  cook: { text: 'Cook, W.D., Liang, L., Zha, Y., Zhu, J. (2009). A modified super-efficiency DEA model for infeasibility. Journal of the Operational Research Society 60(2), 276–281.', doi: '10.1057/palgrave.jors.2602544' },
  sbm: { text: 'Tone, K. (2001). A slacks-based measure of efficiency in DEA. European Journal of Operational Research 130(3), 498–509.', doi: '10.1016/S0377-2217(99)00407-5' },
  ssbm: { text: 'Tone, K. (2002). A slacks-based measure of super-efficiency in DEA. European Journal of Operational Research 143(1), 32–41.', doi: '10.1016/S0377-2217(01)00324-1' },
  usbm: { text: 'Cooper, W.W., Seiford, L.M., Tone, K. (2007). Data Envelopment Analysis, 2nd ed., ch. 13 (SBM with undesirable outputs, Tone 2004). Springer.' },
  ddf: { text: 'Chambers, R.G., Chung, Y., Färe, R. (1996). Benefit and distance functions. Journal of Economic Theory 70(2), 407–419.', doi: '10.1006/jeth.1996.0096' },
  cfg: { text: 'Chung, Y.H., Färe, R., Grosskopf, S. (1997). Productivity and undesirable outputs: a directional distance function approach. Journal of Environmental Management 51(3), 229–240.', doi: '10.1006/jema.1997.0146' },
  nddf: { text: 'Zhou, P., Ang, B.W., Wang, H. (2012). Energy and CO2 emission performance in electricity generation: a non-radial directional distance function approach. European Journal of Operational Research 221(3), 625–635.', doi: '10.1016/j.ejor.2012.04.022' },
  add: { text: 'Charnes, A., Cooper, W.W., Golany, B., Seiford, L., Stutz, J. (1985). Foundations of DEA for Pareto–Koopmans efficient empirical production functions. Journal of Econometrics 30, 91–107.', doi: '10.1016/0304-4076(85)90133-2' },
  sz: { text: 'Seiford, L.M., Zhu, J. (2002). Modeling undesirable factors in efficiency evaluation. European Journal of Operational Research 142(1), 16–20.', doi: '10.1016/S0377-2217(01)00293-4' },
  frame: { text: 'Dulá, J.H. (2011). An algorithm for data envelopment analysis. INFORMS Journal on Computing 23(2), 284–296.', doi: '10.1287/ijoc.1100.0400' },
};

/** Solve a DEA model for every DMU (and period) and return rows with scores, slacks, targets, lambdas and peers. */
export function dea(data: Panel | DeaData, options: DeaOptions): Result<DeaRow> {
  const inputs = options.inputs ?? [], outputs = options.outputs ?? [], bads = options.undesirable ?? [];
  const model: DeaModel = options.model ?? 'radial';
  if (!['radial', 'sbm', 'ddf', 'nddf', 'additive'].includes(model)) throw new UsageError('bad-option', `unknown model "${model}"`, 'use radial, sbm, ddf, nddf or additive');
  if (inputs.length === 0 && model !== 'ddf' && model !== 'nddf') throw new UsageError('bad-option', 'at least one input is required', 'name inputs with --inputs a,b');
  if (outputs.length === 0) throw new UsageError('bad-option', 'at least one output is required', 'name outputs with --outputs c,d');
  const all = [...inputs, ...outputs, ...bads];
  const dup = all.find((v, k) => all.indexOf(v) !== k);
  if (dup) throw new UsageError('bad-option', `variable "${dup}" is named twice among inputs, outputs and undesirable outputs`);
  const rts: Rts = options.rts ?? (model === 'additive' ? 'vrs' : 'crs');
  if (!['crs', 'vrs', 'nirs', 'ndrs'].includes(rts)) throw new UsageError('bad-option', `unknown rts "${rts}"`, 'use crs, vrs, nirs or ndrs');
  const superMode = options.super === true ? 'ap' : options.super === false || options.super === undefined ? null : options.super;
  if (superMode && superMode !== 'ap' && superMode !== 'cook2009') throw new UsageError('bad-option', `unknown super-efficiency "${String(superMode)}"`, 'use ap or cook2009');
  let orientation = options.orientation ?? (model === 'sbm' ? 'non' : 'in');
  if (model === 'radial' && orientation === 'non') throw new UsageError('bad-option', 'radial models are input or output oriented', 'use --orientation in or out, or --model sbm for a non-oriented score');
  if (!['in', 'out', 'non'].includes(orientation)) throw new UsageError('bad-option', `unknown orientation "${orientation}"`, 'use in, out or non');
  const translating = model === 'radial' && bads.length > 0;
  const badIn = options.undesirableInputs ?? [];
  for (const v of badIn) if (!inputs.includes(v)) throw new UsageError('bad-option', `undesirable input "${v}" is not among the inputs`, 'list it in --inputs as well');
  if (badIn.length && model !== 'radial') throw new UsageError('bad-option', 'undesirable inputs (translation x\' = c - x) are a radial-model option', 'use --model radial');
  if (options.translateInputs !== undefined && !badIn.length) throw new UsageError('bad-option', 'translateInputs applies to undesirable inputs', 'name them with --undesirable-inputs');
  if (translating && options.translate === undefined) throw new UsageError('bad-option', 'radial models take undesirable outputs only through a translation b\' = c - b (Seiford & Zhu 2002)', 'add --translate max+1 (deaR default) or --translate C, or use --model sbm, ddf or nddf');
  if (options.translate !== undefined && !translating) throw new UsageError('bad-option', 'translate applies to radial models with undesirable outputs', 'name the bad outputs with --undesirable and use --model radial');
  if (model === 'additive' && bads.length) throw new UsageError('bad-option', 'the additive model takes no undesirable outputs');
  if (superMode === 'cook2009' && model !== 'radial') throw new UsageError('bad-option', 'cook2009 super-efficiency is a radial model', 'use --model radial');
  if (superMode && (model === 'ddf' || model === 'nddf' || model === 'additive')) throw new UsageError('bad-option', `super-efficiency is not defined for the ${model} model here`, 'use radial or sbm');
  if (model === 'ddf' || model === 'nddf' || model === 'additive') orientation = 'non';
  const slack: SlackStage = options.slack ?? 'maxSlack';
  if (!['maxSlack', 'none', 'epsilon'].includes(slack)) throw new UsageError('bad-option', `unknown slack stage "${slack}"`, 'use maxSlack, none or epsilon');
  if (slack === 'epsilon' && model !== 'radial') throw new UsageError('bad-option', 'the epsilon slack stage is a radial-model option', `use --slack maxSlack or none with --model ${model}`);
  const slackObjective = options.slackObjective ?? 'scaled';
  const frontier = options.frontier ?? 'period';
  const scaleMode = options.scale ?? 'mean';
  const frameMode = options.frame ?? 'auto';
  const zeroOutput = options.zeroOutput ?? 'replace';
  const badDisposability = options.badDisposability ?? (model === 'sbm' ? 'free' : 'weak');

  const { obs, source, hasPeriod } = collect(data, all);
  const m = inputs.length, d = inputs.length + outputs.length + bads.length;
  let s = outputs.length, h = bads.length;
  const warnings: Warning[] = [];

  // Seiford & Zhu (2002) translation for radial models: b' = c - b becomes an ordinary output (after the goods, so
  // the variable layout is unchanged); results are mapped back to b below.
  const translationConstants = (tr: DeaOptions['translate'], names: string[], ks: number[], what: string): number[] => {
    const spec: (number | null)[] = tr === undefined || tr === 'max+1' ? names.map(() => null) : typeof tr === 'number' ? names.map(() => tr) : Array.isArray(tr) ? tr : [];
    if (spec.length !== names.length || spec.some((c) => c !== null && !(typeof c === 'number' && Number.isFinite(c)))) {
      throw new UsageError('bad-option', `${what} needs 'max+1', one number, or ${names.length} value(s) (one per undesirable ${what === 'translate' ? 'output' : 'input'}), got ${JSON.stringify(tr)}`, 'e.g. max+1 or 1500');
    }
    return spec.map((c, q) => {
      const k = ks[q];
      let max = -Infinity;
      for (const o of obs) if (o.ok && o.values[k] > max) max = o.values[k];
      if (c === null) return max === -Infinity ? 1 : max + 1;
      if (c < max) {
        const bad = obs.find((o) => o.ok && o.values[k] > c)!;
        throw new DataError('translation-too-small', `translation constant ${c} for undesirable ${what === 'translate' ? 'output' : 'input'} "${names[q]}" is below its value ${bad.values[k]} for DMU ${bad.id}${bad.period !== undefined ? ` (period ${bad.period})` : ''}: c - value would be negative`,
          { file: source, row: bad.row || undefined, column: names[q], id: bad.id, period: bad.period }, `use a constant >= ${max} (max + 1 = ${max + 1})`);
      }
      return c;
    });
  };
  let translation: number[] | null = null;
  if (translating) {
    translation = translationConstants(options.translate, bads, bads.map((_, q) => m + s + q), 'translate');
    for (const o of obs) if (o.ok) for (let q = 0; q < h; q++) o.values[m + s + q] = translation[q] - o.values[m + s + q];
    s += h; h = 0;
  }
  const badInIdx = badIn.map((v) => inputs.indexOf(v));
  let translationIn: number[] | null = null;
  if (badIn.length) {
    translationIn = translationConstants(options.translateInputs, badIn, badInIdx, 'translateInputs');
    for (const o of obs) if (o.ok) badInIdx.forEach((k, q) => { o.values[k] = translationIn![q] - o.values[k]; });
  }

  // Data checks.
  const translationInvariant = model === 'additive' && rts === 'vrs';
  for (const o of obs) {
    if (!o.ok) continue;
    for (let k = 0; k < d; k++) {
      if (o.values[k] < 0 && !translationInvariant) {
        throw new DataError('negative-value', `negative value ${o.values[k]} in "${all[k]}" for DMU ${o.id}${o.period !== undefined ? ` (period ${o.period})` : ''}: DEA needs non-negative data`,
          { file: source, row: o.row || undefined, column: all[k], id: o.id, period: o.period }, 'only the VRS additive model is translation invariant; shift or transform the variable first');
      }
    }
    if (model === 'radial' && orientation === 'in') {
      let any = false;
      for (let i = 0; i < m; i++) if (o.values[i] > 0) any = true;
      if (!any) throw new DataError('zero-inputs', `DMU ${o.id} has all inputs zero: input-oriented efficiency is undefined`, { file: source, row: o.row || undefined, column: inputs.join(','), id: o.id, period: o.period }, 'drop the DMU or use output orientation');
    }
  }
  const missing = obs.filter((o) => !o.ok).length;
  if (missing) warnings.push({ code: 'missing-values', message: `${missing} observation(s) with missing values were not scored (status insufficient_data)`, count: missing });

  // SBM zero outputs (Tone 2001 case 2, as deaR): replace zeros of each output (and bad) by min positive / 100.
  let replacedZeros = 0;
  if (model === 'sbm' && zeroOutput === 'replace') {
    for (let k = m; k < d; k++) {
      let minPos = Infinity;
      for (const o of obs) if (o.ok && o.values[k] > 0 && o.values[k] < minPos) minPos = o.values[k];
      if (minPos === Infinity) throw new DataError('zero-output', `output "${all[k]}" is zero for every DMU`, { file: source, column: all[k] }, 'drop the variable');
      for (const o of obs) if (o.ok && o.values[k] === 0) { o.values[k] = minPos / 100; replacedZeros++; }
    }
    if (replacedZeros) warnings.push({ code: 'sbm-zero-outputs', message: `${replacedZeros} zero output value(s) replaced by (min positive value)/100 (Tone 2001 case 2, as deaR)`, count: replacedZeros });
  }

  // Scale factors: mean over every scored observation of the run (pooled over periods).
  const scale = new Float64Array(d).fill(1);
  if (scaleMode === 'mean') {
    for (let k = 0; k < d; k++) {
      let sum = 0, cnt = 0;
      for (const o of obs) if (o.ok) { sum += Math.abs(o.values[k]); cnt++; }
      if (cnt && sum > 0) scale[k] = sum / cnt;
    }
  }

  // Sort: period, then id.
  const order = obs.map((_, k) => k).sort((a, b) => cmpPeriod(obs[a].period, obs[b].period) || cmpId(obs[a].id, obs[b].id));
  const groups: number[][] = [];
  if (frontier === 'pooled' || !hasPeriod) groups.push(order.slice());
  else for (const k of order) {
    const last = groups[groups.length - 1];
    if (last && obs[last[0]].period === obs[k].period) last.push(k); else groups.push([k]);
  }
  const seen = new Set<string>();
  for (const o of obs) {
    const key = `${o.id}\u0000${o.period ?? ''}`;
    if (seen.has(key)) throw new DataError('duplicate-key', `DMU ${o.id}${o.period !== undefined ? ` appears twice in period ${o.period}` : ' appears twice'}`, { file: source, row: o.row || undefined, id: o.id, period: o.period }, 'give each DMU one row per period');
    seen.add(key);
  }

  // Direction and weights.
  let customDir: Float64Array | undefined;
  let direction: DirectionKind = 'graph';
  if (model === 'ddf' || model === 'nddf') {
    if (Array.isArray(options.direction)) {
      if (options.direction.length !== d) throw new UsageError('bad-direction', `custom direction needs ${d} values (inputs, outputs, undesirable), got ${options.direction.length}`);
      if (options.direction.every((v) => v === 0)) throw new UsageError('zero-direction', 'the direction vector g is zero', 'give at least one non-zero component');
      customDir = Float64Array.from(options.direction, (v, k) => v / scale[k]);
      direction = 'custom';
    } else direction = (options.direction as DirectionKind | undefined) ?? (h > 0 ? 'green' : 'graph');
    if (!['green', 'graph', 'input', 'output', 'custom'].includes(direction)) throw new UsageError('bad-direction', `unknown direction "${direction}"`, 'use green, graph, input, output or a list of numbers');
  }
  let nddfW: Float64Array | undefined;
  if (model === 'nddf') {
    const nw = options.nddfWeights ?? 'normalised';
    if (Array.isArray(nw)) {
      if (nw.length !== d) throw new UsageError('bad-weights', `nddf weights need ${d} values (inputs, outputs, undesirable)`);
      nddfW = Float64Array.from(nw);
    } else {
      // Zhou, Ang & Wang (2012): equal shares to the variable groups the direction moves, split equally within
      // a group (green (0, y, b): ½ goods, ½ bads). A group the direction does not move gets weight 0.
      nddfW = new Float64Array(d);
      const moves = (lo: number, hi: number, dir: 'x' | 'y' | 'b'): boolean => {
        if (hi <= lo) return false;
        if (direction === 'custom') { for (let k = lo; k < hi; k++) if (customDir![k] !== 0) return true; return false; }
        if (direction === 'graph') return true;
        if (direction === 'green') return dir !== 'x';
        if (direction === 'input') return dir === 'x';
        return dir === 'y';
      };
      const act = [moves(0, m, 'x'), moves(m, m + s, 'y'), moves(m + s, d, 'b')];
      const groupsN = act.filter(Boolean).length;
      for (let k = 0; k < d; k++) {
        const g = k < m ? 0 : k < m + s ? 1 : 2;
        nddfW[k] = act[g] ? 1 / groupsN / (g === 0 ? m : g === 1 ? s : h) : 0;
      }
    }
  }
  const wIn = Float64Array.from({ length: m }, (_, i) => options.sbmWeights?.inputs?.[i] ?? 1);
  const wOut = Float64Array.from({ length: s + h }, (_, r) => options.sbmWeights?.outputs?.[r] ?? 1);
  const slackWeight = Float64Array.from({ length: d }, (_, k) => (slackObjective === 'raw' ? scale[k] : 1));

  const rows: DeaRow[] = [];
  let frameSizes: number[] = [];
  let lps = 0, iterations = 0;
  const label = (o: Obs): string => (frontier === 'pooled' && hasPeriod ? `${o.id}@${o.period}` : o.id);

  for (const group of groups) {
    const okIdx = group.filter((k) => obs[k].ok);
    const n = okIdx.length;
    const X = new Float64Array(m * n), Y = new Float64Array(s * n), B = new Float64Array(h * n);
    okIdx.forEach((k, j) => {
      const v = obs[k].values;
      for (let i = 0; i < m; i++) X[i * n + j] = v[i];
      for (let r = 0; r < s; r++) Y[r * n + j] = v[m + r];
      for (let q = 0; q < h; q++) B[q * n + j] = v[m + s + q];
    });
    const ref: RefData = buildRef(m, s, h, n, X, Y, B, scale);
    const useFrame = n > 0 && (frameMode === 'always' || (frameMode === 'auto' && n >= FRAME_MIN_N));
    const badEq = (model === 'ddf' || model === 'nddf') && badDisposability === 'weak';
    const pool = useFrame ? efficientFrame(ref, rts, badEq) : Int32Array.from({ length: n }, (_, j) => j);
    if (useFrame) frameSizes.push(pool.length);
    const poolIsAll = !useFrame;
    type Evaluator = { evaluate(o: Float64Array, ex: number): DmuOutcome; lp: { lps: number; iterations: number } };
    let ev: Evaluator;
    let rhoModel: Evaluator | null = null;
    if (model === 'radial') {
      ev = superMode === 'cook2009'
        ? new CookSuperModel(ref, pool, poolIsAll, orientation as 'in' | 'out', rts, scale)
        : new RadialModel(ref, pool, poolIsAll, { orientation: orientation as 'in' | 'out', rts, slack, slackWeight, scale, epsilon: options.epsilon });
    } else if (model === 'sbm') {
      const set = { orientation: orientation as 'non' | 'in' | 'out', rts, weightIn: wIn, weightOut: wOut, scale };
      ev = superMode ? new SuperSbmModel(ref, pool, poolIsAll, set) : new SbmModel(ref, pool, poolIsAll, set);
      if (superMode && options.superScore === 'composite') rhoModel = new SbmModel(ref, pool, poolIsAll, set);
    } else if (model === 'additive') {
      ev = new AdditiveModel(ref, pool, poolIsAll, { rts, weights: options.additiveWeights ?? 'unit', scale });
    } else {
      ev = new DirectionalModel(ref, pool, poolIsAll, {
        kind: model, direction, custom: customDir, rts, badDisposability, slack: slack === 'none' ? 'none' : 'maxSlack',
        slackWeight, weights: nddfW, scale,
      });
    }
    const labels = okIdx.map((kk) => label(obs[kk]));
    let j = 0;
    for (const k of group) {
      const o = obs[k];
      // Field order as the CLI contract lists it: id, period, score fields, status, slacks, targets, lambdas, peers.
      const row = { id: o.id, ...(hasPeriod ? { period: o.period } : {}) } as DeaRow;
      if (model === 'additive') { row.objective = null; row.efficient = null; }
      else if (model === 'ddf') { row.efficiency = null; row.beta = null; }
      else if (model === 'nddf') row.beta = null;
      else { row.efficiency = null; if (orientation === 'out' && model === 'radial') row.phi = null; }
      Object.assign(row, { status: 'optimal', slacks: null, targets: null, lambdas: null, peers: null });
      if (!o.ok) {
        row.status = 'insufficient_data'; row.reason = 'missing value in an input or output';
        rows.push(row);
        continue;
      }
      const point = ref.D.subarray(j * d, j * d + d);
      let out = ev.evaluate(point, superMode ? j : -1);
      if (rhoModel && out.status === 0) {
        const rho = rhoModel.evaluate(point, -1);
        if (rho.status === 0 && rho.efficiency < 1 - 1e-9) { out = { ...rho, extra: { delta: out.efficiency } }; }
      }
      j++;
      fill(row, out, labels, all, model, orientation, direction);
      if (translation && row.targets) {
        // Back to original units of b: target b = c - target b'; the slack on b' is the cut in b (>= 0).
        bads.forEach((v, q) => { (row.targets as Record<string, number>)[v] = translation![q] - (row.targets as Record<string, number>)[v]; });
      }
      if (translationIn && row.targets) badIn.forEach((v, q) => { (row.targets as Record<string, number>)[v] = translationIn![q] - (row.targets as Record<string, number>)[v]; });
      rows.push(row);
    }
    lps += ev.lp.lps + (rhoModel?.lp.lps ?? 0);
    iterations += ev.lp.iterations + (rhoModel?.lp.iterations ?? 0);
  }

  const statusCounts = countStatuses(rows);
  const scores = rows.map((r) => r.efficiency).filter((v): v is number => typeof v === 'number');
  const summary: Record<string, unknown> = {
    n: rows.length,
    statusCounts,
    ...(model === 'additive'
      ? { efficientCount: rows.filter((r) => r.efficient === true).length }
      : { meanEfficiency: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null, efficientCount: scores.filter((v) => v >= 1 - 1e-8).length }),
    lps,
    simplexIterations: iterations,
    ...(frameSizes.length ? { frameSizes } : {}),
  };
  frameSizes = [];
  const params: Record<string, unknown> = {
    inputs, outputs, undesirable: bads, model, orientation, rts, slack, slackObjective, super: superMode ?? false,
    frontier, scale: scaleMode, ...(model === 'ddf' || model === 'nddf' ? { direction: customDir ? options.direction : direction, badDisposability } : {}),
    ...(model === 'sbm' ? { zeroOutput, badDisposability: 'free' } : {}),
    ...(translation ? { translate: Object.fromEntries(bads.map((v, q) => [v, translation![q]])) } : {}),
    ...(translationIn ? { undesirableInputs: badIn, translateInputs: Object.fromEntries(badIn.map((v, q) => [v, translationIn![q]])) } : {}),
  };
  return { method: 'dea', params, rows, summary, warnings, card: card(params, model, rts, superMode, statusCounts, options, nddfW) };
}

function fill(row: DeaRow, out: DmuOutcome, labels: string[], names: string[], model: DeaModel, orientation: string, direction: DirectionKind): void {
  row.status = LP_STATUS_NAMES[out.status as LpStatusCode];
  if (out.status !== 0) {
    row.reason = out.status === 1 ? 'the LP is infeasible (e.g. super-efficiency under VRS with no reference point dominating this DMU)'
      : out.status === 2 ? 'the LP is unbounded (e.g. all outputs zero under output orientation)' : 'numerical failure in the LP (iteration limit or singular basis)';
    return;
  }
  if (model === 'additive') {
    row.objective = out.efficiency;
    row.efficient = out.efficiency <= 1e-9 * Math.max(1, Math.abs(out.efficiency)) + 1e-9;
  } else if (model === 'ddf' || model === 'nddf') {
    const b = out.beta as number;
    row.beta = b;
    if (model === 'ddf') row.efficiency = direction === 'input' ? 1 - b : 1 / (1 + b);
  } else {
    row.efficiency = out.efficiency;
    if (out.phi !== undefined) row.phi = out.phi;
  }
  if (out.slack && out.target) {
    row.slacks = {}; row.targets = {};
    names.forEach((v, k) => { (row.slacks as Record<string, number>)[v] = out.slack![k]; (row.targets as Record<string, number>)[v] = out.target![k]; });
  }
  if (out.lambda) {
    row.lambdas = {};
    row.peers = [];
    for (const { j, v } of out.lambda) { row.lambdas[labels[j]] = v; row.peers.push(labels[j]); }
  }
  if (out.extra) {
    if (model === 'nddf') {
      const comp: Record<string, number> = {};
      names.forEach((v, k) => { comp[v] = (out.extra as Record<string, number>)[`beta_${k}`]; });
      row.components = comp;
    } else for (const [k, v] of Object.entries(out.extra)) row[k] = v;
  }
}

function card(params: Record<string, unknown>, model: DeaModel, rts: Rts, superMode: string | null, statusCounts: Record<string, number>, options: DeaOptions, nddfW?: Float64Array): MethodCard {
  const citations: Citation[] = [];
  const titles: Record<DeaModel, { en: string; zh: string }> = {
    radial: { en: 'Radial DEA (CCR/BCC)', zh: '径向DEA（CCR/BCC）' },
    sbm: { en: 'Slacks-based measure (SBM)', zh: '基于松弛的效率测度（SBM）' },
    ddf: { en: 'Directional distance function', zh: '方向距离函数' },
    nddf: { en: 'Non-radial directional distance function', zh: '非径向方向距离函数' },
    additive: { en: 'Additive DEA model', zh: '加性DEA模型' },
  };
  if (model === 'radial') { citations.push(CITE.ccr, CITE.bcc); if (params.translate || params.translateInputs) citations.push(CITE.sz); if (superMode === 'ap') citations.push(CITE.ap); if (superMode === 'cook2009') citations.push(CITE.ap, CITE.cook); }
  if (model === 'sbm') { citations.push(CITE.sbm); if ((options.undesirable ?? []).length) citations.push(CITE.usbm); if (superMode) citations.push(CITE.ssbm); }
  if (model === 'ddf') citations.push(CITE.ddf, CITE.cfg);
  if (model === 'nddf') citations.push(CITE.nddf);
  if (model === 'additive') citations.push(CITE.add);
  citations.push(CITE.frame);
  const formulas: Record<DeaModel, string> = {
    radial: params.orientation === 'in' ? '\\theta^* = \\min\\theta\\ \\text{s.t.}\\ X\\lambda \\le \\theta x_o,\\ Y\\lambda \\ge y_o' : '\\phi^* = \\max\\phi\\ \\text{s.t.}\\ X\\lambda \\le x_o,\\ Y\\lambda \\ge \\phi y_o;\\ \\text{efficiency} = 1/\\phi^*',
    sbm: '\\rho^* = \\min \\frac{1 - \\frac1m\\sum_i s^-_i/x_{io}}{1 + \\frac1{s+h}(\\sum_r s^+_r/y_{ro} + \\sum_q s^b_q/b_{qo})}',
    ddf: '\\beta^* = \\max\\beta\\ \\text{s.t.}\\ X\\lambda \\le x_o - \\beta g_x,\\ Y\\lambda \\ge y_o + \\beta g_y,\\ B\\lambda = b_o - \\beta g_b',
    nddf: '\\max \\sum_k w_k\\beta_k\\ \\text{s.t.}\\ X\\lambda \\le x_o - \\beta^x\\circ g_x,\\ Y\\lambda \\ge y_o + \\beta^y\\circ g_y,\\ B\\lambda = b_o - \\beta^b\\circ g_b',
    additive: '\\max \\sum s^- + \\sum s^+\\ \\text{s.t.}\\ X\\lambda + s^- = x_o,\\ Y\\lambda - s^+ = y_o',
  };
  return {
    method: 'dea',
    title: titles[model],
    conventions: {
      ...params,
      rtsRow: { crs: 'none', vrs: 'sum(lambda) = 1', nirs: 'sum(lambda) <= 1', ndrs: 'sum(lambda) >= 1' }[rts],
      efficiencyScale: model === 'radial' ? 'efficiency in (0,1] for both orientations (1/phi for output orientation); phi reported for output orientation' : undefined,
      superEfficiency: superMode === 'ap' ? (model === 'sbm' ? 'super-SBM (Tone 2002), DMU left out of its reference set; delta >= 1' : 'Andersen-Petersen: DMU left out of its reference set; infeasible LPs keep their row with status infeasible')
        : superMode === 'cook2009' ? 'Cook et al. (2009), lexicographic: minimise sum(beta) first, then the radial score; efficiency = theta (input) or 1/phi (output); beta and tau in the row' : 'none',
      slackStage: model === 'radial' || model === 'ddf' ? (params.slack === 'maxSlack' ? `phase II: score fixed, maximise the sum of slacks (${params.slackObjective === 'raw' ? 'original units, as deaR/Benchmarking' : 'mean-scaled units'})` : params.slack) : 'n/a',
      scaling: params.scale === 'mean' ? 'each variable divided by its mean over the run; slacks and targets reported in original units' : 'none',
      sbmZeros: model === 'sbm' ? 'x_io = 0: term dropped, weights renormalised; zero outputs: ' + (params.zeroOutput === 'replace' ? '(min positive)/100 (Tone 2001 case 2, deaR)' : 'term dropped (Tone case 1)') : undefined,
      nddfWeights: nddfW ? Array.from(nddfW) : undefined,
      inputTranslation: params.translateInputs ? 'Seiford & Zhu (2002), deaR ud_inputs/vtrans_i: each undesirable input x enters in place as x\' = c - x (c in `translateInputs`; default max over the run + 1); target x = c - target x\', slack of x = increase in x' : undefined,
      translation: params.translate ? 'Seiford & Zhu (2002), deaR vtrans_o: each undesirable output b enters as the good output b\' = c - b (c in `translate`; default max over the run + 1). Scores depend on c except for input orientation under VRS (BCC input model is translation invariant in outputs, Ali & Seiford 1990); targets of b = c - target b\', slack of b = cut in b' : undefined,
      additiveWeights: model === 'additive' ? options.additiveWeights ?? 'unit' : undefined,
      negativeData: 'error naming DMU and column (except VRS additive, translation invariant)',
      missingData: 'row kept with status insufficient_data',
      peers: 'reference DMUs with lambda > 1e-9 (lambdas are not unique in degenerate LPs)',
      solver: 'xinzhi dense bounded primal simplex (revised, explicit basis inverse; Dantzig pricing with Bland fallback after 30 degenerate pivots; composite phase 1; warm start from the previous DMU basis)',
      frame: 'for n >= 150 per frontier: extreme-efficient frame first (membership LPs with hyperplane pricing, Dula 2011), then every DMU against the frame; exact up to the tolerances',
      tolerances: { primalFeasibility: LP_TOL_PRIMAL, dualOptimality: LP_TOL_DUAL, pivot: LP_TOL_PIVOT, efficientIf: 'efficiency >= 1 - 1e-8', peerLambda: 1e-9, snapping: 'none' },
    },
    formulas: [formulas[model]],
    citations,
    software: SOFTWARE,
    statusCounts,
  };
}
