// Global Moran's I with normality, randomisation and permutation inference (methods.md L2).
// Moran, P. A. P. (1950). Biometrika 37, 17–23; Cliff, A. D. & Ord, J. K. (1981). Spatial Processes, ch. 1–2.
//
// I = (n/S0)·zᵀWz/zᵀz with z = x − x̄; E[I] = −1/(n−1).
// Var_N = (n²S1 − nS2 + 3S0²)/((n²−1)S0²) − E[I]²;
// Var_R = {n[(n²−3n+3)S1 − nS2 + 3S0²] − b2[(n²−n)S1 − 2nS2 + 6S0²]}/((n−1)(n−2)(n−3)S0²) − E[I]², b2 = nΣz⁴/(Σz²)².
// These are spdep::moran.test's formulas (randomisation=FALSE/TRUE). Default p is two-sided (esda); the
// one-sided `greater` p (spdep's default) is always reported too. Permutation: R = 999 random relabellings,
// replicate r drawn from stream r of the seeded generator (so parallel = serial), folded pseudo p as esda.
// `adjustN` reproduces spdep's adjust.n = TRUE (n reduced by the number of islands); default false (esda).
// Complexity: O(n + nnz) for the analytic test, O(R·(n + nnz)) for the permutation test.

import { createRng, DEFAULT_SEED } from '../random.js';
import { countStatuses, type Result, type Warning, type Status } from '../result.js';
import { SOFTWARE } from '../version.js';
import { UsageError } from '../errors.js';
import type { Panel } from '../panel/panel.js';
import { weightsConstants } from './weights.js';
import { crossSections, weightsCardOf, type WeightsBuilder, normalP, foldedPseudoP, fin, type Alternative, type CrossSectionOptions } from './cross-section.js';
import type { SpatialWeights } from './types.js';

export interface MoranTestOptions {
  /** Number of random permutations (default 999; 0 = none). */
  permutations?: number;
  seed?: number;
  /** spdep adjust.n: n reduced by the number of islands (default false). */
  adjustN?: boolean;
}

export interface MoranInference { VI: number; z: number; pGreater: number; pLess: number; pTwoSided: number }

export interface MoranTestResult {
  n: number;
  I: number;
  EI: number;
  normality: MoranInference;
  randomisation: MoranInference;
  permutation: { R: number; pSim: number; mean: number; sd: number; z: number } | null;
  S0: number; S1: number; S2: number; b2: number;
  islands: number;
  /** 'ok', or why the statistic is undefined. */
  status: Status;
  reason?: string;
}

function inference(I: number, EI: number, VI: number): MoranInference {
  const z = (I - EI) / Math.sqrt(VI);
  return { VI, z, pGreater: normalP(z, 'greater'), pLess: normalP(z, 'less'), pTwoSided: normalP(z, 'two-sided') };
}

/** zᵀWz for a vector z. */
function crossProduct(w: SpatialWeights, z: ArrayLike<number>): number {
  let s = 0;
  const n = w.ids.length;
  for (let i = 0; i < n; i++) {
    let l = 0;
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) l += w.weights[k] * z[w.neighbors[k]];
    s += z[i] * l;
  }
  return s;
}

