// Weight methods: CV fixture (1e-9 relative), AHP consistency, PCA, combination, and properties
// (weights sum to 1; entropy and CRITIC weights invariant to rescaling an indicator by a positive constant).
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { expectClose } from '../../helpers.js';
import { cvWeights, sdWeights } from '../../../src/core/weights/dispersion.js';
import { entropyWeights } from '../../../src/core/weights/entropy.js';
import { criticWeights } from '../../../src/core/weights/critic.js';
import { ahpWeights, RI_TABLES } from '../../../src/core/weights/ahp.js';
import { pcaWeights } from '../../../src/core/weights/pca.js';
import { combineWeights } from '../../../src/core/weights/combine.js';
import { normalizeMatrix } from '../../../src/core/normalize/normalize.js';
import { shiftedSource } from '../../../src/core/normalize/shift.js';
import { compositeIndex } from '../../../src/core/composite/composite-index.js';
import { DataError } from '../../../src/core/errors.js';
import { loadIndexPanel, fixtureFramework, fx, COLS } from '../aggregate/index-fixture.js';

const REL = 1e-9;
const panel = loadIndexPanel();

describe('CV weights — cv_weights.json', () => {
  const f = fx('cv_weights');
  it('pooled over 186 rows (raw data, sd n−1), library kernel and pipeline', () => {
    const res = cvWeights(COLS.map((c) => panel.columns[c]));
    f.result.pooled.weights.forEach((v: number, j: number) => expectClose(res.weights[j], v, REL, 0, `w${j}`));
    f.result.pooled.cv.forEach((v: number, j: number) => expectClose(res.cv![j], v, REL, 0, `cv${j}`));
    f.result.pooled.sd.forEach((v: number, j: number) => expectClose(res.sd[j], v, REL, 0, `sd${j}`));
    const idx = compositeIndex(panel, { framework: fixtureFramework(), weights: 'cv' });
    (idx.summary.weights as { weight: number }[]).forEach((x, j) => expectClose(x.weight, f.result.pooled.weights[j], REL, 0, 'pipeline'));
  });
  it('2020 cross-section', () => {
    const t = panel.periods.indexOf(2020);
    const cols = COLS.map((c) => Float64Array.from(panel.ids, (_, i) => panel.columns[c][i * panel.periods.length + t]));
    const res = cvWeights(cols);
    f.result.cross_section_2020.weights.forEach((v: number, j: number) => expectClose(res.weights[j], v, REL, 0, `w${j}`));
  });
  it('non-positive mean is a data error naming the indicator', () => {
    expect(() => cvWeights([Float64Array.of(-1, 0, 0.5)], { keys: ['x'] })).toThrow(/indicator "x" has mean/);
  });
});

const matrixArb = fc.integer({ min: 3, max: 20 }).chain((n) => fc.integer({ min: 2, max: 6 }).chain((m) =>
  fc.array(fc.array(fc.double({ min: 0.001, max: 1000, noNaN: true }), { minLength: n, maxLength: n }), { minLength: m, maxLength: m })));
const nonConstant = (cols: number[][]) => cols.every((c) => Math.max(...c) - Math.min(...c) > 1e-6 * Math.max(...c.map(Math.abs)));

