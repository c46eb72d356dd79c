// Method-card formulas shown as readable HTML without a math library.
import { expect, test } from 'vitest';
import { formulaHtml } from '../../src/report/formula.js';

test('fractions, roots, scripts, Greek letters and text', () => {
  expect(formulaHtml('G_{jj} = \\sum_i |y_{ji} - y_{jr}| / (2 n_j^2 \\mu_j)')).toBe('G<sub>jj</sub> = Σ<sub>i</sub> |y<sub>ji</sub> - y<sub>jr</sub>| / (2 n<sub>j</sub><sup>2</sup> μ<sub>j</sub>)');
  expect(formulaHtml('M = \\sqrt{\\frac{E^t(t+1)}{E^t(t)}}')).toBe('M = √((E<sup>t</sup>(t+1))/(E<sup>t</sup>(t)))');
  expect(formulaHtml('E = \\theta \\text{ or } 1/\\varphi')).toBe('E = θ  or  1/φ');
  expect(formulaHtml('a < b & c')).toBe('a &lt; b &amp; c');
});
