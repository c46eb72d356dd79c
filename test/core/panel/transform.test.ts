import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { createPanel, type Panel } from '../../../src/core/panel/panel.js';
import { growthRate, logs, perCapita } from '../../../src/core/panel/transform.js';

function panel(values: Record<string, number[]>, periods = [2010, 2011, 2012]): Panel {
  const ids = ['A', 'B'];
  return createPanel({ ids, periods, entity: ids.flatMap((id) => periods.map(() => id)), period: ids.flatMap(() => periods), values });
}

describe('logs', () => {
  test('natural by default, non-positive undefined, missing stays missing', () => {
    const r = logs(panel({ x: [1, Math.E, 100, 0, -1, NaN] }), ['x']);
    expect(Array.from(r.panel.columns.ln_x.slice(0, 3))).toEqual([0, 1, Math.log(100)]);
    expect(r.counts[0]).toMatchObject({ ok: 3, undefined: 2, missing: 1 });
    expect(r.undefinedCells.map((c) => c.period)).toEqual([2010, 2011]);
    expect(logs(panel({ x: [1, 10, 100, 1, 1, 1] }), ['x'], { base: 10 }).panel.columns.log10_x[2]).toBe(2);
  });
});

describe('growthRate', () => {
  test('log difference is the default; discrete and percent on request', () => {
    const p = panel({ x: [100, 110, 121, 50, 0, 10] });
    const g = growthRate(p, ['x']);
    expect(Number.isNaN(g.panel.columns.g_x[0])).toBe(true);
    expect(g.panel.columns.g_x[1]).toBe(Math.log(110) - Math.log(100));
    expect(g.card.conventions.method).toBe('log');
    expect(g.counts[0].undefined).toBe(2); // ln 0 for B
    const d = growthRate(p, ['x'], { method: 'discrete', percent: true });
    expect(d.panel.columns.g_x[1]).toBeCloseTo(10, 12);
    expect(d.panel.columns.g_x[4]).toBe(-100);
    expect(d.counts[0].undefined).toBe(1); // 10/0
  });

  test('uneven periods are annualised', () => {
    const p = panel({ x: [100, 121, 121, 1, 1, 1] }, [2000, 2002, 2003]);
    expect(growthRate(p, ['x'], { method: 'discrete' }).panel.columns.g_x[1]).toBeCloseTo(0.1, 14);
    expect(growthRate(p, ['x']).panel.columns.g_x[1]).toBeCloseTo(Math.log(1.1), 14);
    expect(growthRate(p, ['x'], { method: 'discrete', annualize: false }).panel.columns.g_x[1]).toBeCloseTo(0.21, 14);
  });

  test('property: log growth sums to the log of the overall ratio', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 1e6, noNaN: true }), { minLength: 6, maxLength: 6 }), (xs) => {
        const g = growthRate(panel({ x: xs }), ['x']).panel.columns.g_x;
        expect(g[1] + g[2]).toBeCloseTo(Math.log(xs[2] / xs[0]), 9);
      }),
      { numRuns: 100, seed: 9 },
    );
  });
});

describe('perCapita', () => {
  test('year-end and average population; zero population undefined', () => {
    const p = panel({ gdp: [100, 200, 300, 10, 10, 10], pop: [10, 20, 30, 0, 5, 5] });
    const y = perCapita(p, ['gdp'], 'pop', { scale: 10000 });
    expect(Array.from(y.panel.columns.gdp_pc.slice(0, 3))).toEqual([100000, 100000, 100000]);
    expect(y.counts[0].undefined).toBe(1);
    const a = perCapita(p, ['gdp'], 'pop', { pop: 'average' });
    expect(Number.isNaN(a.panel.columns.gdp_pc[0])).toBe(true);
    expect(a.panel.columns.gdp_pc[1]).toBe(200 / 15);
    expect(a.panel.columns.gdp_pc[4]).toBe(10 / 2.5);
    expect(a.card.conventions.pop).toBe('average');
  });
});
