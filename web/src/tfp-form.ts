// TFP methods of the workbench: growth accounting (methods.md G1–G3; spec tfp.growth, CLI `xinzhi tfp`), DEA
// efficiency (C; spec tfp.dea, CLI `xinzhi dea`) and the Malmquist family (F1–F9; spec tfp.malmquist, CLI
// `xinzhi malmquist`). The pure part resolves which options apply to the other choices (the form disables the rest)
// and maps the choices to the spec's `tfp` section; the DOM part draws the controls with a plain-words note
// (formula, convention, default) beside each choice, in Chinese and English.
//
// Defaults are the CLI's. DEA: model radial, rts crs, orientation in (radial) / non (sbm), no super-efficiency,
// direction green with undesirable outputs and graph without (ddf, nddf), frontier period. Malmquist: index
// malmquist (ml when undesirable outputs are assigned: the radial index takes none), frontier contemporaneous (gml:
// global), orientation in, rts crs, distance RTS crs, decomposition fgnz, direction as for DEA, measure radial.
// Growth accounting: method pwt (PWT column names by default), α required for solow, labour share for tornqvist.
// Inputs, outputs and undesirable outputs come from the column roles (Data tab) followed by the roles given to
// columns made by preparation steps (prepare-form.ts).

import type { DeaSpec, GrowthSpec, MalmquistSpec, TfpSpec } from '../../src/core/evaluation/spec.js';
import type { Choices } from './spec-build.js';
import { preparedColumns, preparedWith, type FormEnv } from './prepare-form.js';
import { t, type Key } from './i18n.js';
import { h, put, field, numberField, checkField, noteP, type Opt } from './form-kit.js';

/** The growth-accounting form: the spec's fields, with the method always set, and whether it is switched on. */
export type GrowthChoice = { on: boolean; method: NonNullable<GrowthSpec['method']> } & Omit<GrowthSpec, 'method'>;

export interface DeaChoice {
  on: boolean;
  model: 'radial' | 'sbm' | 'ddf' | 'nddf';
  rts: 'crs' | 'vrs' | 'nirs' | 'ndrs';
  /** Unset: the model's default (radial in, sbm non). */
  orientation?: 'in' | 'out' | 'non';
  super: boolean;
  /** Super-SBM score: delta (δ*, 1 for SBM-inefficient units; the CLI default) or composite (SBM score below 1). */
  superScore?: 'delta' | 'composite';
  /** Unset: green with undesirable outputs, graph without. */
  direction?: 'green' | 'graph' | 'input' | 'output';
  frontier: 'period' | 'pooled';
}

export type FrontierKind = 'contemporaneous' | 'sequential' | 'global' | 'biennial' | 'window';

export interface MalmquistChoice {
  on: boolean;
  /** Unset: malmquist, or ml when undesirable outputs are assigned. */
  index?: 'malmquist' | 'ml' | 'gml' | 'luenberger';
  frontier: FrontierKind;
  /** Half-width B of window:B. */
  window: number;
  orientation: 'in' | 'out';
  rts: 'crs' | 'vrs';
  direction?: 'green' | 'graph' | 'input' | 'output';
  measure: 'radial' | 'nddf';
  distanceRts: 'crs' | 'vrs';
  decomposition: 'fgnz' | 'rd';
  sameReference: boolean;
  /** Split technical change into magnitude × output bias × input bias (Färe et al. 1997). */
  bias?: boolean;
}

export interface TfpChoices {
  growth?: GrowthChoice;
  dea?: DeaChoice;
  malmquist?: MalmquistChoice;
}

export const GROWTH_DEFAULTS: GrowthChoice = { on: false, method: 'pwt' };
export const DEA_DEFAULTS: DeaChoice = { on: false, model: 'radial', rts: 'crs', super: false, frontier: 'period' };
export const MALMQUIST_DEFAULTS: MalmquistChoice = { on: false, frontier: 'contemporaneous', window: 1, orientation: 'in', rts: 'crs', measure: 'radial', distanceRts: 'crs', decomposition: 'fgnz', sameReference: false };

/** Inputs, outputs and undesirable outputs: data columns by role, then prepared columns by role. */
export function tfpVariables(c: Choices): { inputs: string[]; outputs: string[]; undesirable: string[] } {
  const columnsWith = (role: string) => Object.keys(c.roles).filter((k) => c.roles[k] === role);
  return {
    inputs: [...columnsWith('input'), ...preparedWith(c, 'input')],
    outputs: [...columnsWith('output'), ...preparedWith(c, 'output')],
    undesirable: [...columnsWith('undesirable'), ...preparedWith(c, 'undesirable')],
  };
}

// ---------------------------------------------------------------- applicability (shared by the form and the spec)

