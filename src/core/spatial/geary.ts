// Geary's C with normality, randomisation and permutation inference (methods.md L4).
// Geary, R. C. (1954). The contiguity ratio and statistical mapping. The Incorporated Statistician 5(3), 115–145;
// Cliff, A. D. & Ord, J. K. (1981), ch. 2.
//
// C = (n−1)·Σ_iΣ_j w_ij (x_i − x_j)² / (2·S0·Σ(x − x̄)²), E[C] = 1.
// Var_N = [(2S1 + S2)(n−1) − 4S0²]/(2(n+1)S0²);
// Var_R = {(n−1)S1[n² − 3n + 3 − (n−1)K] − ¼(n−1)S2[n² + 3n − 6 − (n² − n + 2)K] + S0²[n² − 3 − (n−1)²K]}
//         /(n(n−2)(n−3)S0²), K = nΣz⁴/(Σz²)² (spdep::geary.test).
// z = (1 − C)/√Var, so a positive z means positive autocorrelation (spdep's order, Cliff & Ord 1973 p. 21);
// esda reports (C − 1)/se, the same number with the opposite sign. Default p two-sided; `greater` is reported.
// `adjustN` (spdep adjust.n = TRUE) reduces n by the number of islands in the places spdep does.
// Permutation: R relabellings (replicate r on stream r), folded pseudo p on #{C_sim ≥ C} as esda.
// Complexity: O(n + nnz) analytic, O(R·(n + nnz)) permutations.

import { createRng, DEFAULT_SEED } from '../random.js';
import { countStatuses, type Result, type Warning, type Status } from '../result.js';
import { SOFTWARE } from '../version.js';
import { UsageError } from '../errors.js';
import type { Panel } from '../panel/panel.js';
import { weightsConstants } from './weights.js';
import { crossSections, weightsCardOf, type WeightsBuilder, normalP, foldedPseudoP, fin, type Alternative, type CrossSectionOptions } from './cross-section.js';
import type { SpatialWeights } from './types.js';

export interface GearyInference { VC: number; z: number; pGreater: number; pTwoSided: number }

export interface GearyTestResult {
  n: number;
  C: number;
  EC: number;
  normality: GearyInference;
  randomisation: GearyInference;
  permutation: { R: number; pSim: number; mean: number; sd: number } | null;
  status: Status;
  reason?: string;
}

function squaredDifferences(w: SpatialWeights, x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < w.ids.length; i++) {
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) { const d = x[i] - x[w.neighbors[k]]; s += w.weights[k] * d * d; }
  }
  return s;
}

function inference(C: number, V: number): GearyInference {
  const z = (1 - C) / Math.sqrt(V);
  return { VC: V, z, pGreater: normalP(z, 'greater'), pTwoSided: normalP(z, 'two-sided') };
}

export function gearyTest(x: ArrayLike<number>, w: SpatialWeights, options: { permutations?: number; seed?: number; adjustN?: boolean } = {}): GearyTestResult {
  const nAll = x.length;
  if (w.ids.length !== nAll) throw new UsageError('weights-shape', `Geary: ${nAll} values for ${w.ids.length} weight rows`);
  const c = weightsConstants(w);
  const n = options.adjustN ? nAll - c.islands : nAll;
  const nan: GearyInference = { VC: NaN, z: NaN, pGreater: NaN, pTwoSided: NaN };
  if (n < 3) return { n, C: NaN, EC: 1, normality: nan, randomisation: nan, permutation: null, status: 'insufficient_data', reason: `n = ${n} < 3 units` };
  let mean = 0;
  for (let i = 0; i < nAll; i++) mean += x[i];
  mean /= nAll;
  let zz = 0, z4 = 0;
  for (let i = 0; i < nAll; i++) { const z = x[i] - mean; zz += z * z; z4 += (z * z) * (z * z); }
  if (zz === 0 || c.S0 === 0) {
    return { n, C: NaN, EC: 1, normality: nan, randomisation: nan, permutation: null, status: 'undefined', reason: zz === 0 ? 'the variable is constant' : 'the weights have no links' };
  }
  const f = (n - 1) / (2 * c.S0 * zz);
  const C = f * squaredDifferences(w, x);
  const K = (n * z4) / (zz * zz);
  // spdep's geary.test uses the adjusted n in n − 1, n − 2, n − 3, n² and K but the full n elsewhere;
  // with adjustN we reproduce that exactly (without islands both are the same n).
  const S02 = c.S0 * c.S0, nn = n * n, n1 = n - 1, nF = nAll;
  const VN = ((2 * c.S1 + c.S2) * n1 - 4 * S02) / (2 * (nF + 1) * S02);
  let randomisation = nan;
  if (n >= 4) {
    let V = n1 * c.S1 * (nn - 3 * nF + 3 - K * n1);
    V -= 0.25 * n1 * c.S2 * (nn + 3 * nF - 6 - K * (nn - nF + 2));
    V += S02 * (nn - 3 - K * n1 * n1);
    V /= nF * (n - 2) * (n - 3) * S02;
    randomisation = inference(C, V);
  }
  let permutation: GearyTestResult['permutation'] = null;
  const R = options.permutations ?? 999;
  if (R > 0) {
    const seed = options.seed ?? DEFAULT_SEED;
    const xp = new Float64Array(nAll);
    let atLeast = 0, s = 0, ss = 0;
    for (let r = 0; r < R; r++) {
      for (let i = 0; i < nAll; i++) xp[i] = x[i];
      const rng = createRng(seed, r);
      for (let i = nAll - 1; i > 0; i--) { const j = rng.int(i + 1); const t = xp[i]; xp[i] = xp[j]; xp[j] = t; }
      const Cs = f * squaredDifferences(w, xp);
      if (Cs >= C) atLeast++;
      s += Cs; ss += Cs * Cs;
    }
    const m = s / R;
    permutation = { R, pSim: foldedPseudoP(atLeast, R), mean: m, sd: Math.sqrt(Math.max(0, (ss - R * m * m) / (R - 1 || 1))) };
  }
  return { n, C, EC: 1, normality: inference(C, VN), randomisation, permutation, status: 'ok' };
}

