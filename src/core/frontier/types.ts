// Contract between the DEA engine (frontier/) and the productivity indices (productivity/).
//
// A Technology is a set of observed points (DMUs) with m inputs, s good outputs and h bad outputs, stored
// variable-major: X[i * n + j] is input i of point j. The productivity code builds reference technologies
// (contemporaneous, sequential, window, global, biennial) and asks the DEA engine for distances of evaluated
// points to them in one batch call, so the engine can warm-start and use its efficient-frame strategy.

export interface Technology {
  m: number;
  s: number;
  h: number;
  n: number;
  X: Float64Array;   // m × n
  Y: Float64Array;   // s × n
  B?: Float64Array;  // h × n (undesirable outputs)
}

export type Rts = 'crs' | 'vrs' | 'nirs' | 'ndrs';

/** LP outcome per evaluated point. */
export const LpStatus = { Optimal: 0, Infeasible: 1, Unbounded: 2, Numerical: 3 } as const;
export type LpStatusCode = 0 | 1 | 2 | 3;

export const LP_STATUS_NAMES = ['optimal', 'infeasible', 'unbounded', 'numerical'] as const;

export type DistanceSpec =
  /** Farrell efficiency: θ* (input) or 1/φ* (output); may exceed 1 across periods. */
  | { kind: 'radial'; orientation: 'in' | 'out'; rts: Rts }
  /**
   * Directional distance β* = max β: Xλ ≤ x_o − βg_x, Yλ ≥ y_o + βg_y, Bλ = b_o − βg_b (weak disposability;
   * 'free' uses ≤), β free. Directions per evaluated point: 'green' (0, y_o, b_o), 'graph' (x_o, y_o, b_o),
   * 'input' (x_o, 0, 0), 'output' (0, y_o, 0); 'custom' takes gx/gy/gb variable-major like X, length m·k etc.
   */
  | {
      kind: 'ddf';
      direction: 'green' | 'graph' | 'input' | 'output' | 'custom';
      rts: Rts;
      badDisposability?: 'weak' | 'free';
      gx?: Float64Array; gy?: Float64Array; gb?: Float64Array;
    }
  /**
   * Non-radial DDF (Zhou, Ang & Wang 2012): max Σ w·β per variable, β ≥ 0. `weights` lists wx (m), wy (s), wb (h).
   * value = Σ w·β; components holds the βs per point (variable-major: row r of (m+s+h) × k).
   */
  | {
      kind: 'nddf';
      direction: 'green' | 'graph' | 'input' | 'output' | 'custom';
      rts: Rts;
      weights: { wx: Float64Array; wy: Float64Array; wb: Float64Array };
      badDisposability?: 'weak' | 'free';
      gx?: Float64Array; gy?: Float64Array; gb?: Float64Array;
    };

export interface DistanceResult {
  value: Float64Array;      // length k (NaN where status ≠ Optimal; callers turn it into null + status)
  status: Uint8Array;       // LpStatus per evaluated point
  components?: Float64Array;
}

/**
 * distances(reference, evaluated, spec) → DistanceResult, implemented in frontier/distance.ts.
 * `evaluated` has the same m, s, h as `reference`; its points need not belong to the reference set.
 * `exclude` (optional) gives, per evaluated point, the index of a reference point to leave out (super-efficiency),
 * or −1.
 */
export type DistancesFn = (reference: Technology, evaluated: Technology, spec: DistanceSpec, exclude?: Int32Array) => DistanceResult;
