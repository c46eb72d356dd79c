// Dense bounded primal simplex (revised form, explicit basis inverse) for the small-row LPs of DEA.
//
//   min cᵀx  s.t.  A x = b,  lo ≤ x ≤ hi   (lo may be −∞, hi may be +∞; free variables allowed)
//
// DEA LPs have few rows (m + s + h + 2 or so) and many columns (reference DMUs), so the basis inverse is a tiny
// dense r×r matrix and the work is in pricing (one dot product of length r per column). Every row carries an
// implicit artificial column e_i fixed at [0, 0]; a cold start puts all artificials in the basis, and a
// composite phase 1 (minimise the sum of bound violations of the basic variables, Wolfe 1965 / textbook
// "composite simplex") drives them out. The same phase 1 starts from any warm basis (e.g. the previous DMU's
// optimal basis), so a warm start never needs a feasible basis.
//
// Pricing: Dantzig (largest |reduced cost|); after DEGENERATE_SWITCH consecutive degenerate pivots the rule
// falls back to Bland's smallest-index rule (entering and leaving) until a non-degenerate step, which prevents
// cycling (Bland 1977). Ratio test: minimum ratio with ties broken by the largest |pivot| (Bland mode: smallest
// basic index). The inverse is updated by the product-form pivot and recomputed by Gauss–Jordan with partial
// pivoting every REFACTOR_EVERY iterations and before the solution is reported.
// Tolerances (methods.md §0): primal feasibility and dual optimality 1e-9, pivot 1e-11 (on scaled data).
// Cost per iteration O(r·ncols + r²); memory O(r² + r·ncols) in a reusable workspace.

export const LP_TOL_PRIMAL = 1e-9;
export const LP_TOL_DUAL = 1e-9;
export const LP_TOL_PIVOT = 1e-11;
const DEGENERATE_SWITCH = 30;
const REFACTOR_EVERY = 64;

/** Outcome of one LP: optimal, infeasible, unbounded, or numerical (iteration limit / singular basis). */
export const LP_OPTIMAL = 0;
export const LP_INFEASIBLE = 1;
export const LP_UNBOUNDED = 2;
export const LP_NUMERICAL = 3;

export interface LpProblem {
  rows: number;
  cols: number;
  /** Column-major constraint matrix, rows × cols: A[i + j*rows]. */
  A: Float64Array;
  b: Float64Array;
  c: Float64Array;
  lo: Float64Array;
  hi: Float64Array;
}

/** A basis to warm-start from: basic variable per row (index ≥ cols means artificial of row index−cols). */
export interface LpBasis {
  basic: Int32Array;
  /** Per structural column: 1 when nonbasic at its upper bound, else 0. */
  atUpper: Uint8Array;
  cols: number;
}

/** Arrays in a result are views into the workspace: valid until the next solve with the same workspace. */
export interface LpResult {
  status: 0 | 1 | 2 | 3;
  objective: number;
  x: Float64Array;          // length cols (valid when optimal)
  /** Simplex multipliers y = c_Bᵀ B⁻¹ of the final phase (phase-1 multipliers when infeasible: a Farkas ray). */
  duals: Float64Array;
  basis: LpBasis;
  iterations: number;
}

const NB_LOWER = 0, NB_UPPER = 1, NB_FREE = 2, BASIC = 3;

/** Reusable workspace, grown on demand. */
export class LpWorkspace {
  private cap_r = 0;
  private cap_n = 0;
  Binv = new Float64Array(0);
  Bmat = new Float64Array(0);
  xB = new Float64Array(0);
  cB = new Float64Array(0);
  y = new Float64Array(0);
  alpha = new Float64Array(0);
  head = new Int32Array(0);
  state = new Uint8Array(0);
  xN = new Float64Array(0);
  xOut = new Float64Array(0);
  atUpperOut = new Uint8Array(0);
  basicOut = new Int32Array(0);
  dualsOut = new Float64Array(0);
  ensure(r: number, n: number): void {
    if (r > this.cap_r) {
      this.cap_r = r;
      this.Binv = new Float64Array(r * r);
      this.Bmat = new Float64Array(r * r);
      this.xB = new Float64Array(r);
      this.cB = new Float64Array(r);
      this.y = new Float64Array(r);
      this.alpha = new Float64Array(r);
      this.head = new Int32Array(r);
      this.basicOut = new Int32Array(r);
      this.dualsOut = new Float64Array(r);
    }
    if (n + r > this.cap_n) {
      this.cap_n = Math.max(n + r, Math.ceil(this.cap_n * 1.5));
      this.state = new Uint8Array(this.cap_n);
      this.xN = new Float64Array(this.cap_n);
      this.xOut = new Float64Array(this.cap_n);
      this.atUpperOut = new Uint8Array(this.cap_n);
    }
  }
}

