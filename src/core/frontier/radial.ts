// Radial DEA (CCR/BCC/NIRS/NDRS), envelopment form, with the max-slack second stage, Andersen–Petersen
// super-efficiency and Cook, Liang, Zha & Zhu (2009) modified super-efficiency.
//
//   input  θ* = min θ  s.t. Σλx + s⁻ = θx_o, Σλy − s⁺ = y_o, RTS row   (Charnes, Cooper & Rhodes 1978, EJOR 2:429)
//   output φ* = max φ  s.t. Σλx + s⁻ = x_o, Σλy − s⁺ = φy_o, RTS row   (Banker, Charnes & Cooper 1984)
//   phase II (methods.md E2): θ*/φ* fixed, max Σw⁻s⁻ + Σw⁺s⁺ (w = 1 on mean-scaled data; `raw`: 1 in original units)
//   `epsilon`: one stage with objective θ − εΣs (φ + εΣs), ε = 1e-6.
//   AP super-efficiency (Andersen & Petersen 1993, Mgmt Sci 39:1261): λ_o = 0; infeasible LPs keep their row.
//   Cook et al. (2009, JORS 60:276): input orientation min Σβ_r, then min θ with Σβ fixed, s.t.
//     Σ_{j≠o}λx ≤ θx_o, Σ_{j≠o}λy ≥ (1 − β)y_o, RTS row; output orientation mirrors it with
//     Σλx ≤ (1 + β)x_o, Σλy ≥ φy_o. Always feasible under VRS; β* = 0 gives the AP score.
// Targets: input x̂ = θx_o − s⁻, ŷ = y_o + s⁺; output x̂ = x_o − s⁻, ŷ = φy_o + s⁺ (original units).
// Complexity: one or two LPs per DMU with |pool| + m + s + 2 columns, warm-started.

import { LP_OPTIMAL, LP_NUMERICAL, type LpBasis } from './lp.js';
import { DeaLp, type RefData, type RtsKind } from './engine.js';
import { failed, lambdas, type DmuOutcome } from './outcome.js';

export type SlackStage = 'maxSlack' | 'none' | 'epsilon';

export interface RadialSetup {
  orientation: 'in' | 'out';
  rts: RtsKind;
  slack: SlackStage;
  /** Phase-II weights per variable on scaled data (1 = scaled default; scale factor = raw units). */
  slackWeight: Float64Array;
  scale: Float64Array;
  epsilon?: number;
}

export class RadialModel {
  readonly lp: DeaLp;
  private warm1: LpBasis | null = null;
  private readonly set: RadialSetup;
  private readonly poolIsAll: boolean;
  constructor(ref: RefData, pool: ArrayLike<number>, poolIsAll: boolean, set: RadialSetup) {
    this.set = set;
    this.poolIsAll = poolIsAll;
    const { m, s } = ref;
    const rtsSlack = set.rts === 'nirs' ? 1 : set.rts === 'ndrs' ? -1 : 0;
    this.lp = new DeaLp(ref, set.rts !== 'crs', 0, 1 + m + s + (rtsSlack ? 1 : 0));
    const lp = this.lp;
    let e = 1;
    for (let i = 0; i < m; i++) { lp.setExtra(e, null, 0, 0, Infinity); lp.setCoef(e++, i, 1); }
    for (let r = 0; r < s; r++) { lp.setExtra(e, null, 0, 0, Infinity); lp.setCoef(e++, m + r, -1); }
    if (rtsSlack) { lp.setExtra(e, null, 0, 0, Infinity); lp.setCoef(e++, ref.d, rtsSlack); }
    lp.setPool(pool);
  }

