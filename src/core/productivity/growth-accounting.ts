// TFP by growth accounting: Solow residual, Törnqvist, and the Penn World Table method (methods.md G1–G3, G5).
//
// Solow, R. M. (1957). REStat 39(3), 312–320: ΔlnA = ΔlnY − αΔlnK − (1−α)ΔlnL, α given (no silent default).
// Törnqvist (methods.md G2): ΔlnTFP_t = ΔlnY − s̄ΔlnL − (1−s̄)ΔlnK with s̄ = (s_{L,t} + s_{L,t−1})/2.
// PWT (Feenstra, Inklaar & Timmer 2015, AER 105(10), 3150–3182; methods.md G3) is the Törnqvist index with
// Y = rgdpna, K = rkna, L = emp·hc·avh, s = labsh, chained from 2011; where a country lacks avh in t−1 or t its
// hours growth is the USA's for that year. This reproduces every published rtfpna (6,006 values) to float32.
// Labour is the product of `labor` × `humanCapital` × `hours` (each optional but labor); ΔlnL is the sum of the
// factors' log changes, and `hoursFill` names the entity whose Δln hours fills a missing own hours link.
// Levels (G5): tfp = 1 at the base period, chained forward and backward; a missing link breaks the chain on that
// side. `growth` is the log change (Solow `rates: discrete`: the discrete rate) from the previous panel period.
// Every present source row gets a row; a null comes with status `insufficient_data` and a reason.
// α from a regression (methods.md G1 option `alphaFromRegression`, flagged (check) there): OLS of
// ln(Y/L) = c + α ln(K/L) + ε, constant returns assumed (β = 1 − α), over every present unit-period with finite
// logs of Y, K and L (L = labor × humanCapital × hours as above; a missing hours value drops the cell, no fill).
// `pooled` (default): one constant; `within`: entity fixed effects by the within transformation (Stata
// `xtreg, fe`), common in Chinese provincial studies. SEs classical (lm / xtreg fe, df N − 2 or N − G − 1) and
// clustered by unit (Stata `vce(cluster id)`: G/(G−1)·(N−1)/(N−2)), through src/core/math/regression.ts as
// β-convergence uses it. R²: centred (pooled), within (FE). α outside (0, 1) is kept and warned about.
// O(n·T).

import { DataError, UsageError } from '../errors.js';
import type { Panel } from '../panel/panel.js';
import { SOFTWARE } from '../version.js';
import { countStatuses, type Result, type Status } from '../result.js';
import { chainLevels, compareIds } from './chain.js';
import { pwtMultilateral } from './pwt-multilateral.js';
import { exp, log } from '../math/elementary.js';
import { ols, demeanWithin } from '../math/regression.js';
import type { Warning } from '../result.js';

export type GrowthMethod = 'solow' | 'tornqvist' | 'pwt';

export interface TfpGrowthOptions {
  method: GrowthMethod;
  /** Output column (pwt: rgdpna). */
  output?: string;
  /** Capital (services) column (pwt: rkna). */
  capital?: string;
  /** Labour column, persons or hours (pwt: emp). */
  labor?: string;
  /** Human-capital index column multiplying labour (pwt: hc). */
  humanCapital?: string;
  /** Average hours per worker column multiplying labour (pwt: avh). */
  hours?: string;
  /** Entity whose Δln hours fills a link where the entity's own hours are missing (pwt: USA); null = no fill. */
  hoursFill?: string | null;
  /** Labour-share column (tornqvist, pwt: labsh). */
  share?: string;
  /**
   * Capital share α for Solow; required: a number in (0, 1), or estimated by OLS of ln(Y/L) on ln(K/L):
   * 'regression' (pooled, with a constant) or 'regression:within' (entity fixed effects).
   */
  alpha?: number | AlphaRegression;
  /** Solow growth rates: log differences (default) or discrete X_t/X_{t−1} − 1. */
  rates?: 'log' | 'discrete';
  /** Base period (tfp = 1 there). Default: the first period; pwt: 2011. */
  base?: number;
  /** pwt only: cross-country levels (CCD multilateral, USA = 1, ctfp-style) instead of rtfpna-style chains. */
  multilateral?: boolean;
}

