// Deflation: nominal values to constant prices of a base year (methods.md A3).
//
//   real_t = nominal_t / (P_t / P_base)
// Index types:
//   level  — a price index in any base (e.g. 1978 = 100); P_t is the index itself.
//   chain  — 上年=100 (previous year = 100): P_base = 1, P_t = P_{t−1}·idx_t/100 going forward and
//            P_{t−1} = P_t/(idx_t/100) going back (so the base year's own chain value is used only backward).
//   real   — a real (volume) index R instead of a price index: real_t = nominal_base·R_t/R_base.
// Each entity uses its own index (`scope: 'own'`, the default) unless `scope: 'national'`, which takes the
// index of one entity (e.g. 全国) for all. A missing index where it is needed is a DataError naming the
// id and period: interpolate the index first. Periods are used as given; a chain index needs consecutive
// periods. O(n·T) per variable.

import { DataError, UsageError } from '../errors.js';
import type { MethodCard, Warning } from '../result.js';
import { SOFTWARE } from '../version.js';
import { column, withColumn, type Panel } from './panel.js';

export type IndexType = 'level' | 'chain' | 'real';

export interface PriceLevelOptions {
  /** Column holding the price (or real) index. */
  index: string;
  /** Base year: prices of this period. */
  base: number;
  indexType?: IndexType;
  /** 'own' (default): each entity's own index; 'national': the index of entity `nationalId` for all. */
  scope?: 'own' | 'national';
  nationalId?: string;
}

export interface DeflateOptions extends PriceLevelOptions {
  variables: readonly string[];
  /** New column = variable + suffix (default "_real"); "" replaces the variable. */
  suffix?: string;
}

export interface DeflatedCell {
  id: string;
  period: number;
  variable: string;
  nominal: number;
  /** P_t / P_base (for `real` indices: nominal_t / real_t). */
  priceLevel: number;
  real: number;
}

export interface DeflateResult {
  panel: Panel;
  /** Every cell converted. */
  cells: DeflatedCell[];
  warnings: Warning[];
  card: MethodCard;
}

/**
 * Price level relative to the base year, P_t/P_base, for every cell (entity-major, NaN where it cannot be
 * formed). `need[k]` = 1 marks cells where a level is required: a missing index on the way to such a cell is
 * a DataError. Used by `deflate` and by the PIM capital stock.
 */
export function priceLevels(p: Panel, opts: PriceLevelOptions, need?: Uint8Array): Float64Array {
  const T = p.periods.length;
  const n = p.ids.length;
  const type = opts.indexType ?? 'level';
  if (type !== 'level' && type !== 'chain' && type !== 'real') {
    throw new UsageError('bad-index-type', `index type must be level, chain or real (got "${type}")`);
  }
  const b = p.periods.indexOf(opts.base);
  if (b < 0) {
    throw new UsageError('bad-base-year', `base year ${opts.base} is not a period of the data (${p.periods[0]}–${p.periods[T - 1]})`, 'choose a base year inside the data');
  }
  const idx = column(p, opts.index);
  let src = -1;
  if ((opts.scope ?? 'own') === 'national') {
    if (!opts.nationalId) throw new UsageError('missing-national-id', 'scope "national" needs nationalId (the entity whose index is used, e.g. 全国)');
    src = p.ids.indexOf(opts.nationalId);
    if (src < 0) throw new UsageError('unknown-id', `national index entity "${opts.nationalId}" is not among the ids`);
  }
  const out = new Float64Array(n * T).fill(NaN);
  const missing: { id: string; period: number }[] = [];
  const where = (i: number, t: number) => ({ file: p.source, column: opts.index, id: p.ids[i], period: p.periods[t] });
  for (let i = 0; i < n; i++) {
    const ii = src >= 0 ? src : i;
    const row = ii * T;
    const needed = (t: number) => !need || need[i * T + t] === 1;
    const check = (t: number): number => {
      const v = idx[row + t];
      if (Number.isFinite(v) && v <= 0) {
        throw new DataError('bad-index', `price index must be positive (found ${v})`, where(ii, t), 'check the index column');
      }
      return v;
    };
    if (type === 'level' || type === 'real') {
      const pb = check(b);
      for (let t = 0; t < T; t++) {
        const pt = check(t);
        const v = pt / pb;
        if (Number.isFinite(v)) out[i * T + t] = v;
        else if (needed(t)) missing.push({ id: p.ids[ii], period: Number.isFinite(pt) ? p.periods[b] : p.periods[t] });
      }
    } else {
      // chain: walk out from the base year; a gap breaks the chain for everything beyond it
      for (let t = 0; t < T; t++) {
        if (t > 0 && p.periods[t] !== p.periods[t - 1] + 1) {
          throw new UsageError('chain-gap', `a chain index (上年=100) needs consecutive periods; ${p.periods[t - 1]} is followed by ${p.periods[t]}`);
        }
      }
      out[i * T + b] = 1;
      let level = 1;
      let broken: number | null = null;
      for (let t = b + 1; t < T; t++) {
        const c = check(t);
        if (broken === null && !Number.isFinite(c)) broken = t;
        level = broken === null ? (level * c) / 100 : NaN;
        if (broken === null) out[i * T + t] = level;
        else if (needed(t)) missing.push({ id: p.ids[ii], period: p.periods[broken] });
      }
      level = 1;
      broken = null;
      for (let t = b - 1; t >= 0; t--) {
        const c = check(t + 1);
        if (broken === null && !Number.isFinite(c)) broken = t + 1;
        level = broken === null ? level / (c / 100) : NaN;
        if (broken === null) out[i * T + t] = level;
        else if (needed(t)) missing.push({ id: p.ids[ii], period: p.periods[broken] });
      }
    }
  }
  if (missing.length) {
    const uniq = [...new Map(missing.map((m) => [`${m.id}\u0000${m.period}`, m])).values()];
    const list = uniq.slice(0, 20).map((m) => `${m.id} ${m.period}`).join('; ');
    throw new DataError(
      'missing-index',
      `price index "${opts.index}" is missing where it is needed: ${list}${uniq.length > 20 ? ` … (${uniq.length} in all)` : ''}`,
      { file: p.source, column: opts.index, id: uniq[0].id, period: uniq[0].period },
      'fill the index first (interpolate), or choose another base year',
      { missing: uniq },
    );
  }
  return out;
}

