// distances(): every spec kind against an independent HiGHS formulation in original units, on seeded random
// technologies (small n: whole reference set; large n: the efficient-frame path), with exclusion and with
// evaluated points outside the reference set (cross-period use in the productivity indices).
import { describe, expect, test, beforeAll } from 'vitest';
import { distances, LP_STATUS_NAMES, type DistanceSpec, type Technology } from '../../../src/core/frontier/index.js';
import { createRng } from '../../../src/core/random.js';
import { getHighs, solveHighs, type LinProgram, type LinTerm } from './highs-ref.js';

type Highs = Awaited<ReturnType<typeof getHighs>>;
let highs: Highs;
beforeAll(async () => { highs = await getHighs(); });

function randomTech(seed: number, n: number, m: number, s: number, h: number, shift = 1): Technology {
  const rng = createRng(seed);
  const X = new Float64Array(m * n), Y = new Float64Array(s * n), B = new Float64Array(h * n);
  for (let j = 0; j < n; j++) {
    const size = shift * Math.exp(rng.normal() * 0.5);
    for (let i = 0; i < m; i++) X[i * n + j] = size * (1 + 9 * rng.uniform());
    for (let r = 0; r < s; r++) Y[r * n + j] = size * (1 + 9 * rng.uniform());
    for (let q = 0; q < h; q++) B[q * n + j] = size * (1 + 9 * rng.uniform());
  }
  return h > 0 ? { m, s, h, n, X, Y, B } : { m, s, h, n, X, Y };
}

/** The distance LP of evaluated point k, in original units, for HiGHS. */
function program(ref: Technology, ev: Technology, k: number, spec: DistanceSpec, ex: number): { p: LinProgram; w?: number[] } {
  const { m, s, h, n } = ref;
  const K = ev.n;
  const xo = (i: number) => ev.X[i * K + k], yo = (r: number) => ev.Y[r * K + k], bo = (q: number) => (ev.B as Float64Array)[q * K + k];
  const lam = (j: number, a: number): LinTerm => ({ v: `l${j}`, a });
  const rows: LinProgram['rows'] = [];
  const bounds: Record<string, [number, number]> = {};
  const js = Array.from({ length: n }, (_, j) => j).filter((j) => j !== ex);
  const rts = spec.rts;
  if (rts !== 'crs') rows.push({ terms: js.map((j) => lam(j, 1)), sense: rts === 'vrs' ? '=' : rts === 'nirs' ? '<=' : '>=', rhs: 1 });
  const gOf = (v: number): number => {
    if (spec.kind === 'radial') return 0;
    const dir = spec.direction;
    if (dir === 'custom') {
      const arr = v < m ? spec.gx : v < m + s ? spec.gy : spec.gb;
      const idx = v < m ? v : v < m + s ? v - m : v - m - s;
      return arr ? arr[idx * K + k] : 0;
    }
    const val = v < m ? xo(v) : v < m + s ? yo(v - m) : bo(v - m - s);
    if (dir === 'green') return v < m ? 0 : val;
    if (dir === 'graph') return val;
    if (dir === 'input') return v < m ? val : 0;
    return v >= m && v < m + s ? val : 0;
  };
  const badSense = spec.kind !== 'radial' && spec.badDisposability === 'free' ? '<=' : '=';
  if (spec.kind === 'radial') {
    bounds.t = [-Infinity, Infinity];
    for (let i = 0; i < m; i++) {
      const terms = js.map((j) => lam(j, ref.X[i * n + j]));
      if (spec.orientation === 'in') rows.push({ terms: [...terms, { v: 't', a: -xo(i) }], sense: '<=', rhs: 0 });
      else rows.push({ terms, sense: '<=', rhs: xo(i) });
    }
    for (let r = 0; r < s; r++) {
      const terms = js.map((j) => lam(j, ref.Y[r * n + j]));
      if (spec.orientation === 'out') rows.push({ terms: [...terms, { v: 't', a: -yo(r) }], sense: '>=', rhs: 0 });
      else rows.push({ terms, sense: '>=', rhs: yo(r) });
    }
    for (let q = 0; q < h; q++) rows.push({ terms: js.map((j) => lam(j, (ref.B as Float64Array)[q * n + j])), sense: '=', rhs: bo(q) });
    return { p: { sense: spec.orientation === 'in' ? 'min' : 'max', objective: [{ v: 't', a: 1 }], rows, bounds } };
  }
  const nd = spec.kind === 'nddf';
  const bv = (v: number) => (nd ? `b${v}` : 'b');
  if (!nd) bounds.b = [-Infinity, Infinity];
  const w: number[] = [];
  if (nd) {
    const ws = [...spec.weights.wx, ...spec.weights.wy, ...spec.weights.wb];
    for (let v = 0; v < m + s + h; v++) { w.push(ws[v]); if (ws[v] === 0 || gOf(v) === 0) bounds[`b${v}`] = [0, 0]; }
  }
  for (let i = 0; i < m; i++) rows.push({ terms: [...js.map((j) => lam(j, ref.X[i * n + j])), { v: bv(i), a: gOf(i) }], sense: '<=', rhs: xo(i) });
  for (let r = 0; r < s; r++) rows.push({ terms: [...js.map((j) => lam(j, ref.Y[r * n + j])), { v: bv(m + r), a: -gOf(m + r) }], sense: '>=', rhs: yo(r) });
  for (let q = 0; q < h; q++) rows.push({ terms: [...js.map((j) => lam(j, (ref.B as Float64Array)[q * n + j])), { v: bv(m + s + q), a: gOf(m + s + q) }], sense: badSense, rhs: bo(q) });
  const objective = nd ? w.map((a, v) => ({ v: `b${v}`, a })) : [{ v: 'b', a: 1 }];
  return { p: { sense: 'max', objective, rows, bounds }, w };
}

