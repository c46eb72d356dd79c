// Cross-efficiency against deaR's cross_efficiency on Golany & Roll (1989): the diagonal (CCR efficiency) is unique;
// for the Doyle & Green secondary goals the appraisals e_j are compared where the secondary optimum is unique, and
// otherwise our multipliers must reach the same secondary objective value as deaR's (feasible and optimal).
import { describe, expect, test } from 'vitest';
import { crossEfficiency } from '../../../src/core/frontier/index.js';
import { loadFixture } from './fixtures.js';

const fx = loadFixture('golany_roll_1989_cross_efficiency_io_crs');
const j = fx.json;
const ids: string[] = j.dmus;
const col = (v: string) => fx.data.columns[v] as number[];

function secondaryObjective(u: number[], v: number[], i: number, kind: 'm2' | 'm3'): number {
  let t = 0;
  for (let k = 0; k < ids.length; k++) {
    if (k === i) continue;
    const uy = fx.goods.reduce((a, o, q) => a + u[q] * col(o)[k], 0);
    const vx = fx.inputs.reduce((a, x, q) => a + v[q] * col(x)[k], 0);
    t += kind === 'm2' ? uy - vx : uy / (kind === 'm3' ? 1 : 1);
  }
  if (kind === 'm3') {
    // normalise by Σ_{j≠i} v'x_j (= 1 in the LP)
    let den = 0;
    for (let k = 0; k < ids.length; k++) if (k !== i) den += fx.inputs.reduce((a, x, q) => a + v[q] * col(x)[k], 0);
    return t / den;
  }
  const vxi = fx.inputs.reduce((a, x, q) => a + v[q] * col(x)[i], 0);
  return t / vxi;
}

describe('cross-efficiency (golany_roll_1989_cross_efficiency_io_crs)', () => {
  for (const [method, secondary, key] of [
    ['arbitrary', 'm2', 'Arbitrary'], ['aggressive', 'm2', 'M2_agg'], ['benevolent', 'm2', 'M2_ben'],
    ['aggressive', 'm3', 'M3_agg'], ['benevolent', 'm3', 'M3_ben'],
  ] as const) {
    test(`${key}`, () => {
      const res = crossEfficiency(fx.data, { inputs: fx.inputs, outputs: fx.goods, method, secondary });
      const ref = j.methods[key];
      res.rows.forEach((row, k) => {
        expect(row.status).toBe('optimal');
        expect(Math.abs((row.efficiency as number) - j.efficiency[k])).toBeLessThan(1e-8);
        // the diagonal of the matrix is the CCR efficiency
        const diag = (res.summary.matrix as number[][])[k][k];
        expect(Math.abs(diag - j.efficiency[k])).toBeLessThan(1e-8);
        if (method === 'arbitrary') return;
        const u = fx.goods.map((o) => row.multipliers!.outputs[o]);
        const v = fx.inputs.map((x) => row.multipliers!.inputs[x]);
        const ours = secondaryObjective(u, v, k, secondary);
        const theirs = secondaryObjective(ref.multiplier_output[k], ref.multiplier_input[k], k, secondary);
        expect(Math.abs(ours - theirs), `${key} rater ${ids[k]} secondary objective`).toBeLessThan(1e-6 * Math.max(1, Math.abs(theirs)));
      });
      if (method !== 'arbitrary') {
        // here every rater's secondary optimum is unique, so the appraisals agree with deaR
        res.rows.forEach((row, k) => expect(Math.abs((row.crossEfficiency as number) - ref.e[k]), `${key} e ${ids[k]}`).toBeLessThan(1e-9));
        res.rows.forEach((row, k) => expect(Math.abs((row.maverick as number) - ref.maverick[k])).toBeLessThan(1e-8));
      }
    });
  }
});