export type AlphaRegression = 'regression' | 'regression:within';
export type CapitalShareEffects = 'pooled' | 'within';

export interface CapitalShareOptions {
  output: string;
  capital: string;
  labor: string;
  humanCapital?: string | null;
  hours?: string | null;
  /** 'pooled' (default: OLS with one constant) or 'within' (entity fixed effects, within transformation). */
  effects?: CapitalShareEffects;
}

/** OLS estimate of the capital share from ln(Y/L) = c + α ln(K/L) (+ μ_i). */
export interface CapitalShareEstimate {
  effects: CapitalShareEffects;
  alpha: number;
  /** Labour share under constant returns, 1 − α. */
  beta: number;
  /** Classical standard error of α (R lm; Stata xtreg fe). */
  se: number;
  t: number;
  p: number;
  /** Cluster-robust standard error of α, clustered by unit (Stata vce(cluster id)); null with fewer than 2 units. */
  seCluster: number | null;
  tCluster: number | null;
  pCluster: number | null;
  /** Constant c (pooled only). */
  intercept: number | null;
  seIntercept: number | null;
  /** R² (pooled: centred; within: within R²). */
  r2: number;
  /** Unit-periods used. */
  n: number;
  /** Units with at least one observation (clusters; absorbed effects for within). */
  units: number;
  /** Residual degrees of freedom of the classical SE (N − 2; within N − G − 1). */
  df: number;
  /** Present unit-periods left out for a missing Y, K or labour factor. */
  dropped: number;
  /** α outside (0, 1): constant returns then imply a non-positive labour share. */
  outsideUnitInterval: boolean;
}

export interface TfpGrowthRow {
  id: string;
  period: number;
  tfp: number | null;
  growth: number | null;
  /** Solow only: TFP contribution to output growth, ΔlnA/ΔlnY × 100. */
  contribution?: number | null;
  status: Status;
  reason?: string;
}

const PWT_DEFAULTS = {
  output: 'rgdpna',
  capital: 'rkna',
  labor: 'emp',
  humanCapital: 'hc',
  hours: 'avh',
  hoursFill: 'USA',
  share: 'labsh',
  base: 2011,
} as const;

interface Resolved {
  method: GrowthMethod;
  output: string;
  capital: string;
  labor: string;
  humanCapital: string | null;
  hours: string | null;
  hoursFill: string | null;
  share: string | null;
  alpha: number | null;
  alphaEffects: CapitalShareEffects | null;
  rates: 'log' | 'discrete';
  base: number;
  baseIndex: number;
}