/** Global Moran's I of x under weights w (already standardised as wanted). */
export function moranTest(x: ArrayLike<number>, w: SpatialWeights, options: MoranTestOptions = {}): MoranTestResult {
  const nAll = x.length;
  if (w.ids.length !== nAll) throw new UsageError('weights-shape', `Moran: ${nAll} values for ${w.ids.length} weight rows`);
  const c = weightsConstants(w);
  const n = options.adjustN ? nAll - c.islands : nAll;
  const nan: MoranInference = { VI: NaN, z: NaN, pGreater: NaN, pLess: NaN, pTwoSided: NaN };
  const base = { n, S0: c.S0, S1: c.S1, S2: c.S2, islands: c.islands, permutation: null };
  if (n < 3) return { ...base, I: NaN, EI: NaN, b2: NaN, normality: nan, randomisation: nan, status: 'insufficient_data', reason: `n = ${n} < 3 units` };
  let mean = 0;
  for (let i = 0; i < nAll; i++) mean += x[i];
  mean /= nAll;
  const z = new Float64Array(nAll);
  let zz = 0, z4 = 0;
  for (let i = 0; i < nAll; i++) { z[i] = x[i] - mean; zz += z[i] * z[i]; z4 += (z[i] * z[i]) * (z[i] * z[i]); }
  const EI = -1 / (n - 1);
  if (zz === 0 || c.S0 === 0) {
    const reason = zz === 0 ? 'the variable is constant' : 'the weights have no links';
    return { ...base, I: NaN, EI, b2: NaN, normality: nan, randomisation: nan, status: 'undefined', reason };
  }
  const I = (n / c.S0) * (crossProduct(w, z) / zz);
  const b2 = (nAll * z4) / (zz * zz);
  const S02 = c.S0 * c.S0, n2 = n * n;
  const VN = (n2 * c.S1 - n * c.S2 + 3 * S02) / ((n2 - 1) * S02) - EI * EI;
  const normality = inference(I, EI, VN);
  let randomisation = nan;
  if (n >= 4) {
    const A = n * ((n2 - 3 * n + 3) * c.S1 - n * c.S2 + 3 * S02);
    const B = b2 * ((n2 - n) * c.S1 - 2 * n * c.S2 + 6 * S02);
    const VR = (A - B) / ((n - 1) * (n - 2) * (n - 3) * S02) - EI * EI;
    randomisation = inference(I, EI, VR);
  }
  let permutation: MoranTestResult['permutation'] = null;
  const R = options.permutations ?? 999;
  if (R > 0) {
    const seed = options.seed ?? DEFAULT_SEED;
    const zp = new Float64Array(nAll);
    let atLeast = 0, s = 0, ss = 0;
    const f = n / c.S0 / zz;
    for (let r = 0; r < R; r++) {
      zp.set(z);
      const rng = createRng(seed, r);
      for (let i = nAll - 1; i > 0; i--) { const j = rng.int(i + 1); const t = zp[i]; zp[i] = zp[j]; zp[j] = t; }
      const Is = f * crossProduct(w, zp);
      if (Is >= I) atLeast++;
      s += Is; ss += Is * Is;
    }
    const m = s / R;
    const sd = Math.sqrt(Math.max(0, (ss - R * m * m) / (R - 1 || 1)));
    permutation = { R, pSim: foldedPseudoP(atLeast, R), mean: m, sd, z: (I - m) / sd };
  }
  return { ...base, I, EI, b2, normality, randomisation, permutation, status: 'ok' };
}

// ---- panel API -------------------------------------------------------------------------------------------

export interface MoranOptions extends Omit<CrossSectionOptions, 'weights'>, MoranTestOptions {
  weights: SpatialWeights | WeightsBuilder;
  /** Which analytic variance the row's VI, z, p use (default 'randomisation', as spdep's default). */
  assumption?: 'randomisation' | 'normality';
  /** Alternative for the row's p (default 'two-sided', esda). */
  alternative?: Alternative;
}

export interface MoranRow {
  period: number;
  n: number;
  I: number | null;
  EI: number | null;
  VI: number | null;
  z: number | null;
  p: number | null;
  pSim: number | null;
  normality: { VI: number | null; z: number | null; pGreater: number | null; pTwoSided: number | null };
  randomisation: { VI: number | null; z: number | null; pGreater: number | null; pTwoSided: number | null };
  permutation: { R: number; pSim: number | null; mean: number | null; sd: number | null; z: number | null } | null;
  islands: string[];
  status: Status;
  reason?: string;
}

function pick(inf: MoranInference, alternative: Alternative): number {
  return alternative === 'greater' ? inf.pGreater : alternative === 'less' ? inf.pLess : inf.pTwoSided;
}

