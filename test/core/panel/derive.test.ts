import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { createPanel, type Panel } from '../../../src/core/panel/panel.js';
import { derive, parseExpression } from '../../../src/core/panel/derive.js';
import { UsageError } from '../../../src/core/errors.js';

const periods = [2019, 2020, 2021];
function panel(values: Record<string, number[]>): Panel {
  const ids = ['A', 'B'];
  const entity = ids.flatMap((id) => periods.map(() => id));
  const period = ids.flatMap(() => periods);
  return createPanel({ ids, periods, entity, period, values, source: 'd.csv' });
}
const p = panel({ rd: [1, 2, 3, 4, 0, 6], gdp: [100, 200, 300, 400, 0, NaN], 研发经费: [5, 5, 5, 5, 5, 5], 'R&D 人员': [1, 1, 1, 2, 2, 2] });

describe('derive', () => {
  test('rd / gdp * 100 with missing and undefined cells', () => {
    const r = derive(p, { intensity: 'rd / gdp * 100' });
    const v = Array.from(r.panel.columns.intensity);
    expect(v.slice(0, 4)).toEqual([1, 1, 1, 1]);
    expect(Number.isNaN(v[4]) && Number.isNaN(v[5])).toBe(true);
    expect(r.counts[0]).toMatchObject({ ok: 4, missing: 1, undefined: 1 });
    expect(r.undefinedCells).toEqual([{ id: 'B', period: 2020, variable: 'intensity' }]);
    expect(r.warnings[0].code).toBe('derive-undefined');
    expect(r.card.conventions.expressions).toEqual({ intensity: 'rd / gdp * 100' });
    expect(p.columns.intensity).toBeUndefined();
  });

  test('precedence, unary minus, power, Unicode operators, Chinese and quoted names', () => {
    const r = derive(p, [
      { name: 'a', expression: '-2^2 + 3 * (1 + 1)' },
      { name: 'b', expression: '研发经费 × 2 ÷ 4 − 1' },
      { name: 'c', expression: '[R&D 人员] + `rd`' },
      { name: 'd', expression: '（1＋1）* 2^-1' },
      { name: 'e', expression: 'a * 2' },
    ]);
    expect(r.panel.columns.a[0]).toBe(2);
    expect(r.panel.columns.b[0]).toBe(1.5);
    expect(r.panel.columns.c[3]).toBe(6);
    expect(r.panel.columns.d[0]).toBe(1);
    expect(r.panel.columns.e[0]).toBe(4);
  });

  test('functions, lag and diff', () => {
    const r = derive(p, { l: 'ln(gdp)', s: 'sqrt(abs(-rd)) ^ 2', g: 'diff(ln(gdp))', lg: 'lag(gdp)', l2: 'lag(gdp, 2)', e: 'exp(log10(100))' });
    expect(r.panel.columns.l[0]).toBe(Math.log(100));
    expect(r.panel.columns.s[2]).toBeCloseTo(3, 14);
    expect(Number.isNaN(r.panel.columns.g[0])).toBe(true);
    expect(r.panel.columns.g[1]).toBe(Math.log(200) - Math.log(100));
    expect(Array.from(r.panel.columns.lg.slice(0, 3))).toEqual([NaN, 100, 200]);
    expect(r.panel.columns.l2[2]).toBe(100);
    expect(r.panel.columns.e[0]).toBeCloseTo(Math.exp(2), 13);
    // ln(0) for B 2020 is undefined, not missing
    expect(r.counts.find((c) => c.name === 'l')).toMatchObject({ ok: 4, missing: 1, undefined: 1 });
  });

  test('errors: syntax with position, unknown column with suggestions, unknown function', () => {
    expect(() => parseExpression('rd / (gdp')).toThrow(/expected "\)" before the end/);
    expect(() => parseExpression('rd gdp')).toThrow(/unexpected "gdp" at position 4/);
    expect(() => parseExpression('rd $ 2')).toThrow(UsageError);
    expect(() => parseExpression('foo(rd)')).toThrow(/unknown function "foo"/);
    expect(() => parseExpression('lag(rd, 0)')).toThrow(/positive whole number/);
    expect(() => derive(p, { x: 'rdd / gdp' })).toThrow(/"rdd".*closest: rd/);
    expect(() => parseExpression('constructor.constructor("x")()')).toThrow(UsageError);
  });

  test('property: derived arithmetic equals direct computation', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 6, maxLength: 6 }), fc.array(fc.double({ min: 0.5, max: 1e3, noNaN: true }), { minLength: 6, maxLength: 6 }), (xs, ys) => {
        const q = panel({ x: xs, y: ys });
        const r = derive(q, { z: '(x - y) / y * 100 + -x' });
        xs.forEach((x, k) => expect(r.panel.columns.z[k]).toBe(((x - ys[k]) / ys[k]) * 100 + -x));
      }),
      { numRuns: 100, seed: 5 },
    );
  });
});
