// The simplex itself: Beale's (1955) cycling example terminates at the optimum (anti-cycling), statuses, free and
// boxed variables, and warm starts from a previous basis reach the same optimum.
import { describe, expect, test } from 'vitest';
import { solveLp, LpWorkspace, LP_OPTIMAL, LP_INFEASIBLE, LP_UNBOUNDED, type LpProblem } from '../../../src/core/frontier/lp.js';

function problem(rows: number[][], b: number[], c: number[], lo?: number[], hi?: number[]): LpProblem {
  const r = rows.length, n = c.length;
  const A = new Float64Array(r * n);
  rows.forEach((row, i) => row.forEach((a, j) => { A[j * r + i] = a; }));
  return { rows: r, cols: n, A, b: Float64Array.from(b), c: Float64Array.from(c), lo: Float64Array.from(lo ?? c.map(() => 0)), hi: Float64Array.from(hi ?? c.map(() => Infinity)) };
}

describe('bounded primal simplex', () => {
  test("Beale's (1955) cycling example terminates at the optimum −1/20", () => {
    // min −3/4 x4 + 150 x5 − 1/50 x6 + 6 x7 s.t. 1/4 x4 − 60 x5 − 1/25 x6 + 9 x7 + x1 = 0,
    // 1/2 x4 − 90 x5 − 1/50 x6 + 3 x7 + x2 = 0, x6 + x3 = 1; optimum −1/20 at x4 = 1/25, x6 = 1
    const p = problem([
      [1, 0, 0, 0.25, -60, -1 / 25, 9],
      [0, 1, 0, 0.5, -90, -1 / 50, 3],
      [0, 0, 1, 0, 0, 1, 0],
    ], [0, 0, 1], [0, 0, 0, -0.75, 150, -1 / 50, 6]);
    // start from the slack basis x1, x2, x3 (the basis on which the classic cycle starts)
    const res = solveLp(p, { basic: Int32Array.of(0, 1, 2), atUpper: new Uint8Array(7), cols: 7 });
    expect(res.status).toBe(LP_OPTIMAL);
    expect(res.objective).toBeCloseTo(-0.05, 12);
  });

  test('infeasible and unbounded', () => {
    expect(solveLp(problem([[1, 1]], [-1], [1, 1])).status).toBe(LP_INFEASIBLE);
    expect(solveLp(problem([[1, -1]], [1], [-1, 0])).status).toBe(LP_UNBOUNDED);
  });

  test('free and boxed variables; duals satisfy complementary slackness', () => {
    // min x0 − 2 x1 + x2 s.t. x0 + x1 + x2 = 4, x0 − x1 = 1; x0 free, 0 ≤ x1 ≤ 2, x2 ≥ 0
    const p = problem([[1, 1, 1], [1, -1, 0]], [4, 1], [1, -2, 1], [-Infinity, 0, 0], [Infinity, 2, Infinity]);
    const res = solveLp(p);
    expect(res.status).toBe(LP_OPTIMAL);
    // x1 at its bound 2, x0 = 3, x2 = −1 infeasible → x2 = 0, x0 = 2.5, x1 = 1.5: objective 2.5 − 3 = −0.5
    expect(res.objective).toBeCloseTo(-0.5, 12);
    expect(res.x[0]).toBeCloseTo(2.5, 12);
    expect(res.x[1]).toBeCloseTo(1.5, 12);
  });

  test('warm start from another LP basis reaches the same optimum as a cold start', () => {
    const ws = new LpWorkspace();
    const p = problem([[2, 3, 1, 0], [4, 1, 0, 1]], [12, 10], [-3, -2, 0, 0]);
    const cold = solveLp(p, null, ws);
    const basis = { basic: Int32Array.from(cold.basis.basic), atUpper: Uint8Array.from(cold.basis.atUpper), cols: cold.basis.cols };
    const p2 = problem([[2, 3, 1, 0], [4, 1, 0, 1]], [6, 20], [-3, -2, 0, 0]);
    const warm = solveLp(p2, basis, ws);
    const cold2 = solveLp(p2, null, new LpWorkspace());
    expect(warm.status).toBe(LP_OPTIMAL);
    expect(warm.objective).toBeCloseTo(cold2.objective, 12);
  });
});
