// Shift devices for the entropy weight (methods.md B1 "Shift", B4): what x″ the entropy p_ij is computed on.
//
//   none            x″ = x′, with 0·ln 0 := 0 (the default)
//   constant A      x″ = x′ + A (0.0001 in many papers; 0.001 CSDN tutorial; 0.01 SPSSAU entropy-TOPSIS)
//   epsilonRescale  x″ = ε + (1−2ε)x′ (mathmodels, ε = 0.002)
//   ratio           x″ = x/M for benefit, m/x for cost, on the raw data (franksun319 Stata)
//   spssau          raw data; only columns with a value ≤ 0 get |min| + 0.01 added (SPSSAU)
// Scores use the unshifted x′ unless the caller asks for `shiftInScores`.

import type { ColumnSource, MatrixInput, RowGroups } from './matrix.js';
import { asColumnSource } from './matrix.js';
import type { IndicatorDirection } from './direction.js';

export type ShiftSpec =
  | { kind: 'none' }
  | { kind: 'constant'; value: number }
  | { kind: 'epsilonRescale'; epsilon: number }
  | { kind: 'ratio' }
  | { kind: 'spssau' };

/** A number (0 → none), a spec, or undefined (none). */
export function toShiftSpec(s: number | ShiftSpec | undefined): ShiftSpec {
  if (s === undefined) return { kind: 'none' };
  if (typeof s === 'number') {
    if (!Number.isFinite(s) || s < 0) throw new RangeError(`shift must be a finite number ≥ 0 (got ${s})`);
    return s === 0 ? { kind: 'none' } : { kind: 'constant', value: s };
  }
  return s;
}

export function shiftText(s: ShiftSpec): string {
  switch (s.kind) {
    case 'none': return 'none (0·ln0 := 0)';
    case 'constant': return `x″ = x′ + ${s.value}`;
    case 'epsilonRescale': return `x″ = ${s.epsilon} + (1 − ${2 * s.epsilon})·x′`;
    case 'ratio': return 'x″ = x/max (benefit), min/x (cost) on raw data';
    case 'spssau': return 'raw data; columns with a value ≤ 0 get |min| + 0.01';
  }
}

/**
 * The entropy input x″ as a column source. `normalized` is x′; `raw` is needed for ratio and spssau.
 * With groups (per-period entropy) the ratio uses the group max/min.
 */
export function shiftedSource(normalized: MatrixInput, shift: ShiftSpec, raw?: MatrixInput, directions?: readonly IndicatorDirection[], groups?: RowGroups): ColumnSource {
  const xn = asColumnSource(normalized);
  const N = xn.nRows;
  if (shift.kind === 'none') return xn;
  if (shift.kind === 'constant' || shift.kind === 'epsilonRescale') {
    const a = shift.kind === 'constant' ? shift.value : shift.epsilon;
    const b = shift.kind === 'constant' ? 1 : 1 - 2 * shift.epsilon;
    return {
      nRows: N,
      nCols: xn.nCols,
      column(j, scratch) {
        const y = scratch ?? new Float64Array(N);
        const x = xn.column(j, y);
        for (let r = 0; r < N; r++) y[r] = a + b * x[r];
        return y;
      },
    };
  }
  if (!raw) throw new RangeError(`shift "${shift.kind}" needs the raw data`);
  const rs = asColumnSource(raw);
  const G = groups ? groups.nGroups : 1;
  const grp = groups?.group;
  return {
    nRows: N,
    nCols: rs.nCols,
    column(j, scratch) {
      const y = scratch ?? new Float64Array(N);
      const x = rs.column(j, y);
      const mn = new Float64Array(G).fill(Infinity);
      const mx = new Float64Array(G).fill(-Infinity);
      for (let r = 0; r < N; r++) {
        const g = grp ? grp[r] : 0;
        if (x[r] < mn[g]) mn[g] = x[r];
        if (x[r] > mx[g]) mx[g] = x[r];
      }
      if (shift.kind === 'ratio') {
        const cost = directions?.[j] === '-';
        for (let r = 0; r < N; r++) {
          const g = grp ? grp[r] : 0;
          y[r] = cost ? mn[g] / x[r] : x[r] / mx[g];
        }
      } else {
        let lo = Infinity;
        for (let g = 0; g < G; g++) lo = Math.min(lo, mn[g]);
        const add = lo <= 0 ? Math.abs(lo) + 0.01 : 0;
        for (let r = 0; r < N; r++) y[r] = x[r] + add;
      }
      return y;
    },
  };
}
