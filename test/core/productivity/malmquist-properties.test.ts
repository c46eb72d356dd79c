// Identities and invariances of the productivity indices (fast-check over seeded synthetic panels).
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { malmquist, type MalmquistOptions } from '../../../src/core/productivity/malmquist.js';
import { syntheticPanel, inputsOf, outputsOf, badsOf } from './synthetic.js';

const num = (x: unknown) => x as number;

describe('identities', () => {
  it('TFPCH = EFFCH × TECHCH to 1e-12 (and PECH·SECH = EFFCH) over indices, frontiers, orientations, RTS', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 1e6 }),
      fc.constantFrom('malmquist', 'ml', 'gml'),
      fc.constantFrom('contemporaneous', 'sequential', 'global', 'biennial', 'window:1'),
      fc.constantFrom('in', 'out'),
      fc.constantFrom('crs', 'vrs'),
      (seed, index, frontier, orientation, rts) => {
        const panel = syntheticPanel({ n: 12, T: 4, m: 2, s: 1, h: index === 'malmquist' ? 0 : 1, seed });
        const opts: MalmquistOptions = {
          inputs: inputsOf(2), outputs: outputsOf(1), undesirable: index === 'malmquist' ? [] : badsOf(1),
          index: index as MalmquistOptions['index'], frontier: index === 'gml' ? undefined : frontier,
          orientation: orientation as 'in' | 'out', rts: rts as 'crs' | 'vrs',
        };
        const res = malmquist(panel, opts);
        let checked = 0;
        for (const r of res.rows) {
          if (r.tfpch === null || r.effch === null || r.techch === null) continue;
          expect(Math.abs(num(r.tfpch) - num(r.effch) * num(r.techch))).toBeLessThanOrEqual(1e-12 * num(r.tfpch));
          if (r.pech !== undefined && r.pech !== null) expect(Math.abs(num(r.pech) * num(r.sech) - num(r.effch))).toBeLessThanOrEqual(1e-12);
          checked++;
        }
        expect(checked).toBeGreaterThan(0);
      }), { numRuns: 25, seed: 20261128 });
  });

  it('Luenberger: LTFP = LEC + LTC (radial and NDDF)', () => {
    for (const measure of ['radial', 'nddf'] as const) {
      for (const frontier of ['contemporaneous', 'global']) {
        const panel = syntheticPanel({ n: 15, T: 3, h: 1, seed: 3 });
        const res = malmquist(panel, { inputs: inputsOf(2), outputs: outputsOf(1), undesirable: badsOf(1), index: 'luenberger', measure, frontier });
        let ok = 0;
        for (const r of res.rows) {
          // NDDF (β ≥ 0) cross-period LPs can be infeasible: only the components that use them are null.
          expect(r.lec).not.toBeNull();
          if (r.status !== 'ok') {
            expect(r.status).toBe('infeasible');
            expect(r.reason).toMatch(/infeasible/);
            continue;
          }
          ok++;
          expect(Math.abs(num(r.ltfp) - num(r.lec) - num(r.ltc))).toBeLessThan(1e-12);
        }
        expect(ok).toBeGreaterThan(res.rows.length / 2);
      }
    }
  });
});