function resolve(panel: Panel, o: TfpGrowthOptions): Resolved {
  const method = o.method;
  if (method !== 'solow' && method !== 'tornqvist' && method !== 'pwt') {
    throw new UsageError('bad-option', `method must be solow, tornqvist or pwt (got "${String(method)}")`);
  }
  const d = method === 'pwt' ? PWT_DEFAULTS : undefined;
  const need = (name: string, v: string | undefined): string => {
    if (!v) throw new UsageError('missing-option', `tfp growth (${method}) needs the ${name} column`, `name it with --${name}`);
    return v;
  };
  const output = need('output', o.output ?? d?.output);
  const capital = need('capital', o.capital ?? d?.capital);
  const labor = need('labor', o.labor ?? d?.labor);
  const humanCapital = o.humanCapital ?? d?.humanCapital ?? null;
  const hours = o.hours ?? d?.hours ?? null;
  const hoursFill = o.hoursFill === undefined ? (d?.hoursFill ?? null) : o.hoursFill;
  let share: string | null = null;
  let alpha: number | null = null;
  let alphaEffects: CapitalShareEffects | null = null;
  if (method === 'solow') {
    if (o.alpha === undefined || o.alpha === null) {
      throw new UsageError('missing-option', 'the Solow residual needs the capital share α; there is no default', 'pass alpha (e.g. --alpha 0.4, or --alpha regression to estimate it)');
    }
    if (typeof o.alpha === 'string') {
      if (o.alpha !== 'regression' && o.alpha !== 'regression:within') {
        throw new UsageError('bad-option', `alpha must be a number in (0, 1), "regression" or "regression:within" (got "${o.alpha}")`);
      }
      alphaEffects = o.alpha === 'regression' ? 'pooled' : 'within';
    } else {
      if (!(o.alpha > 0 && o.alpha < 1)) throw new UsageError('bad-option', `alpha must lie in (0, 1) (got ${o.alpha})`);
      alpha = o.alpha;
    }
  } else {
    if (o.alpha !== undefined && o.alpha !== null) throw new UsageError('bad-option', `alpha applies to the Solow residual only (method ${method} uses labour shares)`, 'drop alpha, or use method solow');
    share = need('share', o.share ?? d?.share);
  }
  const rates = o.rates ?? 'log';
  if (rates !== 'log' && rates !== 'discrete') throw new UsageError('bad-option', `rates must be log or discrete (got "${String(rates)}")`);
  if (rates === 'discrete' && method !== 'solow') throw new UsageError('bad-option', 'rates: discrete applies to the Solow residual only');
  const base = o.base ?? d?.base ?? panel.periods[0];
  const baseIndex = panel.periods.indexOf(base);
  if (baseIndex < 0) {
    throw new UsageError('bad-option', `base period ${base} is not among the panel's periods (${panel.periods[0]}–${panel.periods[panel.periods.length - 1]})`);
  }
  for (const c of [output, capital, labor, humanCapital, hours, share]) {
    if (c !== null && !panel.columns[c]) {
      throw new DataError('unknown-column', `no numeric column "${c}"`, { file: panel.source, column: c }, `columns are: ${Object.keys(panel.columns).join(', ')}`);
    }
  }
  if (hoursFill !== null && hours !== null && !panel.ids.includes(hoursFill)) {
    throw new UsageError('bad-option', `hoursFill entity "${hoursFill}" is not in the data`, 'name an id present in the panel, or pass hoursFill: null');
  }
  return { method, output, capital, labor, humanCapital, hours, hoursFill, share, alpha, alphaEffects, rates, base, baseIndex };
}

/**
 * The capital share α by OLS of ln(Y/L) on ln(K/L) with a constant (pooled) or entity fixed effects (within),
 * over every present unit-period where Y, K and the labour factors are finite (methods.md G1 option
 * `alphaFromRegression`, a check item). Non-positive values are data errors; too few observations, a constant
 * ln(K/L) (within: within every unit) are DataErrors from the regression.
 */
