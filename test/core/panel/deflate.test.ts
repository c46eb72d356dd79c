import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { createPanel, type Panel } from '../../../src/core/panel/panel.js';
import { deflate, priceLevels } from '../../../src/core/panel/deflate.js';
import { DataError, UsageError } from '../../../src/core/errors.js';
import { expectClose } from '../../helpers.js';

const periods = [2010, 2011, 2012, 2013];
function panel(rows: Record<string, number[][]>, ids = ['A', 'B']): Panel {
  const entity: string[] = [];
  const period: number[] = [];
  const values: Record<string, number[]> = {};
  for (const k of Object.keys(rows)) values[k] = [];
  ids.forEach((id, i) => periods.forEach((t, j) => {
    entity.push(id);
    period.push(t);
    for (const k of Object.keys(rows)) values[k].push(rows[k][i][j]);
  }));
  return createPanel({ ids, periods, entity, period, values, source: 'prices.csv' });
}

describe('deflate', () => {
  test('level index rebased to the base year, per entity', () => {
    const p = panel({ gdp: [[100, 120, 150, 160], [50, 55, 60, 70]], cpi: [[100, 110, 125, 128], [200, 210, 220, 240]] });
    const r = deflate(p, { variables: ['gdp'], index: 'cpi', base: 2011 });
    const real = r.panel.columns.gdp_real;
    expectClose(real[0], 100 / (100 / 110), 1e-15, 0, 'A 2010');
    expect(real[1]).toBe(120);
    expectClose(real[2], 150 / (125 / 110), 1e-15, 0, 'A 2012');
    expectClose(real[4 + 3], 70 / (240 / 210), 1e-15, 0, 'B 2013');
    expect(r.cells).toHaveLength(8);
    expect(r.cells[0]).toMatchObject({ id: 'A', period: 2010, variable: 'gdp' });
    expect(r.card.conventions).toMatchObject({ base: 2011, indexType: 'level', scope: 'own' });
    expect(p.columns.gdp_real).toBeUndefined();
  });

  test('chain index (上年=100) equals the equivalent level index', () => {
    const chainA = [NaN, 110, (100 * 125) / 110, (100 * 128) / 125];
    const p = panel({ gdp: [[100, 120, 150, 160], [1, 1, 1, 1]], idx: [chainA, [100, 100, 100, 100]] });
    const P = priceLevels(p, { index: 'idx', base: 2010, indexType: 'chain' });
    expectClose(P[2], 1.25, 1e-15, 0, 'P 2012');
    const r = deflate(p, { variables: ['gdp'], index: 'idx', base: 2012, indexType: 'chain' });
    expectClose(r.panel.columns.gdp_real[0], 100 / (100 / 125), 1e-13, 0, 'back to 2010');
    expectClose(r.panel.columns.gdp_real[3], 160 / (128 / 125), 1e-13, 0, 'forward');
  });

  test('national scope and real index', () => {
    const p = panel({ gdp: [[100, 120, 150, 160], [10, 12, 15, 16]], idx: [[1, 1, 1, 1], [100, 110, 121, 133.1]] }, ['A', '全国']);
    const r = deflate(p, { variables: ['gdp'], index: 'idx', base: 2010, scope: 'national', nationalId: '全国' });
    expectClose(r.panel.columns.gdp_real[2], 150 / 1.21, 1e-14, 0, 'national');
    const q = panel({ gdp: [[100, 120, 150, 160], [1, 1, 1, 1]], vol: [[100, 105, 110.25, 115.7625], [1, 1, 1, 1]] });
    const rr = deflate(q, { variables: ['gdp'], index: 'vol', base: 2010, indexType: 'real', suffix: '_c' });
    expectClose(rr.panel.columns.gdp_c[3], 115.7625, 1e-14, 0, 'real index');
  });

  test('a missing index year is an error naming id and period', () => {
    const p = panel({ gdp: [[100, 120, 150, 160], [1, 1, 1, 1]], cpi: [[100, NaN, 125, 128], [1, 1, 1, 1]] });
    try {
      deflate(p, { variables: ['gdp'], index: 'cpi', base: 2010 });
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(DataError);
      expect((e as DataError).kind).toBe('missing-index');
      expect((e as DataError).location).toMatchObject({ id: 'A', period: 2011, column: 'cpi', file: 'prices.csv' });
    }
    // not needed where the nominal value is missing
    const q = panel({ gdp: [[100, NaN, 150, 160], [1, 1, 1, 1]], cpi: [[100, NaN, 125, 128], [1, 1, 1, 1]] });
    expect(Number.isNaN(deflate(q, { variables: ['gdp'], index: 'cpi', base: 2010 }).panel.columns.gdp_real[1])).toBe(true);
    const neg = panel({ gdp: [[1, 1, 1, 1], [1, 1, 1, 1]], cpi: [[100, -1, 125, 128], [1, 1, 1, 1]] });
    expect(() => deflate(neg, { variables: ['gdp'], index: 'cpi', base: 2010 })).toThrow(/positive/);
    expect(() => deflate(neg, { variables: ['gdp'], index: 'cpi', base: 1999 })).toThrow(UsageError);
  });

  test('property: a chain index and the level index it implies give the same real values', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 50, max: 200, noNaN: true }), { minLength: 4, maxLength: 4 }), fc.constantFrom(...periods), (level, base) => {
        const chain = level.map((v, t) => (t === 0 ? 100 : (100 * v) / level[t - 1]));
        const p = panel({ x: [[10, 20, 30, 40], [1, 1, 1, 1]], lv: [level, [1, 1, 1, 1]], ch: [chain, [100, 100, 100, 100]] });
        const a = deflate(p, { variables: ['x'], index: 'lv', base }).panel.columns.x_real;
        const b = deflate(p, { variables: ['x'], index: 'ch', base, indexType: 'chain' }).panel.columns.x_real;
        for (let k = 0; k < 4; k++) expect(Math.abs(a[k] - b[k])).toBeLessThanOrEqual(1e-12 * Math.abs(a[k]));
      }),
      { numRuns: 100, seed: 11 },
    );
  });
});
