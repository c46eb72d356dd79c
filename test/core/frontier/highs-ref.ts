// Independent reference solver for the tests: the DEA LPs written out in CPLEX LP format and solved by HiGHS
// (WebAssembly, npm `highs`), straight from the textbook formulation in original units (no scaling, no frame).
import highsModule from 'highs';
import type { Highs } from 'highs';

// CommonJS package with an ESM build: take the loader from `default` when the interop wraps it.
const loadHighs = ((highsModule as unknown as { default?: unknown }).default ?? highsModule) as unknown as () => Promise<Highs>;
let highsPromise: Promise<Highs> | null = null;
export function getHighs(): Promise<Highs> {
  if (!highsPromise) highsPromise = loadHighs();
  return highsPromise;
}

export interface LinTerm { v: string; a: number }
export interface LinRow { terms: LinTerm[]; sense: '<=' | '>=' | '='; rhs: number }
export interface LinProgram {
  sense: 'min' | 'max';
  objective: LinTerm[];
  rows: LinRow[];
  /** bounds: default [0, +inf) */
  bounds?: Record<string, [number, number]>;
}

export interface HighsOut { status: string; objective: number; values: Record<string, number>; rowDual: Float64Array }

const STATUS: Record<number, string> = { 7: 'Optimal', 8: 'Infeasible', 9: 'Infeasible or Unbounded', 10: 'Unbounded' };

/** Solve through HiGHS's array interface (Highs_lpCall): columns are the variables named in the program. */
export function solveHighs(h: Highs, p: LinProgram): HighsOut {
  const names: string[] = [];
  const index = new Map<string, number>();
  const col = (v: string): number => {
    let k = index.get(v);
    if (k === undefined) { k = names.length; names.push(v); index.set(v, k); }
    return k;
  };
  for (const t of p.objective) col(t.v);
  for (const r of p.rows) for (const t of r.terms) col(t.v);
  for (const v of Object.keys(p.bounds ?? {})) col(v);
  const nc = names.length, nr = p.rows.length;
  const cols: { i: number; a: number }[][] = names.map(() => []);
  p.rows.forEach((r, i) => {
    const acc = new Map<number, number>();
    for (const t of r.terms) { const k = col(t.v); acc.set(k, (acc.get(k) ?? 0) + t.a); }
    for (const [k, a] of acc) if (a !== 0) cols[k].push({ i, a });
  });
  const starts = [0], indices: number[] = [], coefs: number[] = [];
  for (const c of cols) { for (const e of c) { indices.push(e.i); coefs.push(e.a); } starts.push(indices.length); }
  const cost = new Array(nc).fill(0);
  for (const t of p.objective) cost[col(t.v)] += t.a;
  const lo = names.map((v) => p.bounds?.[v]?.[0] ?? 0);
  const hi = names.map((v) => p.bounds?.[v]?.[1] ?? Infinity);
  const inf = (x: number): number => (x === Infinity ? h.infinity : x === -Infinity ? -h.infinity : x);
  const res = h.raw.lpCall({
    numCols: nc, numRows: nr, sense: p.sense === 'min' ? 1 : -1,
    colCost: cost, colLower: lo.map(inf), colUpper: hi.map(inf),
    rowLower: p.rows.map((r) => (r.sense === '<=' ? -h.infinity : r.rhs)),
    rowUpper: p.rows.map((r) => (r.sense === '>=' ? h.infinity : r.rhs)),
    matrix: { format: 'csc', numRows: nr, numCols: nc, starts, indices, values: coefs },
  } as never) as unknown as { value: { modelStatus: number; solution: { colValue: ArrayLike<number>; rowDual: ArrayLike<number> } } };
  const st = STATUS[res.value.modelStatus] ?? `status ${res.value.modelStatus}`;
  const x = res.value.solution.colValue;
  const values: Record<string, number> = {};
  let objective = 0;
  names.forEach((v, k) => { values[v] = x[k]; objective += cost[k] * x[k]; });
  return { status: st, objective, values, rowDual: Float64Array.from(res.value.solution.rowDual as ArrayLike<number>) };
}
