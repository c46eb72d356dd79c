// σ- and β-convergence (methods.md K4). Barro, R. J., & Sala-i-Martin, X. (1992). Convergence. Journal of
// Political Economy 100(2), 223–251; Islam, N. (1995), QJE 110(4), 1127–1170, for the panel (FE) form.
//
// σ: per period the CV (population SD by default; `sigma: 'cv_sample'` uses n − 1) and the SD of ln x
// (sample SD); every measure is reported, `sigma` names the headline one.
// β (panel, default): ln(x_{i,t+d}/x_{i,t}) = α + β ln x_{i,t} [+ γ'z_{i,t}] [+ μ_i] [+ λ_t] + ε, pooled over
// all unit-periods with both ends observed and positive; speed θ = −ln(1 + β)/d, half-life = ln 2/θ
// (null when θ ≤ 0: no convergence). Effects: none (pooled OLS, classical SEs by default, = R `lm`), entity or
// twoway (within transformation by unit; time effects as start-period dummies; SEs clustered by unit by
// default, Stata `xtreg, fe vce(cluster id)` factor), time (dummies + intercept). Controls z are taken at
// the start t. β (cross-section): (1/τ)ln(x_{i,T}/x_{i,0}) = α + β ln x_{i,0}, τ = number of periods spanned,
// θ = −ln(1 + βτ)/τ. Spatial β (SAR/SEM/SDM) is out of scope.
// Observations with a missing or non-positive value are left out of the regression and counted in a warning.
// O(N k²) for N observations, k regressors.

import type { Panel } from '../panel/panel.js';
import { column } from '../panel/panel.js';
import type { Result, Warning } from '../result.js';
import { countStatuses } from '../result.js';
import { SOFTWARE } from '../version.js';
import { UsageError, DataError } from '../errors.js';
import { ols, demeanWithin, type VcovType, type OlsFit } from '../math/regression.js';
import { coefficientOfVariation } from '../disparity/cv.js';
import { log } from '../math/elementary.js';

export type SigmaMeasure = 'cv' | 'cv_sample' | 'sd_log';
export type ConvergenceEffects = 'none' | 'entity' | 'time' | 'twoway';

export interface ConvergenceOptions {
  value: string;
  sigma?: SigmaMeasure;
  /** 'panel' (default), 'cross-section', or 'none' (σ only). */
  beta?: 'panel' | 'cross-section' | 'none';
  effects?: ConvergenceEffects;
  vcov?: VcovType;
  /** Control variables (conditional β), taken at the start of each span. */
  controls?: readonly string[];
  /** Span d of the panel growth rate (default 1 period). */
  lag?: number;
  periods?: readonly number[];
}

export interface SigmaRow {
  period: number;
  n: number;
  mean: number | null;
  sd_sample: number | null;
  sd_pop: number | null;
  cv_sample: number | null;
  cv_pop: number | null;
  sd_log: number | null;
  /** The headline σ measure (options.sigma). */
  sigma: number | null;
  status: 'ok' | 'undefined' | 'insufficient_data';
  reason?: string;
}

export interface BetaCoefficient { term: string; estimate: number; se: number; t: number; p: number }

export interface BetaConvergence {
  model: 'panel' | 'cross-section';
  effects: ConvergenceEffects;
  vcov: VcovType;
  span: number;
  n: number;
  df: number;
  clusters: number | null;
  alpha: number | null;
  beta: number;
  se_alpha: number | null;
  se_beta: number;
  t_alpha: number | null;
  t_beta: number;
  p_alpha: number | null;
  p_beta: number;
  r_squared: number;
  adj_r_squared: number;
  residual_se: number;
  F: number | null;
  F_p: number | null;
  speed: number | null;
  half_life: number | null;
  converging: boolean;
  coefficients: BetaCoefficient[];
  reason?: string;
}