const sharedWorkspace = new LpWorkspace();

/** Solve an LP with the bounded primal simplex. `warm` is an optional starting basis (falls back to cold start). */
export function solveLp(p: LpProblem, warm?: LpBasis | null, ws: LpWorkspace = sharedWorkspace, maxIter?: number): LpResult {
  const r = p.rows, n = p.cols, A = p.A, b = p.b, lo = p.lo, hi = p.hi, c = p.c;
  ws.ensure(r, n);
  const Binv = ws.Binv, xB = ws.xB, cB = ws.cB, y = ws.y, alpha = ws.alpha, head = ws.head, state = ws.state, xN = ws.xN;
  const limit = maxIter ?? 200 + 20 * (r + n);

  // Nonbasic starting values: at lower bound if finite, else upper, else 0 (free); a warm basis keeps its upper
  // bounds. Warm basic indices ≥ warm.cols are artificials, remapped when columns were appended since.
  let ok = false;
  const useWarm = !!warm && warm.basic.length === r && warm.cols <= n;
  for (let j = 0; j < n; j++) {
    const l = lo[j], h = hi[j];
    if (useWarm && j < (warm as LpBasis).cols && (warm as LpBasis).atUpper[j] === 1 && h < Infinity) { state[j] = NB_UPPER; xN[j] = h; }
    else if (l > -Infinity) { state[j] = NB_LOWER; xN[j] = l; }
    else if (h < Infinity) { state[j] = NB_UPPER; xN[j] = h; }
    else { state[j] = NB_FREE; xN[j] = 0; }
  }
  for (let i = 0; i < r; i++) { state[n + i] = NB_LOWER; xN[n + i] = 0; }
  if (useWarm) {
    const wb = (warm as LpBasis).basic, wc = (warm as LpBasis).cols;
    ok = true;
    for (let i = 0; i < r; i++) {
      let k = wb[i];
      if (k >= wc) k = n + (k - wc);
      if (k < 0 || k >= n + r || state[k] === BASIC) { ok = false; break; }
      head[i] = k; state[k] = BASIC;
    }
    if (ok) ok = refactor(p, ws);
    if (!ok) {
      // Unusable warm basis: back to every structural column nonbasic at a finite bound (or free at 0).
      for (let j = 0; j < n; j++) {
        const l = lo[j], h = hi[j];
        if (l > -Infinity) { state[j] = NB_LOWER; xN[j] = l; }
        else if (h < Infinity) { state[j] = NB_UPPER; xN[j] = h; }
        else { state[j] = NB_FREE; xN[j] = 0; }
      }
      for (let i = 0; i < r; i++) { state[n + i] = NB_LOWER; xN[n + i] = 0; }
    }
  }
  if (!ok) {
    for (let i = 0; i < r; i++) { head[i] = n + i; state[n + i] = BASIC; xN[n + i] = 0; }
    refactor(p, ws);
  }
  computeXB(p, ws);

  let iter = 0, degenerate = 0, bland = false, sinceRefactor = 0;
  let phase1 = true;
  let status: 0 | 1 | 2 | 3 = LP_NUMERICAL;

  for (;;) {
    if (iter >= limit) { status = LP_NUMERICAL; break; }
    // Phase costs.
    let infeasible = false;
    for (let i = 0; i < r; i++) {
      const k = head[i];
      const l = k < n ? lo[k] : 0, h = k < n ? hi[k] : 0;
      const v = xB[i];
      if (v < l - LP_TOL_PRIMAL) { cB[i] = -1; infeasible = true; }
      else if (v > h + LP_TOL_PRIMAL) { cB[i] = 1; infeasible = true; }
      else cB[i] = 0;
    }
    phase1 = infeasible;
    if (!infeasible) for (let i = 0; i < r; i++) { const k = head[i]; cB[i] = k < n ? c[k] : 0; }
    // y = cBᵀ B⁻¹
    for (let j = 0; j < r; j++) {
      let s = 0;
      for (let i = 0; i < r; i++) s += cB[i] * Binv[i * r + j];
      y[j] = s;
    }
    // Pricing. For r ≤ 8 the dot product is unrolled over 8 entries with y padded by zeros (3× faster in V8);
    // the entries read past a column belong to the next column and are multiplied by 0, so only columns whose
    // 8-entry window stays inside A use it.
    let q = -1, best = 0, dir = 0;
    const y0 = y[0], y1 = r > 1 ? y[1] : 0, y2 = r > 2 ? y[2] : 0, y3 = r > 3 ? y[3] : 0;
    const y4 = r > 4 ? y[4] : 0, y5 = r > 5 ? y[5] : 0, y6 = r > 6 ? y[6] : 0, y7 = r > 7 ? y[7] : 0;
    const safeEnd = r <= 8 && A.length >= 8 ? Math.min(n, Math.floor((A.length - 8) / r) + 1) : 0;
    for (let j = 0; j < n; j++) {
      const st = state[j];
      if (st === BASIC) continue;
      if (lo[j] === hi[j]) continue;
      let d = phase1 ? 0 : c[j];
      const off = j * r;
      if (j < safeEnd) {
        d -= y0 * A[off] + y1 * A[off + 1] + y2 * A[off + 2] + y3 * A[off + 3] + y4 * A[off + 4] + y5 * A[off + 5] + y6 * A[off + 6] + y7 * A[off + 7];
      } else for (let i = 0; i < r; i++) d -= y[i] * A[off + i];
      let score = 0, dj = 0;
      if (st === NB_LOWER) { if (d < -LP_TOL_DUAL) { score = -d; dj = 1; } }
      else if (st === NB_UPPER) { if (d > LP_TOL_DUAL) { score = d; dj = -1; } }
      else if (d < -LP_TOL_DUAL) { score = -d; dj = 1; } else if (d > LP_TOL_DUAL) { score = d; dj = -1; }
      if (dj !== 0) {
        if (bland) { q = j; dir = dj; break; }
        if (score > best) { best = score; q = j; dir = dj; }
      }
    }
    if (q < 0) {
      // Optimal for this phase: refactor for accuracy; re-price only if the refreshed values leave the bounds.
      if (sinceRefactor > 0) {
        if (!refactor(p, ws)) { status = LP_NUMERICAL; break; }
        computeXB(p, ws); sinceRefactor = 0;
        if (phase1 || !primalFeasible(p, ws)) continue;
      }
      status = phase1 ? LP_INFEASIBLE : LP_OPTIMAL;
      break;
    }
    // alpha = B⁻¹ a_q
    const offq = q * r;
    for (let i = 0; i < r; i++) {
      let s = 0;
      const row = i * r;
      for (let k = 0; k < r; k++) s += Binv[row + k] * A[offq + k];
      alpha[i] = s;
    }
    // Ratio test: x_q moves by dir·t; xB_i changes at rate −dir·alpha_i.
    let tMax = hi[q] - lo[q];  // bound flip (Infinity when unbounded side)
    let p_ = -1, pivAbs = 0, leaveToUpper = false;
    for (let i = 0; i < r; i++) {
      const a = alpha[i];
      if (a > -LP_TOL_PIVOT && a < LP_TOL_PIVOT) continue;
      const rate = -dir * a;
      const k = head[i];
      const l = k < n ? lo[k] : 0, h = k < n ? hi[k] : 0;
      const v = xB[i];
      let t: number, toUpper: boolean;
      if (rate < 0) {
        if (v > h + LP_TOL_PRIMAL) { t = (v - h) / -rate; toUpper = true; }       // infeasible above: stop at upper
        else if (v < l - LP_TOL_PRIMAL) continue;                                     // moving further below: no block
        else { if (l === -Infinity) continue; t = (v - l) / -rate; toUpper = false; }
      } else {
        if (v < l - LP_TOL_PRIMAL) { t = (l - v) / rate; toUpper = false; }
        else if (v > h + LP_TOL_PRIMAL) continue;
        else { if (h === Infinity) continue; t = (h - v) / rate; toUpper = true; }
      }
      if (t < 0) t = 0;
      const aa = Math.abs(a);
      let take: boolean;
      if (t < tMax - 1e-12) take = true;
      else if (t > tMax + 1e-12) take = false;
      else if (p_ < 0) take = true;                               // tie with the bound flip: pivot instead
      else take = bland ? k < head[p_] : aa > pivAbs;             // Bland: smallest index; else largest pivot
      if (take) { tMax = Math.min(t, tMax); p_ = i; pivAbs = aa; leaveToUpper = toUpper; }
    }
    if (tMax === Infinity) { status = phase1 ? LP_NUMERICAL : LP_UNBOUNDED; break; }
    iter++;
    sinceRefactor++;
    if (tMax <= 1e-12) { degenerate++; if (degenerate > DEGENERATE_SWITCH) bland = true; }
    else { degenerate = 0; bland = false; }
    const step = dir * tMax;
    for (let i = 0; i < r; i++) xB[i] -= step * alpha[i];
    if (p_ < 0) {
      // Bound flip of the entering variable.
      if (state[q] === NB_LOWER) { state[q] = NB_UPPER; xN[q] = hi[q]; } else { state[q] = NB_LOWER; xN[q] = lo[q]; }
      continue;
    }
    // Pivot: q enters at row p_, head[p_] leaves at the bound it reached.
    const leaving = head[p_];
    const enteringValue = xN[q] + step;
    if (leaving < n) {
      if (leaveToUpper) { state[leaving] = NB_UPPER; xN[leaving] = hi[leaving]; }
      else { state[leaving] = NB_LOWER; xN[leaving] = lo[leaving]; }
    } else { state[leaving] = NB_LOWER; xN[leaving] = 0; }
    head[p_] = q; state[q] = BASIC;
    xB[p_] = enteringValue;
    const piv = alpha[p_];
    const prow = p_ * r;
    for (let k = 0; k < r; k++) Binv[prow + k] /= piv;
    for (let i = 0; i < r; i++) {
      if (i === p_) continue;
      const f = alpha[i];
      if (f === 0) continue;
      const row = i * r;
      for (let k = 0; k < r; k++) Binv[row + k] -= f * Binv[prow + k];
    }
    if (sinceRefactor >= REFACTOR_EVERY) {
      if (!refactor(p, ws)) { status = LP_NUMERICAL; break; }
      computeXB(p, ws); sinceRefactor = 0;
    }
  }

  const x = ws.xOut.subarray(0, n);
  for (let j = 0; j < n; j++) x[j] = state[j] !== BASIC ? xN[j] : 0;
  for (let i = 0; i < r; i++) if (head[i] < n) x[head[i]] = xB[i];
  let objective = 0;
  for (let j = 0; j < n; j++) objective += c[j] * x[j];
  const basic = ws.basicOut.subarray(0, r);
  for (let i = 0; i < r; i++) basic[i] = head[i];
  const atUpper = ws.atUpperOut.subarray(0, n);
  for (let j = 0; j < n; j++) atUpper[j] = state[j] === NB_UPPER ? 1 : 0;
  const duals = ws.dualsOut.subarray(0, r);
  for (let i = 0; i < r; i++) duals[i] = y[i];
  return { status, objective, x, duals, basis: { basic, atUpper, cols: n }, iterations: iter };
}