describe('weight properties', () => {
  it('entropy, CRITIC, CV, SD weights sum to 1 and are ≥ 0', () => {
    fc.assert(fc.property(matrixArb, (cols) => {
      fc.pre(nonConstant(cols));
      const raw = cols.map((c) => Float64Array.from(c));
      const xn = normalizeMatrix(raw, raw.map(() => '+'));
      for (const w of [entropyWeights(shiftedSource(xn, { kind: 'constant', value: 1e-4 })).weights, criticWeights(xn).weights, cvWeights(raw).weights, sdWeights(xn).weights]) {
        expect(Math.abs(w.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
        for (const v of w) expect(v).toBeGreaterThanOrEqual(0);
      }
    }), { numRuns: 200 });
  });
  it('entropy and CRITIC weights are invariant to rescaling an indicator by a positive constant', () => {
    fc.assert(fc.property(matrixArb, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.nat(), fc.boolean(), (cols, k, pick, neg) => {
      fc.pre(nonConstant(cols));
      const raw = cols.map((c) => Float64Array.from(c));
      const j = pick % raw.length;
      const scaled = raw.map((c, q) => (q === j ? Float64Array.from(c, (v) => v * k) : c));
      const dirs = raw.map((_, q) => (neg && q === 0 ? '-' as const : '+' as const));
      const a = normalizeMatrix(raw, dirs), b = normalizeMatrix(scaled, dirs);
      const ea = entropyWeights(shiftedSource(a, { kind: 'constant', value: 1e-4 })).weights;
      const eb = entropyWeights(shiftedSource(b, { kind: 'constant', value: 1e-4 })).weights;
      const ca = criticWeights(a).weights, cb = criticWeights(b).weights;
      ea.forEach((v, q) => expectClose(eb[q], v, 1e-9, 1e-12, 'entropy'));
      ca.forEach((v, q) => expectClose(cb[q], v, 1e-9, 1e-12, 'critic'));
    }), { numRuns: 200 });
  });
});

describe('AHP', () => {
  it('a consistent matrix gives exact weights and CR = 0', () => {
    const w = [0.5, 0.3, 0.2];
    const A = w.map((a) => w.map((b) => a / b));
    const r = ahpWeights(A);
    r.weights.forEach((v, j) => expectClose(v, w[j], 1e-12, 0, 'w'));
    expect(Math.abs(r.CR)).toBeLessThan(1e-12);
    expect(r.status).toBe('ok');
    expect(r.RI).toBe(0.58);
  });
  it('Saaty 3×3 example: λmax, CI, CR', () => {
    const A = [[1, 1 / 3, 2], [3, 1, 5], [1 / 2, 1 / 5, 1]];
    const r = ahpWeights(A);
    // principal eigenvector of this matrix (checked by the geometric mean within 1e-3)
    expect(r.lambdaMax).toBeGreaterThan(3);
    expectClose(r.CR, (r.lambdaMax - 3) / 2 / 0.58, 1e-12, 0, 'CR');
    const g = ahpWeights(A, { method: 'geometric' });
    r.weights.forEach((v, j) => expectClose(v, g.weights[j], 1e-2, 0, 'eigen≈geometric'));
    expect(r.CR).toBeLessThan(0.1);
  });
  it('CR ≥ 0.1 → status inconsistent; non-reciprocal → data error', () => {
    const A = [[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]];
    expect(ahpWeights(A).status).toBe('inconsistent');
    expect(() => ahpWeights([[1, 2], [2, 1]])).toThrow(DataError);
    expect(RI_TABLES.cn[3]).toBe(0.89);
  });
});

describe('PCA weights', () => {
  it('sum to 1, Kaiser retention, sign convention', () => {
    const cols = COLS.map((c) => panel.columns[c]);
    const dirs = fixtureFramework().indicators.map((i) => i.direction);
    const r = pcaWeights(cols, dirs);
    expectClose(r.weights.reduce((a, b) => a + b, 0), 1, 1e-12, 0, 'sum');
    expect(r.retained).toBe(Array.from(r.eigenvalues).filter((l) => l > 1).length);
    for (const u of r.eigenvectors) expect(u.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(-1e-12);
    expectClose(r.eigenvalues.reduce((a, b) => a + b, 0), 8, 1e-12, 0, 'trace');
  });
});

describe('combination', () => {
  const a = Float64Array.of(0.5, 0.3, 0.2), b = Float64Array.of(0.2, 0.3, 0.5);
  it('linear, multiplicative, geometric mean, game', () => {
    expect(Array.from(combineWeights([a, b]).weights)).toEqual([0.35, 0.3, 0.35]);
    const mu = combineWeights([a, b], { rule: 'multiplicative' }).weights;
    expectClose(mu[0], 0.1 / 0.29, 1e-12, 0, 'mult');
    const gm = combineWeights([a, b], { rule: 'geometricMean' }).weights;
    expectClose(gm.reduce((x, y) => x + y, 0), 1, 1e-12, 0, 'gm sum');
    const g = combineWeights([a, b], { rule: 'game' });
    expectClose(g.alpha![0] + g.alpha![1], 1, 1e-12, 0, 'alpha');
    expectClose(g.alpha![0], 0.5, 1e-12, 0, 'symmetric alpha');
    // identical vectors: the common vector
    expect(Array.from(combineWeights([a, a], { rule: 'game' }).weights)).toEqual(Array.from(a));
  });
});

describe('entropy shift applied on the fly', () => {
  it('offset/scale options equal the entropy of the shifted matrix', () => {
    fc.assert(fc.property(matrixArb, fc.double({ min: 1e-6, max: 0.1, noNaN: true }), (cols, A) => {
      fc.pre(nonConstant(cols));
      const xn = normalizeMatrix(cols.map((c) => Float64Array.from(c)), cols.map(() => '+'));
      const a = entropyWeights(xn, { offset: A }).weights;
      const b = entropyWeights(shiftedSource(xn, { kind: 'constant', value: A })).weights;
      a.forEach((v, j) => expectClose(v, b[j], 1e-12, 1e-15, 'w'));
    }), { numRuns: 100 });
  });
});
