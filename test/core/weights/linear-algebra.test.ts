// Symmetric eigen-decomposition (Jacobi), power iteration and the small linear solver used by PCA, AHP and
// game-theory combination.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { symmetricEigen, principalEigenvector } from '../../../src/core/math/eigen.js';
import { solveLinear } from '../../../src/core/math/linear-algebra.js';

describe('symmetricEigen', () => {
  it('known 2×2 and A·u = λ·u on random symmetric matrices', () => {
    const e = symmetricEigen([[2, 1], [1, 2]]);
    expect(e.values[0]).toBeCloseTo(3, 14);
    expect(e.values[1]).toBeCloseTo(1, 14);
    fc.assert(fc.property(fc.integer({ min: 1, max: 7 }), fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 49, maxLength: 49 }), (n, v) => {
      const A = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => v[Math.min(i, j) * 7 + Math.max(i, j)]));
      const { values, vectors } = symmetricEigen(A);
      const scale = Math.max(1, ...A.flat().map(Math.abs));
      for (let k = 0; k < n; k++) {
        if (k > 0) expect(values[k]).toBeLessThanOrEqual(values[k - 1] + 1e-12 * scale);
        const u = vectors[k];
        let norm = 0;
        for (let i = 0; i < n; i++) {
          let s = 0;
          for (let j = 0; j < n; j++) s += A[i][j] * u[j];
          expect(Math.abs(s - values[k] * u[i])).toBeLessThan(1e-9 * scale);
          norm += u[i] * u[i];
        }
        expect(norm).toBeCloseTo(1, 12);
      }
    }), { numRuns: 200 });
  });
});

describe('principalEigenvector and solveLinear', () => {
  it('power iteration converges on a positive matrix', () => {
    const r = principalEigenvector([[1, 2], [0.5, 1]]);
    expect(r.converged).toBe(true);
    expect(r.lambdaMax).toBeCloseTo(2, 12);
    expect(r.vector[0]).toBeCloseTo(2 / 3, 12);
  });
  it('solves a system and reports a singular one as null', () => {
    const x = solveLinear([[2, 1], [1, 3]], [3, 5])!;
    expect(x[0]).toBeCloseTo(0.8, 14);
    expect(x[1]).toBeCloseTo(1.4, 14);
    expect(solveLinear([[1, 2], [2, 4]], [1, 2])).toBeNull();
  });
});
