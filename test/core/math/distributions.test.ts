import { describe, it, expect } from 'vitest';
import { normalCdf, normalTwoSided, studentTTwoSided, chiSquareSf, fSf, lnGamma, erfc } from '../../../src/core/math/distributions.js';
import { expectClose } from '../../helpers.js';

// Reference values from scipy 1.x (norm, t, chi2, f) and exact identities.
describe('distributions', () => {
  it('normal', () => {
    expectClose(normalCdf(1.96), 0.97500210485177952, 1e-14, 0, 'pnorm(1.96)');
    expectClose(normalTwoSided(1.2845), 0.19895, 1e-4, 0, '2*pnorm(-1.2845)');
    expectClose(erfc(5), 1.5374597944280349e-12, 1e-12, 0, 'erfc(5)');
    expectClose(normalCdf(-10), 7.6198530241605260e-24, 1e-10, 0, 'pnorm(-10)');
  });
  it('lnGamma', () => {
    expectClose(lnGamma(0.5), Math.log(Math.sqrt(Math.PI)), 1e-14, 0, 'lgamma(.5)');
    expectClose(lnGamma(10), Math.log(362880), 1e-14, 0, 'lgamma(10)');
  });
  it('t, chi-square, F', () => {
    expectClose(studentTTwoSided(2, 10), 0.073388034770740, 1e-12, 0, '2*pt(-2,10)');
    expectClose(chiSquareSf(3.84, 1), 0.050043521248705, 1e-12, 0, 'pchisq(3.84,1,lower=F)');
    expectClose(chiSquareSf(10, 4), 0.040427681994512, 1e-12, 0, 'pchisq(10,4,lower=F)');
    expectClose(fSf(3, 2, 20), 0.07253815028640571, 1e-12, 0, 'pf(3,2,20,lower=F)');
    expect(studentTTwoSided(0, 5)).toBe(1);
  });
});
