// Dagum (1997) Gini decomposition by subgroups: G = Gw + Gnb + Gt.
// Dagum, C. (1997). A new approach to the decomposition of the Gini income inequality ratio.
// Empirical Economics 22(4), 515–531, eqs. (2)–(12) (also Statistica 57(3), 295–308).
//
// Conventions (methods.md J2): unweighted means; self-pairs included (G = ΣΣ|y_i − y_r|/(2n²μ));
// groups ordered by ascending mean (ties by label, code-point order); in a pair "j|h" the group j has the
// higher mean, d_jh = mean (y_j − y_h)⁺, p_jh = mean (y_h − y_j)⁺, D_jh = (d_jh − p_jh)/(d_jh + p_jh)
// (0 when both are 0). Weights on a pair: p_j s_h + p_h s_j with p_j = n_j/n, s_j = n_jμ_j/(nμ).
// A group with no value in a period is omitted from that period (and listed in `omittedGroups`).
//
// Complexity O(n log n + n·k) per period for k groups, not O(n²): one sort, then a sweep in ascending
// order keeps, for every group h, the count c_h of values already passed and their total distance to the
// current value (advanced by c_h·gap at each step); a value a of group j adds Σ_{b∈h, b≤a}(a − b) to P[j][h]. Then P[j][h] = n_j n_h d_jh, P[h][j] =
// n_j n_h p_jh, P[j][j] is half of group j's ordered sum of |differences|, and every cross-group sum of
// |y_i − y_r| is P[j][h] + P[h][j]. All accumulated terms are non-negative (no cancellation, relative
// error O(nε) on every sum). Ties contribute 0 whichever comes first.

import type { Panel } from '../panel/panel.js';
import type { Result, Warning } from '../result.js';
import { countStatuses } from '../result.js';
import { SOFTWARE } from '../version.js';
import { crossSections } from './cross-section.js';

export interface DagumGroup {
  n: number;
  mean: number;
  /** Population share p_j = n_j/n. */
  p: number;
  /** Income share s_j = n_jμ_j/(nμ). */
  s: number;
  /** Within-group Gini G_jj (null when μ_j = 0). */
  G_jj: number | null;
  /** G_jj p_j s_j. */
  contribution_w: number;
}

export interface DagumPair {
  /** Higher-mean group. */
  j: string;
  h: string;
  G_jh: number | null;
  d_jh: number;
  p_jh: number;
  D_jh: number;
  weight_pj_sh_plus_ph_sj: number;
  contribution_nb: number;
  contribution_t: number;
}

export interface DagumDecomposition {
  n: number;
  mean: number | null;
  G: number | null;
  Gw: number | null;
  Gnb: number | null;
  Gt: number | null;
  share_w: number | null;
  share_nb: number | null;
  share_t: number | null;
  /** Groups present in this cross-section, by ascending mean. */
  groupOrder: string[];
  /** Keyed by group label. */
  within: Record<string, DagumGroup>;
  /** Keyed by "j|h", j the higher-mean group; ordered j = 2..k, h = 1..j−1 in ascending-mean order. */
  between: Record<string, DagumPair>;
  omittedGroups: string[];
  status: 'ok' | 'undefined' | 'insufficient_data';
  reason?: string;
}

/**
 * Dagum decomposition of one cross-section. `groups[i]` indexes `groupNames`. Values must be ≥ 0 (checked by
 * the caller for panels; here a negative value makes the result `undefined`).
 */
