// GM(1,1) grey forecasting model with level-ratio test and posterior-error check (methods.md M).
// Deng, J. (1982). Control problems of grey systems. Systems & Control Letters 1(5), 288–294;
// Liu, S. & Lin, Y. (2010). Grey Systems: Theory and Applications, ch. 6 (posterior-error ratio C and
// small-error probability P).
//
// x¹ = cumulative sum of x⁰; z(k) = ½(x¹(k) + x¹(k−1)), k = 2..n; [a, b] by least squares of x⁰(k) = b − a·z(k)
// (computed in centred form, which equals (BᵀB)⁻¹BᵀY with B = [−z, 1] but is better conditioned);
// x̂⁰(1) = x⁰(1), x̂⁰(k+1) = (1 − e^a)(x⁰(1) − b/a)e^{−ak}. a = 0 gives null.
// Level ratios λ(k) = x⁰(k−1)/x⁰(k) must lie in the open interval (e^{−2/(n+1)}, e^{2/(n+1)}). On failure a
// warning; with `autoShift` the smallest constant c that passes (doubling, then bisection to 1e-10 relative) is
// added before fitting and subtracted from fitted values and forecasts.
// Posterior error: residuals ε(k) = x⁰(k) − x̂⁰(k); S1 = SD of x⁰, S2 = SD of ε over the same k; C = S2/S1,
// P = share of |ε − ε̄| < 0.6745·S1. Default k = 2..n (methods.md; `includeFirst` uses k = 1..n with ε(1) = 0,
// as mathmodels and textbook GM programs), population SD (÷ the number of terms; `sd: 'sample'` divides by
// one less). Both k-ranges and both divisors are always reported. Grade = the worse of the C and P grades
// (I: C ≤ .35, P ≥ .95; II: ≤ .50, ≥ .80; III: ≤ .65, ≥ .70; IV otherwise).
// Mean relative error = mean of |ε(k)|/x⁰(k) over k = 2..n. Complexity O(n + horizon).

import { countStatuses, type Result, type Warning, type Status } from '../result.js';
import { SOFTWARE } from '../version.js';
import { UsageError } from '../errors.js';
import type { Panel } from '../panel/panel.js';
import { column } from '../panel/panel.js';
import { exp } from '../math/elementary.js';

export interface Gm11Options {
  /** Forecast steps after the last observation (default 5). */
  horizon?: number;
  /** Add the smallest constant that makes the level-ratio test pass (default false: warn only). */
  autoShift?: boolean;
  /** Posterior-error residuals from k = 1 (ε(1) = 0 included) instead of k = 2 (default false). */
  includeFirst?: boolean;
  /** SD divisor for S1, S2 and P (default 'population'). */
  sd?: 'population' | 'sample';
}

export interface PosteriorError {
  S1: number; S2: number; C: number; P: number;
  S1Sample: number; S2Sample: number; CSample: number; PSample: number;
}

export type Gm11Grade = 1 | 2 | 3 | 4;

export interface Gm11Fit {
  status: Status;
  reason?: string;
  n: number;
  a: number;
  b: number;
  /** −a, the development coefficient. */
  development: number;
  shift: number;
  x1: Float64Array;
  z1: Float64Array;
  fitted: Float64Array;
  forecast: Float64Array;
  residuals: Float64Array;
  relativeErrors: Float64Array;
  meanRelativeError: number;
  levelRatios: Float64Array;
  levelRatioBounds: [number, number];
  levelRatioPass: boolean;
  /** Level-ratio test of the series actually fitted (after the shift). */
  levelRatioPassAfterShift: boolean;
  posterior: { k1n: PosteriorError; k2n: PosteriorError };
  C: number;
  P: number;
  grade: Gm11Grade | null;
}

function levelRatios(x: ArrayLike<number>, c: number): Float64Array {
  const r = new Float64Array(Math.max(0, x.length - 1));
  for (let k = 1; k < x.length; k++) r[k - 1] = (x[k - 1] + c) / (x[k] + c);
  return r;
}

function passes(ratios: Float64Array, lo: number, hi: number): boolean {
  for (const l of ratios) if (!(l > lo && l < hi)) return false;
  return true;
}

/** Smallest c ≥ 0 (to 1e-10 relative) such that the shifted series passes the level-ratio test. */
export function levelRatioShift(x: ArrayLike<number>): number {
  const n = x.length;
  const lo = exp(-2 / (n + 1)), hi = exp(2 / (n + 1));
  if (passes(levelRatios(x, 0), lo, hi)) return 0;
  let max = 0;
  for (let k = 0; k < n; k++) max = Math.max(max, Math.abs(x[k]));
  let good = max > 0 ? max * 1e-3 : 1;
  let bad = 0;
  let guard = 0;
  while (!passes(levelRatios(x, good), lo, hi)) {
    bad = good; good *= 2;
    if (++guard > 200) throw new UsageError('gm11-shift', 'no constant makes the level-ratio test pass');
  }
  for (let it = 0; it < 200 && good - bad > 1e-10 * good; it++) {
    const mid = (good + bad) / 2;
    if (passes(levelRatios(x, mid), lo, hi)) good = mid; else bad = mid;
  }
  return good;
}