export function sigmaConvergence(panel: Panel, value: string, measure: SigmaMeasure = 'cv', periods?: readonly number[]): SigmaRow[] {
  const y = column(panel, value);
  const n = panel.ids.length;
  const T = panel.periods.length;
  const rows: SigmaRow[] = [];
  for (let t = 0; t < T; t++) {
    if (periods && !periods.includes(panel.periods[t])) continue;
    const v: number[] = [];
    for (let i = 0; i < n; i++) if (panel.present[i * T + t] && Number.isFinite(y[i * T + t])) v.push(y[i * T + t]);
    const row: SigmaRow = { period: panel.periods[t], n: v.length, mean: null, sd_sample: null, sd_pop: null, cv_sample: null, cv_pop: null, sd_log: null, sigma: null, status: 'ok' };
    if (v.length < 2) {
      rows.push({ ...row, status: 'insufficient_data', reason: 'fewer than 2 values' });
      continue;
    }
    const pop = coefficientOfVariation(v);
    const smp = coefficientOfVariation(v, { sample: true });
    const fin = (x: number) => (Number.isFinite(x) ? x : null);
    row.mean = pop.mean;
    row.sd_pop = pop.sd;
    row.sd_sample = smp.sd;
    row.cv_pop = fin(pop.cv);
    row.cv_sample = fin(smp.cv);
    if (v.every((x) => x > 0)) row.sd_log = coefficientOfVariation(v.map(log), { sample: true }).sd;
    row.sigma = measure === 'cv' ? row.cv_pop : measure === 'cv_sample' ? row.cv_sample : row.sd_log;
    if (row.sigma === null) {
      row.status = 'undefined';
      row.reason = measure === 'sd_log' ? 'a non-positive value: ln x undefined' : 'mean is 0: CV undefined';
    }
    rows.push(row);
  }
  return rows;
}

interface Design { X: Float64Array; y: Float64Array; k: number; names: string[]; unit: Int32Array; start: Int32Array; dropped: number }

function buildPanelDesign(panel: Panel, value: string, controls: readonly string[], lag: number, periods?: readonly number[]): Design {
  const x = column(panel, value);
  const z = controls.map((c) => column(panel, c));
  const n = panel.ids.length;
  const T = panel.periods.length;
  const keep = (t: number) => !periods || periods.includes(panel.periods[t]);
  const rowsX: number[] = [];
  const rowsY: number[] = [];
  const unit: number[] = [];
  const start: number[] = [];
  let dropped = 0;
  const k = 2 + controls.length;
  for (let i = 0; i < n; i++) {
    for (let t = 0; t + lag < T; t++) {
      if (!keep(t) || !keep(t + lag)) continue;
      const a = i * T + t;
      const b = i * T + t + lag;
      if (!panel.present[a] || !panel.present[b]) continue;
      const x0 = x[a];
      const x1 = x[b];
      const zs = z.map((col) => col[a]);
      if (!(x0 > 0) || !(x1 > 0) || zs.some((v) => !Number.isFinite(v))) { dropped++; continue; }
      rowsY.push(log(x1 / x0));
      rowsX.push(1, log(x0), ...zs);
      unit.push(i);
      start.push(t);
    }
  }
  return { X: Float64Array.from(rowsX), y: Float64Array.from(rowsY), k, names: ['(Intercept)', `ln ${value}`, ...controls], unit: Int32Array.from(unit), start: Int32Array.from(start), dropped };
}

function fitBeta(d: Design, effects: ConvergenceEffects, vcov: VcovType, periods: readonly number[]): OlsFit {
  const N = d.y.length;
  // Time dummies for the start period (first used period is the base).
  let timeCols: number[] = [];
  if (effects === 'time' || effects === 'twoway') {
    const used = [...new Set(Array.from(d.start))].sort((a, b) => a - b);
    timeCols = used.slice(1);
  }
  const withIntercept = effects === 'none' || effects === 'time';
  const base = withIntercept ? d.k : d.k - 1;
  const K = base + timeCols.length;
  const M = new Float64Array(N * (K + 1));
  for (let r = 0; r < N; r++) {
    let c = 0;
    for (let j = withIntercept ? 0 : 1; j < d.k; j++) M[r * (K + 1) + c++] = d.X[r * d.k + j];
    for (const tc of timeCols) M[r * (K + 1) + c++] = d.start[r] === tc ? 1 : 0;
    M[r * (K + 1) + K] = d.y[r];
  }
  let absorbed = 0;
  if (effects === 'entity' || effects === 'twoway') {
    const remap = new Map<number, number>();
    const g = Int32Array.from(d.unit, (u) => { if (!remap.has(u)) remap.set(u, remap.size); return remap.get(u)!; });
    absorbed = demeanWithin(M, K + 1, g);
  }
  const X = new Float64Array(N * K);
  const y = new Float64Array(N);
  for (let r = 0; r < N; r++) {
    for (let c = 0; c < K; c++) X[r * K + c] = M[r * (K + 1) + c];
    y[r] = M[r * (K + 1) + K];
  }
  const names = [...(withIntercept ? d.names : d.names.slice(1)), ...timeCols.map((t) => `period ${periods[t]}`)];
  const clusterIdx = (() => {
    const remap = new Map<number, number>();
    return Int32Array.from(d.unit, (u) => { if (!remap.has(u)) remap.set(u, remap.size); return remap.get(u)!; });
  })();
  return ols(X, y, K, { names, vcov, clusters: clusterIdx, intercept: withIntercept, absorbed });
}

