// Local Moran's I (LISA) with analytic and conditional-permutation inference (methods.md L3).
// Anselin, L. (1995). Local indicators of spatial association — LISA. Geographical Analysis 27(2), 93–115.
// Sokal, R. R., Oden, N. L. & Thomson, B. A. (1998). Geographical Analysis 30(4), 331–354 (conditional moments).
//
// I_i = (z_i/m2)·Σ_j w_ij z_j, z = x − x̄, m2 = Σz²/n (spdep::localmoran with mlvar = TRUE); Σ_i I_i = S0·I.
// `scaling: 'esda'` multiplies I_i, E and SD by (n−1)/n, reproducing esda.Moran_Local (z unchanged).
// Variance conventions (W_i = Σ_j w_ij, W_i2 = Σ_j w_ij²):
//  - 'conditional' (default; spdep ≥ 1.2 conditional = TRUE): E = −z_i²W_i/((n−1)m2),
//    Var = (z_i/m2)²·n/(n−2)·(W_i2 − W_i²/(n−1))·(m2 − z_i²/(n−1));
//  - 'total' (Anselin 1995, spdep conditional = FALSE): E = −W_i/(n−1),
//    Var = A·W_i2 + B·(W_i² − W_i2) − E², A = (n − b2)/(n−1), B = (2b2 − n)/((n−1)(n−2)), b2 = m4/m2².
// Quadrants: strict > 0 (a zero counts as low) of the centred value and of its lag; centre 'zero' (z and W·z,
// pysal/esda, default), 'mean' (x vs mean x, W·x vs mean of W·x) or 'median' (spdep's three variants).
// Labels HH, LH, LL, HL (value first, lag second); codes 1 HH, 2 LH, 3 LL, 4 HL (esda) or with `geodaQuads`
// 1 HH, 2 LL, 3 LH, 4 HL. Conditional permutation: z_i fixed, its |N_i| neighbour values drawn without
// replacement from the other n − 1 (unit i uses stream i of the seeded generator); folded pseudo p as esda.
// Islands (no neighbour): I_i = 0, z and p null. Complexity: O(n + nnz) analytic, O(R·nnz + n²) permutations.

import { createRng, DEFAULT_SEED } from '../random.js';
import { countStatuses, type Result, type Warning, type Status } from '../result.js';
import { SOFTWARE } from '../version.js';
import { UsageError } from '../errors.js';
import type { Panel } from '../panel/panel.js';
import { spatialLag } from './weights.js';
import { crossSections, weightsCardOf, type WeightsBuilder, normalP, foldedPseudoP, fin, byCodePoint, type CrossSectionOptions } from './cross-section.js';
import type { SpatialWeights } from './types.js';

export type QuadrantLabel = 'HH' | 'LH' | 'LL' | 'HL';

export interface LocalMoranOptions {
  variance?: 'conditional' | 'total';
  scaling?: 'spdep' | 'esda';
  quadrantCentre?: 'zero' | 'mean' | 'median';
  geodaQuads?: boolean;
  permutations?: number;
  seed?: number;
}

export interface LocalMoranResult {
  n: number;
  Ii: Float64Array;
  EIi: Float64Array;
  VIi: Float64Array;
  ZIi: Float64Array;
  pTwoSided: Float64Array;
  pGreater: Float64Array;
  pSim: Float64Array | null;
  quadrant: QuadrantLabel[];
  quadrantCode: Int8Array;
  island: Uint8Array;
  lag: Float64Array;
}

const ESDA_CODES: Record<QuadrantLabel, number> = { HH: 1, LH: 2, LL: 3, HL: 4 };
const GEODA_CODES: Record<QuadrantLabel, number> = { HH: 1, LL: 2, LH: 3, HL: 4 };

