// Bias decomposition of Malmquist technical change (Färe, Grifell-Tatjé, Grosskopf & Lovell 1997): identities
// (fast-check), the one-input-one-output case, orientation invariance under CRS, option checks, infeasible mixed
// LPs, summaries and cumulative indices. The numbers themselves: test/crosscheck/malmquist-bias.test.ts.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { malmquist, type MalmquistOptions } from '../../../src/core/productivity/malmquist.js';
import { techBias } from '../../../src/core/productivity/malmquist-bias.js';
import { createPanel } from '../../../src/core/panel/panel.js';
import { UsageError } from '../../../src/core/errors.js';
import { syntheticPanel, inputsOf, outputsOf } from './synthetic.js';

const num = (x: unknown) => x as number;

describe('bias split: identities', () => {
  it('techch = matech × obtech × ibtech to 1e-12 over frontiers, orientations, RTS and sameReference', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 1e6 }),
      fc.constantFrom('contemporaneous', 'sequential', 'window:1'),
      fc.constantFrom('in', 'out'),
      fc.constantFrom('crs', 'vrs'),
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 1, max: 2 }),
      fc.boolean(),
      (seed, frontier, orientation, rts, m, s, sameReference) => {
        const panel = syntheticPanel({ n: 10, T: 4, m, s, seed, drop: sameReference ? 0.1 : 0 });
        const res = malmquist(panel, {
          inputs: inputsOf(m), outputs: outputsOf(s), frontier, orientation: orientation as 'in' | 'out', rts: rts as 'crs' | 'vrs', sameReference, bias: true,
        });
        let checked = 0;
        for (const r of res.rows) {
          if (r.techch === null || r.matech === null || r.obtech === null || r.ibtech === null) continue;
          expect(Math.abs(num(r.matech) * num(r.obtech) * num(r.ibtech) - num(r.techch))).toBeLessThanOrEqual(1e-12 * num(r.techch));
          expect(Math.abs(num(r.effch) * num(r.techch) - num(r.tfpch))).toBeLessThanOrEqual(1e-12 * num(r.tfpch));
          checked++;
        }
        expect(checked).toBeGreaterThan(0);
      }), { numRuns: 30, seed: 20261128 });
  });

  it('techBias: the mixed terms cancel for any positive efficiencies', () => {
    const pos = fc.double({ min: 0.05, max: 20, noNaN: true });
    fc.assert(fc.property(pos, pos, pos, pos, pos, pos, (e000, e111, e011, e100, e010, e110) => {
      const b = techBias(e000, e111, e011, e100, e010, e110);
      const techch = Math.sqrt((e011 / e111) * (e000 / e100));
      expect(Math.abs(b.matech * b.obtech * b.ibtech - techch)).toBeLessThanOrEqual(1e-12 * techch);
    }), { numRuns: 200, seed: 7 });
  });

  it('one input and one output: obtech = ibtech = 1 and matech = techch', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1e6 }), fc.constantFrom('in', 'out'), fc.constantFrom('contemporaneous', 'sequential'), (seed, orientation, frontier) => {
      const panel = syntheticPanel({ n: 8, T: 3, m: 1, s: 1, seed });
      const res = malmquist(panel, { inputs: ['x1'], outputs: ['y1'], orientation: orientation as 'in' | 'out', frontier, bias: true });
      for (const r of res.rows) {
        expect(r.status).toBe('ok');
        expect(Math.abs(num(r.obtech) - 1)).toBeLessThan(1e-9);
        expect(Math.abs(num(r.ibtech) - 1)).toBeLessThan(1e-9);
        expect(Math.abs(num(r.matech) - num(r.techch))).toBeLessThan(1e-9 * num(r.techch));
      }
    }), { numRuns: 15, seed: 11 });
  });

  it('CRS: input and output orientations give the same components (θ = 1/φ)', () => {
    const panel = syntheticPanel({ n: 15, T: 4, m: 3, s: 2, seed: 5 });
    const opts: MalmquistOptions = { inputs: inputsOf(3), outputs: outputsOf(2), bias: true };
    const a = malmquist(panel, { ...opts, orientation: 'in' }).rows;
    const b = malmquist(panel, { ...opts, orientation: 'out' }).rows;
    a.forEach((r, k) => {
      for (const f of ['matech', 'obtech', 'ibtech']) expect(Math.abs(num(r[f]) - num(b[k][f]))).toBeLessThan(1e-9 * num(r[f]));
    });
  });

  it('leaves the other fields unchanged, and rts vrs keeps pech·sech with CRS bias terms', () => {
    const panel = syntheticPanel({ n: 12, T: 3, m: 2, s: 2, seed: 9 });
    const base: MalmquistOptions = { inputs: inputsOf(2), outputs: outputsOf(2), rts: 'vrs' };
    const plain = malmquist(panel, base);
    const bias = malmquist(panel, { ...base, bias: true });
    const crs = malmquist(panel, { ...base, rts: 'crs', bias: true });
    bias.rows.forEach((r, k) => {
      for (const f of ['tfpch', 'effch', 'techch', 'pech', 'sech']) expect(r[f]).toBe(plain.rows[k][f]);
      for (const f of ['matech', 'obtech', 'ibtech']) expect(r[f]).toBe(crs.rows[k][f]);
    });
    expect(Object.keys(plain.rows[0])).not.toContain('matech');
  });
});