function sdOf(v: ArrayLike<number>, from: number, divisorPopulation: boolean): { sd: number; mean: number } {
  const m = v.length - from;
  let s = 0;
  for (let k = from; k < v.length; k++) s += v[k];
  const mean = s / m;
  let ss = 0;
  for (let k = from; k < v.length; k++) ss += (v[k] - mean) ** 2;
  return { sd: Math.sqrt(ss / (divisorPopulation ? m : m - 1)), mean };
}

function posteriorError(x0: ArrayLike<number>, e: ArrayLike<number>, from: number): PosteriorError {
  const out = {} as PosteriorError;
  for (const pop of [true, false]) {
    const s1 = sdOf(x0, from, pop).sd;
    const { sd: s2, mean: eb } = sdOf(e, from, pop);
    let hits = 0;
    for (let k = from; k < e.length; k++) if (Math.abs(e[k] - eb) < 0.6745 * s1) hits++;
    const P = hits / (e.length - from);
    if (pop) { out.S1 = s1; out.S2 = s2; out.C = s2 / s1; out.P = P; }
    else { out.S1Sample = s1; out.S2Sample = s2; out.CSample = s2 / s1; out.PSample = P; }
  }
  return out;
}

/** Grade (1 best … 4) from C and P: the worse of the two criteria. */
export function gm11Grade(C: number, P: number): Gm11Grade | null {
  if (!Number.isFinite(C) || !Number.isFinite(P)) return null;
  const gc = C <= 0.35 ? 1 : C <= 0.5 ? 2 : C <= 0.65 ? 3 : 4;
  const gp = P >= 0.95 ? 1 : P >= 0.8 ? 2 : P >= 0.7 ? 3 : 4;
  return Math.max(gc, gp) as Gm11Grade;
}

/** Fit GM(1,1) to one series x⁰ (equally spaced, n ≥ 4, all > 0). */
export function gm11Fit(x0In: ArrayLike<number>, options: Gm11Options = {}): Gm11Fit {
  const horizon = options.horizon ?? 5;
  if (!Number.isInteger(horizon) || horizon < 0) throw new UsageError('bad-horizon', `horizon must be an integer ≥ 0 (got ${horizon})`);
  const n = x0In.length;
  const x0 = Float64Array.from(x0In);
  const lo = exp(-2 / (n + 1)), hi = exp(2 / (n + 1));
  const empty = (status: Status, reason: string): Gm11Fit => ({
    status, reason, n, a: NaN, b: NaN, development: NaN, shift: 0, x1: new Float64Array(0), z1: new Float64Array(0),
    fitted: new Float64Array(0), forecast: new Float64Array(0), residuals: new Float64Array(0), relativeErrors: new Float64Array(0),
    meanRelativeError: NaN, levelRatios: levelRatios(x0, 0), levelRatioBounds: [lo, hi], levelRatioPass: false, levelRatioPassAfterShift: false,
    posterior: { k1n: nanPost(), k2n: nanPost() }, C: NaN, P: NaN, grade: null,
  });
  if (n < 4) return empty('insufficient_data', `GM(1,1) needs at least 4 observations (got ${n})`);
  for (let k = 0; k < n; k++) {
    if (!Number.isFinite(x0[k])) return empty('insufficient_data', `observation ${k + 1} is missing`);
    if (!(x0[k] > 0)) return empty('undefined', `GM(1,1) needs positive values (observation ${k + 1} is ${x0[k]})`);
  }
  const ratios = levelRatios(x0, 0);
  const levelRatioPass = passes(ratios, lo, hi);
  const shift = !levelRatioPass && options.autoShift ? levelRatioShift(x0) : 0;
  const xs = shift ? x0.map((v) => v + shift) : x0;
  const x1 = new Float64Array(n);
  let acc = 0;
  for (let k = 0; k < n; k++) { acc += xs[k]; x1[k] = acc; }
  const z1 = new Float64Array(n - 1);
  for (let k = 1; k < n; k++) z1[k - 1] = 0.5 * (x1[k] + x1[k - 1]);
  // Least squares of y = b − a·z in centred form.
  const m = n - 1;
  let zb = 0, yb = 0;
  for (let k = 0; k < m; k++) { zb += z1[k]; yb += xs[k + 1]; }
  zb /= m; yb /= m;
  let szz = 0, szy = 0;
  for (let k = 0; k < m; k++) { const dz = z1[k] - zb; szz += dz * dz; szy += dz * (xs[k + 1] - yb); }
  const a = -szy / szz;
  const b = yb + a * zb;
  if (!Number.isFinite(a) || a === 0) return { ...empty('undefined', 'development coefficient a = 0 (or the series is degenerate)'), levelRatioPass };
  const c0 = xs[0] - b / a;
  const g = (1 - exp(a)) * c0;
  const fitted = new Float64Array(n);
  fitted[0] = x0[0];
  for (let k = 1; k < n; k++) fitted[k] = g * exp(-a * k) - shift;
  const forecast = new Float64Array(horizon);
  for (let h = 0; h < horizon; h++) forecast[h] = g * exp(-a * (n + h)) - shift;
  const residuals = new Float64Array(n), rel = new Float64Array(n);
  let mre = 0;
  for (let k = 0; k < n; k++) {
    residuals[k] = x0[k] - fitted[k];
    rel[k] = Math.abs(residuals[k]) / x0[k];
    if (k > 0) mre += rel[k];
  }
  const k1n = posteriorError(x0, residuals, 0);
  const k2n = posteriorError(x0, residuals, 1);
  const chosen = options.includeFirst ? k1n : k2n;
  const sample = options.sd === 'sample';
  const C = sample ? chosen.CSample : chosen.C;
  const P = sample ? chosen.PSample : chosen.P;
  return {
    status: 'ok', n, a, b, development: -a, shift, x1, z1, fitted, forecast, residuals, relativeErrors: rel,
    meanRelativeError: mre / (n - 1), levelRatios: ratios, levelRatioBounds: [lo, hi], levelRatioPass,
    levelRatioPassAfterShift: passes(levelRatios(x0, shift), lo, hi),
    posterior: { k1n, k2n }, C, P, grade: gm11Grade(C, P),
  };
}

