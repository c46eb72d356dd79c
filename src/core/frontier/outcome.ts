// What one DEA LP family reports for one evaluated DMU, before it becomes a Result row (dea.ts).
// All quantities are in original units; `lambda` lists reference points with λ_j > 1e-9 (peers).

import type { LpStatusCode } from './types.js';
import { LP_OPTIMAL, type LpResult } from './lp.js';
import type { DeaLp } from './engine.js';

export interface DmuOutcome {
  status: LpStatusCode;
  /** The model's score: θ, 1/φ, ρ, δ, β or the additive objective (NaN unless optimal). */
  efficiency: number;
  phi?: number;
  beta?: number;
  /** Slacks per variable: inputs s⁻, outputs s⁺, bads s^b (length m + s + h). */
  slack: Float64Array | null;
  target: Float64Array | null;
  lambda: { j: number; v: number }[] | null;
  extra?: Record<string, number>;
}

export const PEER_TOL = 1e-9;

export function failed(status: LpStatusCode): DmuOutcome {
  return { status, efficiency: NaN, slack: null, target: null, lambda: null };
}

export function okStatus(res: LpResult): boolean { return res.status === LP_OPTIMAL; }

/** λ values (divided by t for Charnes–Cooper models) of the pool columns, as (reference index, value) pairs. */
export function lambdas(lp: DeaLp, x: Float64Array, t = 1): { j: number; v: number }[] {
  const out: { j: number; v: number }[] = [];
  for (let p = 0; p < lp.poolLen; p++) {
    const v = x[lp.ne + p] / t;
    if (v > PEER_TOL) out.push({ j: lp.pool[p], v });
  }
  out.sort((a, b) => a.j - b.j);
  return out;
}
