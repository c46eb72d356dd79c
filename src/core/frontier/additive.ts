// Additive DEA model (Charnes, Cooper, Golany, Seiford & Stutz 1985, J. Econometrics 30:91–107; methods.md E9).
//
//   max Σ w⁻_i s⁻_i + Σ w⁺_r s⁺_r  s.t.  Σλx + s⁻ = x_o,  Σλy − s⁺ = y_o,  RTS row (default VRS),  λ, s ≥ 0.
// Weights: `unit` (1 in original units, deaR default) or `inverse` (1/x_io, 1/y_ro); bads, if any, enter like
// inputs (Σλb + s^b = b_o). The LP is solved on mean-scaled data with the weights converted, so the objective is
// exactly the original-units one. A DMU is Pareto-efficient iff the objective is 0 (≤ 1e-9 on scaled data).
// Complexity: one LP per DMU with |pool| + m + s + h + 1 columns.

import { LP_OPTIMAL } from './lp.js';
import { DeaLp, type RefData, type RtsKind } from './engine.js';
import { failed, lambdas, type DmuOutcome } from './outcome.js';

export interface AdditiveSetup {
  rts: RtsKind;
  weights: 'unit' | 'inverse';
  scale: Float64Array;
}

export class AdditiveModel {
  readonly lp: DeaLp;
  private readonly set: AdditiveSetup;
  private readonly poolIsAll: boolean;
  constructor(ref: RefData, pool: ArrayLike<number>, poolIsAll: boolean, set: AdditiveSetup) {
    this.set = set; this.poolIsAll = poolIsAll;
    const { m, s, d } = ref;
    const rtsSlack = set.rts === 'nirs' ? 1 : set.rts === 'ndrs' ? -1 : 0;
    this.lp = new DeaLp(ref, set.rts !== 'crs', 0, d + (rtsSlack ? 1 : 0));
    const lp = this.lp;
    for (let k = 0; k < d; k++) { lp.setExtra(k, null, 0, 0, Infinity); lp.setCoef(k, k, k >= m && k < m + s ? -1 : 1); }
    if (rtsSlack) { lp.setExtra(d, null, 0, 0, Infinity); lp.setCoef(d, d, rtsSlack); }
    lp.setPool(pool);
  }

  evaluate(o: Float64Array, ex: number): DmuOutcome {
    const lp = this.lp, { d } = lp.ref, sc = this.set.scale;
    for (let k = 0; k < d; k++) {
      lp.b[k] = o[k];
      // weight on the scaled slack so that the objective is in original units
      lp.c[k] = this.set.weights === 'unit' ? -sc[k] : (o[k] > 0 ? -1 / o[k] : 0);
    }
    if (lp.hasRts) lp.b[d] = 1;
    const fixed = ex >= 0 && lp.fixPoint(ex, true);
    try {
      const res = lp.solve(fixed && !this.poolIsAll, ex);
      if (res.status !== LP_OPTIMAL) return failed(res.status);
      const x = res.x;
      const slack = new Float64Array(d), target = new Float64Array(d);
      const m = lp.ref.m, s = lp.ref.s;
      for (let k = 0; k < d; k++) {
        slack[k] = Math.max(0, x[k]) * sc[k];
        target[k] = o[k] * sc[k] + (k >= m && k < m + s ? slack[k] : -slack[k]);
      }
      return { status: 0, efficiency: -res.objective, slack, target, lambda: lambdas(lp, x) };
    } finally {
      lp.resetPool();
      if (fixed) lp.fixPoint(ex, false);
    }
  }
}
