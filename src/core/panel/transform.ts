// Logs, growth rates and per-capita values (methods.md §0 "growth means log difference", A4).
//
//   logs:       ln x (natural; base 10 on request). x ≤ 0 → missing, counted as `undefined`.
//   growthRate: log (default)  g_t = (ln x_t − ln x_{t−1}) / Δ
//               discrete       g_t = (x_t / x_{t−1})^{1/Δ} − 1
//               where t−1 is the previous period of the panel and Δ its distance in periods (1 for annual data;
//               with `annualize: false` Δ = 1 always). Optional ×100 (`percent`). The first period is missing.
//   perCapita:  x_t / pop_t with pop = year-end population (年末常住人口, default `yearEnd`) or the average of
//               the previous and current year-end values (`average`: (P_{t−1} + P_t)/2, needs period t−1).
//               A zero denominator gives missing, counted as `undefined` (methods.md A4). Optional `scale`
//               (e.g. 10000 when x is in 亿元 and population in 万人 and the result should be 元).
// Every function returns a new panel (input unchanged), the counts and the list of undefined cells. O(n·T).

import { UsageError } from '../errors.js';
import type { MethodCard, Warning } from '../result.js';
import { SOFTWARE } from '../version.js';
import { column, withColumn, type Panel } from './panel.js';
import { log, log10, pow } from '../math/elementary.js';

export interface TransformResult {
  panel: Panel;
  counts: { name: string; from: string; ok: number; missing: number; undefined: number }[];
  undefinedCells: { id: string; period: number; variable: string }[];
  warnings: Warning[];
  card: MethodCard;
}

type Kernel = (i: number, t: number, k: number) => { value: number; undefined: boolean };

function apply(
  p: Panel,
  jobs: { name: string; from: string; kernel: Kernel }[],
  method: string,
  title: { en: string; zh: string },
  conventions: Record<string, unknown>,
  formulas: string[],
): TransformResult {
  const T = p.periods.length;
  const n = p.ids.length;
  let out = p;
  const counts: TransformResult['counts'] = [];
  const undefinedCells: TransformResult['undefinedCells'] = [];
  const warnings: Warning[] = [];
  for (const job of jobs) {
    const v = new Float64Array(n * T);
    let ok = 0;
    let missing = 0;
    let undef = 0;
    for (let i = 0; i < n; i++) {
      for (let t = 0; t < T; t++) {
        const k = i * T + t;
        const r = job.kernel(i, t, k);
        if (Number.isFinite(r.value)) {
          v[k] = r.value;
          ok++;
        } else {
          v[k] = NaN;
          if (r.undefined) {
            undef++;
            undefinedCells.push({ id: p.ids[i], period: p.periods[t], variable: job.name });
          } else missing++;
        }
      }
    }
    counts.push({ name: job.name, from: job.from, ok, missing, undefined: undef });
    if (undef) {
      warnings.push({ code: `${method}-undefined`, message: `${job.name}: ${undef} cells are undefined (${method === 'per-capita' ? 'zero population' : 'non-positive values'})`, messageZh: `${job.name}：${undef} 个单元格无定义`, count: undef, where: { column: job.name } });
    }
    const meta = p.meta[job.from];
    out = withColumn(out, job.name, v, { key: job.name, label: meta?.label, source: `${method} of ${job.from}` });
  }
  return {
    panel: out,
    counts,
    undefinedCells,
    warnings,
    card: {
      method,
      title,
      conventions: { ...conventions, columns: Object.fromEntries(jobs.map((j) => [j.name, j.from])) },
      formulas,
      citations: [],
      software: SOFTWARE,
      statusCounts: { ok: counts.reduce((s, c) => s + c.ok, 0), undefined: counts.reduce((s, c) => s + c.undefined, 0), missing: counts.reduce((s, c) => s + c.missing, 0) },
    },
  };
}

export interface LogOptions {
  /** Name of the new column = prefix + variable (default "ln_"). */
  prefix?: string;
  base?: 'e' | 10;
}

/** Natural (or base-10) logarithms of `variables`. */
export function logs(p: Panel, variables: readonly string[], options: LogOptions = {}): TransformResult {
  const base = options.base ?? 'e';
  if (base !== 'e' && base !== 10) throw new UsageError('bad-option', `log base must be "e" or 10 (got ${String(base)})`);
  const prefix = options.prefix ?? (base === 10 ? 'log10_' : 'ln_');
  const f = base === 10 ? log10 : log;
  const jobs = variables.map((v) => {
    const x = column(p, v);
    return { name: prefix + v, from: v, kernel: (_i: number, _t: number, k: number) => ({ value: x[k] > 0 ? f(x[k]) : NaN, undefined: Number.isFinite(x[k]) && x[k] <= 0 }) };
  });
  return apply(p, jobs, 'logs', { en: 'Logarithms', zh: '取对数' }, { base: base === 10 ? 10 : 'e', prefix, nonPositive: 'missing (undefined)' }, [base === 10 ? 'y = \\log_{10} x' : 'y = \\ln x']);
}

