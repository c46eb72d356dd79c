// Brute-force O(n²) Dagum (1997) decomposition, written straight from the definitions (methods.md J2) with
// double loops over all pairs. A test reference for the O(n log n) `dagumDecomposition`; not exported from
// the package barrel. Same output shape and conventions (ascending-mean group order, "j|h" with j higher).

import type { DagumDecomposition, DagumGroup, DagumPair } from './dagum.js';

export function dagumBruteForce(values: ArrayLike<number>, groups: ArrayLike<number>, groupNames: readonly string[]): DagumDecomposition {
  const n = values.length;
  const members: number[][] = groupNames.map(() => []);
  for (let i = 0; i < n; i++) members[groups[i]].push(values[i]);
  let tot = 0;
  for (let i = 0; i < n; i++) tot += values[i];
  const mu = tot / n;
  let sAll = 0;
  for (let i = 0; i < n; i++) for (let r = 0; r < n; r++) sAll += Math.abs(values[i] - values[r]);
  const G = sAll / (2 * n * n * mu);
  const idx = groupNames.map((_, g) => g).filter((g) => members[g].length > 0);
  const meanOf = (g: number) => members[g].reduce((a, b) => a + b, 0) / members[g].length;
  idx.sort((a, b) => meanOf(a) - meanOf(b) || (groupNames[a] < groupNames[b] ? -1 : 1));
  const within: Record<string, DagumGroup> = {};
  let Gw = 0;
  for (const g of idx) {
    const y = members[g];
    const nj = y.length;
    const mj = meanOf(g);
    let sj = 0;
    for (const a of y) for (const b of y) sj += Math.abs(a - b);
    const Gjj = mj > 0 ? sj / (2 * nj * nj * mj) : null;   // 0/0 for an all-zero group: null, no contribution
    const p = nj / n;
    const s = (nj * mj) / (n * mu);
    const cw = Gjj === null ? 0 : Gjj * p * s;
    within[groupNames[g]] = { n: nj, mean: mj, p, s, G_jj: Gjj, contribution_w: cw };
    Gw += cw;
  }
  const between: Record<string, DagumPair> = {};
  let Gnb = 0;
  let Gt = 0;
  for (let a = 1; a < idx.length; a++) {
    for (let b = 0; b < a; b++) {
      const j = idx[a];
      const h = idx[b];
      let abs = 0;
      let dPos = 0;
      let pPos = 0;
      for (const x of members[j]) {
        for (const z of members[h]) {
          abs += Math.abs(x - z);
          dPos += Math.max(x - z, 0);
          pPos += Math.max(z - x, 0);
        }
      }
      const nn = members[j].length * members[h].length;
      const Gjh = meanOf(j) + meanOf(h) > 0 ? abs / (nn * (meanOf(j) + meanOf(h))) : null;
      const d = dPos / nn;
      const pp = pPos / nn;
      const D = d + pp > 0 ? (d - pp) / (d + pp) : 0;
      const wj = within[groupNames[j]];
      const wh = within[groupNames[h]];
      const weight = wj.p * wh.s + wh.p * wj.s;
      between[`${groupNames[j]}|${groupNames[h]}`] = {
        j: groupNames[j], h: groupNames[h], G_jh: Gjh, d_jh: d, p_jh: pp, D_jh: D,
        weight_pj_sh_plus_ph_sj: weight,
        contribution_nb: Gjh === null ? 0 : Gjh * weight * D,
        contribution_t: Gjh === null ? 0 : Gjh * weight * (1 - D),
      };
      Gnb += between[`${groupNames[j]}|${groupNames[h]}`].contribution_nb;
      Gt += between[`${groupNames[j]}|${groupNames[h]}`].contribution_t;
    }
  }
  return {
    n, mean: mu, G, Gw, Gnb, Gt, share_w: Gw / G, share_nb: Gnb / G, share_t: Gt / G,
    groupOrder: idx.map((g) => groupNames[g]), within, between,
    omittedGroups: groupNames.filter((_, g) => members[g].length === 0), status: 'ok',
  };
}
