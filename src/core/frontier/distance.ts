// Batch distance functions of evaluated points to a reference technology — the contract (types.ts) between the
// DEA engine and the productivity indices (Malmquist, Malmquist–Luenberger, Luenberger, global/biennial indices).
//
//   radial (Farrell; Charnes, Cooper & Rhodes 1978; Banker, Charnes & Cooper 1984; methods.md E1):
//     input  θ* = min θ  s.t. Xλ ≤ θx_o, Yλ ≥ y_o, RTS row;   value θ*
//     output φ* = max φ  s.t. Xλ ≤ x_o, Yλ ≥ φy_o, RTS row;   value 1/φ*
//   ddf (Chambers, Chung & Färe 1996; Chung, Färe & Grosskopf 1997; methods.md E7):
//     β* = max β  s.t. Xλ ≤ x_o − βg_x, Yλ ≥ y_o + βg_y, Bλ = b_o − βg_b ('free': ≤), RTS row; β free; value β*
//   nddf (Zhou, Ang & Wang 2012, EJOR 221(3):625–635; methods.md E8):
//     max Σ w_k β_k  s.t. Xλ ≤ x_o − β^x∘g_x, Yλ ≥ y_o + β^y∘g_y, Bλ = b_o − β^b∘g_b, β ≥ 0; value Σwβ,
//     components β per variable (β_k fixed at 0 where w_k = 0 or g_k = 0, so components are well defined).
// Bad outputs in a radial spec enter as Bλ = b_o (weak disposability, held fixed).
// RTS row: crs none, vrs Σλ = 1, nirs Σλ ≤ 1, ndrs Σλ ≥ 1.
// Conventions: every variable is divided by its mean over reference ∪ evaluated points (methods.md E0);
// all values above are invariant to this, custom directions are scaled with the data. Infeasible/unbounded LPs
// give NaN with a status (callers turn them into null + status). `exclude[k]` leaves one reference point out
// (super-efficiency).
// Complexity: for n reference points above FRAME_MIN_N the extreme-efficient frame F is found once
// (engine.ts), then each evaluated point costs one LP with |F| + O(m+s+h) columns, warm-started from the
// previous point's basis.

import { UsageError } from '../errors.js';
import type { DistanceResult, DistanceSpec, Technology, Rts } from './types.js';
import { LP_OPTIMAL, LP_INFEASIBLE, LP_UNBOUNDED, LP_NUMERICAL } from './lp.js';
import { DeaLp, buildRef, efficientFrame, meanScale, FRAME_MIN_N, type RefData } from './engine.js';

function checkTech(t: Technology, what: string): void {
  const { m, s, h, n } = t;
  if (t.X.length !== m * n || t.Y.length !== s * n || (h > 0 && (!t.B || t.B.length !== h * n))) {
    throw new UsageError('bad-technology', `${what}: array lengths do not match m, s, h, n`);
  }
}

/** Frames are cached per reference data array and technology kind (the arrays must not be mutated afterwards). */
const frameCache = new WeakMap<Float64Array, Map<string, { ref: RefData; frame: Int32Array }>>();

/** Reference data and its efficient frame (null when the whole set is used). */
export function referenceFrame(ref: RefData, rts: Rts, badEquality: boolean, cacheKey?: Float64Array): Int32Array | null {
  if (ref.n < FRAME_MIN_N) return null;
  const key = `${rts}|${badEquality ? 'eq' : 'le'}|${ref.n}`;
  if (cacheKey) {
    const hit = frameCache.get(cacheKey)?.get(key);
    if (hit && hit.ref.D.length === ref.D.length) {
      let same = true;
      for (let i = 0; i < ref.D.length; i += 97) if (hit.ref.D[i] !== ref.D[i]) { same = false; break; }
      if (same) return hit.frame;
    }
  }
  const frame = efficientFrame(ref, rts, badEquality);
  if (cacheKey) {
    let m = frameCache.get(cacheKey);
    if (!m) { m = new Map(); frameCache.set(cacheKey, m); }
    m.set(key, { ref, frame });
  }
  return frame;
}

