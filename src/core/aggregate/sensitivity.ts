// Weight sensitivity by Monte Carlo (issue 3 item 7; none of the anchor tools offers it).
//
// Draw weight vectors w̃ ~ Dirichlet(c·w) around the estimated weights w (concentration c, default 200:
// larger c = smaller perturbations; E[w̃] = w, Var w̃_j = w_j(1 − w_j)/(c + 1)). Zero weights stay 0.
// For each draw recompute the scores, rank within each period, and report for every row the median and
// 5–95% band (type-7 quantiles) of its rank, and for each draw the Spearman correlation of the perturbed
// ranking with the base ranking (averaged over periods). Draw r uses the PRNG stream (seed, r), so results
// do not depend on the order draws are computed in. O(draws · cost of one scoring).

import { createRng } from '../random.js';
import type { RowGroups } from '../normalize/matrix.js';
import { rankWithinGroups, averageRanksAscending } from './rank.js';
import { quantileSorted } from '../math/stats.js';

export interface SensitivityOptions {
  draws?: number;
  concentration?: number;
  seed?: number;
  groups?: RowGroups;
  /** ranks ascending (VIKOR Q) */
  ascending?: boolean;
}

export interface SensitivityResult {
  draws: number;
  concentration: number;
  seed: number;
  rankMedian: Float64Array;
  rankP05: Float64Array;
  rankP95: Float64Array;
  /** Spearman ρ of each draw's ranking with the base ranking (mean over periods) */
  spearman: Float64Array;
  spearmanSummary: { median: number; p05: number; p95: number; min: number };
}

/** Dirichlet(α) draw (zero α → 0). */
export function dirichletDraw(alpha: ArrayLike<number>, rng: ReturnType<typeof createRng>): Float64Array {
  const out = new Float64Array(alpha.length);
  let s = 0;
  for (let j = 0; j < alpha.length; j++) {
    out[j] = alpha[j] > 0 ? rng.gamma(alpha[j]) : 0;
    s += out[j];
  }
  for (let j = 0; j < alpha.length; j++) out[j] /= s;
  return out;
}

function spearman(a: Int32Array, b: Int32Array, rows: number[]): number {
  const ra = averageRanksAscending(a, rows);
  const rb = averageRanksAscending(b, rows);
  const n = rows.length;
  let ma = 0, mb = 0;
  for (let k = 0; k < n; k++) { ma += ra[k]; mb += rb[k]; }
  ma /= n; mb /= n;
  let sab = 0, saa = 0, sbb = 0;
  for (let k = 0; k < n; k++) { const x = ra[k] - ma, y = rb[k] - mb; sab += x * y; saa += x * x; sbb += y * y; }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 1;
}

export function weightSensitivity(score: (w: Float64Array) => Float64Array, baseWeights: ArrayLike<number>, options: SensitivityOptions = {}): SensitivityResult {
  const draws = options.draws ?? 500;
  const c = options.concentration ?? 200;
  const seed = options.seed ?? 12345;
  const base = score(Float64Array.from(baseWeights));
  const N = base.length;
  const baseRank = rankWithinGroups(base, options.groups, options.ascending);
  const G = options.groups ? options.groups.nGroups : 1;
  const members: number[][] = Array.from({ length: G }, () => []);
  for (let q = 0; q < N; q++) if (baseRank[q] > 0) members[options.groups ? options.groups.group[q] : 0].push(q);
  const alpha = Float64Array.from(baseWeights, (w) => w * c);
  const ranks = new Int32Array(draws * N);
  const rho = new Float64Array(draws);
  for (let d = 0; d < draws; d++) {
    const rng = createRng(seed, d);
    const w = dirichletDraw(alpha, rng);
    const rk = rankWithinGroups(score(w), options.groups, options.ascending);
    ranks.set(rk, d * N);
    let acc = 0, cnt = 0;
    for (const rows of members) if (rows.length > 1) { acc += spearman(baseRank, rk, rows); cnt++; }
    rho[d] = cnt ? acc / cnt : 1;
  }
  const rankMedian = new Float64Array(N), rankP05 = new Float64Array(N), rankP95 = new Float64Array(N);
  const buf = new Float64Array(draws);
  for (let q = 0; q < N; q++) {
    if (baseRank[q] === 0) { rankMedian[q] = rankP05[q] = rankP95[q] = NaN; continue; }
    for (let d = 0; d < draws; d++) buf[d] = ranks[d * N + q];
    buf.sort();
    rankMedian[q] = quantileSorted(buf, 0.5);
    rankP05[q] = quantileSorted(buf, 0.05);
    rankP95[q] = quantileSorted(buf, 0.95);
  }
  const sr = Float64Array.from(rho).sort();
  return {
    draws, concentration: c, seed, rankMedian, rankP05, rankP95, spearman: rho,
    spearmanSummary: { median: quantileSorted(sr, 0.5), p05: quantileSorted(sr, 0.05), p95: quantileSorted(sr, 0.95), min: sr[0] },
  };
}
