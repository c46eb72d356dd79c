// Perpetual-inventory capital stock (PIM), methods.md A5.
//
//   K_t = (1 − δ_t)·K_{t−1} + I_t / P_t          for t > t₀ (the recursion starts at t₀ + 1)
// Base-year stock:
//   steady (default): K_{t₀} = (I_{t₀}/P_{t₀}) / (g + δ_{t₀}), the steady-state stock of a series growing at g
//                     (Harberger 1978; Hall & Jones 1999, QJE 114(1), 83–116, footnote on capital);
//                     g = average geometric growth of real investment over the first N years,
//                     g = (Ĩ_{t₀+N} / Ĩ_{t₀})^{1/N} − 1 with Ĩ = I/P (N = growthYears, default 5 as the issue asks;
//                     Hall & Jones used 10 — pass growthYears: 10). `growth: 'output'` takes g from an output
//                     column the same way (Harberger's method); `growth: {fixed: g}` gives g directly.
//   ratio:            K_{t₀} = (I_{t₀}/P_{t₀}) / 0.10 (Zhang Jun, Wu Guiying & Zhang Jipeng 2004, 经济研究 (10),
//                     dividing 1952 investment by 10%, following Young 2000).
// δ: scalar (default 0.096, Zhang et al. 2004 for provinces) or one value per period.
// P: the investment price index rebased to 1 in `priceBase` (default: the first period of the panel), so K is
// in constant prices of that year; 上年=100 chain indices are accepted (`deflatorType: 'chain'`).
// Each entity starts at its own first year with investment (e.g. 重庆 1997, 海南 1988) unless `baseYear`
// is given. Errors (DataError naming id and period): negative or missing real investment inside an entity's
// span, g + δ ≤ 0. Cells before an entity's start (or after its last investment) get capital null with status
// `insufficient_data`. O(n·T).

import { DataError, UsageError } from '../errors.js';
import { countStatuses, type MethodCard, type Result, type Status, type Warning } from '../result.js';
import { SOFTWARE } from '../version.js';
import { column, withColumn, type Panel } from './panel.js';
import { priceLevels } from './deflate.js';
import { pow } from '../math/elementary.js';

export type PimBase = 'steady' | 'ratio';
export type PimGrowth = 'investment' | 'output' | { fixed: number };

export interface CapitalStockOptions {
  /** Nominal investment column (固定资本形成总额 or 全社会固定资产投资). */
  investment: string;
  /** Investment price index column. Omit when `investment` is already in constant prices. */
  deflator?: string;
  deflatorType?: 'level' | 'chain';
  /** Year whose prices K is expressed in (P = 1 there). Default: the first period. */
  priceBase?: number;
  /** Depreciation rate: a scalar or one value per period (keyed by period). Default 0.096. */
  delta?: number | Record<number, number>;
  base?: PimBase;
  growth?: PimGrowth;
  /** Years over which g is averaged (default 5). */
  growthYears?: number;
  /** Output column for `growth: 'output'`. */
  output?: string;
  /** Divisor of the `ratio` base (default 0.10). */
  ratio?: number;
  /** Common first year for every entity (default: each entity's first year with investment). */
  baseYear?: number;
  /** Name of the column added to the returned panel (default "capital"). */
  name?: string;
}

export interface CapitalRow {
  id: string;
  period: number;
  capital: number | null;
  /** Real investment I_t/P_t. */
  investmentReal: number | null;
  status: Status;
  reason?: string;
}

export interface CapitalEntitySummary {
  id: string;
  startYear: number | null;
  endYear: number | null;
  g: number | null;
  /** Years actually used for g (fewer than growthYears when the series is short). */
  gYears: number | null;
  K0: number | null;
}

export interface CapitalStockPanel {
  /** The input panel with the capital column added. */
  panel: Panel;
  result: Result<CapitalRow>;
}

export const ZHANG_2004_DELTA = 0.096;

