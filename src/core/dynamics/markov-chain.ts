// Analysis of a finite Markov chain with transition matrix P (rows sum to 1): communicating classes and
// reducibility, the steady state, and first mean passage times (Kemeny & Snell 1976, Finite Markov Chains,
// ch. 4; giddy `ergodic`). Used by the classical and spatial Markov chains (methods.md K2/K3).
//
// Steady state: π solves [Pᵀ − I; 1ᵀ] π = [0; 1] by least squares (normal equations, k small); when the
// chain has more than one closed class the solution is not unique and π is null with that reason.
// First mean passage times m_ij (i ≠ j): expected steps to reach j from i, solving
// m_ij = 1 + Σ_{l≠j} P_il m_lj on the states from which j is reached with certainty; m_jj = 1 + Σ_l P_jl m_lj
// is the mean recurrence time (= 1/π_j for an ergodic chain). States from which j may never be reached
// get null (infinite). O(k³) per target state; k is the number of classes (≤ tens).

import { solveLinear } from '../math/linear-algebra.js';

export interface ChainStructure {
  /** Communicating classes (0-based states), in order of their smallest state. */
  classes: number[][];
  /** Whether each class is closed (no probability leaves it). */
  closed: boolean[];
  irreducible: boolean;
}

function reachability(P: readonly (readonly number[])[]): boolean[][] {
  const k = P.length;
  const R = P.map((row, i) => row.map((p, j) => p > 0 || i === j));
  for (let m = 0; m < k; m++) for (let i = 0; i < k; i++) if (R[i][m]) for (let j = 0; j < k; j++) if (R[m][j]) R[i][j] = true;
  return R;
}

export function chainStructure(P: readonly (readonly number[])[]): ChainStructure {
  const k = P.length;
  const R = reachability(P);
  const seen = new Array<boolean>(k).fill(false);
  const classes: number[][] = [];
  for (let i = 0; i < k; i++) {
    if (seen[i]) continue;
    const cls: number[] = [];
    for (let j = i; j < k; j++) if (!seen[j] && R[i][j] && R[j][i]) { cls.push(j); seen[j] = true; }
    classes.push(cls);
  }
  const closed = classes.map((cls) => cls.every((i) => P[i].every((p, j) => p === 0 || cls.includes(j))));
  return { classes, closed, irreducible: classes.length === 1 };
}

export function steadyState(P: readonly (readonly number[])[]): { pi: number[] | null; reason?: string } {
  const k = P.length;
  const s = chainStructure(P);
  if (s.closed.filter(Boolean).length > 1) return { pi: null, reason: 'the chain has more than one closed class: the stationary distribution is not unique' };
  // A = [Pᵀ − I; 1ᵀ] ((k+1) × k); normal equations AᵀA π = Aᵀb, b = e_{k+1}.
  const A: number[][] = [];
  for (let i = 0; i < k; i++) A.push(Array.from({ length: k }, (_, j) => P[j][i] - (i === j ? 1 : 0)));
  A.push(new Array<number>(k).fill(1));
  const AtA = Array.from({ length: k }, (_, a) => Array.from({ length: k }, (_, b) => {
    let v = 0;
    for (let r = 0; r <= k; r++) v += A[r][a] * A[r][b];
    return v;
  }));
  const Atb = Array.from({ length: k }, (_, a) => A[k][a]);
  const x = solveLinear(AtA, Atb);
  if (!x) return { pi: null, reason: 'singular system' };
  return { pi: Array.from(x, (v) => (Math.abs(v) < 1e-14 ? 0 : v)) };
}

export function firstMeanPassageTimes(P: readonly (readonly number[])[]): (number | null)[][] {
  const k = P.length;
  const R = reachability(P);
  const M: (number | null)[][] = Array.from({ length: k }, () => new Array<number | null>(k).fill(null));
  for (let j = 0; j < k; j++) {
    // States (≠ j) that can wander, avoiding j, into a state that cannot reach j: passage time infinite.
    const never = new Array<boolean>(k).fill(false);
    for (let i = 0; i < k; i++) never[i] = !R[i][j];
    let changed = true;
    while (changed) {
      changed = false;
      for (let i = 0; i < k; i++) {
        if (i === j || never[i]) continue;
        for (let l = 0; l < k; l++) {
          if (l !== j && P[i][l] > 0 && never[l]) { never[i] = true; changed = true; break; }
        }
      }
    }
    const S: number[] = [];
    for (let i = 0; i < k; i++) if (i !== j && !never[i]) S.push(i);
    const m = new Map<number, number>();
    if (S.length > 0) {
      const A = S.map((i) => S.map((l) => (i === l ? 1 : 0) - P[i][l]));
      const x = solveLinear(A, S.map(() => 1));
      if (x) S.forEach((i, a) => m.set(i, x[a]));
    }
    for (const [i, v] of m) M[i][j] = v;
    // Recurrence time of j.
    let rec = 1;
    let finite = true;
    for (let l = 0; l < k; l++) {
      if (l === j || P[j][l] === 0) continue;
      const v = m.get(l);
      if (v === undefined) { finite = false; break; }
      rec += P[j][l] * v;
    }
    M[j][j] = finite ? rec : null;
  }
  return M;
}