describe('bias split: options', () => {
  const panel = syntheticPanel({ n: 6, T: 3, m: 2, s: 1, h: 1, seed: 2 });
  const base: MalmquistOptions = { inputs: inputsOf(2), outputs: outputsOf(1), bias: true };
  it.each([
    ['ml', { index: 'ml', undesirable: ['b1'] }, /radial Malmquist/],
    ['distanceRts vrs', { rts: 'vrs', distanceRts: 'vrs' }, /CRS distances/],
    ['Ray–Desli', { rts: 'vrs', decomposition: 'rd' }, /Ray–Desli/],
    ['global', { frontier: 'global' }, /adjacent-period/],
    ['biennial', { frontier: 'biennial' }, /adjacent-period/],
  ] as const)('refuses %s with a UsageError', (_name, extra, msg) => {
    expect(() => malmquist(panel, { ...base, ...(extra as Partial<MalmquistOptions>) })).toThrow(UsageError);
    expect(() => malmquist(panel, { ...base, ...(extra as Partial<MalmquistOptions>) })).toThrow(msg);
  });

  it('method card: formulas, citation, convention; gtfpch field names', () => {
    const res = malmquist(panel, { ...base, convention: 'gtfpch' });
    expect((res.card.formulas ?? []).join(' ')).toMatch(/OBTECH/);
    expect((res.card.citations ?? []).map((c) => c.text).join(' ')).toMatch(/Grifell-Tatjé/);
    expect(String(res.card.conventions.bias)).toMatch(/CRS distances/);
    expect(Object.keys(res.rows[0])).toEqual(expect.arrayContaining(['MATECH', 'OBTECH', 'IBTECH']));
  });
});

describe('bias split: infeasible mixed point, summaries, cumulative', () => {
  // Unit A moves from (x, y) = ((1,1), (1,1)) to ((1,0), (1,0)). Its mixed point (x^2, y^1) = ((1,0), (1,1)) needs
  // output 2 without input 2, which no observation does: both mixed input-oriented LPs are infeasible, while its
  // four ordinary distances exist.
  const rows: [string, number, number, number, number, number][] = [
    ['A', 1, 1, 1, 1, 1], ['B', 1, 2, 1, 1, 2], ['C', 1, 1, 0, 1, 0], ['D', 1, 1, 2, 2, 1],
    ['A', 2, 1, 0, 1, 0], ['B', 2, 2, 1, 1.2, 2], ['C', 2, 1, 0, 1.1, 0], ['D', 2, 1, 2, 2, 1.3],
    ['A', 3, 1, 0, 1.1, 0], ['B', 3, 2, 1, 1.3, 2], ['C', 3, 1, 0, 1.1, 0], ['D', 3, 1, 2, 2.1, 1.3],
  ];
  const panel = createPanel({
    ids: ['A', 'B', 'C', 'D'], periods: [1, 2, 3],
    entity: rows.map((r) => r[0]), period: rows.map((r) => r[1]),
    values: { x1: rows.map((r) => r[2]), x2: rows.map((r) => r[3]), y1: rows.map((r) => r[4]), y2: rows.map((r) => r[5]) },
  });
  const res = malmquist(panel, { inputs: ['x1', 'x2'], outputs: ['y1', 'y2'], bias: true });

  it('nulls only obtech and ibtech, with the LP status and the distances named', () => {
    const a = res.rows.find((r) => r.id === 'A' && r.from === 1)!;
    expect(a.status).toBe('infeasible');
    expect(a.reason).toMatch(/D\^1\(x\^2, y\^1\): infeasible/);
    expect(a.reason).toMatch(/D\^2\(x\^2, y\^1\): infeasible/);
    expect(a.obtech).toBeNull();
    expect(a.ibtech).toBeNull();
    expect(a.matech).not.toBeNull();
    expect(a.tfpch).not.toBeNull();
    expect(a.techch).not.toBeNull();
    for (const r of res.rows) if (r !== a) expect(r.status, `${r.id} ${r.from}: ${r.reason}`).toBe('ok');
  });

  it('period and unit summaries are geometric means without the nulls; cumulative chains break at a null', () => {
    const s = res.summary as any;
    const p1 = s.byPeriod.find((e: any) => e.from === 1);
    const others = res.rows.filter((r) => r.from === 1 && r.id !== 'A');
    const geo = (v: number[]) => Math.exp(v.reduce((acc, x) => acc + Math.log(x), 0) / v.length);
    expect(Math.abs(p1.obtech - geo(others.map((r) => num(r.obtech))))).toBeLessThan(1e-14);
    expect(Math.abs(p1.matech - geo(res.rows.filter((r) => r.from === 1).map((r) => num(r.matech))))).toBeLessThan(1e-14);
    expect(p1.nNull).toBe(1);
    const uB = s.byId.find((e: any) => e.id === 'B');
    expect(Math.abs(uB.ibtech - geo(res.rows.filter((r) => r.id === 'B').map((r) => num(r.ibtech))))).toBeLessThan(1e-14);
    const cA = s.cumulative.filter((e: any) => e.id === 'A');
    expect(cA.map((e: any) => e.obtech)).toEqual([1, null, null]);
    expect(cA[2].matech).toBeCloseTo(num(res.rows.find((r) => r.id === 'A' && r.from === 1)!.matech) * num(res.rows.find((r) => r.id === 'A' && r.from === 2)!.matech), 14);
  });
});
