// Cross-efficiency (Sexton, Silkman & Hogan 1986; Doyle & Green 1994 aggressive/benevolent formulations) in the
// multiplier form with ε = 0, as deaR 1.5 `cross_efficiency(orientation = "io" | "oo", rts = "crs" | "vrs",
// selfapp = TRUE, correction = FALSE)`.
//
// One generic multiplier LP covers both orientations: with (I, O, σ) = (X, Y, +1) for input orientation and
// (−Y, −X, −1) for output orientation (deaR's own reduction), rater i solves
//   stage 1: max O_i'b + w  s.t.  I_i'a = σ,  O_j'b + w − I_j'a ≤ 0 (all j),  a, b ≥ 0, w free under VRS (0 under CRS);
//            E_ii = σ·optimum (input: θ = max u'y_i + u0 with v'x_i = 1; output: φ = min v'x_i + u0 with u'y_i = 1).
//   arbitrary: the multipliers of that LP as our simplex returns them (solver dependent: alternative optima).
//   m2 (Doyle & Green method II): min (aggressive) / max (benevolent) Σ_{j≠i}(O_j'b + w − I_j'a)
//     s.t. I_i'a = σ, O_i'b + w = σ·E_ii, O_j'b + w − I_j'a ≤ 0.
//   m3 (method III): min / max Σ_{j≠i}(O_j'b + w)  s.t. Σ_{j≠i} I_j'a = σ, O_i'b + w − E_ii·I_i'a = 0, same ≤ rows.
//   cross[i][j] = (O_j'b_i + w_i)/(I_j'a_i): input (u'y_j + u0)/v'x_j (≤ 1; under VRS it can be negative, deaR's
//   default, no Lim–Zhu correction); output (v'x_j + u0)/u'y_j (≥ 1). e_j = column mean (self-appraisal included),
//   A_i = row mean, maverick_j = |E_jj − e_j| / e_j (E_jj = θ or φ as the orientation scores it).
// Rows report `efficiency` in (0,1] for both orientations (θ, or 1/φ with `phi` = φ), as `dea` does.
// Multipliers are solved on mean-scaled data (ratios are invariant) and reported in original units.
// A secondary LP can be unbounded under VRS (aggressive, free w); deaR then caps the variables at 1e10, we report the
// rater as `unbounded` and every appraisal that needs it as null.
// Complexity: 2n LPs with n + 2 rows and m + s + n (+1) columns (dense basis inverse: O(n²) per pivot).

import { UsageError, DataError } from '../errors.js';
import type { Result, MethodCard } from '../result.js';
import { countStatuses } from '../result.js';
import { SOFTWARE } from '../version.js';
import type { Panel } from '../panel/panel.js';
import { solveLp, LpWorkspace, LP_OPTIMAL, LP_TOL_PRIMAL, LP_TOL_DUAL, type LpBasis } from './lp.js';
import { LP_STATUS_NAMES } from './types.js';
import type { DeaData } from './dea.js';

export type CrossMethod = 'arbitrary' | 'aggressive' | 'benevolent';

export interface CrossEfficiencyOptions {
  inputs: string[];
  outputs: string[];
  orientation?: 'in' | 'out';
  rts?: 'crs' | 'vrs';
  method?: CrossMethod;
  secondary?: 'm2' | 'm3';
}

export interface CrossRow {
  id: string;
  period?: number | string;
  efficiency: number | null;
  crossEfficiency: number | null;
  raterMean: number | null;
  maverick: number | null;
  status: string;
  reason?: string;
  phi?: number | null;
  multipliers: { inputs: Record<string, number>; outputs: Record<string, number>; u0?: number } | null;
}

function extract(data: Panel | DeaData, vars: string[]): { ids: string[]; values: Float64Array[]; period?: number | string } {
  if ('present' in data) {
    const p = data as Panel;
    if (p.periods.length > 1) throw new UsageError('bad-option', 'cross-efficiency is computed for one period at a time', 'filter the data to one period');
    const ids: string[] = [], values: Float64Array[] = [];
    p.ids.forEach((id, i) => {
      if (!p.present[i]) return;
      ids.push(id);
      values.push(Float64Array.from(vars, (v) => {
        const col = p.columns[v];
        if (!col) throw new UsageError('unknown-column', `no numeric column "${v}"; columns are: ${Object.keys(p.columns).join(', ')}`);
        return col[i];
      }));
    });
    return { ids, values };
  }
  const d = data as DeaData;
  for (const v of vars) if (!d.columns[v]) throw new UsageError('unknown-column', `no numeric column "${v}"; columns are: ${Object.keys(d.columns).join(', ')}`);
  return { ids: [...d.ids], values: d.ids.map((_, j) => Float64Array.from(vars, (v) => Number(d.columns[v][j]))) };
}

