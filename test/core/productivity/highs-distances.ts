// Test oracle: an independent DistancesFn built on HiGHS (LP-format text, one LP per point).
// Slow but simple; used to cross-check the productivity assembly against the frontier/types.ts contract.
import * as highsModule from 'highs';
import type { DistanceResult, DistanceSpec, DistancesFn, Technology } from '../../../src/core/frontier/types.js';

type Solver = { solve(p: string, o?: Record<string, unknown>): { Status: string; ObjectiveValue: number; Columns: Record<string, { Primal: number }> } };
let solver: Solver | undefined;

export async function loadHighsDistances(): Promise<DistancesFn> {
  const mod = highsModule as unknown as { default?: () => Promise<unknown> } & (() => Promise<unknown>);
  const load = (typeof mod.default === 'function' ? mod.default : mod) as () => Promise<unknown>;
  solver ??= (await load()) as Solver;
  return highsDistances;
}

const num = (v: number) => (v === 0 ? '0' : v.toPrecision(17));
function term(coef: number, name: string): string {
  if (coef === 0) return '';
  return ` ${coef < 0 ? '-' : '+'} ${num(Math.abs(coef))} ${name}`;
}

function rtsRow(spec: DistanceSpec, n: number): string | null {
  if (spec.rts === 'crs') return null;
  const lhs = Array.from({ length: n }, (_, j) => ` + l${j}`).join('');
  return spec.rts === 'vrs' ? `${lhs} = 1` : spec.rts === 'nirs' ? `${lhs} <= 1` : `${lhs} >= 1`;
}

export const highsDistances: DistancesFn = (ref: Technology, ev: Technology, spec: DistanceSpec, exclude?: Int32Array): DistanceResult => {
  const { m, s, h, n } = ref;
  const k = ev.n;
  const value = new Float64Array(k);
  const status = new Uint8Array(k);
  const comps = spec.kind === 'nddf' ? new Float64Array((m + s + h) * k) : undefined;
  for (let o = 0; o < k; o++) {
    const lines: string[] = [];
    const cons: string[] = [];
    const lam = (row: Float64Array, idx: number) => {
      let t = '';
      for (let j = 0; j < n; j++) if (!(exclude && exclude[o] === j)) t += term(row[idx * n + j], `l${j}`);
      return t;
    };
    const xo = (i: number) => ev.X[i * k + o];
    const yo = (r: number) => ev.Y[r * k + o];
    const bo = (q: number) => ev.B![q * k + o];
    let obj: string;
    let sense: 'Maximize' | 'Minimize';
    const bounds: string[] = [];
    if (spec.kind === 'radial') {
      if (spec.orientation === 'in') {
        sense = 'Minimize'; obj = 'th';
        for (let i = 0; i < m; i++) cons.push(`${lam(ref.X, i)}${term(-xo(i), 'th')} <= 0`);
        for (let r = 0; r < s; r++) cons.push(`${lam(ref.Y, r)} >= ${num(yo(r))}`);
        bounds.push('th free');
      } else {
        sense = 'Maximize'; obj = 'ph';
        for (let i = 0; i < m; i++) cons.push(`${lam(ref.X, i)} <= ${num(xo(i))}`);
        for (let r = 0; r < s; r++) cons.push(`${lam(ref.Y, r)}${term(-yo(r), 'ph')} >= 0`);
        bounds.push('ph free');
      }
    } else {
      const g = (part: 'x' | 'y' | 'b', idx: number): number => {
        const d = spec.direction;
        if (d === 'custom') return (part === 'x' ? spec.gx! : part === 'y' ? spec.gy! : spec.gb!)[idx * k + o];
        if (part === 'x') return d === 'graph' || d === 'input' ? xo(idx) : 0;
        if (part === 'y') return d === 'graph' || d === 'output' || d === 'green' ? yo(idx) : 0;
        return d === 'graph' || d === 'green' ? bo(idx) : 0;
      };
      const weak = (spec.badDisposability ?? 'weak') === 'weak';
      if (spec.kind === 'ddf') {
        sense = 'Maximize'; obj = 'be';
        for (let i = 0; i < m; i++) cons.push(`${lam(ref.X, i)}${term(g('x', i), 'be')} <= ${num(xo(i))}`);
        for (let r = 0; r < s; r++) cons.push(`${lam(ref.Y, r)}${term(-g('y', r), 'be')} >= ${num(yo(r))}`);
        for (let q = 0; q < h; q++) cons.push(`${lam(ref.B!, q)}${term(g('b', q), 'be')} ${weak ? '=' : '<='} ${num(bo(q))}`);
        bounds.push('be free');
      } else {
        sense = 'Maximize';
        const w = spec.weights;
        obj = '';
        for (let i = 0; i < m; i++) obj += term(w.wx[i], `bx${i}`);
        for (let r = 0; r < s; r++) obj += term(w.wy[r], `by${r}`);
        for (let q = 0; q < h; q++) obj += term(w.wb[q], `bb${q}`);
        if (!obj) obj = '0 bx0';
        for (let i = 0; i < m; i++) cons.push(`${lam(ref.X, i)}${term(g('x', i), `bx${i}`)} <= ${num(xo(i))}`);
        for (let r = 0; r < s; r++) cons.push(`${lam(ref.Y, r)}${term(-g('y', r), `by${r}`)} >= ${num(yo(r))}`);
        for (let q = 0; q < h; q++) cons.push(`${lam(ref.B!, q)}${term(g('b', q), `bb${q}`)} ${weak ? '=' : '<='} ${num(bo(q))}`);
      }
    }
    const rr = rtsRow(spec, n);
    if (rr) cons.push(rr);
    lines.push(sense, ` obj: ${obj}`, 'Subject To');
    cons.forEach((c, i) => lines.push(` c${i}: ${c.replace(/^ \+ /, ' ')}`));
    if (bounds.length) lines.push('Bounds', ...bounds.map((b) => ` ${b}`));
    lines.push('End');
    const sol = solver!.solve(lines.join('\n'), { primal_feasibility_tolerance: 1e-10, dual_feasibility_tolerance: 1e-10 });
    if (sol.Status === 'Optimal') {
      status[o] = 0;
      value[o] = spec.kind === 'radial' && spec.orientation === 'out' ? 1 / sol.ObjectiveValue : sol.ObjectiveValue;
      if (comps) {
        const c = (nm: string) => sol.Columns[nm]?.Primal ?? 0;
        for (let i = 0; i < m; i++) comps[i * k + o] = c(`bx${i}`);
        for (let r = 0; r < s; r++) comps[(m + r) * k + o] = c(`by${r}`);
        for (let q = 0; q < h; q++) comps[(m + s + q) * k + o] = c(`bb${q}`);
      }
    } else {
      status[o] = sol.Status === 'Infeasible' ? 1 : sol.Status === 'Unbounded' ? 2 : sol.Status.includes('infeasible') ? 1 : 3;
      value[o] = NaN;
    }
  }
  return comps ? { value, status, components: comps } : { value, status };
};
