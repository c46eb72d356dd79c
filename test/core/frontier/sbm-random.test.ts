// SBM (non-oriented, input, output; with and without bad outputs; CRS/VRS) and super-SBM (with bads) on seeded
// random data against an independent HiGHS formulation in original units (1e-8).
import { describe, expect, test, beforeAll } from 'vitest';
import { dea } from '../../../src/core/frontier/index.js';
import { createRng } from '../../../src/core/random.js';
import { getHighs, solveHighs, type LinProgram, type LinTerm } from './highs-ref.js';

type Highs = Awaited<ReturnType<typeof getHighs>>;
let highs: Highs;
beforeAll(async () => { highs = await getHighs(); });

function data(seed: number, n: number, m: number, s: number, h: number) {
  const rng = createRng(seed);
  const ids = Array.from({ length: n }, (_, j) => `U${String(j).padStart(2, '0')}`);
  const inputs = Array.from({ length: m }, (_, i) => `x${i}`), goods = Array.from({ length: s }, (_, r) => `y${r}`), bads = Array.from({ length: h }, (_, q) => `b${q}`);
  const columns: Record<string, number[]> = {};
  for (const v of [...inputs, ...goods, ...bads]) columns[v] = ids.map(() => 1 + 9 * rng.uniform());
  return { ids, columns, inputs, goods, bads };
}

function sbmHighs(d: ReturnType<typeof data>, o: number, rts: 'crs' | 'vrs', orientation: 'non' | 'in' | 'out', sup: boolean): number | null {
  const { ids, columns: c, inputs, goods, bads } = d;
  const js = ids.map((_, j) => j).filter((j) => !(sup && j === o));
  const L = (j: number, a: number): LinTerm => ({ v: `l${j}`, a });
  const sumL = (v: string, extra: LinTerm[]) => [...js.map((j) => L(j, c[v][j])), ...extra];
  const rows: LinProgram['rows'] = [];
  const m = inputs.length, so = goods.length + bads.length;
  if (rts === 'vrs') rows.push({ terms: [...js.map((j) => L(j, 1)), { v: 't', a: -1 }], sense: '=', rhs: 0 });
  if (!sup) {
    inputs.forEach((v, i) => rows.push({ terms: sumL(v, [{ v: `sm${i}`, a: 1 }, { v: 't', a: -c[v][o] }]), sense: '=', rhs: 0 }));
    goods.forEach((v, r) => rows.push({ terms: sumL(v, [{ v: `sp${r}`, a: -1 }, { v: 't', a: -c[v][o] }]), sense: '=', rhs: 0 }));
    bads.forEach((v, q) => rows.push({ terms: sumL(v, [{ v: `sb${q}`, a: 1 }, { v: 't', a: -c[v][o] }]), sense: '=', rhs: 0 }));
    const outTerms = [...goods.map((v, r) => ({ v: `sp${r}`, a: 1 / so / c[v][o] })), ...bads.map((v, q) => ({ v: `sb${q}`, a: 1 / so / c[v][o] }))];
    rows.push({ terms: [{ v: 't', a: 1 }, ...(orientation === 'non' ? outTerms : [])], sense: '=', rhs: 1 });
    if (orientation === 'out') {
      const r = solveHighs(highs, { sense: 'max', objective: outTerms, rows });
      return r.status === 'Optimal' ? 1 / (1 + r.objective) : null;
    }
    const r = solveHighs(highs, { sense: 'min', objective: [{ v: 't', a: 1 }, ...inputs.map((v, i) => ({ v: `sm${i}`, a: -1 / m / c[v][o] }))], rows });
    return r.status === 'Optimal' ? r.objective : null;
  }
  if (orientation !== 'non') {
    // oriented super-SBM (t = 1): input — min 1 + Σ S−/(m x_o), outputs and bads held (YΛ ≥ y_o, BΛ ≤ b_o);
    // output — inputs held (XΛ ≤ x_o), min Σ S+/((s+h) y_o) + Σ Sb/((s+h) b_o), δ = 1/(1 − that)
    const inO = orientation === 'in';
    if (rts === 'vrs') rows[0] = { terms: js.map((j) => L(j, 1)), sense: '=', rhs: 1 };
    inputs.forEach((v, i) => rows.push({ terms: sumL(v, inO ? [{ v: `sm${i}`, a: -1 }] : []), sense: '<=', rhs: c[v][o] }));
    goods.forEach((v, r) => {
      rows.push({ terms: sumL(v, inO ? [] : [{ v: `sp${r}`, a: 1 }]), sense: '>=', rhs: c[v][o] });
      if (!inO) rows.push({ terms: [{ v: `sp${r}`, a: 1 }], sense: '<=', rhs: c[v][o] });
    });
    bads.forEach((v, q) => rows.push({ terms: sumL(v, inO ? [] : [{ v: `sb${q}`, a: -1 }]), sense: '<=', rhs: c[v][o] }));
    const obj: LinTerm[] = inO ? inputs.map((v, i) => ({ v: `sm${i}`, a: 1 / m / c[v][o] }))
      : [...goods.map((v, r) => ({ v: `sp${r}`, a: 1 / so / c[v][o] })), ...bads.map((v, q) => ({ v: `sb${q}`, a: 1 / so / c[v][o] }))];
    const r = solveHighs(highs, { sense: 'min', objective: obj.length ? obj : [{ v: 'l0', a: 0 }], rows });
    if (r.status !== 'Optimal') return null;
    return inO ? 1 + r.objective : 1 / (1 - r.objective);
  }
  inputs.forEach((v, i) => rows.push({ terms: sumL(v, [{ v: `sm${i}`, a: -1 }, { v: 't', a: -c[v][o] }]), sense: '<=', rhs: 0 }));
  goods.forEach((v, r) => {
    rows.push({ terms: sumL(v, [{ v: `sp${r}`, a: 1 }, { v: 't', a: -c[v][o] }]), sense: '>=', rhs: 0 });
    rows.push({ terms: [{ v: `sp${r}`, a: 1 }, { v: 't', a: -c[v][o] }], sense: '<=', rhs: 0 });
  });
  bads.forEach((v, q) => rows.push({ terms: sumL(v, [{ v: `sb${q}`, a: -1 }, { v: 't', a: -c[v][o] }]), sense: '<=', rhs: 0 }));
  rows.push({ terms: [{ v: 't', a: 1 }, ...goods.map((v, r) => ({ v: `sp${r}`, a: -1 / so / c[v][o] })), ...bads.map((v, q) => ({ v: `sb${q}`, a: -1 / so / c[v][o] }))], sense: '=', rhs: 1 });
  const r = solveHighs(highs, { sense: 'min', objective: [{ v: 't', a: 1 }, ...inputs.map((v, i) => ({ v: `sm${i}`, a: 1 / m / c[v][o] }))], rows });
  return r.status === 'Optimal' ? r.objective : null;
}