  /** Evaluate point o (scaled, length d); `ex` = reference index to leave out (super-efficiency) or −1. */
  evaluate(o: Float64Array, ex: number): DmuOutcome {
    const lp = this.lp, { m, s, d } = lp.ref, set = this.set;
    const input = set.orientation === 'in';
    const eps = set.slack === 'epsilon' ? (set.epsilon ?? 1e-6) : 0;
    for (let k = 0; k < d; k++) lp.b[k] = o[k];
    if (lp.hasRts) lp.b[d] = 1;
    for (let i = 0; i < lp.r; i++) lp.setCoef(0, i, 0);
    if (input) for (let i = 0; i < m; i++) { lp.setCoef(0, i, -o[i]); lp.b[i] = 0; }
    else for (let r = 0; r < s; r++) { lp.setCoef(0, m + r, -o[m + r]); lp.b[m + r] = 0; }
    lp.c[0] = input ? 1 : -1; lp.lo[0] = -Infinity; lp.hi[0] = Infinity;
    for (let k = 0; k < m + s; k++) lp.c[1 + k] = -eps * set.slackWeight[k];
    const fixed = ex >= 0 && lp.fixPoint(ex, true);
    const price = fixed && !this.poolIsAll;
    try {
      // Phase I warm-starts from the previous DMU's phase-I basis, phase II from this DMU's phase-I basis.
      if (this.warm1 && this.warm1.cols === lp.cols) lp.warm = this.warm1;
      let res = lp.solve(price, ex);
      if (res.status !== LP_OPTIMAL) return failed(res.status);
      this.warm1 = { basic: Int32Array.from(res.basis.basic), atUpper: Uint8Array.from(res.basis.atUpper), cols: res.basis.cols };
      const score = res.x[0];
      if (set.slack === 'maxSlack') {
        lp.lo[0] = score; lp.hi[0] = score; lp.c[0] = 0;
        for (let k = 0; k < m + s; k++) lp.c[1 + k] = -set.slackWeight[k];
        res = lp.solve(price, ex);
        lp.lo[0] = -Infinity; lp.hi[0] = Infinity;
        if (res.status !== LP_OPTIMAL) return failed(LP_NUMERICAL);
      }
      return this.outcome(o, score, res.x);
    } finally {
      lp.resetPool();
      if (fixed) lp.fixPoint(ex, false);
    }
  }

  private outcome(o: Float64Array, score: number, x: Float64Array): DmuOutcome {
    const lp = this.lp, { m, s, d } = lp.ref, sc = this.set.scale;
    const input = this.set.orientation === 'in';
    const slack = new Float64Array(d), target = new Float64Array(d);
    for (let k = 0; k < m + s; k++) slack[k] = Math.max(0, x[1 + k]) * sc[k];
    for (let i = 0; i < m; i++) target[i] = (input ? score : 1) * o[i] * sc[i] - slack[i];
    for (let r = 0; r < s; r++) target[m + r] = (input ? 1 : score) * o[m + r] * sc[m + r] + slack[m + r];
    if (input) return { status: 0, efficiency: score, slack, target, lambda: lambdas(lp, x) };
    if (!(score > 0)) return failed(LP_NUMERICAL);
    return { status: 0, efficiency: 1 / score, phi: score, slack, target, lambda: lambdas(lp, x) };
  }
}

/**
 * Cook, Liang, Zha & Zhu (2009) modified super-efficiency, solved lexicographically: stage A minimises Σβ
 * (always feasible under VRS), stage B optimises θ (input) or φ (output) with Σβ held at its minimum.
 */
export class CookSuperModel {
  readonly lp: DeaLp;
  private readonly orientation: 'in' | 'out';
  private readonly scale: Float64Array;
  private readonly poolIsAll: boolean;
  private readonly nb: number;
  constructor(ref: RefData, pool: ArrayLike<number>, poolIsAll: boolean, orientation: 'in' | 'out', rts: RtsKind, scale: Float64Array) {
    const { m, s } = ref;
    this.orientation = orientation; this.scale = scale; this.poolIsAll = poolIsAll;
    this.nb = orientation === 'in' ? s : m;
    const rtsSlack = rts === 'nirs' ? 1 : rts === 'ndrs' ? -1 : 0;
    // columns: score, σ (= Σβ), β (nb), slacks (m + s), rts slack; rows: data, RTS, Σβ − σ = 0
    this.lp = new DeaLp(ref, rts !== 'crs', 1, 2 + this.nb + m + s + (rtsSlack ? 1 : 0));
    const lp = this.lp;
    const sumRow = lp.r - 1;
    lp.setExtra(1, null, 0, 0, Infinity); lp.setCoef(1, sumRow, -1);
    for (let q = 0; q < this.nb; q++) { lp.setExtra(2 + q, null, 0, 0, Infinity); lp.setCoef(2 + q, sumRow, 1); }
    let e = 2 + this.nb;
    for (let i = 0; i < m; i++) { lp.setExtra(e, null, 0, 0, Infinity); lp.setCoef(e++, i, 1); }
    for (let r = 0; r < s; r++) { lp.setExtra(e, null, 0, 0, Infinity); lp.setCoef(e++, m + r, -1); }
    if (rtsSlack) { lp.setExtra(e, null, 0, 0, Infinity); lp.setCoef(e++, ref.d, rtsSlack); }
    lp.setPool(pool);
  }