/** Global Moran's I per period of `value` on the panel. */
export function moran(panel: Panel, options: MoranOptions): Result<MoranRow> {
  const assumption = options.assumption ?? 'randomisation';
  const alternative = options.alternative ?? 'two-sided';
  const R = options.permutations ?? 999;
  const seed = options.seed ?? DEFAULT_SEED;
  const warnings: Warning[] = [];
  const rows: MoranRow[] = [];
  for (const cs of crossSections(panel, options)) {
    const r = moranTest(cs.x, cs.w, { permutations: R, seed, adjustN: options.adjustN });
    const inf = assumption === 'normality' ? r.normality : r.randomisation;
    const short = (m: MoranInference) => ({ VI: fin(m.VI), z: fin(m.z), pGreater: fin(m.pGreater), pTwoSided: fin(m.pTwoSided) });
    const row: MoranRow = {
      period: cs.period,
      n: r.n,
      I: fin(r.I), EI: fin(r.EI), VI: fin(inf.VI), z: fin(inf.z), p: fin(pick(inf, alternative)),
      pSim: r.permutation ? fin(r.permutation.pSim) : null,
      normality: short(r.normality),
      randomisation: short(r.randomisation),
      permutation: r.permutation ? { R, pSim: fin(r.permutation.pSim), mean: fin(r.permutation.mean), sd: fin(r.permutation.sd), z: fin(r.permutation.z) } : null,
      islands: cs.w.islands,
      status: r.status,
    };
    if (r.status === 'ok' && row.VI === null) { row.status = 'undefined'; row.reason = assumption === 'randomisation' ? 'randomisation variance needs n ≥ 4' : 'variance undefined'; }
    if (r.reason) row.reason = r.reason;
    rows.push(row);
    if (cs.missing.length) warnings.push({ code: 'missing-values', message: `period ${cs.period}: ${cs.missing.length} unit(s) without a value were left out before standardising the weights`, count: cs.missing.length, where: { period: cs.period } });
    if (cs.w.islands.length) warnings.push({ code: 'islands', message: `period ${cs.period}: ${cs.w.islands.length} unit(s) have no neighbour: ${cs.w.islands.join(', ')}`, count: cs.w.islands.length, where: { period: cs.period } });
  }
  return {
    method: 'moran',
    params: { value: options.value, assumption, alternative, permutations: R, seed, adjustN: Boolean(options.adjustN), standardise: options.standardise ?? 'W' },
    rows,
    summary: { periods: rows.length },
    warnings,
    card: {
      method: 'moran',
      title: { en: "Global Moran's I", zh: '全局莫兰指数' },
      conventions: {
        weights: weightsCardOf(options.weights, panel.ids),
        standardisation: (options.standardise ?? 'W') === 'W' ? 'row-standardised (W) after dropping units without a value' : 'as given',
        centring: 'z = x − mean(x) over the units analysed',
        expectation: 'E[I] = −1/(n−1)',
        rowVariance: assumption,
        alternative,
        alsoReported: 'normality and randomisation variances, one-sided (greater) and two-sided p',
        permutations: R,
        permutationP: 'folded pseudo p: M = #{I_sim ≥ I}; M = min(M, R − M); p = (M+1)/(R+1) (esda)',
        seed,
        rng: 'xoshiro128**, replicate r on stream r',
        adjustN: Boolean(options.adjustN),
        islands: 'zero rows (spdep zero.policy = TRUE)',
      },
      formulas: [
        'I = (n/S_0) \\sum_i\\sum_j w_{ij} z_i z_j / \\sum_i z_i^2',
        'Var_N(I) = (n^2 S_1 - n S_2 + 3 S_0^2)/((n^2-1) S_0^2) - E[I]^2',
      ],
      citations: [
        { text: 'Moran, P. A. P. (1950). Notes on continuous stochastic phenomena. Biometrika 37(1/2), 17–23.', doi: '10.2307/2332142' },
        { text: 'Cliff, A. D. & Ord, J. K. (1981). Spatial Processes: Models and Applications. London: Pion.' },
      ],
      software: SOFTWARE,
      statusCounts: countStatuses(rows),
    },
  };
}
