// Summaries and cumulative indices of productivity indices (methods.md F9).
//
// Per-period and per-group summaries are geometric means across DMUs (DEAP, Coelli 1996); per-DMU summaries are
// geometric means across period pairs. Difference-based indicators (Luenberger) use arithmetic means instead.
// Nulls are excluded and counted. Cumulative: CM(t₀) = 1, CM(t) = Π_{s ≤ t} M(s) (running sums for Luenberger);
// a null link nulls the rest of the chain unless `carry: skip`, which continues past it and flags the entry.
// Only the global index is transitive, so only there does CM(t) equal E^G(t)/E^G(t₀).
// O(rows) with one pass per field.

import { compareIds } from './chain.js';
import { exp, log } from '../math/elementary.js';

export interface IndexRowLike {
  id: string;
  from: number;
  to: number;
  [field: string]: unknown;
}

/** `n` rows, `nNull` rows with a null in some field, then one mean per field (null if no finite value). */
export type MeanEntry = Record<string, number | string | null>;

/** Geometric (ratio indices) or arithmetic (difference indicators) mean of the finite values; null if none. */
export function indexMean(values: readonly (number | null)[], additive: boolean): { mean: number | null; n: number; nNull: number } {
  let acc = 0;
  let n = 0;
  let nNull = 0;
  for (const v of values) {
    if (v === null || !Number.isFinite(v) || (!additive && v <= 0)) { nNull++; continue; }
    acc += additive ? v : log(v);
    n++;
  }
  if (n === 0) return { mean: null, n, nNull };
  return { mean: additive ? acc / n : exp(acc / n), n, nNull };
}

function meansOf(rows: readonly IndexRowLike[], fields: readonly string[], additive: boolean): MeanEntry {
  const out: MeanEntry = { n: rows.length, nNull: 0 };
  let nullRows = 0;
  for (const r of rows) if (fields.some((f) => r[f] === null)) nullRows++;
  out.nNull = nullRows;
  for (const f of fields) out[f] = indexMean(rows.map((r) => (r[f] as number | null) ?? null), additive).mean;
  return out;
}

export interface IndexSummaries {
  byPeriod: MeanEntry[];
  byId: MeanEntry[];
  byGroup?: MeanEntry[];
}

/** Means by period pair, by id and (optionally) by group. `groupOf(row)` returns the row's group label or null. */
export function summariseIndex(
  rows: readonly IndexRowLike[],
  fields: readonly string[],
  additive: boolean,
  groupOf?: (row: IndexRowLike) => string | null,
): IndexSummaries {
  const byPair = new Map<string, IndexRowLike[]>();
  const byId = new Map<string, IndexRowLike[]>();
  const byGroup = new Map<string, IndexRowLike[]>();
  for (const r of rows) {
    const pk = `${r.from}\u0000${r.to}`;
    if (!byPair.has(pk)) byPair.set(pk, []);
    byPair.get(pk)!.push(r);
    if (!byId.has(r.id)) byId.set(r.id, []);
    byId.get(r.id)!.push(r);
    if (groupOf) {
      const g = groupOf(r);
      if (g !== null) {
        const gk = `${g}\u0000${pk}`;
        if (!byGroup.has(gk)) byGroup.set(gk, []);
        byGroup.get(gk)!.push(r);
      }
    }
  }
  const out: IndexSummaries = {
    byPeriod: [...byPair.values()]
      .map((rs) => ({ from: rs[0].from, to: rs[0].to, ...meansOf(rs, fields, additive) }))
      .sort((a, b) => (a.from as number) - (b.from as number) || (a.to as number) - (b.to as number)),
    byId: [...byId.entries()]
      .sort((a, b) => compareIds(a[0], b[0]))
      .map(([id, rs]) => ({ id, ...meansOf(rs, fields, additive) })),
  };
  if (groupOf) {
    out.byGroup = [...byGroup.entries()]
      .map(([key, rs]) => ({ group: key.split('\u0000')[0], from: rs[0].from, to: rs[0].to, ...meansOf(rs, fields, additive) }))
      .sort((a, b) => (a.from as number) - (b.from as number) || compareIds(a.group as string, b.group as string));
  }
  return out;
}

export interface CumulativeEntry {
  id: string;
  period: number;
  skipped?: number;
  [field: string]: number | string | null | undefined;
}

/**
 * Cumulative indices per id over `periods` (the panel's periods, ascending): 1 (or 0) at the id's first period
 * with a row, then the chained product (or running sum) of the index over consecutive pairs.
 */
export function cumulativeIndex(
  rows: readonly IndexRowLike[],
  fields: readonly string[],
  periods: readonly number[],
  additive: boolean,
  carry: 'break' | 'skip' = 'break',
): CumulativeEntry[] {
  const byId = new Map<string, Map<number, IndexRowLike>>();
  for (const r of rows) {
    if (!byId.has(r.id)) byId.set(r.id, new Map());
    byId.get(r.id)!.set(r.from, r);
  }
  const tIndex = new Map<number, number>();
  periods.forEach((p, i) => tIndex.set(p, i));
  const out: CumulativeEntry[] = [];
  for (const [id, m] of byId) {
    const froms = [...m.keys()].sort((a, b) => a - b);
    const t0 = tIndex.get(froms[0])!;
    const acc: Record<string, number | null> = {};
    for (const f of fields) acc[f] = additive ? 0 : 1;
    let skipped = 0;
    out.push({ id, period: periods[t0], ...acc });
    for (let t = t0; t + 1 < periods.length; t++) {
      const r = m.get(periods[t]);
      let skippedHere = false;
      for (const f of fields) {
        const v = r ? (r[f] as number | null) : null;
        if (acc[f] === null) continue;
        if (v === null || v === undefined || !Number.isFinite(v)) {
          if (carry === 'skip') { skippedHere = true; continue; }
          acc[f] = null;
        } else acc[f] = additive ? acc[f]! + v : acc[f]! * v;
      }
      if (skippedHere) skipped++;
      const e: CumulativeEntry = { id, period: periods[t + 1], ...acc };
      if (skipped) e.skipped = skipped;
      out.push(e);
    }
  }
  return out.sort((a, b) => a.period - b.period || compareIds(a.id, b.id));
}