export interface GrowthOptions {
  /** 'log' (default): log difference; 'discrete': x_t/x_{t−1} − 1. */
  method?: 'log' | 'discrete';
  /** Multiply by 100. Default false. */
  percent?: boolean;
  /** Divide by the distance between periods (geometric mean for discrete). Default true. */
  annualize?: boolean;
  /** New column = prefix + variable (default "g_"). */
  prefix?: string;
}

/** Period-on-period growth of `variables`. */
export function growthRate(p: Panel, variables: readonly string[], options: GrowthOptions = {}): TransformResult {
  const method = options.method ?? 'log';
  if (method !== 'log' && method !== 'discrete') throw new UsageError('bad-option', `growth method must be log or discrete (got "${String(method)}")`);
  const scale = options.percent ? 100 : 1;
  const annualize = options.annualize ?? true;
  const prefix = options.prefix ?? 'g_';
  const per = p.periods;
  const jobs = variables.map((v) => {
    const x = column(p, v);
    const kernel = (_i: number, t: number, k: number) => {
      if (t === 0) return { value: NaN, undefined: false };
      const a = x[k - 1];
      const b = x[k];
      if (!Number.isFinite(a) || !Number.isFinite(b)) return { value: NaN, undefined: false };
      const gap = annualize ? per[t] - per[t - 1] : 1;
      if (method === 'log') {
        if (!(a > 0 && b > 0)) return { value: NaN, undefined: true };
        return { value: (scale * (log(b) - log(a))) / gap, undefined: false };
      }
      if (a === 0) return { value: NaN, undefined: true };
      const ratio = b / a;
      if (gap !== 1 && ratio < 0) return { value: NaN, undefined: true };
      return { value: scale * (gap === 1 ? ratio - 1 : pow(ratio, 1 / gap) - 1), undefined: false };
    };
    return { name: prefix + v, from: v, kernel };
  });
  return apply(
    p,
    jobs,
    'growth-rate',
    { en: 'Growth rates', zh: '增长率' },
    { method, percent: Boolean(options.percent), annualize, prefix, previous: 'the previous period of the panel', firstPeriod: 'missing' },
    [method === 'log' ? 'g_t = (\\ln x_t - \\ln x_{t-1})/\\Delta' : 'g_t = (x_t/x_{t-1})^{1/\\Delta} - 1'],
  );
}

export interface PerCapitaOptions {
  /** 'yearEnd' (default, 年末常住人口) or 'average' ((P_{t−1} + P_t)/2). */
  pop?: 'yearEnd' | 'average';
  /** Multiply the ratio by this (default 1). */
  scale?: number;
  /** New column = variable + suffix (default "_pc"). */
  suffix?: string;
}

/** x / population for each of `variables`; `population` is the population column. */
export function perCapita(p: Panel, variables: readonly string[], population: string, options: PerCapitaOptions = {}): TransformResult {
  const mode = options.pop ?? 'yearEnd';
  if (mode !== 'yearEnd' && mode !== 'average') throw new UsageError('bad-option', `pop must be yearEnd or average (got "${String(mode)}")`);
  const scale = options.scale ?? 1;
  const suffix = options.suffix ?? '_pc';
  const P = column(p, population);
  const per = p.periods;
  const jobs = variables.map((v) => {
    const x = column(p, v);
    const kernel = (_i: number, t: number, k: number) => {
      let d: number;
      if (mode === 'yearEnd') d = P[k];
      else d = t > 0 && per[t] - per[t - 1] === 1 ? (P[k - 1] + P[k]) / 2 : NaN;
      if (!Number.isFinite(x[k]) || !Number.isFinite(d)) return { value: NaN, undefined: false };
      if (d === 0) return { value: NaN, undefined: true };
      return { value: (scale * x[k]) / d, undefined: false };
    };
    return { name: v + suffix, from: v, kernel };
  });
  return apply(
    p,
    jobs,
    'per-capita',
    { en: 'Per-capita values', zh: '人均值' },
    { population, pop: mode, scale, suffix, zeroPopulation: 'missing (undefined)' },
    [mode === 'yearEnd' ? 'y_t = s · x_t / P_t' : 'y_t = s · x_t / ((P_{t-1} + P_t)/2)'],
  );
}
