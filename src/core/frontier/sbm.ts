// Slacks-based measure (Tone 2001, EJOR 130(3):498–509), with undesirable outputs (Tone 2004; Cooper, Seiford
// & Tone 2007 ch. 13, as deaR `model_sbmeff` with `ud_outputs`), and super-SBM (Tone 2002, EJOR 143(1):32–41).
//
// SBM, Charnes–Cooper form (methods.md E4/E5), Λ = tλ, S = ts:
//   min t − Σ_i w_i S⁻_i/x_io  s.t.  t + Σ_r v_r S⁺_r/y_ro + Σ_q v_q S^b_q/b_qo = 1,
//   XΛ + S⁻ = t x_o,  YΛ − S⁺ = t y_o,  BΛ + S^b = t b_o,  VRS ΣΛ = t (NIRS ≤, NDRS ≥),
//   w = input weights / their sum, v = output and bad-output weights / their sum (equal by default).
//   Input orientation fixes t = 1 and drops the output terms; output orientation fixes t = 1 and
//   maximises Σ v S⁺/y_o (ρ_O = 1/(1 + Σ v s⁺/y_o), as deaR).
// Super-SBM (δ ≥ 1, DMU o left out): min t + Σ w S⁻/x_o  s.t.  t − Σ v S⁺/y_o − Σ v S^b/b_o = 1,
//   XΛ ≤ t x_o + S⁻,  YΛ ≥ t y_o − S⁺,  BΛ ≤ t b_o + S^b,  S⁺ ≤ t y_o,  RTS row.
//   (bads as methods.md E6 "with bad outputs"); oriented versions fix t = 1 and the other side's slacks at 0.
// Zeros: a term with x_io = 0 (or y_ro = 0 when zero outputs are dropped) gets weight 0 and the remaining weights
// are renormalised (deaR); zero outputs are otherwise replaced before the LPs are built (dea.ts).
// Complexity: one LP per DMU with |pool| + 2(m + s + h) + 2 columns.

import { LP_OPTIMAL, LP_NUMERICAL } from './lp.js';
import { DeaLp, type RefData, type RtsKind } from './engine.js';
import { failed, lambdas, type DmuOutcome } from './outcome.js';

export interface SbmSetup {
  orientation: 'non' | 'in' | 'out';
  rts: RtsKind;
  weightIn: Float64Array;   // m
  weightOut: Float64Array;  // s + h (good outputs, then bads)
  scale: Float64Array;
}

function normalise(w: Float64Array, vals: Float64Array, from: number, count: number, out: Float64Array): void {
  let sum = 0;
  for (let k = 0; k < count; k++) if (vals[from + k] > 0) sum += w[k];
  for (let k = 0; k < count; k++) out[k] = vals[from + k] > 0 && sum > 0 ? w[k] / sum : 0;
}

/**
 * Slacks S/t in original units and targets from the Charnes–Cooper solution (columns 1..d hold S). SBM projects
 * inputs and bads down and goods up (`direction` 1); super-SBM moves the other way (−1).
 */
function slacksAndTargets(x: Float64Array, t: number, o: Float64Array, scale: Float64Array, m: number, s: number, d: number, direction: 1 | -1): { slack: Float64Array; target: Float64Array } {
  const slack = new Float64Array(d), target = new Float64Array(d);
  for (let k = 0; k < d; k++) {
    slack[k] = Math.max(0, x[1 + k] / t) * scale[k];
    const good = k >= m && k < m + s;
    target[k] = o[k] * scale[k] + (good ? direction : -direction) * slack[k];
  }
  return { slack, target };
}

export class SbmModel {
  readonly lp: DeaLp;
  private readonly set: SbmSetup;
  private readonly poolIsAll: boolean;
  private readonly wi: Float64Array;
  private readonly wo: Float64Array;
  constructor(ref: RefData, pool: ArrayLike<number>, poolIsAll: boolean, set: SbmSetup) {
    this.set = set; this.poolIsAll = poolIsAll;
    const { m, s, h, d } = ref;
    const rtsSlack = set.rts === 'nirs' ? 1 : set.rts === 'ndrs' ? -1 : 0;
    // columns: t, S⁻ (m), S⁺ (s), S^b (h), rts slack; rows: data, RTS, normalisation
    this.lp = new DeaLp(ref, set.rts !== 'crs', 1, 1 + d + (rtsSlack ? 1 : 0));
    const lp = this.lp;
    for (let k = 0; k < d; k++) {
      lp.setExtra(1 + k, null, 0, 0, Infinity);
      lp.setCoef(1 + k, k, k >= m && k < m + s ? -1 : 1);
    }
    if (rtsSlack) { lp.setExtra(1 + d, null, 0, 0, Infinity); lp.setCoef(1 + d, d, rtsSlack); }
    lp.setPool(pool);
    this.wi = new Float64Array(m);
    this.wo = new Float64Array(s + h);
  }