/** Distances of every evaluated point to the reference technology (see types.ts `DistancesFn`). */
export function distances(reference: Technology, evaluated: Technology, spec: DistanceSpec, exclude?: Int32Array): DistanceResult {
  checkTech(reference, 'reference');
  checkTech(evaluated, 'evaluated');
  const { m, s, h } = reference;
  if (evaluated.m !== m || evaluated.s !== s || evaluated.h !== h) {
    throw new UsageError('bad-technology', 'evaluated points must have the same inputs, outputs and bad outputs as the reference');
  }
  const n = reference.n, K = evaluated.n, d = m + s + h;
  if (exclude && exclude.length !== K) throw new UsageError('bad-exclude', 'exclude must have one entry per evaluated point');
  const value = new Float64Array(K).fill(NaN);
  const status = new Uint8Array(K);
  const components = spec.kind === 'nddf' ? new Float64Array(d * K).fill(NaN) : undefined;
  if (K === 0) return components ? { value, status, components } : { value, status };
  if (n === 0) { status.fill(LP_INFEASIBLE); return components ? { value, status, components } : { value, status }; }

  const scale = meanScale([
    [{ rows: m, n, M: reference.X }, { rows: m, n: K, M: evaluated.X }],
    [{ rows: s, n, M: reference.Y }, { rows: s, n: K, M: evaluated.Y }],
    [{ rows: h, n, M: reference.B ?? new Float64Array(0) }, { rows: h, n: K, M: evaluated.B ?? new Float64Array(0) }],
  ], d);
  const ref = buildRef(m, s, h, n, reference.X, reference.Y, reference.B, scale);
  const ev = buildRef(m, s, h, K, evaluated.X, evaluated.Y, evaluated.B, scale);

  const rts = spec.rts;
  const badFree = spec.kind !== 'radial' && spec.badDisposability === 'free';
  const rtsSlack = rts === 'nirs' ? 1 : rts === 'ndrs' ? -1 : 0;
  const hasRts = rts !== 'crs';
  const nMain = spec.kind === 'nddf' ? d : 1;
  const nExtra = nMain + m + s + (badFree ? h : 0) + (rtsSlack !== 0 ? 1 : 0);
  const lp = new DeaLp(ref, hasRts, 0, nExtra);

  // Slack columns (fixed for all points).
  let e = nMain;
  for (let i = 0; i < m; i++) { lp.setExtra(e, null, 0, 0, Infinity); lp.setCoef(e++, i, 1); }
  for (let r = 0; r < s; r++) { lp.setExtra(e, null, 0, 0, Infinity); lp.setCoef(e++, m + r, -1); }
  if (badFree) for (let q = 0; q < h; q++) { lp.setExtra(e, null, 0, 0, Infinity); lp.setCoef(e++, m + s + q, 1); }
  if (rtsSlack !== 0) { lp.setExtra(e, null, 0, 0, Infinity); lp.setCoef(e++, d, rtsSlack); }

  const frame = referenceFrame(ref, rts, !badFree, reference.X);
  const all = frame ?? Int32Array.from({ length: n }, (_, j) => j);
  lp.setPool(all);

  // Directions in scaled units.
  const g = new Float64Array(d);
  const direction = spec.kind === 'radial' ? null : spec.direction;
  if (direction === 'custom') {
    const sp = spec as Extract<DistanceSpec, { kind: 'ddf' }>;
    if ((m > 0 && sp.gx?.length !== m * K) || (s > 0 && sp.gy?.length !== s * K) || (h > 0 && (sp.gb?.length ?? 0) !== h * K && sp.gb !== undefined)) {
      throw new UsageError('bad-direction', 'custom direction: gx, gy, gb must be variable-major with one column per evaluated point');
    }
    let any = false;
    for (const a of [sp.gx, sp.gy, sp.gb]) if (a) for (let i = 0; i < a.length; i++) if (a[i] !== 0) any = true;
    if (!any) throw new UsageError('zero-direction', 'the direction vector g is zero for every point', 'give a non-zero gx, gy or gb');
  }
  const weights = spec.kind === 'nddf' ? spec.weights : null;
  if (weights && (weights.wx.length !== m || weights.wy.length !== s || weights.wb.length !== h)) {
    throw new UsageError('bad-weights', 'nddf weights: wx, wy, wb must have lengths m, s, h');
  }
  const w = new Float64Array(d);
  if (weights) { w.set(weights.wx, 0); w.set(weights.wy, m); w.set(weights.wb, m + s); }

  for (let k = 0; k < K; k++) {
    const o = ev.D.subarray(k * d, k * d + d);
    // Right-hand side.
    for (let i = 0; i < d; i++) lp.b[i] = o[i];
    if (hasRts) lp.b[d] = 1;
    // Main columns.
    if (spec.kind === 'radial') {
      lp.setExtra(0, null, spec.orientation === 'in' ? 1 : -1, -Infinity, Infinity);
      for (let i = 0; i < lp.r; i++) lp.setCoef(0, i, 0);
      if (spec.orientation === 'in') { for (let i = 0; i < m; i++) { lp.setCoef(0, i, -o[i]); lp.b[i] = 0; } }
      else { for (let r = 0; r < s; r++) { lp.setCoef(0, m + r, -o[m + r]); lp.b[m + r] = 0; } }
    } else {
      for (let v = 0; v < d; v++) {
        let gv: number;
        if (direction === 'custom') {
          const sp = spec as Extract<DistanceSpec, { kind: 'ddf' }>;
          const src = v < m ? sp.gx : v < m + s ? sp.gy : sp.gb;
          const idx = v < m ? v : v < m + s ? v - m : v - m - s;
          gv = src ? src[idx * K + k] / scale[v] : 0;
        } else if (direction === 'green') gv = v < m ? 0 : o[v];
        else if (direction === 'graph') gv = o[v];
        else if (direction === 'input') gv = v < m ? o[v] : 0;
        else gv = v >= m && v < m + s ? o[v] : 0;
        g[v] = v >= m && v < m + s ? -gv : gv;   // inputs/bads: +β g (contract), outputs: −β g (expand)
      }
      if (spec.kind === 'ddf') {
        lp.setExtra(0, null, -1, -Infinity, Infinity);
        for (let i = 0; i < lp.r; i++) lp.setCoef(0, i, i < d ? g[i] : 0);
      } else {
        for (let v = 0; v < d; v++) {
          const active = w[v] !== 0 && g[v] !== 0;
          lp.setExtra(v, null, -w[v], 0, active ? Infinity : 0);
          for (let i = 0; i < lp.r; i++) lp.setCoef(v, i, i === v ? g[v] : 0);
        }
      }
    }
    // Exclusion (super-efficiency): λ_ex fixed at 0 keeps the pool and the warm basis; with a frame, the points
    // that ex hid are found by pricing.
    const ex = exclude ? exclude[k] : -1;
    const fixed = ex >= 0 && lp.fixPoint(ex, true);
    const res = lp.solve(fixed && frame !== null, ex);
    lp.resetPool();
    if (fixed) lp.fixPoint(ex, false);
    status[k] = res.status;
    if (res.status === LP_OPTIMAL) {
      const x = res.x;
      if (spec.kind === 'radial') {
        if (spec.orientation === 'in') value[k] = x[0];
        else if (x[0] > 0) value[k] = 1 / x[0];
        else { status[k] = LP_NUMERICAL; }
      } else if (spec.kind === 'ddf') value[k] = x[0];
      else {
        let sum = 0;
        for (let v = 0; v < d; v++) { const bv = x[v]; (components as Float64Array)[v * K + k] = bv; sum += w[v] * bv; }
        value[k] = sum;
      }
    } else if (res.status !== LP_INFEASIBLE && res.status !== LP_UNBOUNDED) status[k] = LP_NUMERICAL;
  }
  return components ? { value, status, components } : { value, status };
}