const CITATIONS = [
  { text: '张军, 吴桂英, 张吉鹏 (2004). 中国省际物质资本存量估算：1952—2000. 经济研究 (10), 35–44. [Zhang, J., Wu, G. & Zhang, J. (2004). The estimation of China\'s provincial capital stock: 1952–2000. Economic Research Journal (10), 35–44.]' },
  { text: 'Hall, R. E. & Jones, C. I. (1999). Why do some countries produce so much more output per worker than others? Quarterly Journal of Economics 114(1), 83–116.', doi: '10.1162/003355399555954' },
  { text: 'Harberger, A. C. (1978). Perspectives on capital and technology in less developed countries. In M. J. Artis & A. R. Nobay (eds.), Contemporary Economic Analysis, 69–151. London: Croom Helm.' },
  { text: 'Young, A. (2003). Gold into base metals: productivity growth in the People\'s Republic of China during the reform period. Journal of Political Economy 111(6), 1220–1261 (NBER WP 7856, 2000).', doi: '10.1086/378532' },
];

/** Perpetual-inventory capital stock as a Result (rows id, period, capital); see the file header. */
export function capitalStock(p: Panel, opts: CapitalStockOptions): Result<CapitalRow> {
  return addCapitalStock(p, opts).result;
}

/** The same, also returning the panel with the capital column (named `opts.name`, default "capital"). */
export function addCapitalStock(p: Panel, opts: CapitalStockOptions): CapitalStockPanel {
  const T = p.periods.length;
  const n = p.ids.length;
  const base: PimBase = opts.base ?? 'steady';
  if (base !== 'steady' && base !== 'ratio') throw new UsageError('bad-option', `base must be steady or ratio (got "${String(base)}")`);
  const growth: PimGrowth = opts.growth ?? 'investment';
  const N = opts.growthYears ?? 5;
  if (!Number.isInteger(N) || N < 1) throw new UsageError('bad-option', `growthYears must be a positive integer (got ${N})`);
  const ratio = opts.ratio ?? 0.1;
  if (!(ratio > 0)) throw new UsageError('bad-option', `ratio must be positive (got ${ratio})`);
  const name = opts.name ?? 'capital';
  for (let t = 1; t < T; t++) {
    if (p.periods[t] !== p.periods[t - 1] + 1) {
      throw new UsageError('pim-gap', `the perpetual-inventory method needs consecutive years; ${p.periods[t - 1]} is followed by ${p.periods[t]}`, 'add the missing years (interpolate investment) first');
    }
  }
  if (opts.baseYear !== undefined && !p.periods.includes(opts.baseYear)) {
    throw new UsageError('bad-base-year', `base year ${opts.baseYear} is not a period of the data (${p.periods[0]}–${p.periods[T - 1]})`);
  }
  // δ per period
  const delta = new Float64Array(T);
  const d = opts.delta ?? ZHANG_2004_DELTA;
  for (let t = 0; t < T; t++) {
    const v = typeof d === 'number' ? d : d[p.periods[t]];
    if (v === undefined || !Number.isFinite(v) || v < 0 || v > 1) {
      throw new UsageError('bad-delta', `depreciation rate for ${p.periods[t]} must be a number in [0, 1] (got ${v})`, 'give δ as a scalar or one value for every period');
    }
    delta[t] = v;
  }
  if (typeof growth === 'object' && !Number.isFinite(growth.fixed)) throw new UsageError('bad-option', 'growth.fixed must be a finite number');
  if (growth === 'output' && !opts.output) throw new UsageError('missing-option', 'growth "output" needs the output column (option output)');

  const inv = column(p, opts.investment);
  const out = growth === 'output' ? column(p, opts.output!) : null;
  // Real investment
  const span = entitySpans(p, inv, opts.baseYear);
  const need = new Uint8Array(n * T);
  for (let i = 0; i < n; i++) {
    const s = span[i];
    if (s) for (let t = s.start; t <= s.end; t++) need[i * T + t] = 1;
  }
  const priceBase = opts.priceBase ?? p.periods[0];
  const P = opts.deflator
    ? priceLevels(p, { index: opts.deflator, base: priceBase, indexType: opts.deflatorType ?? 'level' }, need)
    : new Float64Array(n * T).fill(1);
  const real = new Float64Array(n * T).fill(NaN);
  for (let i = 0; i < n; i++) {
    const s = span[i];
    if (!s) continue;
    for (let t = s.start; t <= s.end; t++) {
      const k = i * T + t;
      const x = inv[k];
      const where = { file: p.source, column: opts.investment, id: p.ids[i], period: p.periods[t] };
      if (!Number.isFinite(x)) {
        throw new DataError('missing-investment', 'investment is missing inside the series; the perpetual-inventory recursion cannot skip a year', where, 'interpolate investment first (xinzhi interpolation) or shorten the span');
      }
      if (x < 0) throw new DataError('negative-investment', `investment is negative (${x})`, where, 'check the investment column');
      real[k] = x / P[k];
    }
  }

  const capital = new Float64Array(n * T).fill(NaN);
  const rows: CapitalRow[] = [];
  const entities: CapitalEntitySummary[] = [];
  const warnings: Warning[] = [];
  let shortG = 0;
  const status = new Array<Status>(n * T).fill('insufficient_data');
  const reason = new Array<string | undefined>(n * T).fill(undefined);
  for (let i = 0; i < n; i++) {
    const s = span[i];
    if (!s) {
      for (let t = 0; t < T; t++) reason[i * T + t] = 'no investment data for this entity';
      entities.push({ id: p.ids[i], startYear: null, endYear: null, g: null, gYears: null, K0: null });
      continue;
    }
    const r0 = i * T + s.start;
    let g: number | null = null;
    let gYears: number | null = null;
    let K0: number;
    if (base === 'ratio') {
      K0 = real[r0] / ratio;
    } else {
      if (typeof growth === 'object') {
        g = growth.fixed;
      } else {
        const series = growth === 'output' ? out! : real;
        const end = Math.min(s.start + N, growth === 'output' ? lastFinite(series, i * T, s.start, T) : s.end);
        const a = series[r0];
        const b = series[i * T + end];
        if (end <= s.start || !(a > 0) || !(b > 0)) {
          for (let t = 0; t < T; t++) {
            reason[i * T + t] = end <= s.start
              ? `only one year of ${growth === 'output' ? 'output' : 'investment'} from ${p.periods[s.start]}: the growth rate g for the base stock cannot be computed`
              : `the growth rate g needs positive ${growth === 'output' ? 'output' : 'real investment'} in ${p.periods[s.start]} and ${p.periods[end]}`;
          }
          entities.push({ id: p.ids[i], startYear: p.periods[s.start], endYear: p.periods[s.end], g: null, gYears: null, K0: null });
          continue;
        }
        gYears = end - s.start;
        if (gYears < N) shortG++;
        g = pow(b / a, 1 / gYears) - 1;
      }
      const denom = g + delta[s.start];
      if (!(denom > 0)) {
        throw new DataError(
          'pim-nonpositive-denominator',
          `g + δ = ${g} + ${delta[s.start]} ≤ 0: the steady-state base stock I/(g+δ) is undefined`,
          { file: p.source, column: opts.investment, id: p.ids[i], period: p.periods[s.start] },
          'use --base ratio, a fixed g, more growth years, or a larger δ',
        );
      }
      K0 = real[r0] / denom;
    }
    capital[r0] = K0;
    for (let t = s.start + 1; t <= s.end; t++) {
      const k = i * T + t;
      capital[k] = (1 - delta[t]) * capital[k - 1] + real[k];
    }
    for (let t = 0; t < T; t++) {
      const k = i * T + t;
      if (t >= s.start && t <= s.end) status[k] = 'ok';
      else reason[k] = t < s.start ? `before the first year of the series (${p.periods[s.start]})` : `after the last year with investment (${p.periods[s.end]})`;
    }
    entities.push({ id: p.ids[i], startYear: p.periods[s.start], endYear: p.periods[s.end], g, gYears, K0 });
  }
  const order = p.ids.map((id, i) => [id, i] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (let t = 0; t < T; t++) {
    for (const [id, i] of order) {
      const k = i * T + t;
      const row: CapitalRow = {
        id,
        period: p.periods[t],
        capital: Number.isFinite(capital[k]) ? capital[k] : null,
        investmentReal: Number.isFinite(real[k]) ? real[k] : null,
        status: Number.isFinite(capital[k]) ? 'ok' : status[k] === 'ok' ? 'insufficient_data' : status[k],
      };
      if (row.capital === null) row.reason = reason[k] ?? 'not computed';
      rows.push(row);
    }
  }
  if (shortG) {
    warnings.push({
      code: 'pim-short-growth-window',
      message: `${shortG} entities have fewer than ${N} years after their first year; g was averaged over the years available`,
      messageZh: `${shortG} 个单位首年之后不足 ${N} 年，g 按现有年份计算`,
      count: shortG,
    });
  }
  const nullCount = rows.filter((r) => r.capital === null).length;
  if (nullCount) {
    warnings.push({ code: 'pim-null-cells', message: `${nullCount} cells have no capital stock (outside an entity's investment span or g not computable)`, messageZh: `${nullCount} 个单元格无资本存量`, count: nullCount });
  }
  const deltaRecorded = typeof d === 'number' ? d : Object.fromEntries(p.periods.map((y, t) => [y, delta[t]]));
  const params = {
    investment: opts.investment,
    deflator: opts.deflator ?? null,
    deflatorType: opts.deflator ? opts.deflatorType ?? 'level' : null,
    priceBase: opts.deflator ? priceBase : null,
    delta: deltaRecorded,
    base,
    growth: base === 'steady' ? growth : null,
    growthYears: base === 'steady' && typeof growth !== 'object' ? N : null,
    output: growth === 'output' ? opts.output : null,
    ratio: base === 'ratio' ? ratio : null,
    baseYear: opts.baseYear ?? null,
  };
  const card: MethodCard = {
    method: 'capital-stock',
    title: { en: 'Capital stock by the perpetual-inventory method', zh: '永续盘存法资本存量' },
    conventions: {
      ...params,
      start: opts.baseYear === undefined ? "each entity's first year with investment" : opts.baseYear,
      recursionStarts: 't0 + 1',
      priceUnits: opts.deflator ? `constant prices of ${priceBase} (P = 1)` : 'investment taken as real',
      gFormula: base === 'steady' && typeof growth !== 'object' ? `(X_{t0+N}/X_{t0})^{1/N} − 1 over the first ${N} years, X = ${growth === 'output' ? 'output' : 'real investment'}` : null,
    },
    formulas: [
      'K_t = (1-\\delta_t) K_{t-1} + I_t / P_t',
      base === 'steady' ? 'K_{t_0} = (I_{t_0}/P_{t_0}) / (g + \\delta)' : `K_{t_0} = (I_{t_0}/P_{t_0}) / ${ratio}`,
      ...(base === 'steady' && typeof growth !== 'object' ? ['g = (X_{t_0+N}/X_{t_0})^{1/N} - 1'] : []),
    ],
    citations: base === 'ratio' ? [CITATIONS[0], CITATIONS[3]] : [CITATIONS[0], CITATIONS[1], CITATIONS[2]],
    software: SOFTWARE,
    statusCounts: countStatuses(rows),
  };
  return {
    result: { method: 'capital-stock', params, rows, summary: { entities, growthYears: N, delta: deltaRecorded }, warnings, card },
    panel: withColumn(p, name, capital, { key: name, label: { en: 'Capital stock (PIM)', zh: '资本存量（永续盘存法）' }, source: `PIM from ${opts.investment}` }),
  };
}

/** First and last period index with finite investment per entity (from baseYear if given). */
function entitySpans(p: Panel, inv: Float64Array, baseYear?: number): ({ start: number; end: number } | null)[] {
  const T = p.periods.length;
  const from = baseYear === undefined ? 0 : p.periods.indexOf(baseYear);
  return p.ids.map((_, i) => {
    let start = -1;
    let end = -1;
    for (let t = from; t < T; t++) {
      if (Number.isFinite(inv[i * T + t])) {
        if (start < 0) start = t;
        end = t;
      }
    }
    if (baseYear !== undefined && start !== from) {
      if (start < 0) return null;
      throw new DataError(
        'missing-investment',
        `investment is missing in the base year ${baseYear}`,
        { file: p.source, id: p.ids[i], period: baseYear },
        'choose a base year every entity has, or omit --base-year to start each entity at its own first year',
      );
    }
    return start < 0 ? null : { start, end };
  });
}

function lastFinite(x: Float64Array, row: number, from: number, T: number): number {
  let last = from;
  for (let t = from; t < T; t++) if (Number.isFinite(x[row + t])) last = t;
  return last;
}