function median(a: Float64Array): number {
  const s = Float64Array.from(a).sort();
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Local Moran statistics for x under weights w (already standardised as wanted). */
export function localMoranStatistics(x: ArrayLike<number>, w: SpatialWeights, options: LocalMoranOptions = {}): LocalMoranResult {
  const n = x.length;
  if (w.ids.length !== n) throw new UsageError('weights-shape', `LISA: ${n} values for ${w.ids.length} weight rows`);
  const variance = options.variance ?? 'conditional';
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i];
  mean /= n;
  const z = new Float64Array(n);
  let m2 = 0, m4 = 0;
  for (let i = 0; i < n; i++) { z[i] = x[i] - mean; m2 += z[i] * z[i]; m4 += (z[i] * z[i]) * (z[i] * z[i]); }
  m2 /= n; m4 /= n;
  const b2 = m4 / (m2 * m2);
  const lag = spatialLag(w, z);
  const scale = options.scaling === 'esda' ? (n - 1) / n : 1;
  const Ii = new Float64Array(n), EIi = new Float64Array(n), VIi = new Float64Array(n), ZIi = new Float64Array(n);
  const pTwo = new Float64Array(n), pGr = new Float64Array(n);
  const island = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let Wi = 0, Wi2 = 0;
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) { Wi += w.weights[k]; Wi2 += w.weights[k] ** 2; }
    if (Wi === 0) island[i] = 1;
    const I = (z[i] / m2) * lag[i];
    let E: number, V: number;
    if (variance === 'conditional') {
      E = (-(z[i] * z[i]) * Wi) / ((n - 1) * m2);
      V = (z[i] / m2) ** 2 * (n / (n - 2)) * (Wi2 - (Wi * Wi) / (n - 1)) * (m2 - (z[i] * z[i]) / (n - 1));
    } else {
      E = -Wi / (n - 1);
      const A = (n - b2) / (n - 1);
      const B = (2 * b2 - n) / ((n - 1) * (n - 2));
      V = A * Wi2 + B * (Wi * Wi - Wi2) - E * E;
    }
    const Z = island[i] || !(V > 0) ? NaN : (I - E) / Math.sqrt(V);
    Ii[i] = I * scale; EIi[i] = E * scale; VIi[i] = V * scale * scale; ZIi[i] = Z;
    pTwo[i] = Number.isFinite(Z) ? normalP(Z, 'two-sided') : NaN;
    pGr[i] = Number.isFinite(Z) ? normalP(Z, 'greater') : NaN;
  }
  // Quadrants.
  const centre = options.quadrantCentre ?? 'zero';
  let a: ArrayLike<number> = z, b: ArrayLike<number> = lag, ca = 0, cb = 0;
  if (centre !== 'zero') {
    const xs = Float64Array.from(x);
    const lx = spatialLag(w, xs);
    a = xs; b = lx;
    if (centre === 'mean') { ca = mean; let s = 0; for (let i = 0; i < n; i++) s += lx[i]; cb = s / n; }
    else { ca = median(xs); cb = median(lx); }
  }
  const quadrant: QuadrantLabel[] = [];
  const quadrantCode = new Int8Array(n);
  const codes = options.geodaQuads ? GEODA_CODES : ESDA_CODES;
  for (let i = 0; i < n; i++) {
    const q = `${a[i] > ca ? 'H' : 'L'}${b[i] > cb ? 'H' : 'L'}` as QuadrantLabel;
    quadrant.push(q);
    quadrantCode[i] = codes[q];
  }
  // Conditional permutation.
  let pSim: Float64Array | null = null;
  const R = options.permutations ?? 999;
  if (R > 0 && n > 1) {
    pSim = new Float64Array(n).fill(NaN);
    const seed = options.seed ?? DEFAULT_SEED;
    const others = new Int32Array(n - 1);
    for (let i = 0; i < n; i++) {
      const k0 = w.offsets[i], ki = w.offsets[i + 1] - k0;
      if (island[i] || ki === 0 || ki > n - 1) continue;
      for (let j = 0, p = 0; j < n; j++) if (j !== i) others[p++] = j;
      const rng = createRng(seed, i);
      const obs = (z[i] / m2) * lag[i];
      const f = z[i] / m2;
      let atLeast = 0;
      for (let r = 0; r < R; r++) {
        let s = 0;
        for (let t = 0; t < ki; t++) {
          const u = t + rng.int(n - 1 - t);
          const tmp = others[t]; others[t] = others[u]; others[u] = tmp;
          s += w.weights[k0 + t] * z[others[t]];
        }
        if (f * s >= obs) atLeast++;
      }
      pSim[i] = foldedPseudoP(atLeast, R);
    }
  }
  return { n, Ii, EIi, VIi, ZIi, pTwoSided: pTwo, pGreater: pGr, pSim, quadrant, quadrantCode, island, lag };
}

// ---- panel API -------------------------------------------------------------------------------------------

export interface LisaOptions extends Omit<CrossSectionOptions, 'weights'>, LocalMoranOptions {
  weights: SpatialWeights | WeightsBuilder;
  /** Significance level for the cluster label (default 0.05). */
  alpha?: number;
}

export interface LisaRow {
  period: number;
  id: string;
  value: number | null;
  /** Spatial lag W·x of the value (the neighbours' weighted mean under row-standardised weights). */
  lag: number | null;
  Ii: number | null;
  EIi: number | null;
  VIi: number | null;
  z: number | null;
  p: number | null;
  pGreater: number | null;
  pSim: number | null;
  quadrant: QuadrantLabel | null;
  quadrantCode: number | null;
  /** The quadrant label when significant at alpha (pSim if permutations were run, else p), else 'ns'. */
  cluster: QuadrantLabel | 'ns' | null;
  status: Status;
  reason?: string;
}