/** Cross-efficiency matrix and appraisals (rows: one per DMU; summary: the full matrix, rater × rated). */
export function crossEfficiency(data: Panel | DeaData, options: CrossEfficiencyOptions): Result<CrossRow> {
  const { inputs, outputs } = options;
  const method = options.method ?? 'aggressive';
  const secondary = options.secondary ?? 'm2';
  const orientation = options.orientation ?? 'in';
  const rts = options.rts ?? 'crs';
  if (orientation !== 'in' && orientation !== 'out') throw new UsageError('bad-option', `cross-efficiency orientation "${String(orientation)}" is not in or out`, 'use --orientation in or out');
  if (rts !== 'crs' && rts !== 'vrs') throw new UsageError('bad-option', `cross-efficiency is defined here for crs and vrs, not "${String(rts)}"`, 'use --rts crs or vrs');
  if (!['arbitrary', 'aggressive', 'benevolent'].includes(method)) throw new UsageError('bad-option', `unknown cross-efficiency method "${method}"`, 'use arbitrary, aggressive or benevolent');
  if (!['m2', 'm3'].includes(secondary)) throw new UsageError('bad-option', `unknown secondary goal "${secondary}"`, 'use m2 or m3');
  const vars = [...inputs, ...outputs];
  const { ids, values } = extract(data, vars);
  const m = inputs.length, s = outputs.length, n = ids.length;
  const out = orientation === 'out';
  values.forEach((v, j) => v.forEach((x, k) => {
    if (!Number.isFinite(x)) throw new DataError('missing-value', `missing value in "${vars[k]}" for DMU ${ids[j]}: cross-efficiency needs complete data`, { column: vars[k], id: ids[j] });
    const denomSide = out ? k >= m : k < m;
    if (x < 0 || (denomSide && x === 0)) throw new DataError(x < 0 ? 'negative-value' : out ? 'zero-output' : 'zero-input', `${x < 0 ? 'negative' : 'zero'} value ${x} in "${vars[k]}" for DMU ${ids[j]}`, { column: vars[k], id: ids[j] },
      out ? 'output-oriented cross-efficiency needs positive outputs and non-negative inputs' : 'cross-efficiency needs positive inputs and non-negative outputs');
  }));
  const scale = Float64Array.from(vars, (_, k) => { let t = 0; for (const v of values) t += v[k]; return t > 0 ? t / n : 1; });
  const x = (k: number, j: number) => values[j][k] / scale[k];
  // Generic data: I (denominator side, mI rows), O (numerator side, mO rows), σ.
  const sigma = out ? -1 : 1;
  const mI = out ? s : m, mO = out ? m : s;
  const I = (k: number, j: number) => (out ? -x(m + k, j) : x(k, j));
  const O = (k: number, j: number) => (out ? -x(k, j) : x(m + k, j));
  const vrs = rts === 'vrs';
  // LP columns: b (mO), a (mI), slack z_j (n), w (free, VRS only); rows: n constraint rows + 2 model rows.
  const r = n + 2, wc = mO + mI + n, cols = wc + (vrs ? 1 : 0);
  const A = new Float64Array(r * cols), b = new Float64Array(r), c = new Float64Array(cols), lo = new Float64Array(cols), hi = new Float64Array(cols).fill(Infinity);
  for (let j = 0; j < n; j++) {
    for (let q = 0; q < mO; q++) A[q * r + j] = O(q, j);
    for (let k = 0; k < mI; k++) A[(mO + k) * r + j] = -I(k, j);
    A[(mO + mI + j) * r + j] = 1;
    if (vrs) A[wc * r + j] = 1;
  }
  if (vrs) lo[wc] = -Infinity;
  const ws = new LpWorkspace();
  const E = new Float64Array(n).fill(NaN);
  const Bm: Float64Array[] = [], Am: Float64Array[] = [], W = new Float64Array(n);
  const status = new Uint8Array(n);
  const stage1Ok = new Uint8Array(n);
  let warm: LpBasis | null = null;
  const sumOthers = (f: (k: number, j: number) => number, k: number, i: number): number => { let t = 0; for (let j = 0; j < n; j++) if (j !== i) t += f(k, j); return t; };
  for (let i = 0; i < n; i++) {
    // row n: I_i'a = σ; row n+1: unused (0 = 0) in the first stage
    for (let q = 0; q < mO; q++) { A[q * r + n] = 0; A[q * r + n + 1] = 0; c[q] = -O(q, i); }
    for (let k = 0; k < mI; k++) { A[(mO + k) * r + n] = I(k, i); A[(mO + k) * r + n + 1] = 0; c[mO + k] = 0; }
    for (let j = 0; j < n; j++) c[mO + mI + j] = 0;
    if (vrs) { A[wc * r + n] = 0; A[wc * r + n + 1] = 0; c[wc] = -1; }
    b[n] = sigma; b[n + 1] = 0;
    let res = solveLp({ rows: r, cols, A, b, c, lo, hi }, warm, ws);
    warm = res.basis;
    status[i] = res.status;
    if (res.status !== LP_OPTIMAL) { Bm.push(new Float64Array(mO)); Am.push(new Float64Array(mI)); continue; }
    E[i] = -sigma * res.objective;
    stage1Ok[i] = 1;
    if (method !== 'arbitrary') {
      const sign = method === 'aggressive' ? 1 : -1;
      if (secondary === 'm2') {
        // I_i'a = σ (row n), O_i'b + w = σ E_ii (row n+1), objective ± Σ_{j≠i}(O_j'b + w − I_j'a)
        for (let q = 0; q < mO; q++) { A[q * r + n + 1] = O(q, i); c[q] = sign * sumOthers(O, q, i); }
        for (let k = 0; k < mI; k++) c[mO + k] = -sign * sumOthers(I, k, i);
        if (vrs) { A[wc * r + n + 1] = 1; c[wc] = sign * (n - 1); }
        b[n + 1] = sigma * E[i];
      } else {
        // Σ_{j≠i} I_j'a = σ (row n), O_i'b + w − E_ii I_i'a = 0 (row n+1), objective ± Σ_{j≠i}(O_j'b + w)
        for (let k = 0; k < mI; k++) { A[(mO + k) * r + n] = sumOthers(I, k, i); A[(mO + k) * r + n + 1] = -E[i] * I(k, i); c[mO + k] = 0; }
        for (let q = 0; q < mO; q++) { A[q * r + n + 1] = O(q, i); c[q] = sign * sumOthers(O, q, i); }
        if (vrs) { A[wc * r + n + 1] = 1; c[wc] = sign * (n - 1); }
        b[n] = sigma; b[n + 1] = 0;
      }
      res = solveLp({ rows: r, cols, A, b, c, lo, hi }, res.basis, ws);
      if (res.status !== LP_OPTIMAL) { status[i] = res.status === 2 ? 2 : 3; Bm.push(new Float64Array(mO)); Am.push(new Float64Array(mI)); continue; }
    }
    Bm.push(Float64Array.from({ length: mO }, (_, q) => Math.max(0, res.x[q])));
    Am.push(Float64Array.from({ length: mI }, (_, k) => Math.max(0, res.x[mO + k])));
    W[i] = vrs ? res.x[wc] : 0;
  }
  // Cross-efficiency matrix (scale-invariant ratios).
  const matrix: (number | null)[][] = [];
  for (let i = 0; i < n; i++) {
    const rowv: (number | null)[] = [];
    for (let j = 0; j < n; j++) {
      if (status[i] !== LP_OPTIMAL) { rowv.push(null); continue; }
      let num = W[i], den = 0;
      for (let q = 0; q < mO; q++) num += Bm[i][q] * O(q, j);
      for (let k = 0; k < mI; k++) den += Am[i][k] * I(k, j);
      const v = num / den;
      rowv.push(Number.isFinite(v) && den * sigma > 0 ? v : null);
    }
    matrix.push(rowv);
  }
  const mean = (a: (number | null)[]): number | null => { const v = a.filter((t): t is number => t !== null); return v.length === a.length && v.length ? v.reduce((p, q) => p + q, 0) / v.length : null; };
  const rows: CrossRow[] = ids.map((id, j) => {
    const e = mean(matrix.map((rw) => rw[j]));
    const okj = status[j] === LP_OPTIMAL, own = stage1Ok[j] === 1;
    const ok = okj && e !== null;
    const row: CrossRow = {
      id,
      efficiency: own ? (out ? 1 / E[j] : E[j]) : null,
      ...(out ? { phi: own ? E[j] : null } : {}),
      crossEfficiency: e,
      raterMean: okj ? mean(matrix[j]) : null,
      // deaR: |E_jj − e_j| / e_j (negative when e_j < 0, possible under VRS input orientation)
      maverick: ok && e !== null && e !== 0 ? Math.abs(E[j] - e) / e : null,
      status: ok ? 'optimal' : LP_STATUS_NAMES[okj ? 3 : status[j]],
      multipliers: okj ? {
        // input orientation: a = v (inputs), b = u (outputs); output orientation: a = u on −Y, b = v on −X, u0 = −w
        inputs: Object.fromEntries(inputs.map((v, k) => [v, (out ? Bm[j][k] : Am[j][k]) / scale[k]])),
        outputs: Object.fromEntries(outputs.map((v, q) => [v, (out ? Am[j][q] : Bm[j][q]) / scale[m + q]])),
        ...(vrs ? { u0: out ? -W[j] : W[j] } : {}),
      } : null,
    };
    if (!ok) row.reason = okj ? 'another rater\'s multiplier LP failed (see the rows with status unbounded); column mean e_j is null' : status[j] === 2 ? 'the secondary-goal LP of this rater is unbounded (VRS, free u0); appraisals using it are null' : 'a multiplier LP failed (see status); appraisals using it are null';
    return row;
  });
  const statusCounts = countStatuses(rows);
  const params = { inputs, outputs, orientation, rts, method, secondary: method === 'arbitrary' ? null : secondary, epsilon: 0, selfAppraisal: true };
  const card: MethodCard = {
    method: 'cross-efficiency',
    title: vrs ? { en: 'Cross-efficiency (BCC multiplier form)', zh: '交叉效率（BCC乘数模型）' } : { en: 'Cross-efficiency (CCR multiplier form)', zh: '交叉效率（CCR乘数模型）' },
    conventions: {
      ...params,
      layout: 'matrix[i][j] = efficiency of DMU j (rated) with the optimal multipliers of DMU i (rater); crossEfficiency = column mean including self-appraisal; raterMean = row mean; maverick = |E_jj - e_j| / e_j',
      ratio: out ? `output orientation (deaR "oo"): matrix[i][j] = (v_i'x_j${vrs ? ' + u0_i' : ''}) / u_i'y_j >= 1, crossEfficiency = mean of these (>= 1), maverick against phi; efficiency = 1/phi in (0,1], phi reported`
        : `input orientation (deaR "io"): matrix[i][j] = (u_i'y_j${vrs ? ' + u0_i' : ''}) / v_i'x_j${vrs ? ' (can be negative under VRS; no Lim-Zhu correction, deaR correction = FALSE)' : ''}`,
      unbounded: vrs ? 'a secondary-goal LP unbounded through the free u0 gives the rater status unbounded (deaR caps variables at 1e10 instead)' : undefined,
      arbitrary: 'arbitrary uses the first-stage optimum our simplex returns; multiplier LPs have alternative optima, so only the diagonal is unique',
      secondaryGoal: secondary === 'm2' ? 'Doyle & Green (1994) method II: min (aggressive) / max (benevolent) the sum over j != i of (O_j\'b + w - I_j\'a), (I, O) = (X, Y) input, (-Y, -X) output orientation; input: sum(u\'y_j + u0 - v\'x_j)' : 'Doyle & Green (1994) method III: sum over j != i of (O_j\'b + w) with sum over j != i of I_j\'a = sigma; input: sum(u\'y_j + u0) with sum over j != i of v\'x_j = 1',
      scaling: 'variables divided by their means; multipliers reported in original units',
      tolerances: { primalFeasibility: LP_TOL_PRIMAL, dualOptimality: LP_TOL_DUAL },
    },
    formulas: ['E_{ij} = \\frac{u_i^\\top y_j}{v_i^\\top x_j}', 'e_j = \\frac1n \\sum_i E_{ij}'],
    citations: [
      { text: 'Sexton, T.R., Silkman, R.H., Hogan, A.J. (1986). Data envelopment analysis: critique and extensions. New Directions for Program Evaluation 32, 73–105.' },
      { text: 'Doyle, J., Green, R. (1994). Efficiency and cross-efficiency in DEA: derivations, meanings and uses. Journal of the Operational Research Society 45(5), 567–578.', doi: '10.1057/jors.1994.84' },
    ],
    software: SOFTWARE,
    statusCounts,
  };
  return { method: 'cross-efficiency', params, rows, summary: { n, statusCounts, matrix, ids }, warnings: [], card };
}
