import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { createPanel, type Panel } from '../../../src/core/panel/panel.js';
import { addCapitalStock, capitalStock } from '../../../src/core/panel/capital-stock.js';
import { DataError, UsageError } from '../../../src/core/errors.js';
import { expectClose } from '../../helpers.js';

function panel(ids: string[], periods: number[], values: Record<string, number[][]>): Panel {
  const entity: string[] = [];
  const period: number[] = [];
  const cols: Record<string, number[]> = {};
  for (const k of Object.keys(values)) cols[k] = [];
  ids.forEach((id, i) => periods.forEach((t, j) => {
    entity.push(id);
    period.push(t);
    for (const k of Object.keys(values)) cols[k].push(values[k][i][j]);
  }));
  return createPanel({ ids, periods, entity, period, values: cols, source: 'test.csv' });
}

// Hand-checked example. Real investment Ĩ = 100, 103, 108, 112, 118, 127.62815625 (= 100·1.05^5), price index
// (2000 = 100) P = 100, 102, 105, 110, 120, 125, so nominal I = Ĩ·P/100 = 100, 105.06, 113.4, 123.2, 141.6,
// 159.5351953125. δ = 0.096, N = 5: g = (127.62815625/100)^{1/5} − 1 = 0.05 exactly.
//   K₀ = 100/(0.05 + 0.096) = 100/0.146 = 50000/73                          = 684.931506849315…
//   K₁ = 0.904·50000/73 + 103 = (45200 + 7519)/73 = 52719/73                  = 722.1780821917808
//   K₂ = 0.904·52719/73 + 108 = 6942747/9125                                = 760.8489863013699
//   K₃ = 0.904·K₂ + 112       = 912280411/1140625                           = 799.8074836164384
//   K₄ = 0.904·K₃ + 118       = 119911905193/142578125                      = 841.0259651892603
//   K₅ = 0.904·K₄ + 127.62815625 = 4051115056313729/4562500000000           = 887.9156287810913
// Ratio base (Zhang et al. 2004): K₀ = 100/0.10 = 1000; K₁ = 904 + 103 = 1007; K₂ = 0.904·1007 + 108 = 1018.328;
//   K₃ = 1032.568512; K₄ = 1051.441934848; K₅ = 1078.131665352592.
const years = [2000, 2001, 2002, 2003, 2004, 2005];
const nominal = [100, 105.06, 113.4, 123.2, 141.6, 159.5351953125];
const index = [100, 102, 105, 110, 120, 125];
const steady = [50000 / 73, 52719 / 73, 6942747 / 9125, 912280411 / 1140625, 119911905193 / 142578125, 4051115056313729 / 4562500000000];
const ratioK = [1000, 1007, 1018.328, 1032.568512, 1051.441934848, 1078.131665352592];