/** Local Moran's I per unit and period. */
export function lisa(panel: Panel, options: LisaOptions): Result<LisaRow> {
  const variance = options.variance ?? 'conditional';
  const R = options.permutations ?? 999;
  const seed = options.seed ?? DEFAULT_SEED;
  const alpha = options.alpha ?? 0.05;
  const rows: LisaRow[] = [];
  const warnings: Warning[] = [];
  for (const cs of crossSections(panel, options)) {
    const n = cs.ids.length;
    const periodRows: LisaRow[] = [];
    if (n < 3) {
      for (const id of cs.ids) periodRows.push(nullRow(cs.period, id, 'insufficient_data', `only ${n} units with a value in this period`));
    } else {
      const r = localMoranStatistics(cs.x, cs.w, { ...options, permutations: R, seed });
      const lagX = spatialLag(cs.w, cs.x);
      let constant = true;
      for (let i = 1; i < n; i++) if (cs.x[i] !== cs.x[0]) constant = false;
      for (let i = 0; i < n; i++) {
        const id = cs.ids[i];
        if (constant) { periodRows.push(nullRow(cs.period, id, 'undefined', 'the variable is constant in this period')); continue; }
        const p = fin(r.pTwoSided[i]);
        const pSim = r.pSim ? fin(r.pSim[i]) : null;
        const pc = r.pSim ? pSim : p;
        const row: LisaRow = {
          period: cs.period, id,
          value: cs.x[i], lag: fin(lagX[i]),
          Ii: fin(r.Ii[i]), EIi: fin(r.EIi[i]), VIi: fin(r.VIi[i]), z: fin(r.ZIi[i]),
          p, pGreater: fin(r.pGreater[i]), pSim,
          quadrant: r.quadrant[i], quadrantCode: r.quadrantCode[i],
          cluster: pc === null ? null : pc < alpha ? r.quadrant[i] : 'ns',
          status: 'ok',
        };
        if (r.island[i]) { row.status = 'undefined'; row.reason = 'island: no neighbour, so no local test'; row.cluster = null; }
        else if (row.z === null) { row.status = 'undefined'; row.reason = 'zero variance (the unit sits at the mean)'; }
        periodRows.push(row);
      }
    }
    for (const id of cs.missing) periodRows.push(nullRow(cs.period, id, 'insufficient_data', 'no value in this period'));
    periodRows.sort((a, b) => byCodePoint(a.id, b.id));
    rows.push(...periodRows);
    if (cs.w.islands.length) warnings.push({ code: 'islands', message: `period ${cs.period}: no neighbour for ${cs.w.islands.join(', ')}; their local statistics are null`, count: cs.w.islands.length, where: { period: cs.period } });
  }
  const quadrantCentre = options.quadrantCentre ?? 'zero';
  return {
    method: 'lisa',
    params: { value: options.value, variance, scaling: options.scaling ?? 'spdep', quadrantCentre, geodaQuads: Boolean(options.geodaQuads), permutations: R, seed, alpha },
    rows,
    summary: summarise(rows),
    warnings,
    card: {
      method: 'lisa',
      title: { en: "Local Moran's I (LISA)", zh: '局部莫兰指数（LISA）' },
      conventions: {
        weights: weightsCardOf(options.weights, panel.ids),
        standardisation: (options.standardise ?? 'W') === 'W' ? 'row-standardised (W) after dropping units without a value' : 'as given',
        statistic: 'I_i = (z_i/m2) Σ_j w_ij z_j, m2 = Σz²/n',
        scaling: options.scaling === 'esda' ? 'esda: × (n−1)/n' : 'spdep (m2 = Σz²/n)',
        variance: variance === 'conditional' ? 'conditional randomisation (spdep ≥ 1.2 default, Sokal et al. 1998)' : 'total randomisation (Anselin 1995)',
        p: 'two-sided normal p of Z = (I_i − E)/√Var; p_greater also given',
        quadrants: `strict > 0 about ${quadrantCentre}; labels value-lag; codes ${options.geodaQuads ? '1 HH, 2 LL, 3 LH, 4 HL (GeoDa)' : '1 HH, 2 LH, 3 LL, 4 HL (esda)'}`,
        permutations: R,
        permutationScheme: 'conditional: z_i fixed, |N_i| neighbour values drawn without replacement from the other n−1; unit i on stream i',
        permutationP: 'folded pseudo p (esda)',
        cluster: `quadrant when ${R > 0 ? 'pSim' : 'p'} < ${alpha}, else ns`,
        seed,
        islands: 'I_i = 0; z and p null',
      },
      citations: [
        { text: 'Anselin, L. (1995). Local indicators of spatial association—LISA. Geographical Analysis 27(2), 93–115.', doi: '10.1111/j.1538-4632.1995.tb00338.x' },
        { text: 'Sokal, R. R., Oden, N. L. & Thomson, B. A. (1998). Local spatial autocorrelation in a biological model. Geographical Analysis 30(4), 331–354.', doi: '10.1111/j.1538-4632.1998.tb00406.x' },
      ],
      software: SOFTWARE,
      statusCounts: countStatuses(rows),
    },
  };
}

function nullRow(period: number, id: string, status: Status, reason: string): LisaRow {
  return { period, id, value: null, lag: null, Ii: null, EIi: null, VIi: null, z: null, p: null, pGreater: null, pSim: null, quadrant: null, quadrantCode: null, cluster: null, status, reason };
}

function summarise(rows: LisaRow[]): Record<string, unknown> {
  const byPeriod: Record<string, Record<string, number>> = {};
  for (const r of rows) {
    if (!r.cluster) continue;
    const k = String(r.period);
    byPeriod[k] ??= { HH: 0, LH: 0, LL: 0, HL: 0, ns: 0 };
    byPeriod[k][r.cluster]++;
  }
  return { clusters: byPeriod };
}
