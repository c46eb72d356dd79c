// Classical (discrete) Markov chain of class transitions — mobility within a distribution (methods.md K2).
// Quah, D. (1993). Empirical cross-section dynamics in economic growth. European Economic Review 37, 426–434.
// Anchor: giddy `Markov` / mapclassify `Quantiles`.
//
// Conventions: k = 4 quantile classes by default from pooled type-7 cut-offs (options: per-period cut-offs,
// user cut-offs, `relative` = value / period mean before classing); right-closed classes (c_{i−1}, c_i];
// duplicate cut-offs merge (k falls, with a warning). Transitions (t → t + lag) over the panel's period order,
// counted only when both ends are observed. P_ij = n_ij/n_i; an empty row stays 0 and is listed in
// `emptyRows` (option `fillEmpty` puts 1 on its diagonal). Steady state and first mean passage times use
// the filled matrix (an empty row is treated as staying put) and a warning names reducible chains.
// O(n·T + k³·k).

import type { Panel } from '../panel/panel.js';
import type { MethodCard, Result, Warning } from '../result.js';
import { SOFTWARE } from '../version.js';
import { UsageError } from '../errors.js';
import { valueMatrix, classMatrix, countTransitions, transitionProbabilities, fillEmptyRows, type ClassingOptions, type Classing } from './transitions.js';
import { chainStructure, steadyState, firstMeanPassageTimes, type ChainStructure } from './markov-chain.js';

export interface MarkovOptions extends ClassingOptions {
  value: string;
  /** Divide by the period mean before classing. */
  relative?: boolean;
  /** Transition lag d (default 1 period). */
  lag?: number;
  fillEmpty?: boolean;
}

export interface MarkovRow {
  /** Origin class (1-based). */
  from: number;
  lower?: number;
  upper?: number;
  /** Transitions leaving this class. */
  n: number;
  counts: number[];
  probabilities: number[];
  empty: boolean;
}

export interface ChainAnalysis {
  probabilities: number[][];
  emptyRows: number[];
  steadyState: number[] | null;
  steadyStateReason?: string;
  fmpt: (number | null)[][];
  /** What a null in fmpt means. */
  fmptNote: string;
  structure: { classes: number[][]; closed: boolean[]; irreducible: boolean };
}

/** Steady state, passage times and structure of a transition matrix with flagged empty rows. */
export function analyseChain(P: number[][], emptyRows: number[]): ChainAnalysis {
  const filled = fillEmptyRows(P, emptyRows);
  const ss = steadyState(filled);
  const st: ChainStructure = chainStructure(filled);
  return {
    probabilities: P,
    emptyRows,
    steadyState: ss.pi,
    ...(ss.reason ? { steadyStateReason: ss.reason } : {}),
    fmpt: firstMeanPassageTimes(filled),
    fmptNote: 'null: the target class may never be reached from the origin (infinite expected time)',
    structure: { classes: st.classes.map((c) => c.map((s) => s + 1)), closed: st.closed, irreducible: st.irreducible },
  };
}

export function checkLag(lag: number, T: number): void {
  if (!(Number.isInteger(lag) && lag >= 1)) throw new UsageError('bad-lag', `the transition lag must be a positive integer (got ${lag})`);
  if (lag >= T) throw new UsageError('bad-lag', `lag ${lag} needs more than ${lag} periods; the data have ${T}`);
}

export function classBounds(c: Classing, a: number): { lower?: number; upper?: number } {
  if (!c.cutoffs) return {};
  return { ...(a > 0 ? { lower: c.cutoffs[a - 1] } : {}), ...(a < c.k - 1 ? { upper: c.cutoffs[a] } : {}) };
}

export function matrixRows(counts: Float64Array, k: number, offset: number, P: number[][], emptyRows: number[], c: Classing): MarkovRow[] {
  const rows: MarkovRow[] = [];
  for (let a = 0; a < k; a++) {
    const cnt = Array.from({ length: k }, (_, b) => counts[offset + a * k + b]);
    rows.push({ from: a + 1, ...classBounds(c, a), n: cnt.reduce((x, y) => x + y, 0), counts: cnt, probabilities: P[a], empty: emptyRows.includes(a + 1) });
  }
  return rows;
}

export function chainWarnings(a: ChainAnalysis, label: string): Warning[] {
  const w: Warning[] = [];
  if (a.emptyRows.length) {
    w.push({
      code: 'empty-class-row',
      message: `${label}: no transitions start in class(es) ${a.emptyRows.join(', ')}; their rows are 0 and flagged`,
      messageZh: `${label}：类 ${a.emptyRows.join('、')} 无转移观测，该行为 0 并已标注`,
      count: a.emptyRows.length,
    });
  }
  if (!a.structure.irreducible) {
    w.push({
      code: 'reducible-chain',
      message: `${label}: the chain is reducible (communicating classes ${a.structure.classes.map((c) => `{${c.join(',')}}`).join(' ')}; closed: ${a.structure.classes.filter((_, i) => a.structure.closed[i]).map((c) => `{${c.join(',')}}`).join(' ')}); the steady state concentrates on the closed class(es)`,
      messageZh: `${label}：马尔可夫链可约，稳态分布集中于闭类`,
    });
  }
  return w;
}

