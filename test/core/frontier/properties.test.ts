// Identities of DEA on seeded random data (fast-check), and our simplex against HiGHS on 1,000 random problems.
import { describe, expect, test, beforeAll } from 'vitest';
import fc from 'fast-check';
import { dea, distances, solveLp, type DistanceSpec, type Technology } from '../../../src/core/frontier/index.js';
import { LP_STATUS_NAMES } from '../../../src/core/frontier/types.js';
import { createRng } from '../../../src/core/random.js';
import { getHighs, solveHighs, type LinProgram } from './highs-ref.js';

type Highs = Awaited<ReturnType<typeof getHighs>>;
let highs: Highs;
beforeAll(async () => { highs = await getHighs(); });

const dataArb = fc.record({
  n: fc.integer({ min: 4, max: 18 }),
  m: fc.integer({ min: 1, max: 3 }),
  s: fc.integer({ min: 1, max: 2 }),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
});

function makeData(n: number, m: number, s: number, seed: number) {
  const rng = createRng(seed);
  const ids = Array.from({ length: n }, (_, j) => `D${String(j).padStart(2, '0')}`);
  const inputs = Array.from({ length: m }, (_, i) => `x${i}`), outputs = Array.from({ length: s }, (_, r) => `y${r}`);
  const columns: Record<string, number[]> = {};
  for (const v of [...inputs, ...outputs]) columns[v] = ids.map(() => Math.round((1 + 9 * rng.uniform()) * 100) / 100);
  return { data: { ids, columns }, inputs, outputs };
}

/** Multiplier form of the input-oriented radial model, solved with our simplex: max u'y_o (+u0) s.t. v'x_o = 1. */
function multiplierScore(cols: Record<string, number[]>, inputs: string[], outputs: string[], o: number, vrs: boolean): number {
  const n = cols[inputs[0]].length, m = inputs.length, s = outputs.length;
  const r = n + 1, nc = s + m + (vrs ? 1 : 0) + n;
  const A = new Float64Array(r * nc), b = new Float64Array(r), c = new Float64Array(nc), lo = new Float64Array(nc), hi = new Float64Array(nc).fill(Infinity);
  for (let j = 0; j < n; j++) {
    outputs.forEach((y, q) => { A[q * r + j] = cols[y][j]; });
    inputs.forEach((x, i) => { A[(s + i) * r + j] = -cols[x][j]; });
    if (vrs) A[(s + m) * r + j] = 1;
    A[(s + m + (vrs ? 1 : 0) + j) * r + j] = 1;   // u'y_j − v'x_j (+ u0) + w_j = 0
  }
  inputs.forEach((x, i) => { A[(s + i) * r + n] = cols[x][o]; });
  b[n] = 1;
  outputs.forEach((y, q) => { c[q] = -cols[y][o]; });
  if (vrs) { c[s + m] = -1; lo[s + m] = -Infinity; }
  const res = solveLp({ rows: r, cols: nc, A, b, c, lo, hi });
  expect(res.status).toBe(0);
  return -res.objective;
}

