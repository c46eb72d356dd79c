// Normalisation (methods.md B1–B3): directions, interval and moderate point, z-score, vector, scopes,
// constant columns, shifts.
import { describe, it, expect } from 'vitest';
import { normalizeMatrix, minMaxNormalize, zScoreNormalize, vectorNormalize } from '../../../src/core/normalize/normalize.js';
import { shiftedSource } from '../../../src/core/normalize/shift.js';
import { parseDirection } from '../../../src/core/normalize/direction.js';
import { DataError } from '../../../src/core/errors.js';

const x = Float64Array.of(1, 2, 3, 5);

describe('min–max', () => {
  it('benefit, cost, interval, moderate point', () => {
    expect(Array.from(minMaxNormalize(x, '+'))).toEqual([0, 0.25, 0.5, 1]);
    expect(Array.from(minMaxNormalize(x, '-'))).toEqual([1, 0.75, 0.5, 0]);
    // interval [2,3]: D = max(2−1, 5−3) = 2
    expect(Array.from(minMaxNormalize(x, { interval: [2, 3] }))).toEqual([0.5, 1, 1, 0]);
    expect(Array.from(minMaxNormalize(x, { interval: [0, 10] }))).toEqual([1, 1, 1, 1]);
    // moderate 2: max |x − 2| = 3
    expect(Array.from(minMaxNormalize(x, { moderate: 2 }))).toEqual([1 - 1 / 3, 1, 1 - 1 / 3, 0]);
  });
  it('scopes: period and base period', () => {
    const groups = { group: Int32Array.of(0, 0, 1, 1), nGroups: 2 };
    expect(Array.from(normalizeMatrix([x], ['+'], { scope: 'period', groups }).column(0))).toEqual([0, 1, 0, 1]);
    expect(Array.from(normalizeMatrix([x], ['+'], { scope: 'basePeriod', groups, baseGroup: 0 }).column(0))).toEqual([0, 1, 2, 4]);
  });
  it('constant column: data error by default, zero/drop on request', () => {
    const c = Float64Array.of(3, 3, 3);
    try { minMaxNormalize(c); expect.unreachable(); } catch (e) {
      expect(e).toBeInstanceOf(DataError);
      expect((e as DataError).kind).toBe('constant-indicator');
    }
    const nm = normalizeMatrix([c, Float64Array.of(1, 2, 3)], ['+', '+'], { constantPolicy: 'drop' });
    expect(nm.constant).toEqual([true, false]);
    expect(Array.from(nm.column(0))).toEqual([0, 0, 0]);
  });
});

describe('z-score and vector', () => {
  it('z-score with sample sd, cost negated', () => {
    const z = zScoreNormalize(Float64Array.of(1, 2, 3));
    expect(Array.from(z)).toEqual([-1, 0, 1]);
    expect(Array.from(zScoreNormalize(Float64Array.of(1, 2, 3), '-'))).toEqual([1, -0, -1]);
  });
  it('vector: unit length; negative values are a data error', () => {
    const v = vectorNormalize(Float64Array.of(3, 4));
    expect(Array.from(v)).toEqual([0.6, 0.8]);
    expect(() => vectorNormalize(Float64Array.of(-1, 2))).toThrow(DataError);
  });
});

describe('shifts and directions', () => {
  it('constant, epsilonRescale, ratio, spssau', () => {
    const xn = [Float64Array.of(0, 0.5, 1)];
    expect(Array.from(shiftedSource(xn, { kind: 'constant', value: 0.01 }).column(0))).toEqual([0.01, 0.51, 1.01]);
    expect(Array.from(shiftedSource(xn, { kind: 'epsilonRescale', epsilon: 0.1 }).column(0)).map((v) => +v.toFixed(12))).toEqual([0.1, 0.5, 0.9]);
    const raw = [Float64Array.of(2, 4, 8)];
    expect(Array.from(shiftedSource(xn, { kind: 'ratio' }, raw, ['-']).column(0))).toEqual([1, 0.5, 0.25]);
    expect(Array.from(shiftedSource(xn, { kind: 'spssau' }, [Float64Array.of(-1, 0, 1)]).column(0)).map((v) => +v.toFixed(12))).toEqual([0.01, 1.01, 2.01]);
  });
  it('parseDirection', () => {
    expect(parseDirection('+')).toBe('+');
    expect(parseDirection('cost')).toBe('-');
    expect(parseDirection('[1, 3]')).toEqual({ interval: [1, 3] });
    expect(parseDirection('=2.5')).toEqual({ moderate: 2.5 });
    expect(parseDirection('[3,1]')).toBeNull();
    expect(parseDirection('up')).toBeNull();
  });
});