function nanPost(): PosteriorError {
  return { S1: NaN, S2: NaN, C: NaN, P: NaN, S1Sample: NaN, S2Sample: NaN, CSample: NaN, PSample: NaN };
}

// ---- panel API -------------------------------------------------------------------------------------------

export interface Gm11PanelOptions extends Gm11Options {
  value: string;
  /** Units to model (default: every unit). */
  ids?: readonly string[];
}

export interface Gm11Row {
  id: string;
  n: number;
  from: number | null;
  to: number | null;
  a: number | null;
  b: number | null;
  fitted: (number | null)[];
  forecast: (number | null)[];
  forecastPeriods: number[];
  C: number | null;
  P: number | null;
  grade: Gm11Grade | null;
  gradeLabel: string | null;
  meanRelativeError: number | null;
  relativeErrors: (number | null)[];
  residuals: (number | null)[];
  levelRatios: (number | null)[];
  levelRatioBounds: [number, number] | null;
  levelRatioPass: boolean | null;
  shift: number;
  posterior: { k1n: Record<string, number | null>; k2n: Record<string, number | null> } | null;
  status: Status;
  reason?: string;
}

const GRADE_LABEL = ['I (good)', 'II (qualified)', 'III (barely qualified)', 'IV (unqualified)'];
const fin = (x: number): number | null => (Number.isFinite(x) ? x : null);
const arr = (a: Float64Array): (number | null)[] => Array.from(a, fin);
const postOut = (p: PosteriorError): Record<string, number | null> =>
  Object.fromEntries(Object.entries(p).map(([k, v]) => [k, fin(v)]));