export interface DeaResolved {
  model: DeaChoice['model'];
  rts: DeaChoice['rts'];
  /** undefined: not applicable (ddf, nddf take a direction). */
  orientation?: 'in' | 'out' | 'non';
  orientations: ('in' | 'out' | 'non')[];
  superOk: boolean;
  super: boolean;
  /** undefined: not applicable (radial, sbm). */
  direction?: 'green' | 'graph' | 'input' | 'output';
  /** Models that take undesirable outputs here (radial needs a translation the workbench does not offer). */
  badsOk: boolean;
  frontier: DeaChoice['frontier'];
}

export function resolveDea(d: DeaChoice, hasBads: boolean): DeaResolved {
  const model = hasBads && d.model === 'radial' ? 'sbm' : d.model;
  const orientations: DeaResolved['orientations'] = model === 'radial' ? ['in', 'out'] : model === 'sbm' ? ['non', 'in', 'out'] : [];
  const orientation = orientations.length ? (d.orientation && orientations.includes(d.orientation) ? d.orientation : orientations[0]) : undefined;
  const superOk = model === 'radial' || model === 'sbm';
  const direction = model === 'ddf' || model === 'nddf' ? (d.direction ?? (hasBads ? 'green' : 'graph')) : undefined;
  return { model, rts: d.rts, orientation, orientations, superOk, super: superOk && d.super, direction, badsOk: model !== 'radial', frontier: d.frontier };
}

export interface MalmquistResolved {
  index: NonNullable<MalmquistChoice['index']>;
  frontier: string;
  frontierFixed: boolean;
  orientation?: 'in' | 'out';
  rts: 'crs' | 'vrs';
  distanceRts?: 'crs' | 'vrs';
  decomposition?: 'fgnz' | 'rd';
  rdOk: boolean;
  direction?: 'green' | 'graph' | 'input' | 'output';
  measure?: 'radial' | 'nddf';
  sameReference: boolean;
  /** The bias split applies to the radial index with CRS distances on adjacent-period frontiers. */
  biasOk: boolean;
  bias: boolean;
}

export function resolveMalmquist(m: MalmquistChoice, hasBads: boolean): MalmquistResolved {
  const index = m.index === undefined || (hasBads && m.index === 'malmquist') ? (hasBads ? 'ml' : 'malmquist') : m.index;
  const frontierFixed = index === 'gml';
  const frontier = frontierFixed ? 'global' : m.frontier === 'window' ? `window:${Math.max(1, Math.round(m.window || 1))}` : m.frontier;
  const radial = index === 'malmquist';
  const distanceRts = radial ? (m.rts === 'vrs' ? m.distanceRts : 'crs') : undefined;
  const rdOk = radial && m.rts === 'vrs' && distanceRts === 'crs' && !['global', 'biennial'].includes(frontier);
  const decomposition = radial && m.rts === 'vrs' && distanceRts === 'crs' ? (rdOk ? m.decomposition : 'fgnz') : undefined;
  const biasOk = radial && distanceRts === 'crs' && decomposition !== 'rd' && !['global', 'biennial'].includes(frontier);
  return {
    index,
    frontier,
    frontierFixed,
    orientation: radial ? m.orientation : undefined,
    rts: m.rts,
    distanceRts,
    decomposition,
    rdOk,
    direction: radial ? undefined : (m.direction ?? (hasBads ? 'green' : 'graph')),
    measure: index === 'luenberger' ? m.measure : undefined,
    sameReference: m.sameReference,
    biasOk,
    bias: biasOk && Boolean(m.bias),
  };
}

/** What growth accounting still lacks (the runner would refuse the spec): the labels of the missing fields. */
export function growthNeeds(g: GrowthChoice): Key[] {
  const out: Key[] = [];
  if (g.method !== 'pwt') {
    if (!g.output) out.push('tf_output');
    if (!g.capital) out.push('tf_capital');
    if (!g.labor) out.push('tf_labor');
  }
  if (g.method === 'solow' && g.alpha === undefined && !g.alphaRegression) out.push('tf_alpha');
  if (g.method === 'tornqvist' && !g.share) out.push('tf_share');
  return out;
}

// ---------------------------------------------------------------- spec

export function growthSpec(g: GrowthChoice): GrowthSpec {
  const out: GrowthSpec = { method: g.method };
  const set = (k: 'output' | 'capital' | 'labor' | 'humanCapital' | 'hours' | 'share', v: string | undefined) => { if (v) out[k] = v; };
  set('output', g.output);
  set('capital', g.capital);
  set('labor', g.labor);
  if (g.method !== 'solow') {
    set('humanCapital', g.humanCapital);
    set('hours', g.hours);
    set('share', g.share);
  }
  if (g.method === 'solow' && g.alphaRegression) out.alphaRegression = g.alphaRegression;
  else if (g.method === 'solow' && g.alpha !== undefined) out.alpha = g.alpha;
  if (g.base !== undefined) out.base = g.base;
  return out;
}