describe('DEA identities (fast-check, seeded)', () => {
  test('envelopment = multiplier form (CRS and VRS, input orientation)', () => {
    fc.assert(fc.property(dataArb, ({ n, m, s, seed }) => {
      const { data, inputs, outputs } = makeData(n, m, s, seed);
      for (const rts of ['crs', 'vrs'] as const) {
        const res = dea(data, { inputs, outputs, rts, orientation: 'in', slack: 'none' });
        res.rows.forEach((row, o) => {
          const mult = multiplierScore(data.columns, inputs, outputs, o, rts === 'vrs');
          expect(Math.abs((row.efficiency as number) - mult)).toBeLessThan(1e-9);
        });
      }
    }), { seed: 20240601, numRuns: 40 });
  });

  test('CRS efficiency ≤ VRS efficiency ≤ 1, both orientations; CRS θ = 1/φ', () => {
    fc.assert(fc.property(dataArb, ({ n, m, s, seed }) => {
      const { data, inputs, outputs } = makeData(n, m, s, seed);
      for (const orientation of ['in', 'out'] as const) {
        const crs = dea(data, { inputs, outputs, rts: 'crs', orientation });
        const vrs = dea(data, { inputs, outputs, rts: 'vrs', orientation });
        crs.rows.forEach((row, k) => {
          expect(row.efficiency as number).toBeLessThanOrEqual((vrs.rows[k].efficiency as number) + 1e-10);
          expect(vrs.rows[k].efficiency as number).toBeLessThanOrEqual(1 + 1e-10);
          expect(row.efficiency as number).toBeGreaterThan(0);
        });
      }
      const cin = dea(data, { inputs, outputs, rts: 'crs', orientation: 'in' });
      const cout = dea(data, { inputs, outputs, rts: 'crs', orientation: 'out' });
      cin.rows.forEach((row, k) => expect(Math.abs((row.efficiency as number) - (cout.rows[k].efficiency as number))).toBeLessThan(1e-10));
    }), { seed: 7, numRuns: 40 });
  });

  test('super-efficiency equals efficiency for inefficient DMUs and is ≥ 1 for efficient ones', () => {
    fc.assert(fc.property(dataArb, ({ n, m, s, seed }) => {
      const { data, inputs, outputs } = makeData(n, m, s, seed);
      for (const rts of ['crs', 'vrs'] as const) for (const orientation of ['in', 'out'] as const) {
        const base = dea(data, { inputs, outputs, rts, orientation, slack: 'none' });
        const sup = dea(data, { inputs, outputs, rts, orientation, super: true, slack: 'none' });
        base.rows.forEach((row, k) => {
          const e = row.efficiency as number, se = sup.rows[k];
          if (e < 1 - 1e-7) expect(Math.abs((se.efficiency as number) - e)).toBeLessThan(1e-9);
          else if (se.status === 'optimal') expect(se.efficiency as number).toBeGreaterThanOrEqual(1 - 1e-9);
          else expect(rts).toBe('vrs');
        });
        // Cook et al. (2009) is always feasible and equals AP where AP is feasible with β* = 0
        if (rts === 'vrs') {
          const cook = dea(data, { inputs, outputs, rts, orientation, super: 'cook2009' });
          cook.rows.forEach((row, k) => {
            expect(row.status).toBe('optimal');
            if (sup.rows[k].status === 'optimal' && (row.sumBeta as number) < 1e-9) expect(Math.abs((row.efficiency as number) - (sup.rows[k].efficiency as number))).toBeLessThan(1e-8);
          });
        }
      }
    }), { seed: 99, numRuns: 25 });
  });

  test('SBM ≤ radial efficiency (CRS, non-oriented SBM vs input-oriented CCR)', () => {
    fc.assert(fc.property(dataArb, ({ n, m, s, seed }) => {
      const { data, inputs, outputs } = makeData(n, m, s, seed);
      const sbm = dea(data, { inputs, outputs, model: 'sbm', rts: 'crs' });
      const ccr = dea(data, { inputs, outputs, rts: 'crs' });
      sbm.rows.forEach((row, k) => expect(row.efficiency as number).toBeLessThanOrEqual((ccr.rows[k].efficiency as number) + 1e-9));
    }), { seed: 3, numRuns: 30 });
  });
});