export function dagumDecomposition(values: Float64Array, groups: Int32Array, groupNames: readonly string[]): DagumDecomposition {
  const n = values.length;
  const K = groupNames.length;
  const counts = new Float64Array(K);
  const sums = new Float64Array(K);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const g = groups[i];
    if (!(g >= 0 && g < K)) throw new Error(`dagumDecomposition: group index ${g} out of range`);
    counts[g]++;
    sums[g] += values[i];
    total += values[i];
  }
  const present: number[] = [];
  const omitted: string[] = [];
  for (let g = 0; g < K; g++) {
    if (counts[g] > 0) present.push(g);
    else omitted.push(groupNames[g]);
  }
  const empty = (status: DagumDecomposition['status'], reason: string): DagumDecomposition => ({
    n, mean: n > 0 ? total / n : null, G: null, Gw: null, Gnb: null, Gt: null, share_w: null, share_nb: null, share_t: null,
    groupOrder: [], within: {}, between: {}, omittedGroups: omitted, status, reason,
  });
  if (n === 0) return empty('insufficient_data', 'no values in this period');
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(values[i])) return empty('undefined', 'a value is missing or not finite');
    if (values[i] < 0) return empty('undefined', 'negative value: the Gini ratio needs y ≥ 0');
  }
  const mu = total / n;
  if (!(mu > 0)) return empty('undefined', 'mean is 0: the Gini ratio is 0/0');

  // Sort once; sweep in ascending order. dist[h] = Σ_{b∈h passed}(a − b) for the current value a, moved
  // forward by c_h·(gap to the previous value): every term is ≥ 0, so nothing cancels.
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => values[a] - values[b]);
  const c = new Float64Array(K);
  const dist = new Float64Array(K);
  const P = new Float64Array(K * K);
  let half = 0;        // Σ_{r<q} (y_q − y_r) over the whole sorted sample = half the ordered double sum
  let distAll = 0;
  let prev = n > 0 ? values[order[0]] : 0;
  for (let q = 0; q < n; q++) {
    const i = order[q];
    const a = values[i];
    const gap = a - prev;
    prev = a;
    distAll += q * gap;
    half += distAll;
    const j = groups[i];
    const row = j * K;
    for (let h = 0; h < K; h++) {
      dist[h] += c[h] * gap;
      P[row + h] += dist[h];
    }
    c[j]++;
  }

  const G = half / (n * n * mu);
  const mean = (g: number) => sums[g] / counts[g];
  const sorted = [...present].sort((a, b) => mean(a) - mean(b) || (groupNames[a] < groupNames[b] ? -1 : groupNames[a] > groupNames[b] ? 1 : 0));
  const within: Record<string, DagumGroup> = {};
  let Gw = 0;
  for (const g of sorted) {
    const nj = counts[g];
    const mj = mean(g);
    const p = nj / n;
    const sj = (nj * mj) / (n * mu);
    const Gjj = mj > 0 ? P[g * K + g] / (nj * nj * mj) : null;
    const cw = Gjj === null ? 0 : Gjj * p * sj;
    Gw += cw;
    within[groupNames[g]] = { n: nj, mean: mj, p, s: sj, G_jj: Gjj, contribution_w: cw };
  }
  const between: Record<string, DagumPair> = {};
  let Gnb = 0;
  let Gt = 0;
  for (let a = 1; a < sorted.length; a++) {
    const j = sorted[a];
    for (let b = 0; b < a; b++) {
      const h = sorted[b];
      const nn = counts[j] * counts[h];
      const dSum = P[j * K + h];     // Σ (y_j − y_h)⁺
      const pSum = P[h * K + j];     // Σ (y_h − y_j)⁺
      const abs = dSum + pSum;
      const muj = mean(j);
      const muh = mean(h);
      const Gjh = muj + muh > 0 ? abs / (nn * (muj + muh)) : null;
      const D = abs > 0 ? (dSum - pSum) / abs : 0;
      const wj = within[groupNames[j]];
      const wh = within[groupNames[h]];
      const weight = wj.p * wh.s + wh.p * wj.s;
      const cnb = Gjh === null ? 0 : Gjh * weight * D;
      const ct = Gjh === null ? 0 : Gjh * weight * (1 - D);
      Gnb += cnb;
      Gt += ct;
      between[`${groupNames[j]}|${groupNames[h]}`] = {
        j: groupNames[j], h: groupNames[h], G_jh: Gjh, d_jh: dSum / nn, p_jh: pSum / nn, D_jh: D,
        weight_pj_sh_plus_ph_sj: weight, contribution_nb: cnb, contribution_t: ct,
      };
    }
  }
  return {
    n, mean: mu, G, Gw, Gnb, Gt,
    share_w: G > 0 ? Gw / G : null,
    share_nb: G > 0 ? Gnb / G : null,
    share_t: G > 0 ? Gt / G : null,
    groupOrder: sorted.map((g) => groupNames[g]),
    within, between, omittedGroups: omitted, status: 'ok',
    ...(G > 0 ? {} : { reason: 'G = 0 (all values equal): contribution shares are undefined' }),
  };
}

