// PCA weight options (methods.md B7): mathmodels |A|·λ/Σλ and A², varimax-rotated (Kaiser 1958, normalised),
// and the Stata-style composite score Σ_k (λ_k/Σλ) F_k — against an independent numpy computation
// (scripts/index-options/make_references.py → test/fixtures/index-options/references.json), 1e-9 relative.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { expectClose } from '../../helpers.js';
import { pcaWeights, pcaCompositeScore } from '../../../src/core/weights/pca.js';
import { varimax } from '../../../src/core/weights/varimax.js';
import { loadIndexPanel, COLS, DIRS } from '../aggregate/index-fixture.js';

const ref = JSON.parse(readFileSync(new URL('../../fixtures/index-options/references.json', import.meta.url), 'utf8'));
const panel = loadIndexPanel();
const cols = COLS.map((c) => panel.columns[c]);
const REL = 1e-9;

describe('PCA mathmodels variants', () => {
  it('retains the numpy Kaiser components', () => {
    const p = pcaWeights(cols, DIRS, { variant: 'mathmodels' });
    expect(p.retained).toBe(ref.pca.retained);
    ref.pca.eigenvalues.forEach((v: number, k: number) => expectClose(p.eigenvalues[k], v, 1e-10, 1e-12, `λ${k}`));
  });
  for (const [variant, rotate, key] of [
    ['mathmodels', 'none', 'mathmodels'], ['mathmodelsSquared', 'none', 'mathmodelsSquared'],
    ['mathmodels', 'varimax', 'mathmodelsVarimax'], ['mathmodelsSquared', 'varimax', 'mathmodelsSquaredVarimax'],
  ] as const) {
    it(`${variant} rotate=${rotate}`, () => {
      const p = pcaWeights(cols, DIRS, { variant, rotate });
      ref.pca[key].forEach((v: number, j: number) => expectClose(p.weights[j], v, REL, 0, `${key} w${j}`));
    });
  }
  it('rotated component variances match numpy (order-free) and sum to the unrotated ones', () => {
    const p = pcaWeights(cols, DIRS, { variant: 'mathmodels', rotate: 'varimax' });
    const got = Array.from(p.componentVariance!).sort((a, b) => b - a);
    ref.pca.rotatedVariance.forEach((v: number, k: number) => expectClose(got[k], v, REL, 0, `rotated λ${k}`));
    expectClose(got[0] + got[1], ref.pca.eigenvalues[0] + ref.pca.eigenvalues[1], 1e-12, 0, 'trace');
  });
  it('varimax on the default variant is a usage error', () => {
    expect(() => pcaWeights(cols, DIRS, { rotate: 'varimax' })).toThrow(/mathmodels/);
  });
});

describe('varimax (hand-checkable identities)', () => {
  it('orthogonal rotation: communalities kept, T Tᵀ = I, criterion increases', () => {
    const L = [Float64Array.of(0.8, 0.7, 0.6, 0.5, 0.4), Float64Array.of(0.3, -0.4, 0.5, -0.6, 0.2)];
    const r = varimax(L);
    for (let j = 0; j < 5; j++) expectClose(r.loadings[0][j] ** 2 + r.loadings[1][j] ** 2, L[0][j] ** 2 + L[1][j] ** 2, 1e-12, 0, `h${j}`);
    const T = r.rotation;
    expectClose(T[0][0] * T[0][0] + T[0][1] * T[0][1], 1, 1e-12, 0, 'row norm');
    expectClose(T[0][0] * T[1][0] + T[0][1] * T[1][1], 0, 0, 1e-12, 'orthogonal');
    const crit = (A: Float64Array[]) => {
      let c = 0;
      for (const a of A) {
        const n = Array.from(a, (v, j) => v / Math.hypot(A[0][j], A[1][j]));
        const s2 = n.reduce((s, v) => s + v * v, 0), s4 = n.reduce((s, v) => s + v ** 4, 0);
        c += s4 - (s2 * s2) / 5;
      }
      return c;
    };
    expect(crit(r.loadings)).toBeGreaterThan(crit(L));
  });
  it('two-column rotation reaches the numpy optimum of the fixture loadings', () => {
    const p = pcaWeights(cols, DIRS, { variant: 'mathmodels', rotate: 'varimax' });
    const A = p.loadings!;
    let c = 0;
    for (const a of A) {
      const n = Array.from(a, (v, j) => v / Math.hypot(A[0][j], A[1][j]));
      const s2 = n.reduce((s, v) => s + v * v, 0), s4 = n.reduce((s, v) => s + v ** 4, 0);
      c += s4 - (s2 * s2) / a.length;
    }
    expectClose(c, ref.pca.varimaxCriterion, 1e-10, 0, 'criterion');
  });
  it('one factor is returned unchanged', () => {
    const r = varimax([Float64Array.of(0.5, -0.2)]);
    expect(Array.from(r.loadings[0])).toEqual([0.5, -0.2]);
  });
});

describe('PCA composite score (Stata pca workflow)', () => {
  it('matches numpy F = Σ (λ_k/Σλ) F_k and the component scores', () => {
    const s = pcaCompositeScore(cols, DIRS);
    expect(s.retained).toBe(ref.pca.retained);
    ref.pca.compositeScore.forEach((v: number, i: number) => expectClose(s.score[i], v, 1e-9, 1e-12, `F${i}`));
    ref.pca.componentScores.forEach((c: number[], k: number) => c.forEach((v, i) => expectClose(s.components[k][i], v, 1e-9, 1e-12, `F${k},${i}`)));
  });
  it('the score has mean 0 and equals Σ_j c_j z_ij', () => {
    const s = pcaCompositeScore(cols, DIRS);
    expectClose(s.score.reduce((a, b) => a + b, 0) / s.score.length, 0, 0, 1e-12, 'mean');
  });
});