// ---- panel API -------------------------------------------------------------------------------------------

export interface GearyOptions extends Omit<CrossSectionOptions, 'weights'> {
  weights: SpatialWeights | WeightsBuilder;
  assumption?: 'randomisation' | 'normality';
  alternative?: Exclude<Alternative, 'less'>;
  permutations?: number;
  seed?: number;
  adjustN?: boolean;
}

export interface GearyRow {
  period: number;
  n: number;
  C: number | null;
  EC: number;
  VC: number | null;
  z: number | null;
  p: number | null;
  pSim: number | null;
  normality: { VC: number | null; z: number | null; pGreater: number | null; pTwoSided: number | null };
  randomisation: { VC: number | null; z: number | null; pGreater: number | null; pTwoSided: number | null };
  islands: string[];
  status: Status;
  reason?: string;
}

export function geary(panel: Panel, options: GearyOptions): Result<GearyRow> {
  const assumption = options.assumption ?? 'randomisation';
  const alternative = options.alternative ?? 'two-sided';
  const R = options.permutations ?? 999;
  const seed = options.seed ?? DEFAULT_SEED;
  const rows: GearyRow[] = [];
  const warnings: Warning[] = [];
  const short = (g: GearyInference) => ({ VC: fin(g.VC), z: fin(g.z), pGreater: fin(g.pGreater), pTwoSided: fin(g.pTwoSided) });
  for (const cs of crossSections(panel, options)) {
    const r = gearyTest(cs.x, cs.w, { permutations: R, seed, adjustN: options.adjustN });
    const inf = assumption === 'normality' ? r.normality : r.randomisation;
    const row: GearyRow = {
      period: cs.period, n: r.n, C: fin(r.C), EC: 1, VC: fin(inf.VC), z: fin(inf.z),
      p: fin(alternative === 'greater' ? inf.pGreater : inf.pTwoSided),
      pSim: r.permutation ? fin(r.permutation.pSim) : null,
      normality: short(r.normality), randomisation: short(r.randomisation),
      islands: cs.w.islands, status: r.status,
    };
    if (r.reason) row.reason = r.reason;
    else if (row.VC === null) { row.status = 'undefined'; row.reason = 'randomisation variance needs n ≥ 4'; }
    rows.push(row);
    if (cs.missing.length) warnings.push({ code: 'missing-values', message: `period ${cs.period}: ${cs.missing.length} unit(s) without a value were left out`, count: cs.missing.length, where: { period: cs.period } });
  }
  return {
    method: 'geary',
    params: { value: options.value, assumption, alternative, permutations: R, seed, adjustN: Boolean(options.adjustN) },
    rows,
    summary: { periods: rows.length },
    warnings,
    card: {
      method: 'geary',
      title: { en: "Geary's C", zh: '吉尔里系数' },
      conventions: {
        weights: weightsCardOf(options.weights, panel.ids),
        standardisation: (options.standardise ?? 'W') === 'W' ? 'row-standardised (W) after dropping units without a value' : 'as given',
        expectation: 'E[C] = 1',
        rowVariance: assumption,
        z: 'z = (1 − C)/√Var (positive = positive autocorrelation; spdep order)',
        alternative,
        permutations: R,
        permutationP: 'folded pseudo p on #{C_sim ≥ C} (esda)',
        seed,
      },
      citations: [
        { text: 'Geary, R. C. (1954). The contiguity ratio and statistical mapping. The Incorporated Statistician 5(3), 115–145.', doi: '10.2307/2986645' },
        { text: 'Cliff, A. D. & Ord, J. K. (1981). Spatial Processes: Models and Applications. London: Pion.' },
      ],
      software: SOFTWARE,
      statusCounts: countStatuses(rows),
    },
  };
}
