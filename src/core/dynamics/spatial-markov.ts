// Spatial Markov chain: class transitions conditioned on the class of the spatial lag (methods.md K3).
// Rey, S. J. (2001). Spatial empirics for economic growth and convergence. Geographical Analysis 33(3),
// 195–214. Homogeneity tests: Bickenbach & Bode (2003) (homogeneity.ts). Anchor: giddy `Spatial_Markov`
// with `fixed=True`.
//
// Conventions: W is row-standardised here when it is not already (style 'W'); the lag L_it = Σ_j w_ij y_jt
// is computed per period from the same (possibly relative) values that are classed; a unit without
// neighbours (island) gets lag 0 and is kept, as giddy does, and flagged; a lag with a missing neighbour
// value is missing. Lag classes: m (= k by default) pooled type-7 quantiles of all lag values, right-closed.
// A transition t → t + d is conditioned on the lag class at the start t. One k × k matrix per lag class;
// empty rows are 0 and flagged, never NaN. O(T·nnz(W) + n·T + m·k³).

import type { Panel } from '../panel/panel.js';
import type { Result, Warning } from '../result.js';
import type { SpatialWeights } from '../spatial/types.js';
import { DataError } from '../errors.js';
import { valueMatrix, classMatrix, countTransitions, transitionProbabilities, type ClassingOptions } from './transitions.js';
import { analyseChain, chainWarnings, checkLag, classRows, markovCard, type ChainAnalysis, type MarkovOptions } from './markov.js';
import { markovHomogeneity, type HomogeneityTest } from './homogeneity.js';

export interface SpatialMarkovOptions extends MarkovOptions {
  /** Number of lag classes m (default k). */
  lagK?: number;
  /** Lag-class cut-offs: pooled (default) or per period, or user cut-offs. */
  lagScope?: ClassingOptions['scope'];
  lagCutoffs?: readonly number[];
  /** df contribution of a class that never starts a transition: 'skip' (Bickenbach & Bode, default) or 'giddy' (+1). */
  emptyRowDf?: 'skip' | 'giddy';
}

export interface SpatialMarkovRow {
  /** Lag class at the start of the transition (1-based). */
  lagClass: number;
  from: number;
  n: number;
  counts: number[];
  probabilities: number[];
  empty: boolean;
}

export interface SpatialMarkovRegime extends ChainAnalysis {
  lagClass: number;
  counts: number[][];
  transitions: number;
}

/** Spatial lag W·y per period (row-standardised W in panel id order). Islands → 0. NaN if a neighbour is missing. */
export function spatialLagMatrix(y: Float64Array, n: number, T: number, W: { offsets: Int32Array; neighbors: Int32Array; weights: Float64Array }): Float64Array {
  const lag = new Float64Array(n * T);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < T; t++) {
      let s = 0;
      for (let e = W.offsets[i]; e < W.offsets[i + 1]; e++) s += W.weights[e] * y[W.neighbors[e] * T + t];
      lag[i * T + t] = s;
    }
  }
  return lag;
}

/** Reorder W to the panel's ids and row-standardise it. Errors name ids missing on either side. */
export function alignWeights(panel: Panel, w: SpatialWeights): { offsets: Int32Array; neighbors: Int32Array; weights: Float64Array; islands: string[]; standardised: boolean } {
  const n = panel.ids.length;
  const wIndex = new Map<string, number>();
  w.ids.forEach((id, r) => wIndex.set(id, r));
  const missing = panel.ids.filter((id) => !wIndex.has(id));
  if (missing.length) {
    throw new DataError('weights-mismatch', `${missing.length} unit(s) of the data have no row in the spatial weights: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ' …' : ''}`, { file: panel.source, id: missing[0] }, 'use weights built for exactly the analysed units (same ids)');
  }
  const pIndex = new Map<string, number>();
  panel.ids.forEach((id, i) => pIndex.set(id, i));
  const extra = w.ids.filter((id) => !pIndex.has(id));
  if (extra.length) {
    throw new DataError('weights-mismatch', `the spatial weights have ${extra.length} unit(s) not in the data: ${extra.slice(0, 10).join(', ')}${extra.length > 10 ? ' …' : ''}`, { id: extra[0] }, 'build the weights on the analysed subset (drop those units first, then standardise)');
  }
  const offsets = new Int32Array(n + 1);
  const nb: number[] = [];
  const wt: number[] = [];
  const islands: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = wIndex.get(panel.ids[i])!;
    let s = 0;
    for (let e = w.offsets[r]; e < w.offsets[r + 1]; e++) s += w.weights[e];
    const start = nb.length;
    for (let e = w.offsets[r]; e < w.offsets[r + 1]; e++) {
      if (w.weights[e] === 0) continue;
      nb.push(pIndex.get(w.ids[w.neighbors[e]])!);
      wt.push(w.style === 'W' ? w.weights[e] : w.weights[e] / s);
    }
    if (nb.length === start) islands.push(panel.ids[i]);
    offsets[i + 1] = nb.length;
  }
  return { offsets, neighbors: Int32Array.from(nb), weights: Float64Array.from(wt), islands, standardised: w.style !== 'W' };
}

