// Seeded synthetic production panels for tests and the bench: Cobb–Douglas frontier with technical progress,
// half-normal inefficiency, optional bad output tied to the inputs.
import { createRng } from '../../../src/core/random.js';
import { createPanel, type Panel } from '../../../src/core/panel/panel.js';

export interface SynthOptions { n: number; T: number; m?: number; s?: number; h?: number; seed?: number; progress?: number; drop?: number }

export function syntheticPanel(o: SynthOptions): Panel {
  const { n, T } = o;
  const m = o.m ?? 2;
  const s = o.s ?? 1;
  const h = o.h ?? 0;
  const rng = createRng(o.seed ?? 12345, 7);
  const ids = Array.from({ length: n }, (_, i) => `u${String(i).padStart(5, '0')}`);
  const periods = Array.from({ length: T }, (_, t) => 2000 + t);
  const entity: string[] = [];
  const period: number[] = [];
  const values: Record<string, number[]> = {};
  const names = [...Array.from({ length: m }, (_, i) => `x${i + 1}`), ...Array.from({ length: s }, (_, r) => `y${r + 1}`), ...Array.from({ length: h }, (_, q) => `b${q + 1}`)];
  for (const v of names) values[v] = [];
  for (let i = 0; i < n; i++) {
    const base = Array.from({ length: m }, () => 1 + 9 * rng.uniform());
    for (let t = 0; t < T; t++) {
      if (o.drop && rng.uniform() < o.drop) continue;
      const x = base.map((b) => b * (0.8 + 0.4 * rng.uniform()));
      const lnF = x.reduce((acc, v) => acc + Math.log(v) / (m + 0.5), 0) + (o.progress ?? 0.03) * t;
      const u = Math.abs(rng.normal()) * 0.3;
      entity.push(ids[i]);
      period.push(periods[t]);
      x.forEach((v, k) => values[`x${k + 1}`].push(v));
      for (let r = 0; r < s; r++) values[`y${r + 1}`].push(Math.exp(lnF - u) * (0.5 + rng.uniform()));
      for (let q = 0; q < h; q++) values[`b${q + 1}`].push(x[0] * (0.5 + rng.uniform()));
    }
  }
  return createPanel({ ids, periods, entity, period, values, source: 'synthetic' });
}

export const inputsOf = (m: number) => Array.from({ length: m }, (_, i) => `x${i + 1}`);
export const outputsOf = (s: number) => Array.from({ length: s }, (_, r) => `y${r + 1}`);
export const badsOf = (h: number) => Array.from({ length: h }, (_, q) => `b${q + 1}`);
