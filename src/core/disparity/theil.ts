// Theil's T (GE(1)) and L (GE(0), mean log deviation) with the within/between decomposition, and the
// nested two-level Theil T of Akita (2003) — methods.md J3.
// Theil, H. (1967). Economics and Information Theory, ch. 4. Shorrocks, A. (1980). Econometrica 48(3), 613–625.
// Akita, T. (2003). Decomposing regional income inequality in China and Indonesia using two-stage nested
// Theil decomposition. Annals of Regional Science 37, 55–77, eq. (5).
//
// One formula covers unweighted and weighted data: unit i has weight P_i (1 when unweighted; population when
// weighted) and total Y_i = P_i y_i, with Y = ΣY_i, P = ΣP_i, μ = Y/P.
//   T = Σ (Y_i/Y) ln(y_i/μ)                    = (1/n)Σ(y/μ)ln(y/μ) unweighted; y = 0 contributes 0.
//   T_w = Σ_g s_g T_g, T_b = Σ_g s_g ln(μ_g/μ), s_g = Y_g/Y (= (n_g/n)(μ_g/μ) unweighted).
//   L = Σ (P_i/P) ln(μ/y_i); L_w = Σ_g π_g L_g, L_b = Σ_g π_g ln(μ/μ_g), π_g = P_g/P; y = 0 → null.
// Nested: T = T_BR + Σ_r s_r T_BP,r + Σ_r Σ_p s_rp T_rp (region r, subgroup p within r).
// O(n) per cross-section after grouping.

import type { Panel } from '../panel/panel.js';
import type { Result } from '../result.js';
import { countStatuses } from '../result.js';
import { SOFTWARE } from '../version.js';
import { DataError, UsageError } from '../errors.js';
import { crossSections } from './cross-section.js';
import { log } from '../math/elementary.js';

export type TheilIndex = 'T' | 'L';

export interface TheilOptions {
  index?: TheilIndex;
  weights?: ArrayLike<number>;
}

export interface TheilGroup {
  n: number;
  /** Weighted mean μ_g = Y_g/P_g. */
  mean: number;
  /** Within-group index T_g (or L_g); null if undefined. */
  theil_g: number | null;
  /** Y_g/Y. */
  income_share: number;
  /** P_g/P (= n_g/n unweighted). */
  population_share: number;
  /** s_g T_g (T) or π_g L_g (L). */
  contribution_within: number | null;
}

export interface TheilDecomposition {
  index: TheilIndex;
  n: number;
  mean: number | null;
  theil: number | null;
  within: number | null;
  between: number | null;
  share_within: number | null;
  share_between: number | null;
  groups: Record<string, TheilGroup>;
  status: 'ok' | 'undefined' | 'insufficient_data';
  reason?: string;
}

interface Totals { P: number; Y: number; n: number }

function totals(values: ArrayLike<number>, w: ArrayLike<number> | undefined, members?: ArrayLike<number>): Totals {
  let P = 0;
  let Y = 0;
  const m = members ? members.length : values.length;
  for (let a = 0; a < m; a++) {
    const i = members ? members[a] : a;
    const pi = w ? w[i] : 1;
    P += pi;
    Y += pi * values[i];
  }
  return { P, Y, n: m };
}

/** T or L of a set of units (indices `members`, all units when omitted). NaN when undefined. */
export function theilIndex(values: ArrayLike<number>, options: TheilOptions = {}, members?: ArrayLike<number>): number {
  const w = options.weights;
  const { P, Y, n } = totals(values, w, members);
  if (n === 0 || !(P > 0) || !(Y > 0)) return NaN;
  const mu = Y / P;
  let s = 0;
  for (let a = 0; a < n; a++) {
    const i = members ? members[a] : a;
    const pi = w ? w[i] : 1;
    const y = values[i];
    if (pi === 0) continue;
    if (options.index === 'L') {
      if (!(y > 0)) return NaN;
      s += (pi / P) * log(mu / y);
    } else if (y > 0) {
      s += ((pi * y) / Y) * log(y / mu);
    }
  }
  return s;
}

