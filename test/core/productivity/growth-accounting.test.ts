import { describe, it, expect } from 'vitest';
import { tfpGrowth } from '../../../src/core/productivity/growth-accounting.js';
import { createPanel } from '../../../src/core/panel/panel.js';
import { DataError, UsageError } from '../../../src/core/errors.js';
import { pwtPanel } from './pwt-data.js';

describe('PWT method reproduces PWT 9.1 rtfpna (methods.md G3)', () => {
  it('matches all 6,006 published values to 1e-6 relative and gives none where PWT has none', () => {
    const p = pwtPanel();
    const res = tfpGrowth(p, { method: 'pwt' });
    const T = p.periods.length;
    const rt = p.columns.rtfpna;
    let published = 0;
    let matched = 0;
    let maxRel = 0;
    const extra: string[] = [];
    const missing: string[] = [];
    for (const row of res.rows) {
      const k = p.ids.indexOf(row.id) * T + p.periods.indexOf(row.period);
      const ref = rt[k];
      if (Number.isFinite(ref)) {
        published++;
        if (row.tfp === null) { missing.push(`${row.id} ${row.period}`); continue; }
        const rel = Math.abs(row.tfp - ref) / Math.abs(ref);
        maxRel = Math.max(maxRel, rel);
        if (rel <= 1e-6) matched++;
      } else if (row.tfp !== null) extra.push(`${row.id} ${row.period}`);
    }
    expect(res.rows.length).toBe(12376);
    expect(published).toBe(6006);
    expect(missing).toEqual([]);
    expect(extra).toEqual([]);
    expect(matched).toBe(6006);
    expect(maxRel).toBeLessThan(1e-6);
  });
});

describe('PWT method: the discriminating conventions matter', () => {
  it('without the USA hours fill, countries with partial avh (CHN before 1970) lose their back-chain', () => {
    const p = pwtPanel();
    const res = tfpGrowth(p, { method: 'pwt', hoursFill: null });
    const chn = res.rows.filter((r) => r.id === 'CHN' && r.period < 1970);
    expect(chn.length).toBeGreaterThan(0);
    expect(chn.every((r) => r.tfp === null)).toBe(true);
  });
  it('using rnna instead of rkna misses rtfpna by far more than 1e-6', () => {
    const p = pwtPanel();
    const res = tfpGrowth(p, { method: 'pwt', capital: 'rnna' });
    const T = p.periods.length;
    let bad = 0;
    for (const row of res.rows) {
      const ref = p.columns.rtfpna[p.ids.indexOf(row.id) * T + p.periods.indexOf(row.period)];
      if (row.tfp !== null && Number.isFinite(ref) && Math.abs(row.tfp - ref) > 1e-3 * ref) bad++;
    }
    expect(bad).toBeGreaterThan(1000);
  });
  it('rebasing: levels with base 1990 are the 2011-based levels divided by their 1990 value', () => {
    const p = pwtPanel();
    const a = tfpGrowth(p, { method: 'pwt' });
    const b = tfpGrowth(p, { method: 'pwt', base: 1990 });
    const usa = (res: typeof a, y: number) => res.rows.find((r) => r.id === 'USA' && r.period === y)!.tfp!;
    expect(usa(b, 1990)).toBe(1);
    expect(usa(b, 2000)).toBeCloseTo(usa(a, 2000) / usa(a, 1990), 12);
    expect(a.card.conventions.base).toBe(2011);
    expect(a.warnings.find((w) => w.code === 'hours-filled')?.count).toBeGreaterThan(0);
  });
});

function toyPanel(values: Record<string, number[]>, ids = ['a'], periods = [2000, 2001, 2002]) {
  const entity: string[] = [];
  const period: number[] = [];
  for (const id of ids) for (const t of periods) { entity.push(id); period.push(t); }
  return createPanel({ ids, periods, entity, period, values, source: 'toy.csv' });
}