describe('our simplex vs HiGHS on 1,000 random problems (agree to 1e-8)', () => {
  test('500 random DEA distance LPs (radial/DDF, all RTS, with and without exclusion)', () => {
    const rng = createRng(424242);
    const RTS = ['crs', 'vrs', 'nirs', 'ndrs'] as const;
    let optimal = 0;
    for (let t = 0; t < 500; t++) {
      const n = 3 + rng.int(20), m = 1 + rng.int(3), s = 1 + rng.int(2), h = rng.int(2);
      const X = new Float64Array(m * n), Y = new Float64Array(s * n), B = new Float64Array(h * n);
      for (let k = 0; k < X.length; k++) X[k] = 0.1 + 10 * rng.uniform();
      for (let k = 0; k < Y.length; k++) Y[k] = 0.1 + 10 * rng.uniform();
      for (let k = 0; k < B.length; k++) B[k] = 0.1 + 10 * rng.uniform();
      const ref: Technology = { m, s, h, n, X, Y, B };
      const o = rng.int(n);
      const ev: Technology = { m, s, h, n: 1, X: Float64Array.from({ length: m }, (_, i) => X[i * n + o] * (0.7 + 0.6 * rng.uniform())), Y: Float64Array.from({ length: s }, (_, r) => Y[r * n + o] * (0.7 + 0.6 * rng.uniform())), B: Float64Array.from({ length: h }, (_, q) => B[q * n + o]) };
      const rts = RTS[rng.int(4)];
      const kind = rng.int(3);
      const spec: DistanceSpec = kind === 0 ? { kind: 'radial', orientation: rng.int(2) ? 'in' : 'out', rts }
        : { kind: 'ddf', direction: (['green', 'graph', 'input', 'output'] as const)[rng.int(4)], rts, badDisposability: rng.int(2) ? 'weak' : 'free' };
      const exclude = rng.int(3) === 0 ? Int32Array.of(o) : undefined;
      const got = distances(ref, ev, spec, exclude);
      const p = distanceProgram(ref, ev, spec, exclude ? o : -1);
      const hs = solveHighs(highs, p);
      const st = LP_STATUS_NAMES[got.status[0]];
      if (hs.status === 'Optimal') {
        optimal++;
        expect(st, `problem ${t}`).toBe('optimal');
        const exp = spec.kind === 'radial' && spec.orientation === 'out' ? 1 / hs.objective : hs.objective;
        expect(Math.abs(got.value[0] - exp), `problem ${t}: ${got.value[0]} vs ${exp}`).toBeLessThanOrEqual(1e-8 * Math.max(1, Math.abs(exp)));
      } else if (hs.status === 'Infeasible') expect(st, `problem ${t}`).toBe('infeasible');
      else expect(['infeasible', 'unbounded'], `problem ${t}: HiGHS ${hs.status}`).toContain(st);
    }
    expect(optimal).toBeGreaterThan(300);
  });

  test('500 random general bounded LPs (equality rows, free and boxed variables; optimal, infeasible, unbounded)', () => {
    const rng = createRng(777);
    const seen = new Set<string>();
    for (let t = 0; t < 500; t++) {
      const r = 1 + rng.int(6), n = r + 1 + rng.int(10);
      const A = new Float64Array(r * n), b = new Float64Array(r), c = new Float64Array(n), lo = new Float64Array(n), hi = new Float64Array(n);
      for (let k = 0; k < A.length; k++) A[k] = rng.uniform() < 0.3 ? 0 : Math.round((rng.uniform() * 10 - 3) * 10) / 10;
      for (let i = 0; i < r; i++) b[i] = Math.round((rng.uniform() * 10 - 2) * 10) / 10;
      for (let j = 0; j < n; j++) {
        c[j] = Math.round((rng.uniform() * 10 - 5) * 10) / 10;
        const kind = rng.int(4);
        lo[j] = kind === 0 ? -Infinity : kind === 1 ? -rng.int(5) : 0;
        hi[j] = kind === 2 ? 1 + rng.int(10) : Infinity;
      }
      const res = solveLp({ rows: r, cols: n, A, b, c, lo, hi });
      const p: LinProgram = {
        sense: 'min',
        objective: Array.from(c, (a, j) => ({ v: `x${j}`, a })),
        rows: Array.from({ length: r }, (_, i) => ({ terms: Array.from({ length: n }, (_, j) => ({ v: `x${j}`, a: A[j * r + i] })), sense: '=' as const, rhs: b[i] })),
        bounds: Object.fromEntries(Array.from({ length: n }, (_, j) => [`x${j}`, [lo[j], hi[j]] as [number, number]])),
      };
      const hs = solveHighs(highs, p);
      const st = LP_STATUS_NAMES[res.status];
      seen.add(hs.status);
      if (hs.status === 'Optimal') {
        expect(st, `LP ${t}`).toBe('optimal');
        expect(Math.abs(res.objective - hs.objective), `LP ${t}: ${res.objective} vs ${hs.objective}`).toBeLessThanOrEqual(1e-8 * Math.max(1, Math.abs(hs.objective)));
        // primal feasibility of our solution
        for (let i = 0; i < r; i++) { let s = 0; for (let j = 0; j < n; j++) s += A[j * r + i] * res.x[j]; expect(Math.abs(s - b[i])).toBeLessThan(1e-8); }
      } else if (hs.status === 'Infeasible') expect(st, `LP ${t}`).toBe('infeasible');
      else if (hs.status === 'Unbounded') expect(st, `LP ${t}`).toBe('unbounded');
      else expect(['infeasible', 'unbounded'], `LP ${t}: HiGHS ${hs.status}`).toContain(st);
    }
    expect(seen.has('Optimal')).toBe(true);
    expect(seen.has('Infeasible')).toBe(true);
  });
});