describe('invariances', () => {
  it('reducing reference sets to their efficient frames changes no distance (1e-9)', () => {
    const cases: [string, string, number][] = [['malmquist', 'sequential', 0], ['malmquist', 'global', 0], ['malmquist', 'window:1', 0], ['ml', 'sequential', 1], ['gml', 'global', 1], ['luenberger', 'biennial', 1]];
    for (const [index, frontier, h] of cases) {
      const panel = syntheticPanel({ n: 70, T: 3, m: 2, s: 2, h, seed: 17 });
      const base = { inputs: inputsOf(2), outputs: outputsOf(2), undesirable: badsOf(h), index: index as 'ml', frontier: index === 'gml' ? undefined : frontier, rts: 'vrs' as const, detail: true };
      const a = malmquist(panel, base);
      const b = malmquist(panel, { ...base, reduce: false });
      expect(a.card.conventions.referenceSets).toMatch(/frames/);
      a.rows.forEach((r, k) => {
        expect(r.status).toBe(b.rows[k].status);
        const da = r.distances as Record<string, number | null>;
        const db = b.rows[k].distances as Record<string, number | null>;
        for (const key of Object.keys(db)) {
          if (db[key] === null) expect(da[key]).toBeNull();
          else expect(Math.abs(da[key]! - db[key]!)).toBeLessThan(1e-9);
        }
      });
    }
  });

  it('under CRS, input and output orientation give the same Malmquist, EFFCH and TECHCH', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1e6 }), fc.constantFrom('contemporaneous', 'sequential', 'global'), (seed, frontier) => {
      const panel = syntheticPanel({ n: 10, T: 3, m: 2, s: 2, seed });
      const base = { inputs: inputsOf(2), outputs: outputsOf(2), rts: 'crs' as const, frontier };
      const a = malmquist(panel, { ...base, orientation: 'in' });
      const b = malmquist(panel, { ...base, orientation: 'out' });
      a.rows.forEach((r, k) => {
        for (const f of ['tfpch', 'effch', 'techch']) expect(Math.abs(num(r[f]) - num(b.rows[k][f]))).toBeLessThan(1e-9);
      });
    }), { numRuns: 15, seed: 7 });
  });

  it('the global index is circular: two links chain to the direct comparison E^G(t+2)/E^G(t)', () => {
    for (const index of ['malmquist', 'gml'] as const) {
      const panel = syntheticPanel({ n: 20, T: 4, h: index === 'gml' ? 1 : 0, seed: 11 });
      const res = malmquist(panel, { inputs: inputsOf(2), outputs: outputsOf(1), undesirable: index === 'gml' ? badsOf(1) : [], index, frontier: 'global', detail: true });
      const E = (x: number) => (index === 'gml' ? 1 / (1 + x) : x);
      for (const id of panel.ids) {
        const rs = res.rows.filter((r) => r.id === id);
        for (let k = 0; k + 1 < rs.length; k++) {
          const d0 = (rs[k].distances as Record<string, number>)[`D^G(${rs[k].from})`];
          const d2 = (rs[k + 1].distances as Record<string, number>)[`D^G(${rs[k + 1].to})`];
          expect(num(rs[k].tfpch) * num(rs[k + 1].tfpch)).toBeCloseTo(E(d2) / E(d0), 12);
        }
        const cum = (res.summary.cumulative as { id: string; period: number; tfpch: number }[]).filter((c) => c.id === id);
        expect(cum[0].tfpch).toBe(1);
        expect(cum[3].tfpch).toBeCloseTo(num(rs[0].tfpch) * num(rs[1].tfpch) * num(rs[2].tfpch), 12);
      }
    }
  });

  it('sequential frontiers never show technical regress (TECHCH ≥ 1), contemporaneous can', () => {
    const panel = syntheticPanel({ n: 25, T: 4, seed: 5, progress: -0.05 });
    const opts = { inputs: inputsOf(2), outputs: outputsOf(1) };
    const seq = malmquist(panel, { ...opts, frontier: 'sequential' });
    const con = malmquist(panel, { ...opts, frontier: 'contemporaneous' });
    expect(seq.rows.every((r) => num(r.techch) >= 1 - 1e-9)).toBe(true);
    expect(con.rows.some((r) => num(r.techch) < 0.99)).toBe(true);
  });

  it('a window wider than the panel is the global frontier for every period: TECHCH = 1 and TFPCH = global EFFCH', () => {
    const panel = syntheticPanel({ n: 15, T: 3, seed: 9 });
    const opts = { inputs: inputsOf(2), outputs: outputsOf(1), detail: true };
    const w = malmquist(panel, { ...opts, frontier: 'window:5' });
    const g = malmquist(panel, { ...opts, frontier: 'global' });
    w.rows.forEach((r, k) => {
      expect(num(r.techch)).toBeCloseTo(1, 12);
      expect(num(r.tfpch)).toBeCloseTo(num(g.rows[k].tfpch), 9);
    });
  });
});