export function deaSpec(d: DeaChoice, v: ReturnType<typeof tfpVariables>): DeaSpec {
  const r = resolveDea(d, v.undesirable.length > 0);
  return {
    inputs: [...v.inputs],
    outputs: [...v.outputs],
    ...(v.undesirable.length && r.badsOk ? { undesirable: [...v.undesirable] } : {}),
    model: r.model,
    rts: r.rts,
    ...(r.orientation ? { orientation: r.orientation } : {}),
    ...(r.super ? { super: true } : {}),
    ...(r.super && r.model === 'sbm' && d.superScore === 'composite' ? { superScore: 'composite' as const } : {}),
    ...(r.direction ? { direction: r.direction } : {}),
    frontier: r.frontier,
  };
}

export function malmquistSpec(m: MalmquistChoice, v: ReturnType<typeof tfpVariables>): MalmquistSpec {
  const r = resolveMalmquist(m, v.undesirable.length > 0);
  return {
    inputs: [...v.inputs],
    outputs: [...v.outputs],
    ...(v.undesirable.length ? { undesirable: [...v.undesirable] } : {}),
    index: r.index,
    frontier: r.frontier,
    ...(r.orientation ? { orientation: r.orientation } : {}),
    rts: r.rts,
    ...(r.distanceRts === 'vrs' ? { distanceRts: r.distanceRts } : {}),
    ...(r.decomposition === 'rd' ? { decomposition: r.decomposition } : {}),
    ...(r.direction ? { direction: r.direction } : {}),
    ...(r.measure === 'nddf' ? { measure: r.measure } : {}),
    ...(r.sameReference ? { sameReference: true } : {}),
    ...(r.bias ? { bias: true } : {}),
  };
}

/** The `tfp` section for the choices, or undefined. `c.analyses.malmquist` (the old checkbox) still turns the
 *  Malmquist index on with its defaults. DEA and Malmquist need at least one input and one output. */
export function tfpSection(c: Choices): TfpSpec | undefined {
  const tfp: TfpSpec = {};
  const g = c.tfp?.growth;
  if (g?.on) tfp.growth = growthSpec(g);
  const v = tfpVariables(c);
  const io = v.inputs.length > 0 && v.outputs.length > 0;
  if (c.tfp?.dea?.on && io) tfp.dea = deaSpec(c.tfp.dea, v);
  const m = c.tfp?.malmquist;
  if ((m?.on || (!m && c.analyses.malmquist)) && io) tfp.malmquist = malmquistSpec(m ?? MALMQUIST_DEFAULTS, v);
  return Object.keys(tfp).length ? tfp : undefined;
}

// ---------------------------------------------------------------- notes (plain words, zh and en)

