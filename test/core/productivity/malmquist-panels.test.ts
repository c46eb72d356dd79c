// Frontier bookkeeping on messy panels (methods.md F1, F3, F7, F8, F9): unbalanced panels, infeasible LPs,
// sameReference, Ray–Desli, summaries, cumulative indices, errors.
import { describe, it, expect } from 'vitest';
import { malmquist } from '../../../src/core/productivity/malmquist.js';
import { createPanel, type Panel } from '../../../src/core/panel/panel.js';
import { DataError, UsageError } from '../../../src/core/errors.js';
import { syntheticPanel, inputsOf, outputsOf } from './synthetic.js';

const num = (x: unknown) => x as number;

function subPanel(p: Panel, keep: (id: string, period: number) => boolean, periods = p.periods): Panel {
  const T = p.periods.length;
  const entity: string[] = [];
  const period: number[] = [];
  const values: Record<string, number[]> = {};
  for (const v of Object.keys(p.columns)) values[v] = [];
  p.ids.forEach((id, i) => p.periods.forEach((t, k) => {
    const c = i * T + k;
    if (!p.present[c] || !periods.includes(t) || !keep(id, t)) return;
    entity.push(id); period.push(t);
    for (const v of Object.keys(p.columns)) values[v].push(p.columns[v][c]);
  }));
  return createPanel({ ids: [...new Set(entity)], periods: [...periods], entity, period, values });
}

describe('unbalanced panels (F8)', () => {
  const full = syntheticPanel({ n: 12, T: 3, seed: 21 });
  const holey = subPanel(full, (id, t) => !(id === 'u00003' && t === 2001));
  const opts = { inputs: inputsOf(2), outputs: outputsOf(1) };

  it('a unit missing a period gets null rows with insufficient_data; nothing is dropped', () => {
    const res = malmquist(holey, opts);
    expect(res.rows.length).toBe(24);
    const gaps = res.rows.filter((r) => r.id === 'u00003');
    expect(gaps.map((r) => r.status)).toEqual(['insufficient_data', 'insufficient_data']);
    expect(gaps[0].tfpch).toBeNull();
    expect(gaps[0].reason).toMatch(/not observed in 2001/);
    expect(res.warnings.some((w) => w.code === 'unbalanced-panel')).toBe(true);
    expect(res.card.statusCounts).toEqual({ ok: 22, insufficient_data: 2 });
  });

  it('each frontier uses every unit observed in its period; sameReference uses only units in both', () => {
    const res = malmquist(holey, opts);
    // Pair 2000→2001 equals the two-period panel with the gap (u00003 still in 2000's frontier).
    const two = malmquist(subPanel(holey, () => true, [2000, 2001]), opts);
    for (const r of two.rows.filter((x) => x.status === 'ok')) {
      const m = res.rows.find((x) => x.id === r.id && x.from === 2000)!;
      expect(num(m.tfpch)).toBeCloseTo(num(r.tfpch), 12);
    }
    const same = malmquist(holey, { ...opts, sameReference: true });
    const dropped = malmquist(subPanel(holey, (id) => id !== 'u00003', [2000, 2001]), opts);
    for (const r of dropped.rows) {
      const m = same.rows.find((x) => x.id === r.id && x.from === 2000)!;
      expect(num(m.tfpch)).toBeCloseTo(num(r.tfpch), 12);
    }
    expect(same.card.conventions.unbalanced).toMatch(/sameReference/);
  });

  it('requireBalanced refuses the panel with a DataError naming the gap', () => {
    try {
      malmquist(holey, { ...opts, requireBalanced: true });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DataError);
      expect((e as DataError).location).toMatchObject({ id: 'u00003', period: 2001 });
    }
  });
});

describe('infeasible cross-period LPs', () => {
  // Unit C in 2001 produces more than anyone in 2000: input-oriented VRS D^{2000}(2001) is infeasible.
  const p = createPanel({
    ids: ['A', 'B', 'C'], periods: [2000, 2001],
    entity: ['A', 'B', 'C', 'A', 'B', 'C'], period: [2000, 2000, 2000, 2001, 2001, 2001],
    values: { x: [2, 4, 6, 2, 4, 6], y: [1, 3, 4, 1.2, 3, 9] },
  });
  it('VRS distances (Benchmarking convention): null TFPCH/TECHCH with status infeasible, EFFCH kept', () => {
    const res = malmquist(p, { inputs: ['x'], outputs: ['y'], rts: 'vrs', distanceRts: 'vrs' });
    const c = res.rows.find((r) => r.id === 'C')!;
    expect(c.status).toBe('infeasible');
    expect(c.tfpch).toBeNull();
    expect(c.techch).toBeNull();
    expect(c.effch).not.toBeNull();
    expect(c.reason).toMatch(/D\^2000\(2001\): infeasible/);
    expect(JSON.stringify(res)).not.toMatch(/NaN|Infinity/);
    expect(res.card.conventions.convention).toMatch(/Benchmarking/);
  });
  it('the biennial frontier is always feasible under VRS (F7)', () => {
    const res = malmquist(p, { inputs: ['x'], outputs: ['y'], rts: 'vrs', distanceRts: 'vrs', frontier: 'biennial' });
    expect(res.rows.every((r) => r.status === 'ok')).toBe(true);
    for (const r of res.rows) expect(num(r.tfpch)).toBeCloseTo(num(r.effch) * num(r.techch), 12);
  });
});