function betaSummary(fit: OlsFit, model: 'panel' | 'cross-section', effects: ConvergenceEffects, span: number): BetaConvergence {
  const bi = fit.names.findIndex((s) => s.startsWith('ln '));
  const ai = fit.names.indexOf('(Intercept)');
  const beta = fit.coef[bi];
  const g = model === 'panel' ? 1 + beta : 1 + beta * span;
  const speed = g > 0 ? -log(g) / span : null;
  const halfLife = speed !== null && speed > 0 ? Math.LN2 / speed : null;
  const fin = (v: number) => (Number.isFinite(v) ? v : null);
  const out: BetaConvergence = {
    model, effects, vcov: fit.vcovType, span, n: fit.n, df: fit.df, clusters: fit.clusters ?? null,
    alpha: ai >= 0 ? fit.coef[ai] : null, beta,
    se_alpha: ai >= 0 ? fit.se[ai] : null, se_beta: fit.se[bi],
    t_alpha: ai >= 0 ? fit.t[ai] : null, t_beta: fit.t[bi],
    p_alpha: ai >= 0 ? fit.p[ai] : null, p_beta: fit.p[bi],
    r_squared: fit.r2, adj_r_squared: fit.adjR2, residual_se: fit.sigma,
    F: fin(fit.F), F_p: fin(fit.Fp),
    speed, half_life: halfLife, converging: beta < 0,
    coefficients: fit.names.map((term, j) => ({ term, estimate: fit.coef[j], se: fit.se[j], t: fit.t[j], p: fit.p[j] })),
  };
  if (speed === null) out.reason = model === 'panel' ? '1 + β ≤ 0: speed undefined' : '1 + βτ ≤ 0: speed undefined';
  else if (halfLife === null) out.reason = 'β ≥ 0 (no convergence): half-life undefined';
  return out;
}

export function betaConvergence(panel: Panel, options: ConvergenceOptions): { beta: BetaConvergence; warnings: Warning[] } {
  const model = options.beta === 'cross-section' ? 'cross-section' : 'panel';
  const effects = options.effects ?? 'none';
  const controls = options.controls ?? [];
  const warnings: Warning[] = [];
  if (model === 'cross-section') {
    if (effects !== 'none') throw new UsageError('bad-option', 'fixed effects need the panel β model, not the cross-section', 'drop --effects or use --beta panel');
    const T = panel.periods.length;
    const used = panel.periods.map((p, t) => [p, t] as const).filter(([p]) => !options.periods || options.periods.includes(p));
    if (used.length < 2) throw new DataError('too-few-periods', 'cross-section β-convergence needs at least two periods');
    const t0 = used[0][1];
    const t1 = used[used.length - 1][1];
    const span = t1 - t0;
    const x = column(panel, options.value);
    const z = controls.map((c) => column(panel, c));
    const X: number[] = [];
    const y: number[] = [];
    let dropped = 0;
    for (let i = 0; i < panel.ids.length; i++) {
      const a = i * T + t0;
      const b = i * T + t1;
      if (!panel.present[a] || !panel.present[b]) continue;
      const zs = z.map((col) => col[a]);
      if (!(x[a] > 0) || !(x[b] > 0) || zs.some((v) => !Number.isFinite(v))) { dropped++; continue; }
      y.push(log(x[b] / x[a]) / span);
      X.push(1, log(x[a]), ...zs);
    }
    if (dropped) warnings.push({ code: 'dropped-observations', message: `${dropped} unit(s) with a missing or non-positive value left out of the β regression`, count: dropped });
    const k = 2 + controls.length;
    const vcov = options.vcov ?? 'classical';
    if (vcov === 'cluster') throw new UsageError('bad-option', 'a cross-section has one observation per unit: use classical or hc1 standard errors');
    const fit = ols(Float64Array.from(X), Float64Array.from(y), k, { names: ['(Intercept)', `ln ${options.value}`, ...controls], vcov });
    return { beta: betaSummary(fit, model, effects, span), warnings };
  }
  const lag = options.lag ?? 1;
  if (!(Number.isInteger(lag) && lag >= 1)) throw new UsageError('bad-lag', `the span must be a positive integer (got ${lag})`);
  const d = buildPanelDesign(panel, options.value, controls, lag, options.periods);
  if (d.dropped) warnings.push({ code: 'dropped-observations', message: `${d.dropped} unit-period pair(s) with a missing or non-positive value left out of the β regression`, count: d.dropped });
  const vcov = options.vcov ?? (effects === 'entity' || effects === 'twoway' ? 'cluster' : 'classical');
  const fit = fitBeta(d, effects, vcov, panel.periods);
  const beta = betaSummary(fit, 'panel', effects, lag);
  return { beta, warnings };
}

