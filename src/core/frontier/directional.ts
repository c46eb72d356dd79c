// Directional distance function and non-radial DDF as DEA models with slacks and targets (methods.md E7, E8).
//
//   DDF (Chambers, Chung & Färe 1996, JET 70:407; Chung, Färe & Grosskopf 1997, J Env Mgmt 51:229):
//     β* = max β  s.t. Σλx + s⁻ = x_o − βg_x,  Σλy − s⁺ = y_o + βg_y,  Σλb (+ s^b) = b_o − βg_b,  RTS row, β free.
//     Phase II (deaR `model_dir(maxslack = TRUE)`): β* fixed, max Σw s.
//   NDDF (Zhou, Ang & Wang 2012, EJOR 221:625): max Σ w_k β_k, β ≥ 0, one β per variable; no phase II.
// Directions per DMU in original units: green (0, y_o, b_o), graph (x_o, y_o, b_o), input (x_o, 0, 0),
// output (0, y_o, 0), custom (one vector for all DMUs, or per DMU); scaled with the data.
// Targets: x̂ = x_o − βg_x − s⁻, ŷ = y_o + βg_y + s⁺, b̂ = b_o − βg_b − s^b.
// Complexity: one or two LPs per DMU with |pool| + 2(m + s + h) + 2 columns.

import { LP_OPTIMAL, LP_NUMERICAL } from './lp.js';
import { DeaLp, type RefData, type RtsKind } from './engine.js';
import { failed, lambdas, type DmuOutcome } from './outcome.js';

export type DirectionKind = 'green' | 'graph' | 'input' | 'output' | 'custom';

export interface DirectionalSetup {
  kind: 'ddf' | 'nddf';
  direction: DirectionKind;
  /** custom direction in scaled units: length d (same for all DMUs). */
  custom?: Float64Array;
  rts: RtsKind;
  badDisposability: 'weak' | 'free';
  slack: 'maxSlack' | 'none';
  slackWeight: Float64Array;
  /** NDDF weights per variable (length d). */
  weights?: Float64Array;
  scale: Float64Array;
}

export class DirectionalModel {
  readonly lp: DeaLp;
  private readonly set: DirectionalSetup;
  private readonly poolIsAll: boolean;
  private readonly nMain: number;
  private readonly g: Float64Array;
  constructor(ref: RefData, pool: ArrayLike<number>, poolIsAll: boolean, set: DirectionalSetup) {
    this.set = set; this.poolIsAll = poolIsAll;
    const { m, s, h, d } = ref;
    const badFree = set.badDisposability === 'free';
    const rtsSlack = set.rts === 'nirs' ? 1 : set.rts === 'ndrs' ? -1 : 0;
    this.nMain = set.kind === 'nddf' ? d : 1;
    this.lp = new DeaLp(ref, set.rts !== 'crs', 0, this.nMain + m + s + (badFree ? h : 0) + (rtsSlack ? 1 : 0));
    const lp = this.lp;
    let e = this.nMain;
    for (let i = 0; i < m; i++) { lp.setExtra(e, null, 0, 0, Infinity); lp.setCoef(e++, i, 1); }
    for (let r = 0; r < s; r++) { lp.setExtra(e, null, 0, 0, Infinity); lp.setCoef(e++, m + r, -1); }
    if (badFree) for (let q = 0; q < h; q++) { lp.setExtra(e, null, 0, 0, Infinity); lp.setCoef(e++, m + s + q, 1); }
    if (rtsSlack) { lp.setExtra(e, null, 0, 0, Infinity); lp.setCoef(e++, d, rtsSlack); }
    lp.setPool(pool);
    this.g = new Float64Array(d);
  }

