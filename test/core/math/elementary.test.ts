import { describe, expect, test } from 'vitest';
import { fdlibmExp as exp, fdlibmLog as log, exp as chosenExp, log as chosenLog, pow, powInt, log10 } from '../../../src/core/math/elementary.js';
import { createRng } from '../../../src/core/random.js';

const f = new Float64Array(1);
const b = new BigInt64Array(f.buffer);
/** Distance in units in the last place between two finite doubles of the same sign (or both zero). */
function ulps(a: number, c: number): number {
  if (Object.is(a, c)) return 0;
  if (Number.isNaN(a) || Number.isNaN(c)) return Infinity;
  f[0] = a; const ia = b[0];
  f[0] = c; const ic = b[0];
  if ((a < 0) !== (c < 0) && a !== 0 && c !== 0) return Infinity;
  const d = ia > ic ? ia - ic : ic - ia;
  return Number(d);
}

describe('deterministic exp/log (fdlibm)', () => {
  test('special values match Math', () => {
    const xs = [NaN, Infinity, -Infinity, 0, -0, 1, -1, 709.782712893384, 709.79, -745.1332191019411, -745.14, -708.5, -720, -740,
      Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE, 2.2250738585072014e-308, 1e-310, 1e-20, -1e-20, 0.5, 2, 1e-300];
    for (const x of xs) {
      const e = exp(x), me = Math.exp(x);
      expect(ulps(e, me), `exp(${x}) = ${e} vs ${me}`).toBeLessThanOrEqual(1);
      const l = log(x), ml = Math.log(x);
      expect(ulps(l, ml), `log(${x}) = ${l} vs ${ml}`).toBeLessThanOrEqual(1);
    }
    expect(exp(NaN)).toBeNaN();
    expect(log(-1)).toBeNaN();
    expect(log(-0)).toBe(-Infinity);
    expect(log(0)).toBe(-Infinity);
    expect(exp(-Infinity)).toBe(0);
    expect(exp(1000)).toBe(Infinity);
    expect(exp(-1000)).toBe(0);
    expect(exp(-740)).toBeGreaterThan(0); // subnormal result
  });

  test('exact known values', () => {
    expect(exp(0)).toBe(1);
    expect(exp(-0)).toBe(1);
    expect(log(1)).toBe(0);
    expect(exp(1)).toBe(Math.E);
    expect(log(Math.E)).toBe(1);
    expect(log(2)).toBe(Math.LN2);
    expect(log(10)).toBe(Math.LN10);
    expect(log(2 ** 10)).toBe(10 * Math.LN2);
    expect(exp(Math.LN2)).toBe(2);
    expect(powInt(3, 4)).toBe(81);
    expect(powInt(2, -3)).toBe(0.125);
    expect(powInt(-2, 3)).toBe(-8);
    expect(pow(2, 0.5)).toBeCloseTo(Math.SQRT2, 15);
    expect(pow(0, 2)).toBe(0);
    expect(pow(0, 0.5)).toBe(0);
    expect(pow(-8, 1 / 3)).toBeNaN();
    expect(pow(NaN, 0)).toBe(1);
    expect(log10(1000)).toBeCloseTo(3, 15);
  });

  test('within 1 ulp of Math on 1,000,000 seeded arguments over wide ranges', () => {
    const rng = createRng(20261128, 0);
    let maxE = 0, maxL = 0, diffE = 0, diffL = 0;
    const n = 1_000_000;
    for (let k = 0; k < n; k++) {
      const u = rng.uniform();
      // exp: a mix of the primary range, moderate and extreme arguments (including the subnormal range)
      const xe = k % 4 === 0 ? (u - 0.5) * 2 : k % 4 === 1 ? (u - 0.5) * 60 : k % 4 === 2 ? (u - 0.5) * 1490 : -708 - u * 37;
      const de = ulps(exp(xe), Math.exp(xe));
      if (de > maxE) maxE = de;
      if (de) diffE++;
      // log: log-uniform over [1e-320, 1e308] and near 1
      const xl = k % 3 === 0 ? 1 + (u - 0.5) * 1e-3 : k % 3 === 1 ? 10 ** ((u - 0.5) * 600) : Number.MIN_VALUE * (1 + u * 1e12);
      const dl = ulps(log(xl), Math.log(xl));
      if (dl > maxL) maxL = dl;
      if (dl) diffL++;
    }
    expect(maxE).toBeLessThanOrEqual(1);
    expect(maxL).toBeLessThanOrEqual(1);
    console.log(`elementary: ${diffE} exp and ${diffL} log results of ${n} differ from this engine's Math by 1 ulp`);
  });

  test('pow for real exponents stays close to Math.pow', () => {
    const rng = createRng(7, 1);
    for (let k = 0; k < 10_000; k++) {
      const x = rng.uniform() * 100 + 1e-6, y = (rng.uniform() - 0.5) * 8;
      const p = pow(x, y), m = Math.pow(x, y);
      expect(Math.abs(p - m) / m).toBeLessThan(1e-13);
    }
  });
});

describe('the exported exp/log return the port\'s bits', () => {
  test('on 200,000 seeded arguments (whichever of Math or the port was chosen at load)', () => {
    const rng = createRng(4242);
    for (let k = 0; k < 200_000; k++) {
      const x = (rng.uniform() - 0.3) * 1400;
      expect(Object.is(chosenExp(x), exp(x))).toBe(true);
      const y = Math.abs(x) * 10 ** (Math.floor(rng.uniform() * 40) - 20);
      expect(Object.is(chosenLog(y), log(y))).toBe(true);
    }
  });
});