/** GM(1,1) per unit on the panel's periods (which must be equally spaced where the unit has values). */
export function gm11(panel: Panel, options: Gm11PanelOptions): Result<Gm11Row> {
  const values = column(panel, options.value);
  const horizon = options.horizon ?? 5;
  const T = panel.periods.length;
  const ids = options.ids ?? panel.ids;
  const warnings: Warning[] = [];
  const rows: Gm11Row[] = [];
  for (const id of [...ids].sort((p, q) => (p < q ? -1 : p > q ? 1 : 0))) {
    const i = panel.ids.indexOf(id);
    if (i < 0) throw new UsageError('unknown-id', `unit "${id}" is not in the data`);
    // The observed span: first to last period with a value; a gap inside it is an error for this unit.
    let first = -1, last = -1;
    for (let t = 0; t < T; t++) if (panel.present[i * T + t] && Number.isFinite(values[i * T + t])) { if (first < 0) first = t; last = t; }
    const base: Gm11Row = {
      id, n: 0, from: null, to: null, a: null, b: null, fitted: [], forecast: [], forecastPeriods: [], C: null, P: null, grade: null, gradeLabel: null,
      meanRelativeError: null, relativeErrors: [], residuals: [], levelRatios: [], levelRatioBounds: null, levelRatioPass: null, shift: 0, posterior: null,
      status: 'insufficient_data',
    };
    if (first < 0) { rows.push({ ...base, reason: `no value of ${options.value}` }); continue; }
    const periods = panel.periods.slice(first, last + 1);
    const x = Float64Array.from({ length: last - first + 1 }, (_, k) => values[i * T + first + k]);
    base.n = x.length; base.from = periods[0]; base.to = periods[periods.length - 1];
    const gap = x.findIndex((v) => !Number.isFinite(v));
    if (gap >= 0) { rows.push({ ...base, reason: `missing value in period ${periods[gap]} inside the series; GM(1,1) needs consecutive values` }); continue; }
    const step = periods.length > 1 ? periods[1] - periods[0] : 1;
    if (periods.some((p, k) => k > 0 && p - periods[k - 1] !== step)) {
      rows.push({ ...base, status: 'undefined', reason: `periods ${periods.join(', ')} are not equally spaced` }); continue;
    }
    const f = gm11Fit(x, options);
    const row: Gm11Row = {
      ...base,
      a: fin(f.a), b: fin(f.b), fitted: arr(f.fitted), forecast: arr(f.forecast),
      forecastPeriods: f.status === 'ok' ? Array.from({ length: horizon }, (_, h) => periods[periods.length - 1] + step * (h + 1)) : [],
      C: fin(f.C), P: fin(f.P), grade: f.grade, gradeLabel: f.grade ? GRADE_LABEL[f.grade - 1] : null,
      meanRelativeError: fin(f.meanRelativeError), relativeErrors: arr(f.relativeErrors), residuals: arr(f.residuals),
      levelRatios: arr(f.levelRatios), levelRatioBounds: f.levelRatioBounds, levelRatioPass: f.status === 'ok' ? f.levelRatioPass : null, shift: f.shift,
      posterior: f.status === 'ok' ? { k1n: postOut(f.posterior.k1n), k2n: postOut(f.posterior.k2n) } : null,
      status: f.status,
    };
    if (f.reason) row.reason = f.reason;
    rows.push(row);
    if (f.status === 'ok' && !f.levelRatioPass) {
      warnings.push({
        code: 'level-ratio', where: { id },
        message: f.shift ? `${id}: level-ratio test failed; shifted by c = ${f.shift} (subtracted from fitted values and forecasts)` : `${id}: level-ratio test failed; GM(1,1) may fit poorly (option autoShift adds a constant)`,
        messageZh: f.shift ? `${id}：级比检验未通过，已平移 c = ${f.shift}` : `${id}：级比检验未通过，GM(1,1) 可能拟合不佳`,
      });
    }
  }
  return {
    method: 'gm11',
    params: { value: options.value, horizon, autoShift: Boolean(options.autoShift), includeFirst: Boolean(options.includeFirst), sd: options.sd ?? 'population' },
    rows,
    summary: { units: rows.length },
    warnings,
    card: {
      method: 'gm11',
      title: { en: 'Grey model GM(1,1)', zh: '灰色预测模型 GM(1,1)' },
      conventions: {
        accumulation: 'x¹ = cumulative sum of x⁰ (1-AGO)',
        background: 'z(k) = ½(x¹(k) + x¹(k−1))',
        estimation: 'least squares of x⁰(k) = b − a·z(k), k = 2..n',
        response: 'x̂⁰(k+1) = (1 − e^a)(x⁰(1) − b/a)e^{−ak}, x̂⁰(1) = x⁰(1)',
        levelRatio: 'λ(k) = x⁰(k−1)/x⁰(k) in (e^{−2/(n+1)}, e^{2/(n+1)})',
        autoShift: Boolean(options.autoShift),
        posteriorRange: options.includeFirst ? 'k = 1..n (ε(1) = 0 included)' : 'k = 2..n',
        sd: options.sd === 'sample' ? 'sample (n − 1)' : 'population (n)',
        P: '|ε − ε̄| < 0.6745·S1 (strict)',
        grades: 'worse of C (≤ .35/.50/.65) and P (≥ .95/.80/.70) grades',
        meanRelativeError: 'mean of |ε(k)|/x⁰(k), k = 2..n',
        horizon,
        alsoReported: 'posterior k1n and k2n, population and sample SD',
      },
      formulas: ['\\hat x^{(0)}(k+1) = (1-e^{a})(x^{(0)}(1) - b/a) e^{-ak}', 'C = S_2/S_1'],
      citations: [
        { text: 'Deng, J. (1982). Control problems of grey systems. Systems & Control Letters 1(5), 288–294.', doi: '10.1016/S0167-6911(82)80025-X' },
        { text: 'Liu, S. & Lin, Y. (2010). Grey Systems: Theory and Applications. Berlin: Springer.' },
      ],
      software: SOFTWARE,
      statusCounts: countStatuses(rows),
    },
  };
}