export function markov(panel: Panel, options: MarkovOptions): Result<MarkovRow> {
  const n = panel.ids.length;
  const T = panel.periods.length;
  const lag = options.lag ?? 1;
  checkLag(lag, T);
  const { y, missing } = valueMatrix(panel, options.value, options.relative);
  const cl = classMatrix(y, n, T, panel.periods, options);
  const k = cl.k;
  const counts = countTransitions(cl.classes, n, T, k, lag);
  const pr = transitionProbabilities(counts, k, 0, options.fillEmpty);
  const analysis = analyseChain(pr.P, pr.emptyRows);
  const warnings: Warning[] = [...cl.warnings, ...chainWarnings(analysis, 'Markov chain')];
  if (missing > 0) warnings.push({ code: 'missing-values', message: `${missing} unit-period value(s) missing: transitions touching them are skipped`, count: missing, where: { column: options.value } });
  const classSizes = new Array<number>(k).fill(0);
  const distribution: Record<string, number[]> = {};
  for (let t = 0; t < T; t++) distribution[String(panel.periods[t])] = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < T; t++) {
      const c = cl.classes[i * T + t];
      if (c > 0) { classSizes[c - 1]++; distribution[String(panel.periods[t])][c - 1]++; }
    }
  }
  const rows = matrixRows(counts, k, 0, pr.P, pr.emptyRows, cl);
  const transitions = rows.reduce((s, r) => s + r.n, 0);
  return {
    method: 'markov',
    params: { ...options, k, lag },
    rows,
    summary: {
      k,
      cutoffs: cl.cutoffs,
      ...(cl.cutoffsByPeriod ? { cutoffsByPeriod: cl.cutoffsByPeriod } : {}),
      transitions,
      counts: rows.map((r) => r.counts),
      ...analysis,
      classSizes,
      distribution,
      classMatrix: { ids: panel.ids, periods: panel.periods, classes: classRows(cl.classes, n, T) },
    },
    warnings,
    card: { ...markovCard('markov', options, cl, lag), statusCounts: { ok: rows.length } },
  };
}

export function classRows(classes: Int32Array, n: number, T: number): (number | null)[][] {
  const out: (number | null)[][] = [];
  for (let i = 0; i < n; i++) out.push(Array.from(classes.subarray(i * T, i * T + T), (c) => (c === 0 ? null : c)));
  return out;
}

export function markovCard(method: string, options: MarkovOptions, cl: Classing, lag: number): MethodCard {
  return {
    method,
    title: method === 'markov' ? { en: 'Markov chain of class transitions', zh: '传统马尔可夫链' } : { en: 'Spatial Markov chain', zh: '空间马尔可夫链' },
    conventions: {
      value: options.value,
      relative: Boolean(options.relative),
      classes: cl.scope === 'user' ? 'user cut-offs' : `${cl.k} quantile classes, type-7 cut-offs, ${cl.scope === 'pooled' ? 'pooled over all unit-periods' : 'per period'}`,
      closure: options.closure === 'left' ? 'left-closed [c_{i−1}, c_i): class 1 is y < c_1' : 'right-closed (c_{i−1}, c_i]: class 1 is y ≤ c_1',
      duplicateCutoffs: 'merged, reducing k (warning)',
      lag: `t → t + ${lag} periods (panel period order), both ends observed`,
      emptyRows: options.fillEmpty ? 'diagonal set to 1 (fillEmpty)' : 'left 0 and listed in emptyRows',
      steadyState: 'least squares on [Pᵀ − I; 1ᵀ]π = [0; 1] with empty rows filled (stay put); null when more than one closed class',
      fmpt: 'Kemeny–Snell first mean passage times; null where the target may never be reached; diagonal = mean recurrence time',
    },
    citations: [
      { text: 'Quah, D. (1993). Empirical cross-section dynamics in economic growth. European Economic Review 37(2–3), 426–434.', doi: '10.1016/0014-2921(93)90031-5' },
      { text: 'Kemeny, J. G., & Snell, J. L. (1976). Finite Markov Chains. New York: Springer.' },
      ...(method === 'spatial-markov' ? [
        { text: 'Rey, S. J. (2001). Spatial empirics for economic growth and convergence. Geographical Analysis 33(3), 195–214.', doi: '10.1111/j.1538-4632.2001.tb00444.x' },
        { text: 'Bickenbach, F., & Bode, E. (2003). Evaluating the Markov property in studies of economic convergence. International Regional Science Review 26(3), 363–392.', doi: '10.1177/0160017603253789' },
      ] : []),
    ],
    software: SOFTWARE,
  };
}