/** Within/between decomposition over groups (`groups[i]` indexes `groupNames`). */
export function theilDecomposition(
  values: ArrayLike<number>, groups: ArrayLike<number> | undefined, groupNames: readonly string[], options: TheilOptions = {},
): TheilDecomposition {
  const index = options.index ?? 'T';
  const w = options.weights;
  const n = values.length;
  const all = totals(values, w);
  const empty = (status: TheilDecomposition['status'], reason: string): TheilDecomposition => ({
    index, n, mean: all.P > 0 ? all.Y / all.P : null, theil: null, within: null, between: null,
    share_within: null, share_between: null, groups: {}, status, reason,
  });
  if (n === 0) return empty('insufficient_data', 'no values in this period');
  if (!(all.P > 0)) return empty('undefined', 'total weight is 0');
  if (!(all.Y > 0)) return empty('undefined', 'mean is 0: the Theil index is undefined');
  const mu = all.Y / all.P;
  const total = theilIndex(values, options);
  if (!Number.isFinite(total)) return empty('undefined', 'a zero value makes Theil L (ln μ/y) undefined');
  const out: TheilDecomposition = {
    index, n, mean: mu, theil: total, within: null, between: null, share_within: null, share_between: null, groups: {}, status: 'ok',
  };
  if (!groups) return out;
  const members: number[][] = groupNames.map(() => []);
  for (let i = 0; i < n; i++) members[groups[i]].push(i);
  let Tw = 0;
  let Tb = 0;
  let wOk = true;
  for (let g = 0; g < groupNames.length; g++) {
    if (members[g].length === 0) continue;
    const t = totals(values, w, members[g]);
    const mug = t.P > 0 ? t.Y / t.P : NaN;
    const sg = t.Y / all.Y;
    const pg = t.P / all.P;
    const Tg = theilIndex(values, options, members[g]);
    let contrib: number | null;
    if (index === 'T') {
      // A group with Y_g = 0 has s_g = 0: no contribution, T_g undefined.
      contrib = sg > 0 ? sg * Tg : 0;
      if (sg > 0) Tb += sg * log(mug / mu);
    } else {
      contrib = Number.isFinite(Tg) ? pg * Tg : null;
      if (pg > 0) Tb += pg * log(mu / mug);
    }
    if (contrib === null || !Number.isFinite(contrib)) { wOk = false; contrib = null; } else Tw += contrib;
    out.groups[groupNames[g]] = {
      n: members[g].length, mean: mug, theil_g: Number.isFinite(Tg) ? Tg : null,
      income_share: sg, population_share: pg, contribution_within: contrib,
    };
  }
  if (wOk) {
    out.within = Tw;
    out.between = Tb;
    out.share_within = total > 0 ? Tw / total : null;
    out.share_between = total > 0 ? Tb / total : null;
    if (!(total > 0)) out.reason = 'index is 0 (all values equal): shares are undefined';
  }
  return out;
}

export interface TheilNestedRegion {
  income_share: number;
  population_share: number;
  /** Between-subgroup Theil inside region r, T_BP,r. */
  T_BP_r: number;
  contribution_BP: number;
}

export interface TheilNestedSubgroup {
  region: string;
  n: number;
  income_share: number;
  /** Within-subgroup Theil T_rp (0 for a one-unit subgroup). */
  T_rp: number;
  contribution_WP: number;
}

export interface TheilNested {
  theil: number;
  T_BR: number;
  T_BP: number;
  T_WP: number;
  share_BR: number | null;
  share_BP: number | null;
  share_WP: number | null;
  regions: Record<string, TheilNestedRegion>;
  subgroups: Record<string, TheilNestedSubgroup>;
}

/**
 * Akita's two-stage nested Theil T. `subgroups` must nest in `groups` (each subgroup inside one group);
 * the caller checks that and names the offending label. Returns null when Y = 0.
 */
export function theilNested(
  values: ArrayLike<number>, groups: ArrayLike<number>, groupNames: readonly string[],
  subgroups: ArrayLike<number>, subgroupNames: readonly string[], options: { weights?: ArrayLike<number> } = {},
): TheilNested | null {
  const w = options.weights;
  const n = values.length;
  const all = totals(values, w);
  if (!(all.Y > 0) || !(all.P > 0)) return null;
  const subMembers: number[][] = subgroupNames.map(() => []);
  const subRegion = new Int32Array(subgroupNames.length).fill(-1);
  for (let i = 0; i < n; i++) {
    subMembers[subgroups[i]].push(i);
    subRegion[subgroups[i]] = groups[i];
  }
  const regMembers: number[][] = groupNames.map(() => []);
  for (let i = 0; i < n; i++) regMembers[groups[i]].push(i);
  const regions: Record<string, TheilNestedRegion> = {};
  const subs: Record<string, TheilNestedSubgroup> = {};
  let TBR = 0;
  let TBP = 0;
  let TWP = 0;
  for (let r = 0; r < groupNames.length; r++) {
    if (regMembers[r].length === 0) continue;
    const tr = totals(values, w, regMembers[r]);
    const sr = tr.Y / all.Y;
    const pr = tr.P / all.P;
    if (sr > 0) TBR += sr * log(sr / pr);
    let TBPr = 0;
    for (let p = 0; p < subgroupNames.length; p++) {
      if (subRegion[p] !== r || subMembers[p].length === 0) continue;
      const tp = totals(values, w, subMembers[p]);
      const srp = tr.Y > 0 ? tp.Y / tr.Y : 0;
      const prp = tp.P / tr.P;
      if (srp > 0) TBPr += srp * log(srp / prp);
      const Trp = tp.Y > 0 ? theilIndex(values, { weights: w }, subMembers[p]) : 0;
      const share = tp.Y / all.Y;
      subs[subgroupNames[p]] = { region: groupNames[r], n: subMembers[p].length, income_share: share, T_rp: Trp, contribution_WP: share * Trp };
      TWP += share * Trp;
    }
    regions[groupNames[r]] = { income_share: sr, population_share: pr, T_BP_r: TBPr, contribution_BP: sr * TBPr };
    TBP += sr * TBPr;
  }
  const T = theilIndex(values, { weights: w });
  return {
    theil: T, T_BR: TBR, T_BP: TBP, T_WP: TWP,
    share_BR: T > 0 ? TBR / T : null, share_BP: T > 0 ? TBP / T : null, share_WP: T > 0 ? TWP / T : null,
    regions, subgroups: subs,
  };
}