  evaluate(o: Float64Array, ex: number): DmuOutcome {
    const lp = this.lp, { m, s, h, d } = lp.ref, set = this.set;
    const norm = lp.r - 1;
    normalise(set.weightIn, o, 0, m, this.wi);
    normalise(set.weightOut, o, m, s + h, this.wo);
    const non = set.orientation === 'non';
    // t column: −x_o, −y_o, −b_o in the data rows, −1 in the RTS row, 1 in the normalisation row.
    for (let k = 0; k < d; k++) { lp.setCoef(0, k, -o[k]); lp.b[k] = 0; }
    if (lp.hasRts) { lp.setCoef(0, d, -1); lp.b[d] = 0; }
    lp.setCoef(0, norm, 1); lp.b[norm] = 1;
    lp.lo[0] = 0; lp.hi[0] = Infinity;
    lp.c[0] = set.orientation === 'out' ? 0 : 1;
    for (let i = 0; i < m; i++) lp.c[1 + i] = set.orientation === 'out' ? 0 : -this.wi[i] / o[i] || 0;
    for (let k = 0; k < s + h; k++) {
      const v = this.wo[k] > 0 ? this.wo[k] / o[m + k] : 0;
      lp.setCoef(1 + m + k, norm, non ? v : 0);
      lp.c[1 + m + k] = set.orientation === 'out' ? -v : 0;
    }
    const fixed = ex >= 0 && lp.fixPoint(ex, true);
    try {
      const res = lp.solve(fixed && !this.poolIsAll, ex);
      if (res.status !== LP_OPTIMAL) return failed(res.status);
      const x = res.x, t = x[0];
      if (!(t > 1e-12)) return failed(LP_NUMERICAL);
      const { slack, target } = slacksAndTargets(x, t, o, set.scale, m, s, d, 1);
      const efficiency = set.orientation === 'out' ? 1 / (1 - res.objective) : res.objective;
      return { status: 0, efficiency, slack, target, lambda: lambdas(lp, x, t) };
    } finally {
      lp.resetPool();
      if (fixed) lp.fixPoint(ex, false);
    }
  }
}

export class SuperSbmModel {
  readonly lp: DeaLp;
  private readonly set: SbmSetup;
  private readonly poolIsAll: boolean;
  private readonly wi: Float64Array;
  private readonly wo: Float64Array;
  constructor(ref: RefData, pool: ArrayLike<number>, poolIsAll: boolean, set: SbmSetup) {
    this.set = set; this.poolIsAll = poolIsAll;
    const { m, s, h, d } = ref;
    const rtsSlack = set.rts === 'nirs' ? 1 : set.rts === 'ndrs' ? -1 : 0;
    // columns: t, S (d: S⁻ raise x̄, S⁺ lower ȳ, S^b raise b̄), surplus (d), g (s), rts slack
    // rows: data (d), RTS, normalisation, S⁺_r − t y_ro + g_r = 0 (s rows)
    this.lp = new DeaLp(ref, set.rts !== 'crs', 1 + s, 1 + 2 * d + s + (rtsSlack ? 1 : 0));
    const lp = this.lp;
    const base = d + (lp.hasRts ? 1 : 0);
    for (let k = 0; k < d; k++) {
      const out = k >= m && k < m + s;
      lp.setExtra(1 + k, null, 0, 0, Infinity); lp.setCoef(1 + k, k, out ? 1 : -1);
      if (out) lp.setCoef(1 + k, base + 1 + (k - m), 1);
      lp.setExtra(1 + d + k, null, 0, 0, Infinity); lp.setCoef(1 + d + k, k, out ? -1 : 1);
    }
    for (let r = 0; r < s; r++) { lp.setExtra(1 + 2 * d + r, null, 0, 0, Infinity); lp.setCoef(1 + 2 * d + r, base + 1 + r, 1); }
    if (rtsSlack) { lp.setExtra(1 + 2 * d + s, null, 0, 0, Infinity); lp.setCoef(1 + 2 * d + s, d, rtsSlack); }
    lp.setPool(pool);
    this.wi = new Float64Array(m);
    this.wo = new Float64Array(s + h);
  }

  evaluate(o: Float64Array, ex: number): DmuOutcome {
    const lp = this.lp, { m, s, h, d } = lp.ref, set = this.set;
    const base = d + (lp.hasRts ? 1 : 0), norm = base;
    normalise(set.weightIn, o, 0, m, this.wi);
    normalise(set.weightOut, o, m, s + h, this.wo);
    const non = set.orientation === 'non', outO = set.orientation === 'out', inO = set.orientation === 'in';
    for (let k = 0; k < d; k++) { lp.setCoef(0, k, -o[k]); lp.b[k] = 0; }
    if (lp.hasRts) { lp.setCoef(0, d, -1); lp.b[d] = 0; }
    lp.setCoef(0, norm, 1); lp.b[norm] = 1;
    for (let r = 0; r < s; r++) { lp.setCoef(0, base + 1 + r, -o[m + r]); lp.b[base + 1 + r] = 0; }
    lp.lo[0] = 0; lp.hi[0] = Infinity;
    lp.c[0] = outO ? 0 : 1;
    for (let i = 0; i < m; i++) {
      lp.c[1 + i] = outO ? 0 : this.wi[i] / o[i] || 0;
      lp.hi[1 + i] = outO || this.wi[i] === 0 ? 0 : Infinity;
    }
    for (let k = 0; k < s + h; k++) {
      const v = this.wo[k] > 0 ? this.wo[k] / o[m + k] : 0;
      lp.setCoef(1 + m + k, norm, non ? -v : 0);
      lp.c[1 + m + k] = outO ? v : 0;
      lp.hi[1 + m + k] = inO || v === 0 ? 0 : Infinity;
    }
    const fixed = ex >= 0 && lp.fixPoint(ex, true);
    try {
      const res = lp.solve(fixed && !this.poolIsAll, ex);
      if (res.status !== LP_OPTIMAL) return failed(res.status);
      const x = res.x, t = x[0];
      if (!(t > 1e-12)) return failed(LP_NUMERICAL);
      const { slack, target } = slacksAndTargets(x, t, o, set.scale, m, s, d, -1);
      const efficiency = outO ? 1 / (1 - res.objective) : res.objective;
      if (!(efficiency > 0) || !Number.isFinite(efficiency)) return failed(LP_NUMERICAL);
      return { status: 0, efficiency, slack, target, lambda: lambdas(lp, x, t) };
    } finally {
      lp.resetPool();
      if (fixed) lp.fixPoint(ex, false);
    }
  }
}