export function convergence(panel: Panel, options: ConvergenceOptions): Result<SigmaRow> {
  const measure = options.sigma ?? 'cv';
  const rows = sigmaConvergence(panel, options.value, measure, options.periods);
  const warnings: Warning[] = [];
  let beta: BetaConvergence | null = null;
  if ((options.beta ?? 'panel') !== 'none') {
    const b = betaConvergence(panel, options);
    beta = b.beta;
    warnings.push(...b.warnings);
  }
  const effects = options.effects ?? 'none';
  const vcov = beta?.vcov ?? null;
  return {
    method: 'convergence',
    params: { ...options, sigma: measure, beta: options.beta ?? 'panel', effects },
    rows,
    summary: { sigmaMeasure: measure, beta },
    warnings,
    card: {
      method: 'convergence',
      title: { en: 'σ- and β-convergence', zh: 'σ 收敛与 β 收敛' },
      conventions: {
        value: options.value,
        sigma: measure === 'cv' ? 'CV with population SD (n)' : measure === 'cv_sample' ? 'CV with sample SD (n − 1)' : 'sample SD of ln x',
        beta: options.beta === 'cross-section' ? '(1/τ)ln(x_T/x_0) = α + β ln x_0; θ = −ln(1 + βτ)/τ' : options.beta === 'none' ? null : `ln(x_{t+${options.lag ?? 1}}/x_t) = α + β ln x_t${(options.controls ?? []).length ? ' + γ′z_t' : ''}; θ = −ln(1 + β)/${options.lag ?? 1}`,
        effects: effects === 'none' ? 'pooled OLS' : effects === 'entity' ? 'entity fixed effects (within)' : effects === 'time' ? 'period dummies' : 'entity (within) and period dummies',
        vcov: vcov === 'classical' ? 'classical OLS' : vcov === 'hc1' ? 'HC1 robust' : vcov === 'cluster' ? 'clustered by unit, G/(G−1)·(N−1)/(N−K), t(G−1)' : null,
        controls: options.controls ?? [],
        halfLife: 'ln 2/θ; null when θ ≤ 0',
      },
      formulas: ['\\ln(x_{i,t+1}/x_{i,t}) = \\alpha + \\beta \\ln x_{i,t} + \\varepsilon_{it}', '\\theta = -\\ln(1+\\beta)'],
      citations: [
        { text: 'Barro, R. J., & Sala-i-Martin, X. (1992). Convergence. Journal of Political Economy 100(2), 223–251.', doi: '10.1086/261816' },
        { text: 'Islam, N. (1995). Growth empirics: a panel data approach. Quarterly Journal of Economics 110(4), 1127–1170.', doi: '10.2307/2946651' },
      ],
      software: SOFTWARE,
      statusCounts: countStatuses(rows),
    },
  };
}
