// Cross-efficiency (Sexton, Silkman & Hogan 1986; Doyle & Green 1994 aggressive/benevolent formulations), input-
// oriented CCR multiplier form with ε = 0, as deaR `cross_efficiency(orientation = "io", rts = "crs")`.
//
//   DMU i (rater): E_ii = max u'y_i  s.t.  v'x_i = 1,  u'y_j − v'x_j ≤ 0 (all j),  u, v ≥ 0.
//   arbitrary: the multipliers of that LP as our simplex returns them (solver dependent: alternative optima).
//   secondary goal m2 (Doyle & Green method II): min (aggressive) / max (benevolent) Σ_{j≠i}(u'y_j − v'x_j)
//     s.t. v'x_i = 1, u'y_i = E_ii, u'y_j − v'x_j ≤ 0.
//   secondary goal m3 (method III): min / max Σ_{j≠i} u'y_j  s.t. Σ_{j≠i} v'x_j = 1, u'y_i − E_ii v'x_i = 0,
//     u'y_j − v'x_j ≤ 0.
//   cross_eff[i][j] = u_i'y_j / v_i'x_j (rater i, rated j); e_j = mean over raters i (self-appraisal included),
//   A_i = mean over rated j, maverick_j = |E_jj − e_j| / e_j.
// Multipliers are solved on mean-scaled data (scores are invariant) and reported in original units.
// Complexity: 2n LPs with n + 2 rows and m + s + n columns (dense basis inverse: O(n²) per pivot).

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
  multipliers: { inputs: Record<string, number>; outputs: Record<string, number> } | null;
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
  if ((options.orientation ?? 'in') !== 'in') throw new UsageError('bad-option', 'cross-efficiency is implemented for input orientation', 'use --orientation in');
  if ((options.rts ?? 'crs') !== 'crs') throw new UsageError('bad-option', 'cross-efficiency is implemented for CRS (the CCR multiplier model)', 'use --rts crs');
  if (!['arbitrary', 'aggressive', 'benevolent'].includes(method)) throw new UsageError('bad-option', `unknown cross-efficiency method "${method}"`, 'use arbitrary, aggressive or benevolent');
  if (!['m2', 'm3'].includes(secondary)) throw new UsageError('bad-option', `unknown secondary goal "${secondary}"`, 'use m2 or m3');
  const vars = [...inputs, ...outputs];
  const { ids, values } = extract(data, vars);
  const m = inputs.length, s = outputs.length, n = ids.length;
  values.forEach((v, j) => v.forEach((x, k) => {
    if (!Number.isFinite(x)) throw new DataError('missing-value', `missing value in "${vars[k]}" for DMU ${ids[j]}: cross-efficiency needs complete data`, { column: vars[k], id: ids[j] });
    if (x < 0 || (k < m && x === 0)) throw new DataError(x < 0 ? 'negative-value' : 'zero-input', `${x < 0 ? 'negative' : 'zero'} value ${x} in "${vars[k]}" for DMU ${ids[j]}`, { column: vars[k], id: ids[j] }, 'cross-efficiency needs positive inputs and non-negative outputs');
  }));
  const scale = Float64Array.from(vars, (_, k) => { let t = 0; for (const v of values) t += v[k]; return t > 0 ? t / n : 1; });
  const x = (k: number, j: number) => values[j][k] / scale[k];
  // LP: columns u (s), v (m), w (n slack of u'y_j − v'x_j + w_j = 0); rows: n constraint rows + 2 model rows.
  const r = n + 2, cols = s + m + n;
  const A = new Float64Array(r * cols), b = new Float64Array(r), c = new Float64Array(cols), lo = new Float64Array(cols), hi = new Float64Array(cols).fill(Infinity);
  for (let j = 0; j < n; j++) {
    for (let q = 0; q < s; q++) A[q * r + j] = x(m + q, j);
    for (let i = 0; i < m; i++) A[(s + i) * r + j] = -x(i, j);
    A[(s + m + j) * r + j] = 1;
  }
  const ws = new LpWorkspace();
  const E = new Float64Array(n).fill(NaN);
  const U: Float64Array[] = [], V: Float64Array[] = [];
  const status = new Uint8Array(n);
  let warm: LpBasis | null = null;
  for (let i = 0; i < n; i++) {
    // row n: v'x_i = 1; row n+1: unused (0 = 0) in the first stage
    for (let q = 0; q < s; q++) { A[q * r + n] = 0; A[q * r + n + 1] = 0; c[q] = -x(m + q, i); }
    for (let k = 0; k < m; k++) { A[(s + k) * r + n] = x(k, i); A[(s + k) * r + n + 1] = 0; c[s + k] = 0; }
    for (let j = 0; j < n; j++) c[s + m + j] = 0;
    b[n] = 1; b[n + 1] = 0;
    let res = solveLp({ rows: r, cols, A, b, c, lo, hi }, warm, ws);
    warm = res.basis;
    status[i] = res.status;
    if (res.status !== LP_OPTIMAL) { U.push(new Float64Array(s)); V.push(new Float64Array(m)); continue; }
    E[i] = -res.objective;
    if (method !== 'arbitrary') {
      const sign = method === 'aggressive' ? 1 : -1;
      if (secondary === 'm2') {
        // v'x_i = 1 (row n), u'y_i = E_ii (row n+1), objective ± Σ_{j≠i}(u'y_j − v'x_j)
        for (let q = 0; q < s; q++) { A[q * r + n + 1] = x(m + q, i); let t = 0; for (let j = 0; j < n; j++) if (j !== i) t += x(m + q, j); c[q] = sign * t; }
        for (let k = 0; k < m; k++) { let t = 0; for (let j = 0; j < n; j++) if (j !== i) t += x(k, j); c[s + k] = -sign * t; }
        b[n + 1] = E[i];
      } else {
        // Σ_{j≠i} v'x_j = 1 (row n), u'y_i − E_ii v'x_i = 0 (row n+1), objective ± Σ_{j≠i} u'y_j
        for (let k = 0; k < m; k++) { let t = 0; for (let j = 0; j < n; j++) if (j !== i) t += x(k, j); A[(s + k) * r + n] = t; A[(s + k) * r + n + 1] = -E[i] * x(k, i); c[s + k] = 0; }
        for (let q = 0; q < s; q++) { A[q * r + n + 1] = x(m + q, i); let t = 0; for (let j = 0; j < n; j++) if (j !== i) t += x(m + q, j); c[q] = sign * t; }
        b[n] = 1; b[n + 1] = 0;
      }
      res = solveLp({ rows: r, cols, A, b, c, lo, hi }, res.basis, ws);
      if (res.status !== LP_OPTIMAL) { status[i] = 3; U.push(new Float64Array(s)); V.push(new Float64Array(m)); continue; }
    }
    U.push(Float64Array.from({ length: s }, (_, q) => Math.max(0, res.x[q])));
    V.push(Float64Array.from({ length: m }, (_, k) => Math.max(0, res.x[s + k])));
  }
  // Cross-efficiency matrix (scale-invariant ratios).
  const matrix: (number | null)[][] = [];
  for (let i = 0; i < n; i++) {
    const rowv: (number | null)[] = [];
    for (let j = 0; j < n; j++) {
      if (status[i] !== LP_OPTIMAL) { rowv.push(null); continue; }
      let num = 0, den = 0;
      for (let q = 0; q < s; q++) num += U[i][q] * x(m + q, j);
      for (let k = 0; k < m; k++) den += V[i][k] * x(k, j);
      rowv.push(den > 0 ? num / den : null);
    }
    matrix.push(rowv);
  }
  const mean = (a: (number | null)[]): number | null => { const v = a.filter((t): t is number => t !== null); return v.length === a.length && v.length ? v.reduce((p, q) => p + q, 0) / v.length : null; };
  const rows: CrossRow[] = ids.map((id, j) => {
    const e = mean(matrix.map((rw) => rw[j]));
    const ok = status[j] === LP_OPTIMAL && e !== null;
    const row: CrossRow = {
      id,
      efficiency: status[j] === LP_OPTIMAL ? E[j] : null,
      crossEfficiency: e,
      raterMean: status[j] === LP_OPTIMAL ? mean(matrix[j]) : null,
      maverick: ok && e !== null && e > 0 ? Math.abs(E[j] - e) / e : null,
      status: ok ? 'optimal' : LP_STATUS_NAMES[status[j] === LP_OPTIMAL ? 3 : status[j]],
      multipliers: status[j] === LP_OPTIMAL ? {
        inputs: Object.fromEntries(inputs.map((v, k) => [v, V[j][k] / scale[k]])),
        outputs: Object.fromEntries(outputs.map((v, q) => [v, U[j][q] / scale[m + q]])),
      } : null,
    };
    if (!ok) row.reason = 'a multiplier LP failed (see status); appraisals using it are null';
    return row;
  });
  const statusCounts = countStatuses(rows);
  const params = { inputs, outputs, orientation: 'in', rts: 'crs', method, secondary: method === 'arbitrary' ? null : secondary, epsilon: 0, selfAppraisal: true };
  const card: MethodCard = {
    method: 'cross-efficiency',
    title: { en: 'Cross-efficiency (CCR multiplier form)', zh: '交叉效率（CCR乘数模型）' },
    conventions: {
      ...params,
      layout: 'matrix[i][j] = efficiency of DMU j (rated) with the optimal multipliers of DMU i (rater); crossEfficiency = column mean including self-appraisal; raterMean = row mean; maverick = |E_jj - e_j| / e_j',
      arbitrary: 'arbitrary uses the first-stage optimum our simplex returns; multiplier LPs have alternative optima, so only the diagonal is unique',
      secondaryGoal: secondary === 'm2' ? 'Doyle & Green (1994) method II: sum over j != i of (u\'y_j - v\'x_j)' : 'Doyle & Green (1994) method III: sum over j != i of u\'y_j with sum over j != i of v\'x_j = 1',
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