  /** Direction for point o in scaled units (sign not applied). */
  private direction(o: Float64Array): Float64Array {
    const { m, s, d } = this.lp.ref, g = this.g, dir = this.set.direction;
    for (let v = 0; v < d; v++) {
      const isIn = v < m, isOut = v >= m && v < m + s;
      if (dir === 'custom') g[v] = (this.set.custom as Float64Array)[v];
      else if (dir === 'green') g[v] = isIn ? 0 : o[v];
      else if (dir === 'graph') g[v] = o[v];
      else if (dir === 'input') g[v] = isIn ? o[v] : 0;
      else g[v] = isOut ? o[v] : 0;
    }
    return g;
  }

  evaluate(o: Float64Array, ex: number): DmuOutcome {
    const lp = this.lp, { m, s, h, d } = lp.ref, set = this.set;
    const g = this.direction(o);
    for (let k = 0; k < d; k++) lp.b[k] = o[k];
    if (lp.hasRts) lp.b[d] = 1;
    const nd = set.kind === 'nddf';
    const sgn = (v: number): number => (v >= m && v < m + s ? -1 : 1);
    if (!nd) {
      for (let i = 0; i < lp.r; i++) lp.setCoef(0, i, i < d ? sgn(i) * g[i] : 0);
      lp.c[0] = -1; lp.lo[0] = -Infinity; lp.hi[0] = Infinity;
    } else {
      const w = set.weights as Float64Array;
      for (let v = 0; v < d; v++) {
        for (let i = 0; i < lp.r; i++) lp.setCoef(v, i, 0);
        lp.setCoef(v, v, sgn(v) * g[v]);
        lp.c[v] = -w[v]; lp.lo[v] = 0; lp.hi[v] = w[v] !== 0 && g[v] !== 0 ? Infinity : 0;
      }
    }
    for (let k = this.nMain; k < lp.ne; k++) lp.c[k] = 0;
    const fixed = ex >= 0 && lp.fixPoint(ex, true);
    const price = fixed && !this.poolIsAll;
    try {
      let res = lp.solve(price, ex);
      if (res.status !== LP_OPTIMAL) return failed(res.status);
      const beta = nd ? Float64Array.from(res.x.subarray(0, d)) : Float64Array.of(res.x[0]);
      if (!nd && set.slack === 'maxSlack') {
        lp.lo[0] = beta[0]; lp.hi[0] = beta[0]; lp.c[0] = 0;
        let e = 1;
        for (let k = 0; k < m + s; k++) lp.c[e++] = -set.slackWeight[k];
        if (set.badDisposability === 'free') for (let q = 0; q < h; q++) lp.c[e++] = -set.slackWeight[m + s + q];
        res = lp.solve(price, ex);
        lp.lo[0] = -Infinity; lp.hi[0] = Infinity;
        if (res.status !== LP_OPTIMAL) return failed(LP_NUMERICAL);
      }
      const x = res.x, sc = set.scale;
      const slack = new Float64Array(d), target = new Float64Array(d);
      let e = this.nMain;
      for (let k = 0; k < m + s; k++) slack[k] = Math.max(0, x[e++]) * sc[k];
      if (set.badDisposability === 'free') for (let q = 0; q < h; q++) slack[m + s + q] = Math.max(0, x[e++]) * sc[m + s + q];
      let value = 0;
      const extra: Record<string, number> = {};
      for (let v = 0; v < d; v++) {
        const b = nd ? beta[v] : beta[0];
        const moved = o[v] * sc[v] - sgn(v) * b * g[v] * sc[v];
        target[v] = v >= m && v < m + s ? moved + slack[v] : moved - slack[v];
      }
      if (nd) {
        const w = set.weights as Float64Array;
        for (let v = 0; v < d; v++) { value += w[v] * beta[v]; extra[`beta_${v}`] = beta[v]; }
      } else value = beta[0];
      return { status: 0, efficiency: value, beta: value, slack, target, lambda: lambdas(lp, x), extra };
    } finally {
      lp.resetPool();
      if (fixed) lp.fixPoint(ex, false);
    }
  }
}