export function estimateCapitalShare(panel: Panel, options: CapitalShareOptions): CapitalShareEstimate {
  const effects = options.effects ?? 'pooled';
  if (effects !== 'pooled' && effects !== 'within') throw new UsageError('bad-option', `effects must be pooled or within (got "${String(effects)}")`);
  const names = [options.output, options.capital, options.labor, options.humanCapital ?? null, options.hours ?? null];
  for (const c of names) {
    if (c !== null && !panel.columns[c]) {
      throw new DataError('unknown-column', `no numeric column "${c}"`, { file: panel.source, column: c }, `columns are: ${Object.keys(panel.columns).join(', ')}`);
    }
  }
  for (const c of names) if (c !== null) checkPositive(panel, c);
  const cols = names.map((c) => (c === null ? null : panel.columns[c]));
  const [Y, K, L, H, A] = cols;
  const n = panel.ids.length;
  const T = panel.periods.length;
  const xs: number[] = [];
  const ys: number[] = [];
  const unit: number[] = [];
  let dropped = 0;
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < T; t++) {
      const k = i * T + t;
      if (!panel.present[k]) continue;
      let complete = true;
      for (const c of cols) if (c !== null && !Number.isFinite(c[k])) complete = false;
      if (!complete) { dropped++; continue; }
      const lab = L![k] * (H ? H[k] : 1) * (A ? A[k] : 1);
      ys.push(log(Y![k] / lab));
      xs.push(log(K![k] / lab));
      unit.push(i);
    }
  }
  // Units numbered in order of appearance (clusters; absorbed effects).
  const remap = new Map<number, number>();
  const g = Int32Array.from(unit, (u) => { if (!remap.has(u)) remap.set(u, remap.size); return remap.get(u)!; });
  const G = remap.size;
  const N = ys.length;
  const xName = `ln(${options.capital}/L)`;
  let X: Float64Array, y: Float64Array, k: number, fitNames: string[], absorbed = 0;
  if (effects === 'pooled') {
    k = 2;
    X = new Float64Array(2 * N);
    for (let r = 0; r < N; r++) { X[2 * r] = 1; X[2 * r + 1] = xs[r]; }
    y = Float64Array.from(ys);
    fitNames = ['(Intercept)', xName];
  } else {
    if (N - G < 2) {
      throw new DataError('too-few-observations', `the within estimator needs units observed in more than one period: ${N} observation(s) in ${G} unit(s) leave ${Math.max(N - G - 1, 0)} residual degrees of freedom`, { file: panel.source }, 'use a longer panel, alphaRegression pooled (--alpha regression), or give α');
    }
    const M = new Float64Array(2 * N);
    for (let r = 0; r < N; r++) { M[2 * r] = xs[r]; M[2 * r + 1] = ys[r]; }
    absorbed = demeanWithin(M, 2, g);
    // Within variation of ln(K/L) relative to its level: below ~1e-10 the demeaned column is rounding noise (e.g.
    // K proportional to L within every unit), and OLS would return an arbitrary α.
    let ssX = 0, ssW = 0;
    for (let r = 0; r < N; r++) { ssX += xs[r] * xs[r]; ssW += M[2 * r] * M[2 * r]; }
    if (!(Math.sqrt(ssW) > 1e-10 * Math.max(Math.sqrt(ssX), 1e-300))) {
      throw new DataError('no-within-variation', `${xName} does not vary within any unit (the capital–labour ratio is constant over time in every unit), so the within estimator cannot identify α`, { file: panel.source, column: options.capital }, 'use alphaRegression pooled (--alpha regression), or give α');
    }
    k = 1;
    X = new Float64Array(N);
    y = new Float64Array(N);
    for (let r = 0; r < N; r++) { X[r] = M[2 * r]; y[r] = M[2 * r + 1]; }
    fitNames = [xName];
  }
  const intercept = effects === 'pooled';
  const fit = ols(X, y, k, { names: fitNames, intercept, absorbed, vcov: 'classical' });
  const cl = G >= 2 ? ols(X, y, k, { names: fitNames, intercept, absorbed, vcov: 'cluster', clusters: g }) : null;
  const a = intercept ? 1 : 0;
  const alpha = fit.coef[a];
  return {
    effects,
    alpha,
    beta: 1 - alpha,
    se: fit.se[a],
    t: fit.t[a],
    p: fit.p[a],
    seCluster: cl ? cl.se[a] : null,
    tCluster: cl ? cl.t[a] : null,
    pCluster: cl ? cl.p[a] : null,
    intercept: intercept ? fit.coef[0] : null,
    seIntercept: intercept ? fit.se[0] : null,
    r2: fit.r2,
    n: N,
    units: G,
    df: fit.df,
    dropped,
    outsideUnitInterval: !(alpha > 0 && alpha < 1),
  };
}

/** Positive-where-present check; a missing value (NaN) is allowed and breaks links, a value ≤ 0 is a data error. */
function checkPositive(panel: Panel, name: string): void {
  const col = panel.columns[name];
  const T = panel.periods.length;
  for (let k = 0; k < col.length; k++) {
    const v = col[k];
    if (panel.present[k] && Number.isFinite(v) && v <= 0) {
      const i = Math.floor(k / T);
      throw new DataError('non-positive', `${name} must be positive for growth accounting (logs are taken)`, {
        file: panel.source, row: panel.sourceRow?.[k] || undefined, column: name, id: panel.ids[i], period: panel.periods[k % T], text: String(v),
      }, 'fix or remove the value; a missing value only breaks the chain');
    }
  }
}

function checkShare(panel: Panel, name: string): void {
  const col = panel.columns[name];
  const T = panel.periods.length;
  for (let k = 0; k < col.length; k++) {
    const v = col[k];
    if (panel.present[k] && Number.isFinite(v) && (v < 0 || v > 1)) {
      const i = Math.floor(k / T);
      throw new DataError('bad-share', `${name} is a labour share and must lie in [0, 1]`, {
        file: panel.source, row: panel.sourceRow?.[k] || undefined, column: name, id: panel.ids[i], period: panel.periods[k % T], text: String(v),
      }, 'give shares as fractions, not percentages');
    }
  }
}

