// dea(): data checks, statuses, panels and option handling.
import { describe, expect, test } from 'vitest';
import { dea, distances } from '../../../src/core/frontier/index.js';
import { createPanel } from '../../../src/core/panel/panel.js';
import { DataError, UsageError } from '../../../src/core/errors.js';

const base = { ids: ['A', 'B', 'C', 'D'], columns: { x: [2, 4, 3, 5], z: [3, 1, 2, 4], y: [1, 1, 1, 1] } };

describe('dea() data checks and statuses', () => {
  test('negative data: DataError naming the DMU and column', () => {
    const data = { ids: ['A', 'B'], columns: { x: [1, -2], y: [1, 1] } };
    try { dea(data, { inputs: ['x'], outputs: ['y'] }); throw new Error('no error'); } catch (e) {
      expect(e).toBeInstanceOf(DataError);
      expect((e as DataError).kind).toBe('negative-value');
      expect((e as DataError).location).toMatchObject({ id: 'B', column: 'x' });
    }
    // the VRS additive model is translation invariant and accepts it
    expect(dea(data, { inputs: ['x'], outputs: ['y'], model: 'additive', rts: 'vrs' }).rows.length).toBe(2);
  });

  test('missing values keep their row with status insufficient_data', () => {
    const data = { ids: ['A', 'B', 'C'], columns: { x: [1, NaN, 2], y: [1, 1, 1] } };
    const r = dea(data, { inputs: ['x'], outputs: ['y'] });
    expect(r.rows.map((x) => x.status)).toEqual(['optimal', 'insufficient_data', 'optimal']);
    expect(r.rows[1].efficiency).toBeNull();
    expect(r.rows[1].reason).toBeTruthy();
    expect(r.warnings.some((w) => w.code === 'missing-values')).toBe(true);
    expect(r.card.statusCounts).toEqual({ optimal: 2, insufficient_data: 1 });
  });

  test('all-zero outputs under output orientation: unbounded, null score; all-zero inputs under input orientation: error', () => {
    const r = dea({ ids: ['A', 'B'], columns: { x: [1, 1], y: [1, 0] } }, { inputs: ['x'], outputs: ['y'], orientation: 'out' });
    expect(r.rows[1].status).toBe('unbounded');
    expect(r.rows[1].efficiency).toBeNull();
    expect(r.rows[1].phi).toBeNull();
    expect(() => dea({ ids: ['A', 'B'], columns: { x: [0, 1], y: [1, 1] } }, { inputs: ['x'], outputs: ['y'] })).toThrow(DataError);
  });

  test('usage errors', () => {
    expect(() => dea(base, { inputs: ['x'], outputs: ['nope'] })).toThrow(UsageError);
    expect(() => dea(base, { inputs: ['x'], outputs: ['y'], model: 'radial', undesirable: ['z'] })).toThrow(UsageError);
    expect(() => dea(base, { inputs: ['x'], outputs: ['y'], orientation: 'non' })).toThrow(UsageError);
    expect(() => dea(base, { inputs: ['x'], outputs: ['y'], model: 'ddf', direction: [0, 0] })).toThrow(UsageError);
    expect(() => dea(base, { inputs: ['x'], outputs: ['y'], model: 'sbm', slack: 'epsilon' })).toThrow(UsageError);
  });

  test('SBM zeros: zero input drops its term; zero outputs are replaced by min/100 with a warning', () => {
    const data = { ids: ['A', 'B', 'C'], columns: { x1: [1, 2, 0], x2: [2, 1, 2], y: [1, 0, 1] } };
    const r = dea(data, { inputs: ['x1', 'x2'], outputs: ['y'], model: 'sbm' });
    expect(r.rows.every((x) => x.status === 'optimal')).toBe(true);
    expect(r.warnings.some((w) => w.code === 'sbm-zero-outputs')).toBe(true);
    r.rows.forEach((x) => { expect(x.efficiency as number).toBeGreaterThan(0); expect(x.efficiency as number).toBeLessThanOrEqual(1 + 1e-12); });
  });

  test('epsilon slack stage gives θ − ε·Σs-type scores close to θ; slack none leaves the phase-I slacks', () => {
    const a = dea(base, { inputs: ['x', 'z'], outputs: ['y'], slack: 'epsilon' });
    const b = dea(base, { inputs: ['x', 'z'], outputs: ['y'] });
    a.rows.forEach((row, k) => expect(Math.abs((row.efficiency as number) - (b.rows[k].efficiency as number))).toBeLessThan(1e-12));
  });

  test('AP super-efficiency with the max-slack phase II keeps the phase-I score (also on the frame path)', () => {
    const n = 400, ids: string[] = [], x1: number[] = [], x2: number[] = [], y: number[] = [];
    let seed = 5;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let j = 0; j < n; j++) { ids.push(`D${String(j).padStart(3, '0')}`); x1.push(1 + 9 * rnd()); x2.push(1 + 9 * rnd()); y.push(1 + 9 * rnd()); }
    const data = { ids, columns: { x1, x2, y } };
    for (const rts of ['crs', 'vrs'] as const) {
      const a = dea(data, { inputs: ['x1', 'x2'], outputs: ['y'], rts, super: true, slack: 'none' });
      const b = dea(data, { inputs: ['x1', 'x2'], outputs: ['y'], rts, super: true });
      const c = dea(data, { inputs: ['x1', 'x2'], outputs: ['y'], rts, super: true, slack: 'none', frame: 'never' });
      a.rows.forEach((row, k) => {
        expect(b.rows[k].status).toBe(row.status);
        expect(c.rows[k].status).toBe(row.status);
        if (row.status === 'optimal') {
          expect(Math.abs((b.rows[k].efficiency as number) - (row.efficiency as number))).toBeLessThan(1e-10);
          expect(Math.abs((c.rows[k].efficiency as number) - (row.efficiency as number))).toBeLessThan(1e-9);
        }
      });
    }
  });

  test('DDF and NDDF models agree with distances() (green direction, weak bads; components add up)', () => {
    const ids = ['A', 'B', 'C', 'D', 'E', 'F'];
    const columns = { k: [3, 5, 4, 6, 2, 5], l: [4, 2, 5, 3, 6, 5], y: [5, 6, 4, 7, 3, 5], co2: [2, 3, 2, 4, 1, 3] };
    const tech = { m: 2, s: 1, h: 1, n: 6, X: Float64Array.from([...columns.k, ...columns.l]), Y: Float64Array.from(columns.y), B: Float64Array.from(columns.co2) };
    for (const rts of ['crs', 'vrs'] as const) {
      const ddf = dea({ ids, columns }, { inputs: ['k', 'l'], outputs: ['y'], undesirable: ['co2'], model: 'ddf', rts });
      const dd = distances(tech, tech, { kind: 'ddf', direction: 'green', rts });
      ddf.rows.forEach((row, j) => { expect(Math.abs((row.beta as number) - dd.value[j])).toBeLessThan(1e-10); expect(row.efficiency).toBeCloseTo(1 / (1 + dd.value[j]), 12); });
      const nd = dea({ ids, columns }, { inputs: ['k', 'l'], outputs: ['y'], undesirable: ['co2'], model: 'nddf', rts });
      // normalised weights under the green direction: inputs are not moved (0), ½ to the good, ½ to the bad output
      const w = { wx: Float64Array.of(0, 0), wy: Float64Array.of(1 / 2), wb: Float64Array.of(1 / 2) };
      const dn = distances(tech, tech, { kind: 'nddf', direction: 'green', rts, weights: w });
      nd.rows.forEach((row, j) => {
        expect(Math.abs((row.beta as number) - dn.value[j])).toBeLessThan(1e-10);
        const comp = row.components as Record<string, number>;
        expect(Math.abs(comp.y / 2 + comp.co2 / 2 - (row.beta as number))).toBeLessThan(1e-12);
      });
    }
  });

  test('super-SBM composite = ρ for SBM-inefficient DMUs, δ for efficient ones', () => {
    const delta = dea(base, { inputs: ['x', 'z'], outputs: ['y'], model: 'sbm', super: true });
    const comp = dea(base, { inputs: ['x', 'z'], outputs: ['y'], model: 'sbm', super: true, superScore: 'composite' });
    const rho = dea(base, { inputs: ['x', 'z'], outputs: ['y'], model: 'sbm' });
    rho.rows.forEach((row, k) => {
      const e = row.efficiency as number;
      expect(comp.rows[k].efficiency).toBeCloseTo(e < 1 - 1e-9 ? e : (delta.rows[k].efficiency as number), 12);
    });
  });
});

describe('dea() on a Panel', () => {
  const panel = createPanel({
    ids: ['A', 'B'], periods: [2020, 2021],
    entity: ['A', 'B', 'A', 'B'], period: [2020, 2020, 2021, 2021],
    values: { x: [2, 4, 2, 4], y: [1, 4, 2, 2] },
  });
  test('own frontier per period (default) and pooled frontier; rows sorted by period then id', () => {
    const per = dea(panel, { inputs: ['x'], outputs: ['y'] });
    expect(per.rows.map((r) => [r.id, r.period, r.efficiency])).toEqual([['A', 2020, 0.5], ['B', 2020, 1], ['A', 2021, 1], ['B', 2021, 0.5]]);
    const vrsPooled = dea(panel, { inputs: ['x'], outputs: ['y'], rts: 'vrs', frontier: 'pooled' });
    expect(vrsPooled.rows.find((r) => r.id === 'A' && r.period === 2020)?.efficiency).toBeCloseTo(1, 12);
    expect(Object.keys(vrsPooled.rows[1].lambdas ?? {}).every((k) => k.includes('@'))).toBe(true);
    expect(per.card.conventions.frontier).toBe('period');
    expect(per.card.software.name).toBe('xinzhi');
  });
});
