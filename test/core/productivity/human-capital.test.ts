import { describe, it, expect } from 'vitest';
import { humanCapitalIndex, schoolingReturn, averageSchoolingYears } from '../../../src/core/productivity/human-capital.js';

describe('human capital (G4)', () => {
  it('piecewise returns are continuous at 4 and 8 years', () => {
    expect(schoolingReturn(4)).toBeCloseTo(0.536, 14);
    expect(schoolingReturn(8)).toBeCloseTo(0.94, 14);
    expect(schoolingReturn(10)).toBeCloseTo(0.94 + 0.136, 14);
    const hc = humanCapitalIndex([0, 2, 6, NaN]);
    expect(hc[0]).toBe(1);
    expect(hc[1]).toBeCloseTo(Math.exp(0.268), 14);
    expect(hc[2]).toBeCloseTo(Math.exp(0.536 + 0.202), 14);
    expect(Number.isNaN(hc[3])).toBe(true);
    expect(() => humanCapitalIndex([-1])).toThrow(/schooling/);
  });
  it('average years of schooling from attainment counts', () => {
    const s = averageSchoolingYears({ primary: [10], junior: [20], senior: [10], college: [5], population: [50] });
    expect(s[0]).toBeCloseTo((60 + 180 + 120 + 80) / 50, 14);
  });
});