describe('SBM and super-SBM vs HiGHS on random data', () => {
  test('SBM: orientations × RTS × with/without bads', () => {
    let k = 0;
    for (const h of [0, 1]) for (const rts of ['crs', 'vrs'] as const) for (const orientation of ['non', 'in', 'out'] as const) {
      const d = data(1000 + k++, 12, 2, 2, h);
      const res = dea({ ids: d.ids, columns: d.columns }, { inputs: d.inputs, outputs: d.goods, undesirable: d.bads, model: 'sbm', rts, orientation });
      res.rows.forEach((row, o) => {
        const hs = sbmHighs(d, o, rts, orientation, false);
        expect(hs).not.toBeNull();
        expect(Math.abs((row.efficiency as number) - (hs as number)), `${rts} ${orientation} h=${h} ${row.id}`).toBeLessThanOrEqual(1e-8);
      });
    }
  });

  test('super-SBM (non-oriented), with and without bads, CRS and VRS', () => {
    let k = 0;
    for (const h of [0, 1]) for (const rts of ['crs', 'vrs'] as const) {
      const d = data(2000 + k++, 12, 2, 2, h);
      const res = dea({ ids: d.ids, columns: d.columns }, { inputs: d.inputs, outputs: d.goods, undesirable: d.bads, model: 'sbm', rts, super: true });
      res.rows.forEach((row, o) => {
        const hs = sbmHighs(d, o, rts, 'non', true);
        if (hs === null) { expect(row.status).toBe('infeasible'); return; }
        expect(row.efficiency as number).toBeGreaterThanOrEqual(1 - 1e-9);
        expect(Math.abs((row.efficiency as number) - hs), `${rts} h=${h} ${row.id}`).toBeLessThanOrEqual(1e-8 * Math.max(1, hs));
      });
    }
  });
});

describe('oriented super-SBM vs HiGHS', () => {
  test('input and output orientation, CRS and VRS, with a bad output; infeasible VRS cases keep their row', () => {
    let k = 0;
    for (const rts of ['crs', 'vrs'] as const) for (const orientation of ['in', 'out'] as const) {
      const d = data(3000 + k++, 12, 2, 1, 1);
      const res = dea({ ids: d.ids, columns: d.columns }, { inputs: d.inputs, outputs: d.goods, undesirable: d.bads, model: 'sbm', rts, orientation, super: true });
      res.rows.forEach((row, o) => {
        const hs = sbmHighs(d, o, rts, orientation, true);
        if (hs === null) { expect(row.status, `${rts} ${orientation} ${row.id}`).toBe('infeasible'); return; }
        expect(row.status).toBe('optimal');
        expect(Math.abs((row.efficiency as number) - hs), `${rts} ${orientation} ${row.id}: ${row.efficiency} vs ${hs}`).toBeLessThanOrEqual(1e-8 * Math.max(1, hs));
      });
    }
  });
});