export const TFP_NOTES: Record<string, { zh: string; en: string }> = {
  g_pwt: { zh: 'PWT 方法：ΔlnTFP = ΔlnY − s̄ΔlnL − (1−s̄)ΔlnK，L = 就业 × 人力资本 × 工时，s̄ 为相邻两年劳动份额均值；默认列为 PWT 9.1 的 rgdpna、rkna、emp、hc、avh、labsh，基期 2011 = 1。', en: 'PWT method: ΔlnTFP = ΔlnY − s̄ΔlnL − (1−s̄)ΔlnK, L = employment × human capital × hours, s̄ the two-year mean labour share; default columns PWT 9.1 rgdpna, rkna, emp, hc, avh, labsh; base 2011 = 1.' },
  g_solow: { zh: 'Solow 余值：ΔlnA = ΔlnY − αΔlnK − (1−α)ΔlnL，α 为资本份额，必须给定（无默认值）；TFP 水平以基期为 1（默认首年）。', en: 'Solow residual: ΔlnA = ΔlnY − αΔlnK − (1−α)ΔlnL, α the capital share, which must be given (no default); TFP level = 1 in the base year (default the first year).' },
  g_tornqvist: { zh: 'Törnqvist：ΔlnTFP = ΔlnY − s̄ΔlnL − (1−s̄)ΔlnK，s̄ = (s_t + s_{t−1})/2 为劳动份额列；份额缺失的年份链条中断。', en: 'Törnqvist: ΔlnTFP = ΔlnY − s̄ΔlnL − (1−s̄)ΔlnK, s̄ = (s_t + s_{t−1})/2 from the labour-share column; a missing share breaks the chain.' },
  d_radial: { zh: '径向 DEA（CCR/BCC）：投入导向 θ = min{θ : θx₀ ≥ Xλ, y₀ ≤ Yλ}，产出导向 1/φ；第二阶段求最大松弛。默认 CRS、投入导向。有非期望产出时改用 SBM。', en: 'Radial DEA (CCR/BCC): input-oriented θ = min{θ : θx₀ ≥ Xλ, y₀ ≤ Yλ}, output-oriented 1/φ; a second stage maximises slacks. Default CRS, input-oriented. With undesirable outputs SBM is used instead.' },
  d_sbm: { zh: 'SBM（Tone 2001/2004）：ρ = (1 − Σs⁻/x /m)/(1 + Σ(s⁺/y + s^b/b)/(s+h))，基于松弛、非径向；默认非导向。', en: 'SBM (Tone 2001/2004): ρ = (1 − Σs⁻/x /m)/(1 + Σ(s⁺/y + s^b/b)/(s+h)), slack-based and non-radial; non-oriented by default.' },
  d_ddf: { zh: '方向距离函数：β = max{β : (x − βg_x, y + βg_y, b − βg_b) 可行}，效率 = 1/(1+β)；非期望产出弱可处置。', en: 'Directional distance function: β = max{β : (x − βg_x, y + βg_y, b − βg_b) feasible}, efficiency 1/(1+β); undesirable outputs weakly disposable.' },
  d_nddf: { zh: '非径向方向距离函数（Zhou, Ang & Wang 2012）：各变量各自的 β，按方向所动的组等权加权求和。', en: 'Non-radial DDF (Zhou, Ang & Wang 2012): one β per variable, weighted sum with equal shares to the groups the direction moves.' },
  rts: { zh: '规模报酬：crs 不变（默认）、vrs 可变（Σλ = 1）、nirs 非递增（Σλ ≤ 1）、ndrs 非递减（Σλ ≥ 1）。', en: 'Returns to scale: crs constant (default), vrs variable (Σλ = 1), nirs non-increasing (Σλ ≤ 1), ndrs non-decreasing (Σλ ≥ 1).' },
  orientation: { zh: '导向：in 投入导向（径向默认），out 产出导向，non 非导向（SBM 默认）。', en: 'Orientation: in (radial default), out, non (non-oriented; SBM default).' },
  superScore: { zh: '超效率 SBM 得分：δ*（Tone 2002，CLI 默认）对 SBM 无效单元恒为 1，均值、排名和有效单元占比因而不能区分无效单元；复合得分对无效单元取 SBM 值（< 1），对有效单元取 δ*（≥ 1），即 MaxDEA 等软件报告的“超效率 SBM”值。', en: 'Super-SBM score: δ* (Tone 2002; the CLI default) is 1 for every SBM-inefficient unit, so means, ranks and the share of efficient units cannot separate them; the composite score takes the SBM score (< 1) for inefficient units and δ* (≥ 1) for efficient ones, the "super-SBM" value tools such as MaxDEA report.' },
  super: { zh: '超效率：被评价单元不进入参照集（径向 Andersen–Petersen；SBM 为超效率 SBM），有效单元得分可大于 1。', en: 'Super-efficiency: the unit is left out of its own reference set (radial Andersen–Petersen; super-SBM for SBM), so efficient units can score above 1.' },
  direction: { zh: '方向：green（0, y, b：增加期望产出、减少非期望产出；有非期望产出时默认）、graph（x, y, b；无非期望产出时默认）、input、output。', en: 'Direction: green (0, y, b: more good output, less bad; default with undesirable outputs), graph (x, y, b; default without), input, output.' },
  d_frontier: { zh: '前沿：period 每期各自的前沿（默认）；pooled 全部单元-时期共同前沿。', en: 'Frontier: period, each period its own frontier (default); pooled, one frontier of all unit-periods.' },
  m_malmquist: { zh: 'Malmquist（Färe 等 1994）：M = √[E^t(t+1)/E^t(t) · E^{t+1}(t+1)/E^{t+1}(t)] = 效率变化 EC × 技术进步 TC；大于 1 为增长。默认 CRS、投入导向。', en: 'Malmquist (Färe et al. 1994): M = √[E^t(t+1)/E^t(t) · E^{t+1}(t+1)/E^{t+1}(t)] = efficiency change EC × technical change TC; above 1 is growth. Default CRS, input-oriented.' },
  m_ml: { zh: 'Malmquist–Luenberger（Chung 等 1997）：由方向距离 β 构成，ML = √{[(1+D^t(t))/(1+D^t(t+1))]·[(1+D^{t+1}(t))/(1+D^{t+1}(t+1))]}，可含非期望产出。', en: 'Malmquist–Luenberger (Chung et al. 1997) from directional distances β: ML = √{[(1+D^t(t))/(1+D^t(t+1))]·[(1+D^{t+1}(t))/(1+D^{t+1}(t+1))]}; takes undesirable outputs.' },
  m_gml: { zh: '全局 ML（Oh 2010）：GML = (1+D^G(t))/(1+D^G(t+1))，全局前沿（所有时期），可传递、无 LP 不可行。', en: 'Global ML (Oh 2010): GML = (1+D^G(t))/(1+D^G(t+1)) on the global frontier (all periods): transitive, no infeasible LPs.' },
  m_luenberger: { zh: 'Luenberger 指标（Chambers 等 1996）：L = ½[(D^{t+1}(t) − D^{t+1}(t+1)) + (D^t(t) − D^t(t+1))]，差值形式，大于 0 为增长。', en: 'Luenberger indicator (Chambers et al. 1996): L = ½[(D^{t+1}(t) − D^{t+1}(t+1)) + (D^t(t) − D^t(t+1))], additive; above 0 is growth.' },
  f_contemporaneous: { zh: '当期前沿（默认）：T^t 只由第 t 期的观测构成。', en: 'Contemporaneous (default): T^t from period t only.' },
  f_sequential: { zh: '序列前沿：T^t 由第 1…t 期的全部观测构成，技术不退步（Shestalova 2003）。', en: 'Sequential: T^t from periods 1…t, so technology does not regress (Shestalova 2003).' },
  f_global: { zh: '全局前沿：所有时期共同前沿（Pastor & Lovell 2005），GML 必用。', en: 'Global: one frontier of all periods (Pastor & Lovell 2005); always used by GML.' },
  f_biennial: { zh: '两期前沿：T 由 t 与 t+1 两期构成（Pastor, Asmild & Lovell 2011）。', en: 'Biennial: the frontier pools t and t+1 (Pastor, Asmild & Lovell 2011).' },
  f_window: { zh: '窗口前沿 window:B：t−B…t+B 期（到样本端点截断），B 为半宽。', en: 'Window window:B: periods t−B…t+B (truncated at the ends), B the half-width.' },
  m_rts: { zh: '规模报酬：Malmquist 取 vrs 时效率变化再分解为纯技术效率变化 × 规模效率变化；ML/GML/Luenberger 为各距离的规模报酬。', en: 'RTS: for Malmquist, vrs splits efficiency change into pure efficiency × scale change; for ML/GML/Luenberger it is the RTS of every distance.' },
  distanceRts: { zh: '距离的规模报酬：crs（FGNZ/DEAP，默认）；vrs 四个距离都在 VRS 下（R Benchmarking 口径，需 rts = vrs）。', en: 'Distance RTS: crs (FGNZ/DEAP, default); vrs computes all four distances under VRS (R Benchmarking; needs rts vrs).' },
  decomposition: { zh: '分解：fgnz（EC = PECH × SECH，默认）；rd 为 Ray–Desli（M = PECH × TC_v × SCH，仅限相邻期前沿）。', en: 'Decomposition: fgnz (EC = PECH × SECH, default); rd is Ray–Desli (M = PECH × TC_v × SCH; adjacent-period frontiers only).' },
  measure: { zh: '度量：radial 径向 DDF（默认）；nddf 非径向 DDF（Σw·β）。', en: 'Measure: radial DDF (default); nddf non-radial DDF (Σ w·β).' },
  alphaRegression: { zh: '资本份额 α 由回归估计：ln(Y/L) = c + α ln(K/L)（规模报酬不变，β = 1 − α）；混合 OLS 或个体固定效应（组内变换）；报告 α、普通与按单位聚类的标准误、R²（methods.md 中标为待核对的选项）。', en: 'Capital share α estimated by OLS of ln(Y/L) = c + α ln(K/L) (constant returns, β = 1 − α), pooled or with unit fixed effects (within); α, classical and unit-clustered SEs and R² are reported (flagged as a check item in methods.md).' },
  bias: { zh: '技术进步偏向分解（Färe 等 1997）：techch = matech × obtech × ibtech（技术进步幅度 × 产出偏向 × 投入偏向），每对相邻期多解两个混合期距离函数；仅适用于径向 Malmquist、CRS 距离、当期/序列/窗口前沿（默认否）。', en: 'Bias of technical change (Färe et al. 1997): techch = matech × obtech × ibtech (magnitude × output bias × input bias), two more mixed-period distances per pair; radial Malmquist with CRS distances on contemporaneous, sequential or window frontiers only (default off).' },
  sameReference: { zh: '相同参照集：每对相邻期的前沿只用两期都有数据的单元（非平衡面板时有区别；默认否）。', en: 'Same reference: each pair’s frontiers use only units observed in both periods (matters for unbalanced panels; default off).' },
};