/** Deflate `variables` to constant prices of `base`. See the file header. */
export function deflate(p: Panel, opts: DeflateOptions): DeflateResult {
  const T = p.periods.length;
  const n = p.ids.length;
  const suffix = opts.suffix ?? '_real';
  const type = opts.indexType ?? 'level';
  const b = p.periods.indexOf(opts.base);
  let out = p;
  const cells: DeflatedCell[] = [];
  const warnings: Warning[] = [];
  for (const v of opts.variables) {
    const x = column(p, v);
    const need = new Uint8Array(n * T);
    for (let k = 0; k < n * T; k++) if (Number.isFinite(x[k])) need[k] = 1;
    if (type === 'real') for (let i = 0; i < n; i++) if (need.subarray(i * T, i * T + T).some((z) => z)) need[i * T + b] = 1;
    const P = priceLevels(p, opts, need);
    const real = new Float64Array(n * T).fill(NaN);
    for (let i = 0; i < n; i++) {
      for (let t = 0; t < T; t++) {
        const k = i * T + t;
        if (!need[k] || !Number.isFinite(x[k])) continue;
        let r: number;
        let level: number;
        if (type === 'real') {
          const nb = x[i * T + b];
          if (!Number.isFinite(nb)) {
            throw new DataError('missing-base-value', `deflating with a real index needs the nominal value in the base year ${opts.base}`, { file: p.source, column: v, id: p.ids[i], period: opts.base }, 'fill the base-year value or choose another base year');
          }
          r = nb * P[k];
          level = x[k] / r;
        } else {
          level = P[k];
          r = x[k] / level;
        }
        real[k] = r;
        cells.push({ id: p.ids[i], period: p.periods[t], variable: v, nominal: x[k], priceLevel: level, real: r });
      }
    }
    const name = v + suffix;
    const meta = p.meta[v];
    out = withColumn(out, name, real, {
      ...(meta ?? { key: v }),
      key: name,
      source: `${meta?.source ? meta.source + '; ' : ''}deflated by ${opts.index} (${type}, base ${opts.base})`,
    });
  }
  cells.sort((a, c) => a.period - c.period || (a.id < c.id ? -1 : a.id > c.id ? 1 : 0) || (a.variable < c.variable ? -1 : 1));
  return {
    panel: out,
    cells,
    warnings,
    card: {
      method: 'deflate',
      title: { en: 'Deflation to constant prices', zh: '价格平减（不变价）' },
      conventions: {
        variables: [...opts.variables],
        index: opts.index,
        indexType: type,
        base: opts.base,
        scope: opts.scope ?? 'own',
        nationalId: opts.nationalId ?? null,
        suffix,
        cells: cells.length,
      },
      formulas:
        type === 'real'
          ? ['real_t = nominal_{base} · R_t / R_{base}']
          : type === 'chain'
            ? ['P_{base} = 1,\\; P_t = P_{t-1} · idx_t/100', 'real_t = nominal_t / P_t']
            : ['real_t = nominal_t / (P_t / P_{base})'],
      citations: [],
      software: SOFTWARE,
    },
  };
}