function primalFeasible(p: LpProblem, ws: LpWorkspace): boolean {
  const n = p.cols;
  for (let i = 0; i < p.rows; i++) {
    const k = ws.head[i];
    const l = k < n ? p.lo[k] : 0, h = k < n ? p.hi[k] : 0, v = ws.xB[i];
    if (v < l - LP_TOL_PRIMAL || v > h + LP_TOL_PRIMAL) return false;
  }
  return true;
}

/** Invert the basis matrix by Gauss–Jordan with partial pivoting. Returns false when singular. */
function refactor(p: LpProblem, ws: LpWorkspace): boolean {
  const r = p.rows, n = p.cols, A = p.A;
  const B = ws.Bmat, Binv = ws.Binv, head = ws.head;
  for (let j = 0; j < r; j++) {
    const k = head[j];
    for (let i = 0; i < r; i++) B[i * r + j] = k < n ? A[k * r + i] : (i === k - n ? 1 : 0);
  }
  Binv.fill(0, 0, r * r);
  for (let i = 0; i < r; i++) Binv[i * r + i] = 1;
  for (let col = 0; col < r; col++) {
    let piv = col, best = Math.abs(B[col * r + col]);
    for (let i = col + 1; i < r; i++) { const v = Math.abs(B[i * r + col]); if (v > best) { best = v; piv = i; } }
    if (best < 1e-13) return false;
    if (piv !== col) {
      for (let k = 0; k < r; k++) {
        let t = B[col * r + k]; B[col * r + k] = B[piv * r + k]; B[piv * r + k] = t;
        t = Binv[col * r + k]; Binv[col * r + k] = Binv[piv * r + k]; Binv[piv * r + k] = t;
      }
    }
    const d = B[col * r + col];
    for (let k = 0; k < r; k++) { B[col * r + k] /= d; Binv[col * r + k] /= d; }
    for (let i = 0; i < r; i++) {
      if (i === col) continue;
      const f = B[i * r + col];
      if (f === 0) continue;
      for (let k = 0; k < r; k++) { B[i * r + k] -= f * B[col * r + k]; Binv[i * r + k] -= f * Binv[col * r + k]; }
    }
  }
  return true;
}

/** xB = B⁻¹ (b − N x_N). */
function computeXB(p: LpProblem, ws: LpWorkspace): void {
  const r = p.rows, n = p.cols, A = p.A;
  const rhs = ws.alpha; // scratch
  for (let i = 0; i < r; i++) rhs[i] = p.b[i];
  for (let j = 0; j < n; j++) {
    if (ws.state[j] === BASIC) continue;
    const v = ws.xN[j];
    if (v === 0) continue;
    const off = j * r;
    for (let i = 0; i < r; i++) rhs[i] -= A[off + i] * v;
  }
  const Binv = ws.Binv, xB = ws.xB;
  for (let i = 0; i < r; i++) {
    let s = 0;
    for (let k = 0; k < r; k++) s += Binv[i * r + k] * rhs[k];
    xB[i] = s;
  }
}
