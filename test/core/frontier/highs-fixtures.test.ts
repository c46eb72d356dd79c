// Second, independent solver path: every dea/ fixture's model written out in original units (textbook form) and
// solved by HiGHS; our engine's scores must agree to 1e-8 (and infeasible rows must be infeasible for HiGHS too).
import { describe, expect, test, beforeAll } from 'vitest';
import { dea } from '../../../src/core/frontier/index.js';
import { FIXTURES, loadFixture, optionsFor, type DeaFixture } from './fixtures.js';
import { getHighs, solveHighs, type LinProgram, type LinTerm } from './highs-ref.js';

type Highs = Awaited<ReturnType<typeof getHighs>>;
let highs: Highs;
beforeAll(async () => { highs = await getHighs(); });

/** The score of DMU o under the fixture's model, by HiGHS; null when HiGHS reports infeasible. */
function highsScore(fx: DeaFixture, o: number): number | null {
  const opt = optionsFor(fx) as { model: string; rts: string; orientation?: string; super?: boolean; direction?: string };
  const cols = fx.data.columns as Record<string, number[]>;
  const n = fx.data.ids.length;
  const sup = !!opt.super;
  const js = Array.from({ length: n }, (_, j) => j).filter((j) => !(sup && j === o));
  const L = (j: number, a: number): LinTerm => ({ v: `l${j}`, a });
  const rows: LinProgram['rows'] = [];
  const bounds: Record<string, [number, number]> = {};
  const { inputs, goods, bads } = fx;
  const rtsRow = (tVar?: string) => {
    if (opt.rts === 'crs') return;
    const terms = js.map((j) => L(j, 1));
    if (tVar) rows.push({ terms: [...terms, { v: tVar, a: -1 }], sense: '=', rhs: 0 }); else rows.push({ terms, sense: '=', rhs: 1 });
  };
  const sumL = (v: string, extra: LinTerm[]) => [...js.map((j) => L(j, cols[v][j])), ...extra];
  if (opt.model === 'radial') {
    const inO = opt.orientation === 'in';
    bounds.t = [-Infinity, Infinity];
    inputs.forEach((v) => rows.push({ terms: sumL(v, inO ? [{ v: 't', a: -cols[v][o] }] : []), sense: '<=', rhs: inO ? 0 : cols[v][o] }));
    goods.forEach((v) => rows.push({ terms: sumL(v, inO ? [] : [{ v: 't', a: -cols[v][o] }]), sense: '>=', rhs: inO ? cols[v][o] : 0 }));
    rtsRow();
    const r = solveHighs(highs, { sense: inO ? 'min' : 'max', objective: [{ v: 't', a: 1 }], rows, bounds });
    return r.status === 'Optimal' ? r.objective : null;
  }
  if (opt.model === 'additive') {
    inputs.forEach((v, i) => rows.push({ terms: sumL(v, [{ v: `si${i}`, a: 1 }]), sense: '=', rhs: cols[v][o] }));
    goods.forEach((v, r) => rows.push({ terms: sumL(v, [{ v: `so${r}`, a: -1 }]), sense: '=', rhs: cols[v][o] }));
    rtsRow();
    const r = solveHighs(highs, { sense: 'max', objective: [...inputs.map((_, i) => ({ v: `si${i}`, a: 1 })), ...goods.map((_, r2) => ({ v: `so${r2}`, a: 1 }))], rows });
    return r.objective;
  }
  if (opt.model === 'ddf') {
    const graph = opt.direction === 'graph';
    bounds.b = [-Infinity, Infinity];
    inputs.forEach((v) => rows.push({ terms: sumL(v, [{ v: 'b', a: cols[v][o] }]), sense: '<=', rhs: cols[v][o] }));
    goods.forEach((v) => rows.push({ terms: sumL(v, [{ v: 'b', a: graph ? -cols[v][o] : 0 }]), sense: '>=', rhs: cols[v][o] }));
    rtsRow();
    return solveHighs(highs, { sense: 'max', objective: [{ v: 'b', a: 1 }], rows, bounds }).objective;
  }
  // SBM (Charnes–Cooper): t, S−, S+, Sb in original units; super-SBM (Tone 2002) when sup.
  const m = inputs.length, so = goods.length + bads.length;
  const inO = opt.orientation === 'in', outO = opt.orientation === 'out';
  if (!sup) {
    inputs.forEach((v, i) => rows.push({ terms: sumL(v, [{ v: `sm${i}`, a: 1 }, { v: 't', a: -cols[v][o] }]), sense: '=', rhs: 0 }));
    goods.forEach((v, r) => rows.push({ terms: sumL(v, [{ v: `sp${r}`, a: -1 }, { v: 't', a: -cols[v][o] }]), sense: '=', rhs: 0 }));
    bads.forEach((v, q) => rows.push({ terms: sumL(v, [{ v: `sb${q}`, a: 1 }, { v: 't', a: -cols[v][o] }]), sense: '=', rhs: 0 }));
    rtsRow('t');
    const norm: LinTerm[] = [{ v: 't', a: 1 }];
    if (!inO && !outO) { goods.forEach((v, r) => norm.push({ v: `sp${r}`, a: 1 / so / cols[v][o] })); bads.forEach((v, q) => norm.push({ v: `sb${q}`, a: 1 / so / cols[v][o] })); }
    rows.push({ terms: norm, sense: '=', rhs: 1 });
    const obj: LinTerm[] = outO ? [...goods.map((v, r) => ({ v: `sp${r}`, a: 1 / so / cols[v][o] })), ...bads.map((v, q) => ({ v: `sb${q}`, a: 1 / so / cols[v][o] }))]
      : [{ v: 't', a: 1 }, ...inputs.map((v, i) => ({ v: `sm${i}`, a: -1 / m / cols[v][o] }))];
    const r = solveHighs(highs, { sense: outO ? 'max' : 'min', objective: obj, rows });
    return outO ? 1 / (1 + r.objective) : r.objective;
  }
  // super-SBM non-oriented: min t + Σ S−/(m x_o) s.t. t − Σ S+/(s y_o) = 1, XΛ ≤ t x_o + S−, YΛ ≥ t y_o − S+, S+ ≤ t y_o
  inputs.forEach((v, i) => rows.push({ terms: sumL(v, [{ v: `sm${i}`, a: -1 }, { v: 't', a: -cols[v][o] }]), sense: '<=', rhs: 0 }));
  goods.forEach((v, r) => {
    rows.push({ terms: sumL(v, [{ v: `sp${r}`, a: 1 }, { v: 't', a: -cols[v][o] }]), sense: '>=', rhs: 0 });
    rows.push({ terms: [{ v: `sp${r}`, a: 1 }, { v: 't', a: -cols[v][o] }], sense: '<=', rhs: 0 });
  });
  rtsRow('t');
  rows.push({ terms: [{ v: 't', a: 1 }, ...goods.map((v, r) => ({ v: `sp${r}`, a: -1 / so / cols[v][o] }))], sense: '=', rhs: 1 });
  const r = solveHighs(highs, { sense: 'min', objective: [{ v: 't', a: 1 }, ...inputs.map((v, i) => ({ v: `sm${i}`, a: 1 / m / cols[v][o] }))], rows });
  return r.objective;
}

describe('every fixture: our engine vs HiGHS (1e-8)', () => {
  for (const name of FIXTURES) {
    test(name, () => {
      const fx = loadFixture(name);
      const res = dea(fx.data, optionsFor(fx) as never);
      const byId = new Map(res.rows.map((r) => [r.id, r]));
      fx.data.ids.forEach((id, o) => {
        const row = byId.get(id)!;
        const hs = highsScore(fx, o);
        if (hs === null) { expect(row.status, `${name} ${row.id}`).toBe('infeasible'); return; }
        const opt = optionsFor(fx) as { model: string; orientation?: string };
        const ours = opt.model === 'additive' ? row.objective : opt.model === 'ddf' ? row.beta : opt.model === 'radial' && opt.orientation === 'out' ? row.phi : row.efficiency;
        expect(Math.abs((ours as number) - hs), `${name} ${row.id}: ${ours} vs HiGHS ${hs}`).toBeLessThanOrEqual(1e-8 * Math.max(1, Math.abs(hs)));
      });
    });
  }
});