  evaluate(o: Float64Array, ex: number): DmuOutcome {
    const lp = this.lp, { m, s, d } = lp.ref;
    const input = this.orientation === 'in';
    for (let k = 0; k < d; k++) lp.b[k] = o[k];
    if (lp.hasRts) lp.b[d] = 1;
    lp.b[lp.r - 1] = 0;
    for (let i = 0; i < d; i++) lp.setCoef(0, i, 0);
    if (input) for (let i = 0; i < m; i++) { lp.setCoef(0, i, -o[i]); lp.b[i] = 0; }
    else for (let r = 0; r < s; r++) { lp.setCoef(0, m + r, -o[m + r]); lp.b[m + r] = 0; }
    // β relaxes the other side: input orientation Σλy + β_r y_ro ≥ y_o; output Σλx − β_i x_io ≤ x_o.
    for (let q = 0; q < this.nb; q++) {
      for (let i = 0; i < d; i++) lp.setCoef(2 + q, i, 0);
      if (input) lp.setCoef(2 + q, m + q, o[m + q]); else lp.setCoef(2 + q, q, -o[q]);
    }
    lp.lo[0] = -Infinity; lp.hi[0] = Infinity; lp.c[0] = 0;
    lp.c[1] = 1; lp.lo[1] = 0; lp.hi[1] = Infinity;
    const fixed = ex >= 0 && lp.fixPoint(ex, true);
    const price = fixed && !this.poolIsAll;
    try {
      let res = lp.solve(price, ex);
      if (res.status !== LP_OPTIMAL) return failed(res.status);
      const sigma = Math.max(0, res.x[1]);
      lp.c[1] = 0; lp.lo[1] = sigma; lp.hi[1] = sigma;
      lp.c[0] = input ? 1 : -1;
      res = lp.solve(price, ex);
      if (res.status !== LP_OPTIMAL) return failed(res.status === 2 ? 2 : LP_NUMERICAL);
      const x = res.x, score = x[0];
      const slack = new Float64Array(d), target = new Float64Array(d);
      const sc = this.scale;
      for (let k = 0; k < m + s; k++) slack[k] = Math.max(0, x[2 + this.nb + k]) * sc[k];
      const extra: Record<string, number> = { sumBeta: sigma };
      for (let q = 0; q < this.nb; q++) extra[`beta${q + 1}`] = Math.max(0, x[2 + q]);
      if (input) {
        extra.tau = score - 1;
        for (let i = 0; i < m; i++) target[i] = score * o[i] * sc[i] - slack[i];
        for (let r = 0; r < s; r++) target[m + r] = (1 - extra[`beta${r + 1}`]) * o[m + r] * sc[m + r] + slack[m + r];
        return { status: 0, efficiency: score, slack, target, lambda: lambdas(lp, x), extra };
      }
      if (!(score > 0)) return failed(LP_NUMERICAL);
      extra.tau = score - 1;
      for (let i = 0; i < m; i++) target[i] = (1 + extra[`beta${i + 1}`]) * o[i] * sc[i] - slack[i];
      for (let r = 0; r < s; r++) target[m + r] = score * o[m + r] * sc[m + r] + slack[m + r];
      return { status: 0, efficiency: 1 / score, phi: score, slack, target, lambda: lambdas(lp, x), extra };
    } finally {
      lp.c[1] = 1; lp.lo[1] = 0; lp.hi[1] = Infinity; lp.c[0] = 0;
      lp.resetPool();
      if (fixed) lp.fixPoint(ex, false);
    }
  }
}
