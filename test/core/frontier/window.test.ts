// DEA window analysis (methods.md E10). By hand: with one input and one output under CRS, the efficiency of a
// DMU-period in a window is its productivity y/x over the largest productivity among the window's DMU-periods.
// Properties: width = number of periods reproduces the pooled frontier, width 1 the per-period frontiers.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { windowAnalysis, dea, type DeaData } from '../../../src/core/frontier/index.js';
import { createPanel } from '../../../src/core/panel/panel.js';
import { UsageError } from '../../../src/core/errors.js';

// 3 DMUs × 4 periods; productivity y/x: A 1, 2, 1, 2.5; B 2, 1, 1.5, 2; C 3, 1, 1, 1.
const X = { A: [1, 1, 2, 2], B: [2, 2, 2, 1], C: [1, 2, 1, 4] } as const;
const Y = { A: [1, 2, 2, 5], B: [4, 2, 3, 2], C: [3, 2, 1, 4] } as const;
const IDS = ['A', 'B', 'C'] as const;
const PERIODS = [2001, 2002, 2003, 2004];
function handData(): DeaData {
  const ids: string[] = [], periods: number[] = [], x: number[] = [], y: number[] = [];
  // deliberately unsorted input: rows must come back by window, period, id
  for (let t = 3; t >= 0; t--) for (const id of IDS) { ids.push(id); periods.push(PERIODS[t]); x.push(X[id][t]); y.push(Y[id][t]); }
  return { ids, periods, columns: { x, y } };
}
const prod = (id: (typeof IDS)[number], t: number): number => Y[id][t] / X[id][t];

describe('window analysis by hand (1 input, 1 output, CRS)', () => {
  const res = windowAnalysis(handData(), { inputs: ['x'], outputs: ['y'] });
  test('every score = productivity / max productivity in the window', () => {
    expect(res.summary.windows).toHaveLength(2);
    expect(res.rows).toHaveLength(18);
    for (const [k, label] of [[0, '2001-2003'], [1, '2002-2004']] as const) {
      const ts = [k, k + 1, k + 2];
      const max = Math.max(...ts.flatMap((t) => IDS.map((id) => prod(id, t))));
      const mine = res.rows.filter((r) => r.window === label);
      expect(mine.map((r) => `${r.period}${r.id}`)).toEqual(ts.flatMap((t) => IDS.map((id) => `${PERIODS[t]}${id}`)));
      for (const r of mine) {
        const t = PERIODS.indexOf(r.period as number);
        expect(r.status).toBe('optimal');
        expect(Math.abs((r.efficiency as number) - prod(r.id as 'A', t) / max), `${label} ${r.id} ${r.period}`).toBeLessThan(1e-12);
      }
    }
    // literal values: window 2001–2003 max is C 2001 (3); window 2002–2004 max is A 2004 (2.5)
    const get = (w: string, id: string, p: number) => res.rows.find((r) => r.window === w && r.id === id && r.period === p)!.efficiency as number;
    expect(get('2001-2003', 'C', 2001)).toBeCloseTo(1, 12);
    expect(get('2001-2003', 'A', 2002)).toBeCloseTo(2 / 3, 12);
    expect(get('2002-2004', 'A', 2002)).toBeCloseTo(0.8, 12);
    expect(get('2002-2004', 'B', 2004)).toBeCloseTo(0.8, 12);
  });
  test('means across windows, total range and LDY', () => {
    const pm = res.summary.periodMeans as { id: string; period: number; mean: number; windows: number }[];
    expect(pm).toHaveLength(12);
    const a2002 = pm.find((c) => c.id === 'A' && c.period === 2002)!;
    expect(a2002.windows).toBe(2);
    expect(a2002.mean).toBeCloseTo((2 / 3 + 0.8) / 2, 12);
    const a2001 = pm.find((c) => c.id === 'A' && c.period === 2001)!;
    expect(a2001.windows).toBe(1);
    expect(a2001.mean).toBeCloseTo(1 / 3, 12);
    const ds = res.summary.dmuSummary as { id: string; mean: number; scored: number; totalRange: number; ldy: number }[];
    const a = ds.find((d) => d.id === 'A')!;
    expect(a.scored).toBe(6);
    expect(a.mean).toBeCloseTo((1 / 3 + 2 / 3 + 1 / 3 + 0.8 + 0.4 + 1) / 6, 12);
    expect(a.totalRange).toBeCloseTo(1 - 1 / 3, 12);
    expect(a.ldy).toBeCloseTo(0.8 - 2 / 3, 12); // 2002: 2/3 vs .8; 2003: 1/3 vs .4
    const c = ds.find((d) => d.id === 'C')!;
    expect(c.ldy).toBeCloseTo(0.4 - 1 / 3, 12);
    expect(res.card.method).toBe('dea-window');
    expect(res.params.width).toBe(3);
  });
  test('Panel input, width 2, SBM model and missing values', () => {
    const d = handData();
    const panel = createPanel({ ids: [...IDS], periods: PERIODS, entity: d.ids, period: d.periods as number[], values: { x: d.columns.x, y: (d.columns.y as number[]).map((v, k) => (k === 0 ? NaN : v)) } });
    const r2 = windowAnalysis(panel, { inputs: ['x'], outputs: ['y'], width: 2, model: 'sbm' });
    expect(r2.summary.windows).toHaveLength(3);
    expect(r2.rows).toHaveLength(3 * 6);
    // the NaN is A 2004 (first entry of the unsorted list): kept with status insufficient_data in window 2003–2004
    const miss = r2.rows.filter((r) => r.status === 'insufficient_data');
    expect(miss.map((r) => [r.id, r.period, r.window])).toEqual([['A', 2004, '2003-2004']]);
    expect(miss[0].efficiency).toBeNull();
    expect(miss[0].reason).toBeTruthy();
    // 1 input 1 output: SBM = radial CRS score = productivity / window max
    const w1 = r2.rows.filter((r) => r.window === '2001-2002');
    const max = Math.max(...[0, 1].flatMap((t) => IDS.map((id) => prod(id, t))));
    for (const r of w1) expect(Math.abs((r.efficiency as number) - prod(r.id as 'A', PERIODS.indexOf(r.period as number)) / max)).toBeLessThan(1e-9);
    const ds = r2.summary.dmuSummary as { id: string; scored: number }[];
    expect(ds.find((x) => x.id === 'A')!.scored).toBe(5);
  });
  test('bad options', () => {
    expect(() => windowAnalysis(handData(), { inputs: ['x'], outputs: ['y'], width: 5 })).toThrow(UsageError);
    expect(() => windowAnalysis(handData(), { inputs: ['x'], outputs: ['y'], width: 0 })).toThrow(/positive integer/);
    expect(() => windowAnalysis(handData(), { inputs: ['x'], outputs: ['y'], model: 'additive' })).toThrow(UsageError);
    const { periods: _p, ...noPeriod } = handData();
    expect(() => windowAnalysis(noPeriod, { inputs: ['x'], outputs: ['y'] })).toThrow(/period/);
  });
});