export function spatialMarkov(panel: Panel, weights: SpatialWeights, options: SpatialMarkovOptions): Result<SpatialMarkovRow> {
  const n = panel.ids.length;
  const T = panel.periods.length;
  const lag = options.lag ?? 1;
  checkLag(lag, T);
  const W = alignWeights(panel, weights);
  const { y, missing } = valueMatrix(panel, options.value, options.relative);
  const cl = classMatrix(y, n, T, panel.periods, options);
  const k = cl.k;
  const L = spatialLagMatrix(y, n, T, W);
  const lagCl = classMatrix(L, n, T, panel.periods, { k: options.lagK ?? options.k ?? 4, scope: options.lagScope, cutoffs: options.lagCutoffs, closure: options.closure }, 'spatial-lag');
  const m = lagCl.k;
  const counts = countTransitions(cl.classes, n, T, k, lag, lagCl.classes, m);
  const pooledCounts = countTransitions(cl.classes, n, T, k, lag);
  const pooledP = transitionProbabilities(pooledCounts, k, 0, options.fillEmpty);
  const pooled = analyseChain(pooledP.P, pooledP.emptyRows);
  const warnings: Warning[] = [...cl.warnings, ...lagCl.warnings];
  if (missing > 0) warnings.push({ code: 'missing-values', message: `${missing} unit-period value(s) missing: transitions and lags touching them are skipped`, count: missing, where: { column: options.value } });
  if (W.islands.length) {
    warnings.push({
      code: 'islands',
      message: `${W.islands.length} unit(s) without neighbours get spatial lag 0 and stay in the analysis: ${W.islands.join(', ')}`,
      messageZh: `${W.islands.length} 个单元无邻居，空间滞后取 0 并保留：${W.islands.join('、')}`,
      count: W.islands.length,
    });
  }
  if (W.standardised) warnings.push({ code: 'row-standardised', message: 'the spatial weights were row-standardised for the lag' });
  const regimes: SpatialMarkovRegime[] = [];
  const rows: SpatialMarkovRow[] = [];
  const regimeCounts: number[][][] = [];
  for (let r = 0; r < m; r++) {
    const off = r * k * k;
    const pr = transitionProbabilities(counts, k, off, options.fillEmpty);
    const a = analyseChain(pr.P, pr.emptyRows);
    const cm = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => counts[off + i * k + j]));
    regimeCounts.push(cm);
    regimes.push({ lagClass: r + 1, counts: cm, transitions: pr.rowTotals.reduce((s, v) => s + v, 0), ...a });
    for (let i = 0; i < k; i++) {
      rows.push({ lagClass: r + 1, from: i + 1, n: pr.rowTotals[i], counts: cm[i], probabilities: pr.P[i], empty: pr.emptyRows.includes(i + 1) });
    }
    if (pr.emptyRows.length) {
      warnings.push({
        code: 'empty-class-row',
        message: `lag class ${r + 1}: no transitions start in class(es) ${pr.emptyRows.join(', ')}; their rows are 0 and flagged`,
        messageZh: `滞后类 ${r + 1}：类 ${pr.emptyRows.join('、')} 无转移观测，该行为 0 并已标注`,
        count: pr.emptyRows.length,
      });
    }
  }
  warnings.push(...chainWarnings(pooled, 'pooled chain'));
  const conditioned = regimes.reduce((acc, r) => acc + r.transitions, 0);
  const all = pooledP.rowTotals.reduce((acc, v) => acc + v, 0);
  if (all > conditioned) {
    warnings.push({
      code: 'unconditioned-transitions',
      message: `${all - conditioned} transition(s) have no lag class (a neighbour's value is missing at the start year): they count in the pooled chain only`,
      count: all - conditioned,
    });
  }
  const homogeneity: HomogeneityTest = markovHomogeneity(regimeCounts, { emptyRowDf: options.emptyRowDf });
  const card = markovCard('spatial-markov', options, cl, lag);
  card.conventions = {
    ...card.conventions,
    weights: { ...weights.card, style: weights.style, standardisedHere: W.standardised },
    lag: 'W·y per period, row-standardised W; islands get 0 (kept, flagged)',
    lagClasses: lagCl.scope === 'user' ? 'user cut-offs' : `${m} quantile classes of the lag, type-7, ${lagCl.scope}, right-closed`,
    conditioning: 'lag class at the start year t',
    homogeneity: `Bickenbach & Bode (2003) Q and LR, df = Σ_i (a_i − 1)(b_i − 1)${options.emptyRowDf === 'giddy' ? ', empty pooled rows add 1 (giddy)' : ', empty pooled rows add 0'}`,
  };
  return {
    method: 'spatial-markov',
    params: { ...options, k, lagK: m, lag },
    rows,
    summary: {
      k, m,
      cutoffs: cl.cutoffs,
      ...(cl.cutoffsByPeriod ? { cutoffsByPeriod: cl.cutoffsByPeriod } : {}),
      lagCutoffs: lagCl.cutoffs,
      ...(lagCl.cutoffsByPeriod ? { lagCutoffsByPeriod: lagCl.cutoffsByPeriod } : {}),
      regimes,
      pooled: { counts: Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => pooledCounts[i * k + j])), ...pooled },
      homogeneity,
      islands: W.islands,
      classMatrix: { ids: panel.ids, periods: panel.periods, classes: classRows(cl.classes, n, T) },
      lagMatrix: { ids: panel.ids, periods: panel.periods, lags: lagRows(L, n, T), lagClasses: classRows(lagCl.classes, n, T) },
    },
    warnings,
    card: { ...card, statusCounts: { ok: rows.length } },
  };
}

function lagRows(L: Float64Array, n: number, T: number): (number | null)[][] {
  const out: (number | null)[][] = [];
  for (let i = 0; i < n; i++) out.push(Array.from(L.subarray(i * T, i * T + T), (v) => (Number.isFinite(v) ? v : null)));
  return out;
}