// ---------------------------------------------------------------- DOM

/** The TFP fieldset: growth accounting, DEA efficiency, Malmquist family. */
export function tfpFieldset(env: FormEnv): HTMLFieldSetElement {
  const { c, lang, change } = env;
  const L = (k: Key) => t(lang, k);
  c.tfp ??= {};
  if (!c.tfp.malmquist) c.tfp.malmquist = { ...MALMQUIST_DEFAULTS, on: Boolean(c.analyses.malmquist) };
  c.analyses.malmquist = undefined;
  c.tfp.dea ??= { ...DEA_DEFAULTS };
  c.tfp.growth ??= { ...GROWTH_DEFAULTS };
  const v = tfpVariables(c);
  const hasBads = v.undesirable.length > 0;
  const io = v.inputs.length > 0 && v.outputs.length > 0;
  const cols = [...env.numeric, ...preparedColumns(c).filter((n) => !env.numeric.includes(n))];
  const zh = lang === 'zh';

  const fs = h('fieldset', { id: 'tfp' }, h('legend', {}, L('tfp')));

  // Variables
  const list = (xs: string[]) => (xs.length ? xs.join(', ') : '—');
  put(fs, h('p', { class: 'tfp-vars', id: 'tfp-vars' },
    h('strong', {}, L('r_input')), ': ', list(v.inputs), ' · ', h('strong', {}, L('r_output')), ': ', list(v.outputs), ' · ', h('strong', {}, L('r_undesirable')), ': ', list(v.undesirable)),
  io ? null : h('p', { class: 'note warn', role: 'status' }, L('tf_needIO')));

  // Growth accounting
  const g = c.tfp.growth;
  const gBox = h('div', { class: 'tfp-block', id: 'tfp-growth' },
    h('label', { class: 'ff', for: 'tfp-growth-on' }, h('input', { type: 'checkbox', id: 'tfp-growth-on', checked: g.on, onchange: (e: Event) => { g.on = (e.target as HTMLInputElement).checked; change(); } }), ' ', h('strong', {}, L('tf_growth'))));
  if (g.on) {
    const pwtName: Record<string, string> = { output: 'rgdpna', capital: 'rkna', labor: 'emp', humanCapital: 'hc', hours: 'avh', share: 'labsh' };
    const colField = (key: 'output' | 'capital' | 'labor' | 'humanCapital' | 'hours' | 'share', label: Key) =>
      field(`tfp-growth-${key}`, L(label), g[key] ?? '', [['', g.method === 'pwt' ? `${L('tf_default')}: ${pwtName[key]}` : '—'], ...cols.map((n) => [n, n] as Opt)], (x) => { g[key] = x || undefined; change(); });
    put(gBox, 
      h('div', { class: 'frow' },
        field('tfp-growth-method', L('method'), g.method, [['pwt', zh ? 'PWT 方法（默认）' : 'PWT method (default)'], ['solow', zh ? 'Solow 余值' : 'Solow residual'], ['tornqvist', 'Törnqvist']], (x) => { g.method = x as GrowthChoice['method']; change(); }),
        colField('output', 'tf_output'), colField('capital', 'tf_capital'), colField('labor', 'tf_labor')),
      h('div', { class: 'frow' },
        g.method !== 'solow' ? colField('humanCapital', 'tf_hc') : null,
        g.method !== 'solow' ? colField('hours', 'tf_hours') : null,
        g.method !== 'solow' ? colField('share', 'tf_share') : null,
        g.method === 'solow' ? field('tfp-growth-alpha-source', L('tf_alphaSource'), g.alphaRegression ?? 'given', [['given', zh ? '给定数值' : 'a given value'], ['pooled', zh ? '回归估计（混合 OLS）' : 'regression (pooled OLS)'], ['within', zh ? '回归估计（个体固定效应）' : 'regression (unit fixed effects)']], (x) => { g.alphaRegression = x === 'given' ? undefined : (x as 'pooled' | 'within'); change(); }) : null,
        g.method === 'solow' && !g.alphaRegression ? numberField('tfp-growth-alpha', L('tf_alpha'), g.alpha, (x) => { g.alpha = x; change(); }, { min: 0.01, max: 0.99, step: 0.01, required: true }) : null,
        numberField('tfp-growth-base', L('tf_base'), g.base, (x) => { g.base = x === undefined ? undefined : Math.round(x); change(); }, { min: 1000, max: 9999, step: 1, placeholder: g.method === 'pwt' ? '2011' : zh ? '首年' : 'first' })),
      noteP(TFP_NOTES[`g_${g.method}`], lang),
      g.method === 'solow' && g.alphaRegression ? noteP(TFP_NOTES.alphaRegression, lang) : null);
    const needs = growthNeeds(g).map((k) => L(k));
    if (needs.length) put(gBox, h('p', { class: 'note warn', role: 'status', id: 'tfp-growth-needs' }, L('tf_growthNeeds'), needs.join(', ')));
  }
  put(fs, gBox);

  // DEA efficiency
  const d = c.tfp.dea;
  const dr = resolveDea(d, hasBads);
  const dBox = h('div', { class: 'tfp-block', id: 'tfp-dea' },
    h('label', { class: 'ff', for: 'tfp-dea-on' }, h('input', { type: 'checkbox', id: 'tfp-dea-on', checked: d.on, disabled: !io && !d.on, onchange: (e: Event) => { d.on = (e.target as HTMLInputElement).checked; change(); } }), ' ', h('strong', {}, L('tf_dea'))));
  if (d.on) {
    const orientLabel: Record<string, string> = zh ? { in: '投入导向', out: '产出导向', non: '非导向' } : { in: 'input', out: 'output', non: 'non-oriented' };
    put(dBox, 
      h('div', { class: 'frow' },
        field('tfp-dea-model', L('tf_model'), dr.model, [['radial', zh ? '径向 CCR/BCC（默认）' : 'radial CCR/BCC (default)', hasBads], ['sbm', 'SBM'], ['ddf', 'DDF'], ['nddf', 'NDDF']], (x) => { d.model = x as DeaChoice['model']; change(); }),
        field('tfp-dea-rts', L('tf_rts'), d.rts, [['crs', 'CRS'], ['vrs', 'VRS'], ['nirs', 'NIRS'], ['ndrs', 'NDRS']], (x) => { d.rts = x as DeaChoice['rts']; change(); }),
        field('tfp-dea-orientation', L('tf_orientation'), dr.orientation ?? '', dr.orientation ? (['in', 'out', 'non'] as const).map((o) => [o, orientLabel[o], !dr.orientations.includes(o)] as Opt) : [['', zh ? '（不适用）' : '(n/a)']], (x) => { d.orientation = x as DeaChoice['orientation']; change(); }, !dr.orientation),
        field('tfp-dea-direction', L('tf_direction'), dr.direction ?? '', dr.direction ? (['green', 'graph', 'input', 'output'] as const).map((o) => [o, o] as Opt) : [['', zh ? '（仅 DDF/NDDF）' : '(DDF/NDDF only)']], (x) => { d.direction = x as DeaChoice['direction']; change(); }, !dr.direction),
        field('tfp-dea-frontier', L('tf_frontier'), d.frontier, [['period', zh ? '每期前沿（默认）' : 'each period (default)'], ['pooled', zh ? '混合前沿' : 'pooled']], (x) => { d.frontier = x as DeaChoice['frontier']; change(); }),
        checkField('tfp-dea-super', L('tf_super'), dr.super, (x) => { d.super = x; change(); }, !dr.superOk),
        dr.super && dr.model === 'sbm' ? field('tfp-dea-super-score', L('tf_superScore'), d.superScore ?? 'delta', [['delta', zh ? 'δ*（无效单元为 1，默认）' : 'δ* (1 for inefficient units, default)'], ['composite', zh ? '复合：无效单元取 SBM 值' : 'composite: SBM score for inefficient units']], (x) => { d.superScore = x as 'delta' | 'composite'; change(); }) : null),
      noteP(TFP_NOTES[`d_${dr.model}`], lang), noteP(TFP_NOTES.rts, lang),
      dr.orientation ? noteP(TFP_NOTES.orientation, lang) : null,
      dr.direction ? noteP(TFP_NOTES.direction, lang) : null,
      noteP(TFP_NOTES.d_frontier, lang),
      dr.superOk ? noteP(TFP_NOTES.super, lang) : null,
      dr.super && dr.model === 'sbm' ? noteP(TFP_NOTES.superScore, lang) : null);
  }
  put(fs, dBox);

  // Malmquist family
  const m = c.tfp.malmquist;
  const mr = resolveMalmquist(m, hasBads);
  const mBox = h('div', { class: 'tfp-block', id: 'tfp-malmquist' },
    h('label', { class: 'ff', for: 'tfp-malmquist-on' }, h('input', { type: 'checkbox', id: 'tfp-malmquist-on', checked: m.on, disabled: !io && !m.on, onchange: (e: Event) => { m.on = (e.target as HTMLInputElement).checked; change(); } }), ' ', h('strong', {}, L('tf_malm'))));
  if (m.on) {
    const frontierKind = mr.frontier.startsWith('window:') ? 'window' : mr.frontier;
    const fLabel: Record<FrontierKind, string> = zh
      ? { contemporaneous: '当期（默认）', sequential: '序列', global: '全局', biennial: '两期', window: '窗口' }
      : { contemporaneous: 'contemporaneous (default)', sequential: 'sequential', global: 'global', biennial: 'biennial', window: 'window' };
    put(mBox, 
      h('div', { class: 'frow' },
        field('tfp-malm-index', L('tf_index'), mr.index, [['malmquist', zh ? 'Malmquist（默认）' : 'Malmquist (default)', hasBads], ['ml', 'Malmquist–Luenberger'], ['gml', zh ? '全局 ML（GML）' : 'global ML (GML)'], ['luenberger', 'Luenberger']], (x) => { m.index = x as MalmquistChoice['index']; change(); }),
        field('tfp-malm-frontier', L('tf_frontier'), frontierKind, (['contemporaneous', 'sequential', 'global', 'biennial', 'window'] as const).map((f) => [f, fLabel[f]] as Opt), (x) => { m.frontier = x as FrontierKind; change(); }, mr.frontierFixed),
        frontierKind === 'window' ? numberField('tfp-malm-window', L('tf_window'), m.window, (x) => { m.window = Math.max(1, Math.round(x ?? 1)); change(); }, { min: 1, max: 20, step: 1 }) : null,
        field('tfp-malm-orientation', L('tf_orientation'), mr.orientation ?? '', mr.orientation ? [['in', zh ? '投入导向（默认）' : 'input (default)'], ['out', zh ? '产出导向' : 'output']] : [['', zh ? '（仅 Malmquist）' : '(Malmquist only)']], (x) => { m.orientation = x as 'in' | 'out'; change(); }, !mr.orientation),
        field('tfp-malm-rts', L('tf_rts'), m.rts, [['crs', zh ? 'CRS（默认）' : 'CRS (default)'], ['vrs', 'VRS']], (x) => { m.rts = x as 'crs' | 'vrs'; change(); })),
      h('div', { class: 'frow' },
        field('tfp-malm-direction', L('tf_direction'), mr.direction ?? '', mr.direction ? (['green', 'graph', 'input', 'output'] as const).map((o) => [o, o] as Opt) : [['', zh ? '（仅 ML/GML/Luenberger）' : '(ML/GML/Luenberger only)']], (x) => { m.direction = x as MalmquistChoice['direction']; change(); }, !mr.direction),
        field('tfp-malm-measure', L('tf_measure'), mr.measure ?? '', mr.measure ? [['radial', zh ? '径向（默认）' : 'radial (default)'], ['nddf', 'NDDF']] : [['', zh ? '（仅 Luenberger）' : '(Luenberger only)']], (x) => { m.measure = x as 'radial' | 'nddf'; change(); }, !mr.measure),
        field('tfp-malm-distance-rts', L('tf_distanceRts'), mr.distanceRts ?? '', mr.distanceRts ? [['crs', zh ? 'CRS（FGNZ，默认）' : 'CRS (FGNZ, default)'], ['vrs', 'VRS (Benchmarking)', m.rts !== 'vrs']] : [['', zh ? '（仅 Malmquist）' : '(Malmquist only)']], (x) => { m.distanceRts = x as 'crs' | 'vrs'; change(); }, !mr.distanceRts),
        field('tfp-malm-decomposition', L('tf_decomposition'), mr.decomposition ?? '', mr.decomposition ? [['fgnz', zh ? 'FGNZ（默认）' : 'FGNZ (default)'], ['rd', 'Ray–Desli', !mr.rdOk]] : [['', zh ? '（Malmquist + VRS）' : '(Malmquist with VRS)']], (x) => { m.decomposition = x as 'fgnz' | 'rd'; change(); }, !mr.decomposition),
        checkField('tfp-malm-sameref', L('tf_sameRef'), m.sameReference, (x) => { m.sameReference = x; change(); }),
        checkField('tfp-malm-bias', L('tf_bias'), mr.bias, (x) => { m.bias = x; change(); }, !mr.biasOk)),
      noteP(TFP_NOTES[`m_${mr.index}`], lang),
      noteP(TFP_NOTES[`f_${frontierKind}`], lang),
      noteP(TFP_NOTES.m_rts, lang),
      mr.direction ? noteP(TFP_NOTES.direction, lang) : null,
      mr.measure ? noteP(TFP_NOTES.measure, lang) : null,
      mr.distanceRts ? noteP(TFP_NOTES.distanceRts, lang) : null,
      mr.decomposition ? noteP(TFP_NOTES.decomposition, lang) : null,
      noteP(TFP_NOTES.sameReference, lang),
      mr.biasOk ? noteP(TFP_NOTES.bias, lang) : null);
  }
  put(fs, mBox);
  return fs;
}