describe('capitalStock (PIM)', () => {
  const p = panel(['A'], years, { inv: [nominal], pi: [index] });

  test('hand-checked steady-state example to 1e-12', () => {
    const r = capitalStock(p, { investment: 'inv', deflator: 'pi' });
    expect(r.rows.map((x) => x.period)).toEqual(years);
    r.rows.forEach((row, t) => expectClose(row.capital!, steady[t], 1e-12, 0, `K ${row.period}`));
    const e = (r.summary.entities as { g: number; gYears: number; K0: number }[])[0];
    expectClose(e.g, 0.05, 1e-12, 0, 'g');
    expect(e.gYears).toBe(5);
    expect(r.card.conventions.delta).toBe(0.096);
    expect(r.card.conventions.growthYears).toBe(5);
    expect(r.card.conventions.base).toBe('steady');
    expect(r.card.conventions.priceBase).toBe(2000);
    expect(r.card.software.name).toBe('xinzhi');
    expect(Array.from(addCapitalStock(p, { investment: 'inv', deflator: 'pi' }).panel.columns.capital)).toEqual(r.rows.map((x) => x.capital));
  });

  test('ratio base (K_first = I_first/0.10) to 1e-12', () => {
    const r = capitalStock(p, { investment: 'inv', deflator: 'pi', base: 'ratio' });
    r.rows.forEach((row, t) => expectClose(row.capital!, ratioK[t], 1e-12, 0, `K ${row.period}`));
    expect(r.card.conventions.ratio).toBe(0.1);
    expect(r.card.conventions.growthYears).toBeNull();
  });

  test('growthYears, fixed g, per-year δ and chain index', () => {
    const r2 = capitalStock(p, { investment: 'inv', deflator: 'pi', growthYears: 2 });
    const g2 = Math.sqrt(108 / 100) - 1;
    expectClose(r2.rows[0].capital!, 100 / (g2 + 0.096), 1e-12, 0, 'K0 N=2');
    expect(r2.card.conventions.growthYears).toBe(2);
    const rf = capitalStock(p, { investment: 'inv', deflator: 'pi', growth: { fixed: 0.05 } });
    rf.rows.forEach((row, t) => expectClose(row.capital!, steady[t], 1e-12, 0, 'fixed g'));
    const deltas = { 2000: 0.1, 2001: 0.05, 2002: 0.05, 2003: 0.05, 2004: 0.05, 2005: 0.05 };
    const rd = capitalStock(p, { investment: 'inv', deflator: 'pi', delta: deltas, base: 'ratio' });
    expectClose(rd.rows[1].capital!, 0.95 * 1000 + 103, 1e-12, 0, 'per-year δ');
    // the same prices as a chain index (上年=100)
    const chain = index.map((v, t) => (t === 0 ? 100 : (100 * v) / index[t - 1]));
    const pc = panel(['A'], years, { inv: [nominal], pi: [chain] });
    const rc = capitalStock(pc, { investment: 'inv', deflator: 'pi', deflatorType: 'chain' });
    rc.rows.forEach((row, t) => expectClose(row.capital!, steady[t], 1e-12, 0, 'chain'));
  });

  test('entities start at their own first year; rows sorted by period then id, never dropped', () => {
    const q = panel(['重庆', 'A'], years, { inv: [[NaN, NaN, 50, 55, 60, 66], nominal], pi: [index, index] });
    const r = capitalStock(q, { investment: 'inv', deflator: 'pi', base: 'ratio' });
    expect(r.rows).toHaveLength(12);
    expect(r.rows.slice(0, 2).map((x) => x.id)).toEqual(['A', '重庆']);
    const cq = r.rows.filter((x) => x.id === '重庆');
    expect(cq[0].capital).toBeNull();
    expect(cq[0].status).toBe('insufficient_data');
    expect(cq[0].reason).toMatch(/before the first year/);
    expectClose(cq[2].capital!, 50 / 1.05 / 0.1, 1e-12, 0, 'CQ K0');
    expect(r.card.statusCounts).toEqual({ ok: 10, insufficient_data: 2 });
    // every output number is finite or null
    for (const row of r.rows) expect(row.capital === null || Number.isFinite(row.capital)).toBe(true);
  });

  test('errors name id and period', () => {
    const neg = panel(['A'], years, { inv: [[100, 105, -1, 120, 130, 140]] });
    expect(() => capitalStock(neg, { investment: 'inv' })).toThrow(DataError);
    try { capitalStock(neg, { investment: 'inv' }); } catch (e) {
      const d = e as DataError;
      expect(d.kind).toBe('negative-investment');
      expect(d.location).toMatchObject({ id: 'A', period: 2002, column: 'inv', file: 'test.csv' });
    }
    const gap = panel(['A'], years, { inv: [[100, 105, NaN, 120, 130, 140]] });
    expect(() => capitalStock(gap, { investment: 'inv' })).toThrow(/2002.*investment is missing|investment is missing/);
    const falling = panel(['B'], years, { inv: [[100, 60, 40, 25, 15, 10]] });
    try {
      capitalStock(falling, { investment: 'inv' });
      throw new Error('no error');
    } catch (e) {
      expect((e as DataError).kind).toBe('pim-nonpositive-denominator');
      expect((e as DataError).location).toMatchObject({ id: 'B', period: 2000 });
    }
    const missingIdx = panel(['A'], years, { inv: [nominal], pi: [[100, 102, NaN, 110, 120, 125]] });
    try {
      capitalStock(missingIdx, { investment: 'inv', deflator: 'pi' });
      throw new Error('no error');
    } catch (e) {
      expect((e as DataError).kind).toBe('missing-index');
      expect((e as DataError).location).toMatchObject({ id: 'A', period: 2002 });
    }
    expect(() => capitalStock(p, { investment: 'inv', delta: 1.5 })).toThrow(UsageError);
    expect(() => capitalStock(p, { investment: 'inv', baseYear: 1990 })).toThrow(UsageError);
  });

  test('a single year gives insufficient_data for steady state, a value for ratio', () => {
    const one = panel(['A'], [2000, 2001], { inv: [[100, NaN]] });
    const r = capitalStock(one, { investment: 'inv' });
    expect(r.rows[0].capital).toBeNull();
    expect(r.rows[0].status).toBe('insufficient_data');
    expect(r.rows[0].reason).toMatch(/only one year/);
    expect(capitalStock(one, { investment: 'inv', base: 'ratio' }).rows[0].capital).toBe(1000);
  });

  test('properties: K is linear in investment; δ = 1 gives K_t = Ĩ_t after the base year', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1e6, noNaN: true }), { minLength: 6, maxLength: 6 }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (inv, c) => {
          const a = capitalStock(panel(['A'], years, { inv: [inv] }), { investment: 'inv', base: 'ratio' });
          const b = capitalStock(panel(['A'], years, { inv: [inv.map((x) => x * c)] }), { investment: 'inv', base: 'ratio' });
          a.rows.forEach((r, t) => expectClose(b.rows[t].capital!, c * r.capital!, 1e-12, 0, 'linear'));
          const d1 = capitalStock(panel(['A'], years, { inv: [inv] }), { investment: 'inv', base: 'ratio', delta: 1 });
          d1.rows.slice(1).forEach((r, t) => expect(r.capital).toBe(inv[t + 1]));
        },
      ),
      { numRuns: 100, seed: 1 },
    );
  });
});