function distanceProgram(ref: Technology, ev: Technology, spec: DistanceSpec, ex: number): LinProgram {
  const { m, s, h, n } = ref;
  const js = Array.from({ length: n }, (_, j) => j).filter((j) => j !== ex);
  const lam = (j: number, a: number) => ({ v: `l${j}`, a });
  const rows: LinProgram['rows'] = [];
  if (spec.rts !== 'crs') rows.push({ terms: js.map((j) => lam(j, 1)), sense: spec.rts === 'vrs' ? '=' : spec.rts === 'nirs' ? '<=' : '>=', rhs: 1 });
  const xo = (i: number) => ev.X[i], yo = (r: number) => ev.Y[r], bo = (q: number) => (ev.B as Float64Array)[q];
  const B = ref.B as Float64Array;
  if (spec.kind === 'radial') {
    const inO = spec.orientation === 'in';
    for (let i = 0; i < m; i++) rows.push({ terms: [...js.map((j) => lam(j, ref.X[i * n + j])), ...(inO ? [{ v: 't', a: -xo(i) }] : [])], sense: '<=', rhs: inO ? 0 : xo(i) });
    for (let r = 0; r < s; r++) rows.push({ terms: [...js.map((j) => lam(j, ref.Y[r * n + j])), ...(!inO ? [{ v: 't', a: -yo(r) }] : [])], sense: '>=', rhs: inO ? yo(r) : 0 });
    for (let q = 0; q < h; q++) rows.push({ terms: js.map((j) => lam(j, B[q * n + j])), sense: '=', rhs: bo(q) });
    return { sense: inO ? 'min' : 'max', objective: [{ v: 't', a: 1 }], rows, bounds: { t: [-Infinity, Infinity] } };
  }
  if (spec.kind !== 'ddf') throw new Error('unused');
  const dir = spec.direction;
  const gx = (i: number) => (dir === 'graph' || dir === 'input' ? xo(i) : 0);
  const gy = (r: number) => (dir === 'input' ? 0 : yo(r));
  const gb = (q: number) => (dir === 'green' || dir === 'graph' ? bo(q) : 0);
  for (let i = 0; i < m; i++) rows.push({ terms: [...js.map((j) => lam(j, ref.X[i * n + j])), { v: 'b', a: gx(i) }], sense: '<=', rhs: xo(i) });
  for (let r = 0; r < s; r++) rows.push({ terms: [...js.map((j) => lam(j, ref.Y[r * n + j])), { v: 'b', a: -gy(r) }], sense: '>=', rhs: yo(r) });
  for (let q = 0; q < h; q++) rows.push({ terms: [...js.map((j) => lam(j, B[q * n + j])), { v: 'b', a: gb(q) }], sense: spec.badDisposability === 'free' ? '<=' : '=', rhs: bo(q) });
  return { sense: 'max', objective: [{ v: 'b', a: 1 }], rows, bounds: { b: [-Infinity, Infinity] } };
}