describe('decompositions (F3)', () => {
  it('Ray–Desli: CRS TFPCH = PECH · TECHCH_vrs · SCH', () => {
    const panel = syntheticPanel({ n: 30, T: 3, seed: 4 });
    const fg = malmquist(panel, { inputs: inputsOf(2), outputs: outputsOf(1), rts: 'vrs' });
    const rd = malmquist(panel, { inputs: inputsOf(2), outputs: outputsOf(1), rts: 'vrs', decomposition: 'rd' });
    let ok = 0;
    rd.rows.forEach((r, k) => {
      expect(r.tfpch).toBeCloseTo(num(fg.rows[k].tfpch), 12);
      expect(r.pech).toBeCloseTo(num(fg.rows[k].pech), 12);
      if (r.status !== 'ok') { expect(r.sch).toBeNull(); return; }
      ok++;
      expect(num(r.pech) * num(r.techch) * num(r.sch)).toBeCloseTo(num(r.tfpch), 12);
    });
    expect(ok).toBeGreaterThan(30);
    expect(() => malmquist(panel, { inputs: inputsOf(2), outputs: outputsOf(1), decomposition: 'rd' })).toThrow(UsageError);
  });
});

describe('summaries and cumulative indices (F9)', () => {
  const panel = syntheticPanel({ n: 8, T: 4, seed: 2 });
  const grouped: Panel = { ...panel, labels: { region: panel.ids.flatMap((id, i) => panel.periods.map(() => (i % 2 ? 'east' : 'west'))) } };
  const res = malmquist(grouped, { inputs: inputsOf(2), outputs: outputsOf(1), group: 'region' });
  it('per-period geometric means across units', () => {
    const bp = res.summary.byPeriod as { from: number; tfpch: number; n: number; nNull: number }[];
    const rs = res.rows.filter((r) => r.from === 2001);
    const gm = Math.exp(rs.reduce((a, r) => a + Math.log(num(r.tfpch)), 0) / rs.length);
    expect(bp[1].tfpch).toBeCloseTo(gm, 12);
    expect(bp[1].n).toBe(8);
    expect(bp[1].nNull).toBe(0);
    const bg = res.summary.byGroup as { group: string; from: number; tfpch: number }[];
    const east = rs.filter((r) => Number(r.id.slice(1)) % 2 === 1);
    expect(bg.find((g) => g.group === 'east' && g.from === 2001)!.tfpch).toBeCloseTo(Math.exp(east.reduce((a, r) => a + Math.log(num(r.tfpch)), 0) / east.length), 12);
    expect((res.summary.byId as unknown[]).length).toBe(8);
  });
  it('cumulative = chained products; a null link breaks the chain unless carry: skip', () => {
    const cum = res.summary.cumulative as { id: string; period: number; tfpch: number; effch: number }[];
    const u = cum.filter((c) => c.id === 'u00000');
    const rs = res.rows.filter((r) => r.id === 'u00000');
    expect(u.map((c) => c.period)).toEqual([2000, 2001, 2002, 2003]);
    expect(u[2].effch).toBeCloseTo(num(rs[0].effch) * num(rs[1].effch), 12);
    const holey = { ...panel, present: panel.present.slice() };
    holey.present[0 * 4 + 1] = 0; // u00000 missing in 2001
    const br = malmquist(holey, { inputs: inputsOf(2), outputs: outputsOf(1) }).summary.cumulative as { id: string; tfpch: number | null; skipped?: number }[];
    expect(br.filter((c) => c.id === 'u00000').map((c) => c.tfpch === null)).toEqual([false, true, true, true]);
    const sk = malmquist(holey, { inputs: inputsOf(2), outputs: outputsOf(1), carry: 'skip' }).summary.cumulative as { id: string; tfpch: number | null; skipped?: number }[];
    const s0 = sk.filter((c) => c.id === 'u00000');
    expect(s0[3].tfpch).not.toBeNull();
    expect(s0[3].skipped).toBe(2);
  });
});

describe('bad input', () => {
  const panel = syntheticPanel({ n: 5, T: 2, seed: 1 });
  it('negative data is a DataError naming column, id and period', () => {
    const p = { ...panel, columns: { ...panel.columns, x1: panel.columns.x1.slice() } };
    p.columns.x1[3] = -1;
    try { malmquist(p, { inputs: ['x1', 'x2'], outputs: ['y1'] }); expect.unreachable(); } catch (e) {
      expect(e).toBeInstanceOf(DataError);
      expect((e as DataError).location).toMatchObject({ column: 'x1', id: 'u00001', period: 2001 });
    }
  });
  it('usage errors: unknown column, bads on the radial index, gml with another frontier, unknown frontier', () => {
    expect(() => malmquist(panel, { inputs: ['nope'], outputs: ['y1'] })).toThrow(/no numeric column "nope"/);
    expect(() => malmquist(panel, { inputs: ['x1'], outputs: ['y1'], undesirable: ['x2'] })).toThrow(UsageError);
    expect(() => malmquist(panel, { inputs: ['x1'], outputs: ['y1'], index: 'gml', frontier: 'sequential' })).toThrow(UsageError);
    expect(() => malmquist(panel, { inputs: ['x1'], outputs: ['y1'], frontier: 'window:x' })).toThrow(/unknown frontier/);
  });
});