/** TFP levels and growth by growth accounting (Solow, Törnqvist, PWT). */
export function tfpGrowth(panel: Panel, options: TfpGrowthOptions): Result<TfpGrowthRow> {
  if (options.multilateral) {
    if (options.method !== 'pwt') throw new UsageError('bad-option', 'multilateral applies to the pwt method only');
    const { output, capital, labor, humanCapital, hours, share } = options;
    return pwtMultilateral(panel, { output, capital, labor, humanCapital, hours, share });
  }
  const r = resolve(panel, options);
  const n = panel.ids.length;
  const T = panel.periods.length;
  const Y = panel.columns[r.output];
  const K = panel.columns[r.capital];
  const L = panel.columns[r.labor];
  const H = r.humanCapital ? panel.columns[r.humanCapital] : null;
  const A = r.hours ? panel.columns[r.hours] : null;
  const S = r.share ? panel.columns[r.share] : null;
  for (const c of [r.output, r.capital, r.labor, r.humanCapital, r.hours]) if (c) checkPositive(panel, c);
  if (r.share) checkShare(panel, r.share);
  let alphaEstimate: CapitalShareEstimate | null = null;
  if (r.alphaEffects) {
    alphaEstimate = estimateCapitalShare(panel, { output: r.output, capital: r.capital, labor: r.labor, humanCapital: r.humanCapital, hours: r.hours, effects: r.alphaEffects });
    r.alpha = alphaEstimate.alpha;
  }

  const fin = (col: Float64Array | null, k: number): boolean => col === null || (panel.present[k] === 1 && Number.isFinite(col[k]));
  // Cell completeness (everything but hours, which may be filled per link).
  const complete = new Uint8Array(n * T);
  for (let k = 0; k < n * T; k++) complete[k] = fin(Y, k) && fin(K, k) && fin(L, k) && fin(H, k) && fin(S, k) ? 1 : 0;
  const fillIdx = r.hoursFill !== null && A ? panel.ids.indexOf(r.hoursFill) : -1;

  const growth = new Float64Array(n * T).fill(NaN);
  const dlnY = new Float64Array(n * T).fill(NaN);
  const linkReason: (string | undefined)[] = new Array(n * T);
  const filled = new Uint8Array(n * T);
  const alpha = r.alpha ?? 0;
  for (let i = 0; i < n; i++) {
    for (let t = 1; t < T; t++) {
      const k = i * T + t;
      const k0 = k - 1;
      if (!complete[k] || !complete[k0]) {
        linkReason[k] = `needs ${missingNames(r, panel, [k0, k])} in ${panel.periods[t - 1]} and ${panel.periods[t]}`;
        continue;
      }
      let dlh = 0;
      if (A) {
        if (fin(A, k) && fin(A, k0)) dlh = log(A[k] / A[k0]);
        else if (fillIdx >= 0 && fin(A, fillIdx * T + t) && fin(A, fillIdx * T + t - 1)) {
          dlh = log(A[fillIdx * T + t] / A[fillIdx * T + t - 1]);
          filled[k] = 1;
        } else {
          linkReason[k] = `needs ${r.hours} in ${panel.periods[t - 1]} and ${panel.periods[t]}`;
          continue;
        }
      }
      if (r.method === 'solow' && r.rates === 'discrete') {
        const lab = L[k] * (H ? H[k] : 1);
        const lab0 = L[k0] * (H ? H[k0] : 1);
        const gL = (lab / lab0) * exp(dlh) - 1;
        const gY = Y[k] / Y[k0] - 1;
        growth[k] = gY - alpha * (K[k] / K[k0] - 1) - (1 - alpha) * gL;
        dlnY[k] = gY;
        continue;
      }
      const dY = log(Y[k] / Y[k0]);
      const dK = log(K[k] / K[k0]);
      const dL = log(L[k] / L[k0]) + (H ? log(H[k] / H[k0]) : 0) + dlh;
      const sL = r.method === 'solow' ? 1 - alpha : 0.5 * (S![k] + S![k0]);
      growth[k] = dY - sL * dL - (1 - sL) * dK;
      dlnY[k] = dY;
    }
  }

  const level = new Float64Array(n * T);
  const linkKind = r.rates === 'discrete' ? 'discrete' : 'log';
  for (let i = 0; i < n; i++) chainLevels(growth, i * T, T, r.baseIndex, linkKind, level, complete);

  const order = panel.ids.map((_, i) => i).sort((a, b) => compareIds(panel.ids[a], panel.ids[b]));
  const rows: TfpGrowthRow[] = [];
  let nFilled = 0;
  for (let t = 0; t < T; t++) {
    for (const i of order) {
      const k = i * T + t;
      if (!panel.present[k]) continue;
      const tfp = Number.isFinite(level[k]) ? level[k] : null;
      const g = Number.isFinite(growth[k]) ? growth[k] : null;
      if (filled[k] && g !== null) nFilled++;
      const row: TfpGrowthRow = { id: panel.ids[i], period: panel.periods[t], tfp, growth: g, status: 'ok' };
      if (r.method === 'solow') {
        row.contribution = g !== null && dlnY[k] !== 0 ? (g / dlnY[k]) * 100 : null;
      }
      const reasons: string[] = [];
      if (tfp === null) {
        reasons.push(!complete[i * T + r.baseIndex]
          ? `tfp: the chain needs data in the base period ${r.base}`
          : `tfp: the chain to base ${r.base} is broken (${chainBreak(linkReason, complete, i, t, T, r.baseIndex, panel, r)})`);
      }
      if (g === null) reasons.push(t === 0 ? 'growth: no previous period' : `growth: ${linkReason[k] ?? 'no link'}`);
      if (row.contribution === null && g !== null) reasons.push('contribution: output growth is zero');
      if (reasons.length) {
        row.status = 'insufficient_data';
        row.reason = reasons.join('; ');
      }
      rows.push(row);
    }
  }

  const conventions: Record<string, unknown> = {
    method: r.method,
    output: r.output,
    capital: r.capital,
    labour: [r.labor, r.humanCapital, r.hours].filter(Boolean).join(' × '),
    hoursFill: r.hours ? (r.hoursFill ?? 'none') : undefined,
    labourShare: r.share ?? undefined,
    alpha: r.alpha ?? undefined,
    alphaSource: r.method !== 'solow' ? undefined : alphaEstimate === null ? 'given' : alphaSourceText(alphaEstimate, r),
    weights: r.method === 'solow' ? 'constant capital share α' : 'Törnqvist: mean of the labour shares in t−1 and t',
    growth: r.rates === 'discrete' ? 'discrete rate X_t/X_{t−1} − 1' : 'log difference from the previous panel period',
    levels: `tfp = 1 in ${r.base}, chained forward and backward; a missing link breaks the chain on that side`,
    base: r.base,
  };
  for (const key of Object.keys(conventions)) if (conventions[key] === undefined) delete conventions[key];
  const statusCounts = countStatuses(rows);
  const warnings: Warning[] = [];
  if (alphaEstimate?.outsideUnitInterval) {
    warnings.push({
      code: 'alpha-outside-unit-interval',
      message: `the estimated capital share α = ${alphaEstimate.alpha.toPrecision(6)} lies outside (0, 1); with constant returns the labour share 1 − α = ${alphaEstimate.beta.toPrecision(6)}, so the Solow residual is not meaningful — give α instead`,
    });
  }
  if (alphaEstimate && alphaEstimate.dropped > 0) {
    warnings.push({ code: 'dropped-observations', message: `${alphaEstimate.dropped} unit-period(s) with a missing value left out of the α regression`, count: alphaEstimate.dropped });
  }
  if (nFilled > 0) {
    warnings.push({
      code: 'hours-filled',
      message: `${nFilled} links used ${r.hoursFill}'s growth of ${r.hours} because the entity's own ${r.hours} was missing`,
      count: nFilled,
    });
  }
  return {
    method: 'tfp-growth',
    params: { ...options },
    rows,
    summary: {
      base: r.base,
      rows: rows.length,
      withTfp: rows.filter((x) => x.tfp !== null).length,
      withGrowth: rows.filter((x) => x.growth !== null).length,
      hoursFilledLinks: nFilled,
      ...(alphaEstimate ? { alphaEstimate } : {}),
    },
    warnings,
    card: {
      method: 'tfp-growth',
      title: {
        en: r.method === 'solow' ? 'TFP: Solow residual' : r.method === 'tornqvist' ? 'TFP: Törnqvist index' : 'TFP: Penn World Table method (rtfpna)',
        zh: r.method === 'solow' ? '全要素生产率：索洛余值' : r.method === 'tornqvist' ? '全要素生产率：Törnqvist 指数' : '全要素生产率：佩恩表方法（rtfpna）',
      },
      conventions,
      formulas: r.method === 'solow'
        ? [
            '\\Delta\\ln A_t = \\Delta\\ln Y_t - \\alpha\\Delta\\ln K_t - (1-\\alpha)\\Delta\\ln L_t',
            ...(alphaEstimate ? [alphaEstimate.effects === 'pooled' ? '\\ln(Y_{it}/L_{it}) = c + \\alpha\\ln(K_{it}/L_{it}) + \\varepsilon_{it}' : '\\ln(Y_{it}/L_{it}) = \\mu_i + \\alpha\\ln(K_{it}/L_{it}) + \\varepsilon_{it}'] : []),
          ]
        : ['\\Delta\\ln TFP_t = \\Delta\\ln Y_t - \\bar s_L\\Delta\\ln L_t - (1-\\bar s_L)\\Delta\\ln K_t', '\\bar s_L = (s_{L,t}+s_{L,t-1})/2'],
      citations: r.method === 'solow'
        ? [{ text: 'Solow, R. M. (1957). Technical change and the aggregate production function. Review of Economics and Statistics 39(3), 312–320.', doi: '10.2307/1926047' }]
        : [
            { text: 'Feenstra, R. C., Inklaar, R. & Timmer, M. P. (2015). The next generation of the Penn World Table. American Economic Review 105(10), 3150–3182.', doi: '10.1257/aer.20130954' },
            { text: 'Törnqvist, L. (1936). The Bank of Finland\'s consumption price index. Bank of Finland Monthly Bulletin 10, 1–8.' },
          ],
      software: SOFTWARE,
      statusCounts,
    },
  };
}