describe('window analysis identities (fast-check, seeded)', () => {
  const obs = fc.record({ x1: fc.integer({ min: 1, max: 40 }), x2: fc.integer({ min: 1, max: 40 }), y: fc.integer({ min: 1, max: 40 }) });
  const model = fc.constantFrom(
    { model: 'radial', rts: 'crs', orientation: 'in' }, { model: 'radial', rts: 'vrs', orientation: 'out' },
    { model: 'sbm', rts: 'vrs', orientation: 'non' }, { model: 'radial', rts: 'vrs', orientation: 'in', super: true },
  ) as fc.Arbitrary<Record<string, unknown>>;
  const panel = fc.record({ n: fc.integer({ min: 2, max: 4 }), T: fc.integer({ min: 2, max: 4 }) })
    .chain(({ n, T }) => fc.array(obs, { minLength: n * T, maxLength: n * T }).map((v) => {
      const ids: string[] = [], periods: number[] = [];
      for (let i = 0; i < n; i++) for (let t = 0; t < T; t++) { ids.push(`d${i}`); periods.push(2000 + t); }
      return { T, data: { ids, periods, columns: { x1: v.map((o) => o.x1), x2: v.map((o) => o.x2), y: v.map((o) => o.y) } } as DeaData };
    }));
  const same = (a: number | null | undefined, b: number | null | undefined) => (a === null || a === undefined ? b === null || b === undefined : Math.abs(a - (b as number)) <= 1e-9 * Math.max(1, Math.abs(a)));
  test('width = T gives the pooled frontier; width 1 gives the per-period frontiers', () => {
    fc.assert(fc.property(panel, model, ({ T, data }, m) => {
      const opts = { inputs: ['x1', 'x2'], outputs: ['y'], ...m };
      const whole = windowAnalysis(data, { ...opts, width: T } as never);
      const pooled = dea(data, { ...opts, frontier: 'pooled' } as never);
      expect(whole.rows.map((r) => `${r.period}${r.id}`)).toEqual(pooled.rows.map((r) => `${r.period}${r.id}`));
      whole.rows.forEach((r, k) => { expect(r.status).toBe(pooled.rows[k].status); expect(same(r.efficiency, pooled.rows[k].efficiency)).toBe(true); });
      const single = windowAnalysis(data, { ...opts, width: 1 } as never);
      const byPeriod = dea(data, { ...opts, frontier: 'period' } as never);
      expect(single.rows).toHaveLength(byPeriod.rows.length);
      single.rows.forEach((r, k) => { expect(r.window).toBe(`${r.period}-${r.period}`); expect(same(r.efficiency, byPeriod.rows[k].efficiency)).toBe(true); });
      // every DMU-period appears in min(w, its position from each end) windows; with w = 2 interior periods twice
      if (T >= 3) {
        const two = windowAnalysis(data, { ...opts, width: 2 } as never);
        const pm = two.summary.periodMeans as { period: number; windows: number }[];
        for (const c of pm) expect(c.windows).toBe(c.period === 2000 || c.period === 2000 + T - 1 ? 1 : 2);
      }
    }), { seed: 20261128, numRuns: 40 });
  });
});