function check(ref: Technology, ev: Technology, spec: DistanceSpec, exclude?: Int32Array): { optimal: number } {
  const got = distances(ref, ev, spec, exclude);
  let optimal = 0;
  for (let k = 0; k < ev.n; k++) {
    const { p } = program(ref, ev, k, spec, exclude ? exclude[k] : -1);
    const hs = solveHighs(highs, p);
    const st = LP_STATUS_NAMES[got.status[k]];
    const what = `${JSON.stringify({ ...spec, gx: undefined, gy: undefined, gb: undefined })} point ${k}`;
    if (hs.status === 'Optimal') {
      expect(st, what).toBe('optimal');
      let expected = hs.objective;
      if (spec.kind === 'radial' && spec.orientation === 'out') expected = 1 / expected;
      const diff = Math.abs(got.value[k] - expected);
      expect(diff <= 1e-8 * Math.max(1, Math.abs(expected)), `${what}: ${got.value[k]} vs ${expected}`).toBe(true);
      if (spec.kind === 'nddf') {
        let sum = 0;
        const d = ref.m + ref.s + ref.h;
        for (let v = 0; v < d; v++) {
          const b = (got.components as Float64Array)[v * ev.n + k];
          expect(b).toBeGreaterThanOrEqual(-1e-9);
          sum += [...spec.weights.wx, ...spec.weights.wy, ...spec.weights.wb][v] * b;
        }
        expect(Math.abs(sum - got.value[k])).toBeLessThan(1e-9 * Math.max(1, Math.abs(sum)));
      }
      optimal++;
    } else if (hs.status === 'Infeasible') {
      expect(st, what).toBe('infeasible');
      expect(Number.isNaN(got.value[k])).toBe(true);
    } else if (hs.status === 'Unbounded') {
      expect(st, what).toBe('unbounded');
    } else {
      expect(['infeasible', 'unbounded'], `${what}: HiGHS ${hs.status}`).toContain(st);
    }
  }
  return { optimal };
}

const RTS = ['crs', 'vrs', 'nirs', 'ndrs'] as const;