// ---- Panel wrapper: one row per period ----

export interface TheilPanelOptions {
  value: string;
  /** Label column of the groups (regions). */
  group?: string;
  /** Label column of subgroups nested in the groups (provinces in regions): Akita's two-stage Theil T. */
  subgroup?: string;
  /** Numeric weight column (population): population-weighted Theil. */
  weight?: string;
  index?: TheilIndex;
  periods?: readonly number[];
}

export interface TheilRow extends TheilDecomposition {
  period: number;
  nested?: TheilNested;
}

export function theil(panel: Panel, options: TheilPanelOptions): Result<TheilRow> {
  const index = options.index ?? 'T';
  if (options.subgroup && !options.group) {
    throw new UsageError('missing-option', 'a nested Theil decomposition needs both a group and a subgroup column', 'add --group REGION');
  }
  if (options.subgroup && index === 'L') {
    throw new UsageError('bad-option', 'the nested (Akita) decomposition is defined for Theil T only', 'drop --index L or --subgroup');
  }
  const cs = crossSections(panel, {
    value: options.value, group: options.group, subgroup: options.subgroup, weight: options.weight, periods: options.periods,
    method: 'the Theil index',
  });
  if (options.subgroup) {
    // Each subgroup must sit inside one group.
    const home = new Map<number, number>();
    for (const sec of cs.sections) {
      for (let a = 0; a < sec.values.length; a++) {
        const p = sec.subgroups![a];
        const r = sec.groups![a];
        const h = home.get(p);
        if (h === undefined) home.set(p, r);
        else if (h !== r) {
          throw new DataError('not-nested', `subgroup "${cs.subgroupNames[p]}" appears in groups "${cs.groupNames[h]}" and "${cs.groupNames[r]}"`, {
            file: panel.source, column: options.subgroup, id: panel.ids[sec.units[a]], period: sec.period,
          }, 'each subgroup (province) must belong to exactly one group (region)');
        }
      }
    }
  }
  const rows: TheilRow[] = cs.sections.map((sec) => {
    const d = theilDecomposition(sec.values, sec.groups, cs.groupNames, { index, weights: sec.weights });
    const row: TheilRow = { period: sec.period, ...d };
    if (options.subgroup && d.status === 'ok') {
      const nested = theilNested(sec.values, sec.groups!, cs.groupNames, sec.subgroups!, cs.subgroupNames, { weights: sec.weights });
      if (nested) row.nested = nested;
    }
    return row;
  });
  return {
    method: 'theil',
    params: { ...options, index },
    rows,
    summary: { groups: cs.groupNames, ...(options.subgroup ? { subgroups: cs.subgroupNames } : {}), periods: rows.length },
    warnings: cs.warnings,
    card: {
      method: 'theil',
      title: { en: index === 'T' ? 'Theil T index and decomposition' : 'Theil L (mean log deviation) and decomposition', zh: index === 'T' ? '泰尔指数及其分解' : '泰尔 L 指数（平均对数偏差）及其分解' },
      conventions: {
        value: options.value,
        index,
        group: options.group ?? null,
        subgroup: options.subgroup ?? null,
        weight: options.weight ?? null,
        T: 'Σ (Y_i/Y) ln(y_i/μ); unweighted = (1/n)Σ(y/μ)ln(y/μ); y = 0 contributes 0',
        L: 'Σ (P_i/P) ln(μ/y_i); y = 0 gives null',
        within: index === 'T' ? 'Σ_g s_g T_g, s_g = Y_g/Y' : 'Σ_g π_g L_g, π_g = P_g/P',
        between: index === 'T' ? 'Σ_g s_g ln(μ_g/μ)' : 'Σ_g π_g ln(μ/μ_g)',
        nested: options.subgroup ? 'Akita (2003): T = T_BR + Σ_r s_r T_BP,r + Σ_rΣ_p s_rp T_rp' : null,
      },
      formulas: ['T = \\frac{1}{n}\\sum_i \\frac{y_i}{\\mu}\\ln\\frac{y_i}{\\mu}', 'T = T_w + T_b'],
      citations: [
        { text: 'Theil, H. (1967). Economics and Information Theory. Amsterdam: North-Holland.' },
        { text: 'Shorrocks, A. F. (1980). The class of additively decomposable inequality measures. Econometrica 48(3), 613–625.', doi: '10.2307/1913126' },
        ...(options.subgroup ? [{ text: 'Akita, T. (2003). Decomposing regional income inequality in China and Indonesia using two-stage nested Theil decomposition method. Annals of Regional Science 37, 55–77.', doi: '10.1007/s001680200107' }] : []),
      ],
      software: SOFTWARE,
      statusCounts: countStatuses(rows),
    },
  };
}