// ---- Panel wrapper: one row per period ----

export interface DagumOptions {
  /** Numeric column to decompose (scores, per-capita GDP …). */
  value: string;
  /** Label column with the groups (e.g. region4). */
  group: string;
  periods?: readonly number[];
}

export interface DagumRow extends DagumDecomposition {
  period: number;
}

export function dagum(panel: Panel, options: DagumOptions): Result<DagumRow> {
  const cs = crossSections(panel, { value: options.value, group: options.group, periods: options.periods, method: 'the Dagum Gini decomposition' });
  const warnings: Warning[] = [...cs.warnings];
  const rows: DagumRow[] = cs.sections.map((sec) => {
    const d = dagumDecomposition(sec.values, sec.groups!, cs.groupNames);
    if (d.omittedGroups.length > 0) {
      warnings.push({
        code: 'empty-group',
        message: `period ${sec.period}: group(s) ${d.omittedGroups.join(', ')} have no values and are omitted`,
        messageZh: `${sec.period} 年：组 ${d.omittedGroups.join('、')} 无数据，已略去`,
        count: d.omittedGroups.length,
        where: { period: sec.period, column: options.group },
      });
    }
    return { period: sec.period, ...d };
  });
  return {
    method: 'dagum',
    params: { ...options },
    rows,
    summary: { groups: cs.groupNames, periods: rows.length },
    warnings,
    card: {
      method: 'dagum',
      title: { en: 'Dagum Gini decomposition by subgroups', zh: 'Dagum 基尼系数及其分解' },
      conventions: {
        value: options.value,
        group: options.group,
        G: 'ΣΣ|y_i − y_r|/(2n²μ), self-pairs included',
        means: 'unweighted',
        groupOrder: 'ascending mean (ties by label); pair key "j|h" with j the higher-mean group',
        D_jh: '(d_jh − p_jh)/(d_jh + p_jh); 0 when d_jh + p_jh = 0',
        emptyGroup: 'omitted from the period and noted',
        identity: 'G = Gw + Gnb + Gt',
        algorithm: 'O(n log n + n·k) per period: one sort and a sweep with per-group counts and sums',
      },
      formulas: [
        'G_{jj} = \\sum_i\\sum_r |y_{ji} - y_{jr}| / (2 n_j^2 \\mu_j)',
        'G_{jh} = \\sum_i\\sum_r |y_{ji} - y_{hr}| / (n_j n_h (\\mu_j + \\mu_h))',
        'G_w = \\sum_j G_{jj} p_j s_j',
        'G_{nb} = \\sum_{j>h} G_{jh} (p_j s_h + p_h s_j) D_{jh}',
        'G_t = \\sum_{j>h} G_{jh} (p_j s_h + p_h s_j) (1 - D_{jh})',
      ],
      citations: [
        { text: 'Dagum, C. (1997). A new approach to the decomposition of the Gini income inequality ratio. Empirical Economics 22(4), 515–531.', doi: '10.1007/BF01205777' },
        { text: 'Dagum, C. (1997). Decomposition and interpretation of Gini and the generalized entropy inequality measures. Statistica 57(3), 295–308.' },
      ],
      software: SOFTWARE,
      statusCounts: countStatuses(rows),
    },
  };
}