function missingNames(r: Resolved, panel: Panel, cells: number[]): string {
  const names = [r.output, r.capital, r.labor, r.humanCapital, r.share].filter((c): c is string => c !== null);
  const miss = names.filter((c) => cells.some((k) => !panel.present[k] || !Number.isFinite(panel.columns[c][k])));
  return miss.length ? miss.join(', ') : 'data';
}

function chainBreak(linkReason: (string | undefined)[], complete: Uint8Array, i: number, t: number, T: number, b: number, panel: Panel, r: Resolved): string {
  // The nearest broken link between t and the base.
  if (t > b) {
    for (let u = b + 1; u <= t; u++) if (linkReason[i * T + u]) return `link ${panel.periods[u - 1]}→${panel.periods[u]}: ${linkReason[i * T + u]}`;
  } else {
    for (let u = b; u > t; u--) if (linkReason[i * T + u]) return `link ${panel.periods[u - 1]}→${panel.periods[u]}: ${linkReason[i * T + u]}`;
  }
  return complete[i * T + t] ? 'a link is missing' : `missing ${missingNames(r, panel, [i * T + t])}`;
}

function alphaSourceText(e: CapitalShareEstimate, r: Resolved): string {
  const labour = [r.labor, r.humanCapital, r.hours].filter(Boolean).join('·');
  const model = e.effects === 'pooled'
    ? `pooled OLS of ln(${r.output}/L) = c + α ln(${r.capital}/L), one constant`
    : `within (entity fixed effects) OLS of ln(${r.output}/L) = μ_i + α ln(${r.capital}/L)`;
  return `estimated: ${model}, L = ${labour}, over ${e.n} unit-periods with finite logs (${e.units} units); constant returns assumed (β = 1 − α); SE classical and clustered by unit (summary.alphaEstimate); methods.md G1 option alphaFromRegression, flagged there as a check item`;
}