describe('Solow residual (G1)', () => {
  const p = toyPanel({ Y: [100, 110, 121], K: [200, 210, 220], L: [50, 51, 52] });
  it('log growth, level, contribution', () => {
    const r = tfpGrowth(p, { method: 'solow', output: 'Y', capital: 'K', labor: 'L', alpha: 0.4 });
    const g1 = Math.log(1.1) - 0.4 * Math.log(210 / 200) - 0.6 * Math.log(51 / 50);
    const g2 = Math.log(1.1) - 0.4 * Math.log(220 / 210) - 0.6 * Math.log(52 / 51);
    expect(r.rows.map((x) => x.period)).toEqual([2000, 2001, 2002]);
    expect(r.rows[0].tfp).toBe(1);
    expect(r.rows[0].growth).toBeNull();
    expect(r.rows[0].status).toBe('insufficient_data');
    expect(r.rows[1].growth).toBeCloseTo(g1, 14);
    expect(r.rows[2].tfp).toBeCloseTo(Math.exp(g1 + g2), 14);
    expect(r.rows[1].contribution).toBeCloseTo((g1 / Math.log(1.1)) * 100, 12);
    expect(r.card.conventions.alpha).toBe(0.4);
  });
  it('discrete rates and a later base', () => {
    const r = tfpGrowth(p, { method: 'solow', output: 'Y', capital: 'K', labor: 'L', alpha: 0.4, rates: 'discrete', base: 2002 });
    const g1 = 0.1 - 0.4 * 0.05 - 0.6 * 0.02;
    const g2 = 0.1 - 0.4 * (220 / 210 - 1) - 0.6 * (52 / 51 - 1);
    expect(r.rows[1].growth).toBeCloseTo(g1, 14);
    expect(r.rows[2].tfp).toBe(1);
    expect(r.rows[1].tfp).toBeCloseTo(1 / (1 + g2), 14);
    expect(r.rows[0].tfp).toBeCloseTo(1 / (1 + g2) / (1 + g1), 14);
  });
  it('α is required; non-positive data is a DataError naming column, id and period', () => {
    expect(() => tfpGrowth(p, { method: 'solow', output: 'Y', capital: 'K', labor: 'L' })).toThrow(UsageError);
    const bad = toyPanel({ Y: [100, 0, 121], K: [200, 210, 220], L: [50, 51, 52] });
    try {
      tfpGrowth(bad, { method: 'solow', output: 'Y', capital: 'K', labor: 'L', alpha: 0.3 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DataError);
      expect((e as DataError).location).toMatchObject({ column: 'Y', id: 'a', period: 2001 });
    }
  });
});

describe('Törnqvist (G2) and chains (G5)', () => {
  it('uses mean labour shares; a missing value breaks links on that side only', () => {
    const p = toyPanel({ Y: [100, 110, 121, 130], K: [200, 210, NaN, 230], L: [50, 51, 52, 53], s: [0.6, 0.5, 0.55, 0.5] }, ['a'], [1, 2, 3, 4]);
    const r = tfpGrowth(p, { method: 'tornqvist', output: 'Y', capital: 'K', labor: 'L', share: 's', base: 2 });
    const sbar = 0.55;
    const g = Math.log(1.1) - sbar * Math.log(51 / 50) - (1 - sbar) * Math.log(210 / 200);
    expect(r.rows[1].growth).toBeCloseTo(g, 14);
    expect(r.rows[0].tfp).toBeCloseTo(Math.exp(-g), 14);
    expect(r.rows[2].tfp).toBeNull();
    expect(r.rows[3].tfp).toBeNull();
    expect(r.rows[3].growth).toBeNull();
    expect(r.rows[3].reason).toMatch(/K/);
    expect(r.rows.every((x) => x.tfp === null || Number.isFinite(x.tfp))).toBe(true);
  });
  it('human-capital-augmented labour: ΔlnL includes Δln hc', () => {
    const p = toyPanel({ Y: [100, 110, 121], K: [200, 210, 220], L: [50, 51, 52], h: [2, 2.1, 2.2], s: [0.6, 0.6, 0.6] });
    const a = tfpGrowth(p, { method: 'tornqvist', output: 'Y', capital: 'K', labor: 'L', share: 's', humanCapital: 'h' });
    const g = Math.log(1.1) - 0.6 * (Math.log(51 / 50) + Math.log(2.1 / 2)) - 0.4 * Math.log(210 / 200);
    expect(a.rows[1].growth).toBeCloseTo(g, 14);
  });
});

describe('capital stock (perpetual inventory) as an input step', () => {
  it('addCapitalStock → tfpGrowth (Solow) and → malmquist', async () => {
    const { addCapitalStock } = await import('../../../src/core/panel/capital-stock.js');
    const { malmquist } = await import('../../../src/core/productivity/malmquist.js');
    const ids = ['a', 'b', 'c'];
    const periods = [2000, 2001, 2002, 2003, 2004, 2005, 2006];
    const entity: string[] = [];
    const period: number[] = [];
    const I: number[] = [], Y: number[] = [], L: number[] = [];
    ids.forEach((id, i) => periods.forEach((t, k) => {
      entity.push(id); period.push(t);
      I.push((10 + 3 * i) * Math.pow(1.08 + 0.01 * i, k)); Y.push((50 + 7 * i) * Math.pow(1.06, k) * (1 + 0.02 * ((i + k) % 3))); L.push(20 + i + 0.5 * k);
    }));
    const p = createPanel({ ids, periods, entity, period, values: { I, Y, L } });
    const withK = addCapitalStock(p, { investment: 'I' }).panel;
    const g = tfpGrowth(withK, { method: 'solow', output: 'Y', capital: 'capital', labor: 'L', alpha: 0.4 });
    expect(g.rows.filter((r) => r.tfp !== null).length).toBe(21);
    const m = malmquist(withK, { inputs: ['capital', 'L'], outputs: ['Y'] });
    expect(m.rows.every((r) => r.status === 'ok')).toBe(true);
  });
});