describe('distances vs HiGHS', () => {
  test('radial, both orientations, all RTS; own set, with exclusion, and a shifted evaluated set', () => {
    for (const rts of RTS) for (const orientation of ['in', 'out'] as const) {
      const ref = randomTech(11, 15, 2, 2, 0);
      const spec: DistanceSpec = { kind: 'radial', orientation, rts };
      check(ref, ref, spec);
      check(ref, ref, spec, Int32Array.from({ length: 15 }, (_, j) => j));
      check(ref, randomTech(12, 8, 2, 2, 0, 1.3), spec);
    }
  });

  test('radial on the efficient-frame path (n = 400), with exclusion', () => {
    for (const rts of ['crs', 'vrs'] as const) {
      const ref = randomTech(21, 400, 3, 2, 0);
      const ev = randomTech(22, 20, 3, 2, 0, 1.2);
      check(ref, ev, { kind: 'radial', orientation: 'in', rts });
      check(ref, ev, { kind: 'radial', orientation: 'out', rts });
      const sub: Technology = { ...ref };
      const ex = new Int32Array(ev.n).fill(-1);
      // Evaluate 20 reference points with themselves excluded (super-efficiency).
      const idx = Array.from({ length: 20 }, (_, k) => k * 20);
      const evSelf: Technology = { m: 3, s: 2, h: 0, n: 20, X: new Float64Array(60), Y: new Float64Array(40) };
      idx.forEach((j, k) => {
        for (let i = 0; i < 3; i++) evSelf.X[i * 20 + k] = ref.X[i * 400 + j];
        for (let r = 0; r < 2; r++) evSelf.Y[r * 20 + k] = ref.Y[r * 400 + j];
        ex[k] = j;
      });
      check(sub, evSelf, { kind: 'radial', orientation: 'in', rts }, ex);
    }
  });

  test('frame path with a large frame: 300 points all on a concave VRS frontier', () => {
    const n = 300, rng = createRng(61);
    const X = new Float64Array(2 * n), Y = new Float64Array(n);
    for (let j = 0; j < n; j++) { X[j] = 1 + 9 * rng.uniform(); X[n + j] = 1 + 9 * rng.uniform(); Y[j] = Math.pow(X[j], 0.3) * Math.pow(X[n + j], 0.3); }
    const ref: Technology = { m: 2, s: 1, h: 0, n, X, Y };
    const own = distances(ref, ref, { kind: 'radial', orientation: 'in', rts: 'vrs' });
    for (let j = 0; j < n; j++) expect(Math.abs(own.value[j] - 1)).toBeLessThan(1e-9);
    check(ref, randomTech(62, 30, 2, 1, 0), { kind: 'radial', orientation: 'in', rts: 'vrs' });
    check(ref, randomTech(63, 30, 2, 1, 0), { kind: 'radial', orientation: 'out', rts: 'vrs' });
  });

  test('DDF: every direction, weak and free bad disposability, all RTS', () => {
    const ref = randomTech(31, 20, 2, 1, 1);
    const ev = randomTech(32, 10, 2, 1, 1, 1.1);
    for (const rts of RTS) for (const direction of ['green', 'graph', 'input', 'output'] as const) {
      for (const badDisposability of ['weak', 'free'] as const) {
        check(rts === 'crs' ? ref : ev, rts === 'crs' ? ref : ev, { kind: 'ddf', direction, rts, badDisposability });
        check(ref, ev, { kind: 'ddf', direction, rts, badDisposability });
      }
    }
    // custom direction (−1 for inputs, +1 for outputs, −1 for bads, variable-major per evaluated point)
    const K = ev.n;
    const spec: DistanceSpec = { kind: 'ddf', direction: 'custom', rts: 'vrs', gx: new Float64Array(2 * K).fill(1), gy: new Float64Array(K).fill(2), gb: new Float64Array(K).fill(1) };
    check(ref, ev, spec);
    // large n, frame path with bads (weak disposability frame)
    const big = randomTech(33, 300, 2, 2, 1);
    check(big, randomTech(34, 25, 2, 2, 1), { kind: 'ddf', direction: 'green', rts: 'crs' });
    check(big, randomTech(35, 25, 2, 2, 1), { kind: 'ddf', direction: 'graph', rts: 'vrs', badDisposability: 'free' });
  });

  test('NDDF with weights and components', () => {
    const ref = randomTech(41, 20, 2, 2, 1);
    const ev = randomTech(42, 10, 2, 2, 1, 0.9);
    const weights = { wx: Float64Array.of(1 / 6, 1 / 6), wy: Float64Array.of(1 / 6, 1 / 6), wb: Float64Array.of(1 / 3) };
    for (const rts of RTS) for (const direction of ['green', 'graph'] as const) {
      check(ref, ev, { kind: 'nddf', direction, rts, weights });
    }
    check(ref, ref, { kind: 'nddf', direction: 'graph', rts: 'vrs', weights: { wx: Float64Array.of(0, 0), wy: Float64Array.of(1, 1), wb: Float64Array.of(1) } });
  });

  test('statuses: all-zero outputs under output orientation are unbounded; NaN never escapes as a value', () => {
    const ref = randomTech(51, 10, 2, 1, 0);
    const ev: Technology = { m: 2, s: 1, h: 0, n: 1, X: Float64Array.of(5, 5), Y: Float64Array.of(0) };
    const r = distances(ref, ev, { kind: 'radial', orientation: 'out', rts: 'crs' });
    expect(LP_STATUS_NAMES[r.status[0]]).toBe('unbounded');
    expect(Number.isNaN(r.value[0])).toBe(true);
  });
});
