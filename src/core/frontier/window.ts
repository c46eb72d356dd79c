// DEA window analysis (methods.md E10): efficiency over moving windows of w consecutive periods.
//
// Charnes, Clark, Cooper & Golany (1985), Annals of Operations Research 2, 95–112; Cooper, Seiford & Tone (2007),
// Data Envelopment Analysis, 2nd ed., §11.2. Window k covers periods p_k … p_{k+w−1} (k = 1 … T − w + 1); every
// DMU-period in it is a separate DMU of one pooled frontier (dea() with `frontier: 'pooled'` on the window's
// sub-panel), so a DMU-period is scored once in each of the (up to w) windows that contain it.
// Reported: every score (row per DMU-period-window) and, as MaxDEA and CST (2007) tabulate them, the mean of each
// DMU-period across its windows, and per DMU the mean of all its window scores, the total range (max − min of all
// its scores) and LDY (largest difference between scores of the same period in different windows).
// Conventions: w = 3 by default; windows in period order, within a window rows by period then id; the model is any
// radial or SBM (or DDF) model dea() offers, including super-efficiency; means skip null scores (their count is
// given). Distinct from the Malmquist `window:b` reference technology (methods.md F1).
// Complexity: T − w + 1 dea() runs on ≤ w·n DMUs each.

import { UsageError } from '../errors.js';
import type { Result, MethodCard, Warning } from '../result.js';
import { countStatuses } from '../result.js';
import { SOFTWARE } from '../version.js';
import type { Panel } from '../panel/panel.js';
import { dea, type DeaData, type DeaOptions } from './dea.js';

export interface WindowAnalysisOptions extends Omit<DeaOptions, 'frontier'> {
  /** Window width w in periods (default 3; 1 ≤ w ≤ number of periods). */
  width?: number;
}

export interface WindowAnalysisRow {
  id: string;
  period: number | string;
  /** "first-last" periods of the window. */
  window: string;
  efficiency: number | null;
  status: string;
  reason?: string;
}

export interface WindowPeriodMean { id: string; period: number | string; mean: number | null; windows: number; scored: number }
export interface WindowDmuSummary { id: string; mean: number | null; scored: number; totalRange: number | null; ldy: number | null }

interface Obs { id: string; period: number | string; values: number[] }

function cmpPeriod(a: number | string, b: number | string): number {
  if (a === b) return 0;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}
const cmpId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function collect(data: Panel | DeaData, vars: string[]): { obs: Obs[]; periods: (number | string)[]; source?: string } {
  const obs: Obs[] = [];
  if ('present' in data) {
    const T = data.periods.length;
    for (const v of vars) if (!data.columns[v]) throw new UsageError('unknown-column', `no numeric column "${v}" in ${data.source ?? 'the data'}; columns are: ${Object.keys(data.columns).join(', ')}`);
    for (let i = 0; i < data.ids.length; i++) for (let t = 0; t < T; t++) {
      const c = i * T + t;
      if (data.present[c]) obs.push({ id: data.ids[i], period: data.periods[t], values: vars.map((v) => data.columns[v][c]) });
    }
    return { obs, periods: [...data.periods].sort(cmpPeriod), source: data.source };
  }
  if (!data.periods) throw new UsageError('bad-option', 'window analysis needs a period for every observation', 'give the period column with --period');
  if (data.periods.length !== data.ids.length) throw new UsageError('bad-data', `${data.periods.length} periods for ${data.ids.length} ids`);
  for (const v of vars) {
    if (!data.columns[v]) throw new UsageError('unknown-column', `no numeric column "${v}"; columns are: ${Object.keys(data.columns).join(', ')}`);
    if (data.columns[v].length !== data.ids.length) throw new UsageError('bad-data', `column "${v}" has ${data.columns[v].length} values for ${data.ids.length} ids`);
  }
  data.ids.forEach((id, j) => obs.push({ id, period: data.periods![j], values: vars.map((v) => Number(data.columns[v][j])) }));
  const periods = [...new Set(data.periods)].sort(cmpPeriod);
  return { obs, periods, source: data.source };
}

/** Window analysis: every DMU-period scored in each window of `width` consecutive periods, plus MaxDEA-style means. */
export function windowAnalysis(data: Panel | DeaData, options: WindowAnalysisOptions): Result<WindowAnalysisRow> {
  const w = options.width ?? 3;
  const model = options.model ?? 'radial';
  if ('frontier' in options && (options as { frontier?: unknown }).frontier !== undefined) throw new UsageError('bad-option', 'window analysis sets its own frontier (one pooled frontier per window)', 'drop --frontier');
  if (model === 'nddf' || model === 'additive') throw new UsageError('bad-option', `window analysis reports an efficiency score; the ${model} model has none`, 'use --model radial, sbm or ddf');
  if (!Number.isInteger(w) || w < 1) throw new UsageError('bad-option', `window width must be a positive integer, got ${w}`, 'e.g. --window 3');
  const vars = [...(options.inputs ?? []), ...(options.outputs ?? []), ...(options.undesirable ?? [])];
  const { obs, periods, source } = collect(data, vars);
  const T = periods.length;
  if (w > T) throw new UsageError('bad-option', `window width ${w} exceeds the ${T} period(s) in the data`, T <= 1 ? 'window analysis needs a panel: give the period column with --period' : `use a width between 1 and ${T}`);

  const { width: _w, ...deaOptions } = options;
  const rows: WindowAnalysisRow[] = [];
  const windows: { window: string; first: number | string; last: number | string; n: number; meanEfficiency: number | null }[] = [];
  const warnings: Warning[] = [];
  let lps = 0;
  let firstParams: Record<string, unknown> | null = null;
  let firstCard: MethodCard | null = null;
  for (let k = 0; k + w <= T; k++) {
    const inWindow = new Set(periods.slice(k, k + w));
    const sub = obs.filter((o) => inWindow.has(o.period));
    const label = `${periods[k]}-${periods[k + w - 1]}`;
    const subData: DeaData = {
      ids: sub.map((o) => o.id),
      periods: sub.map((o) => o.period),
      columns: Object.fromEntries(vars.map((v, q) => [v, sub.map((o) => o.values[q])])),
      source,
    };
    // Only the score is reported, so the max-slack phase II is skipped unless asked for (it never changes the score).
    const res = dea(subData, { ...deaOptions, slack: deaOptions.slack ?? 'none', frontier: 'pooled' } as DeaOptions);
    firstParams ??= res.params;
    firstCard ??= res.card;
    lps += (res.summary.lps as number) ?? 0;
    for (const wr of res.warnings) warnings.push({ ...wr, message: `window ${label}: ${wr.message}` });
    for (const r of res.rows) {
      const ok = typeof r.efficiency === 'number' && Number.isFinite(r.efficiency);
      const row: WindowAnalysisRow = { id: r.id, period: r.period as number | string, window: label, efficiency: ok ? r.efficiency as number : null, status: r.status };
      if (!ok) { if (row.status === 'optimal') row.status = 'undefined'; row.reason = r.reason ?? 'no efficiency score'; }
      rows.push(row);
    }
    const sc = res.rows.map((r) => r.efficiency).filter((v): v is number => typeof v === 'number');
    windows.push({ window: label, first: periods[k], last: periods[k + w - 1], n: res.rows.length, meanEfficiency: sc.length ? sc.reduce((a, b) => a + b, 0) / sc.length : null });
  }

  // Means across windows (MaxDEA), total range and LDY (Cooper, Seiford & Tone 2007, §11.2).
  const byCell = new Map<string, { id: string; period: number | string; scores: number[]; windows: number }>();
  for (const r of rows) {
    const key = `${r.id}\u0000${String(r.period)}`;
    let c = byCell.get(key);
    if (!c) { c = { id: r.id, period: r.period, scores: [], windows: 0 }; byCell.set(key, c); }
    c.windows++;
    if (r.efficiency !== null) c.scores.push(r.efficiency);
  }
  const avg = (v: number[]): number | null => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : null);
  const cells = [...byCell.values()].sort((a, b) => cmpPeriod(a.period, b.period) || cmpId(a.id, b.id));
  const periodMeans: WindowPeriodMean[] = cells.map((c) => ({ id: c.id, period: c.period, mean: avg(c.scores), windows: c.windows, scored: c.scores.length }));
  const ids = [...new Set(cells.map((c) => c.id))].sort(cmpId);
  const dmuSummary: WindowDmuSummary[] = ids.map((id) => {
    const mine = cells.filter((c) => c.id === id);
    const all = mine.flatMap((c) => c.scores);
    const ldyParts = mine.filter((c) => c.scores.length > 0).map((c) => Math.max(...c.scores) - Math.min(...c.scores));
    return {
      id, mean: avg(all), scored: all.length,
      totalRange: all.length ? Math.max(...all) - Math.min(...all) : null,
      ldy: ldyParts.length ? Math.max(...ldyParts) : null,
    };
  });

  const statusCounts = countStatuses(rows);
  const scored = rows.map((r) => r.efficiency).filter((v): v is number => v !== null);
  const params = { ...(firstParams ?? {}), frontier: 'pooled per window', width: w, windows: windows.length };
  const baseConv = firstCard?.conventions ?? {};
  const card: MethodCard = {
    method: 'dea-window',
    title: { en: `DEA window analysis (${firstCard?.title.en ?? 'DEA'})`, zh: `DEA窗口分析（${firstCard?.title.zh ?? 'DEA'}）` },
    conventions: {
      ...baseConv,
      ...params,
      windows: `width ${w}: ${windows.length} window(s) of consecutive periods (${windows.map((x) => x.window).join(', ')}); each window's DMU-periods pooled as separate DMUs of one frontier`,
      scalingPerWindow: 'mean scaling (if on) uses the window\'s observations; radial and SBM scores are invariant to it',
      rowOrder: 'windows in period order; within a window by period, then id',
      means: 'periodMeans: mean of a DMU-period over the windows containing it; dmuSummary: mean of all window scores of a DMU (MaxDEA), totalRange = max - min of them, ldy = largest difference between scores of the same period across windows (Cooper, Seiford & Tone 2007); null scores skipped and counted',
    },
    formulas: [...(firstCard?.formulas ?? []), 'W_k = \\{p_k, \\dots, p_{k+w-1}\\},\\ k = 1, \\dots, T - w + 1'],
    citations: [
      { text: 'Charnes, A., Clark, C.T., Cooper, W.W., Golany, B. (1985). A developmental study of data envelopment analysis in measuring the efficiency of maintenance units in the U.S. Air Forces. Annals of Operations Research 2, 95–112.', doi: '10.1007/BF01874734' },
      { text: 'Cooper, W.W., Seiford, L.M., Tone, K. (2007). Data Envelopment Analysis, 2nd ed., §11.2 (window analysis). Springer.' },
      ...(firstCard?.citations ?? []),
    ],
    software: SOFTWARE,
    statusCounts,
  };
  const summary = {
    n: rows.length, statusCounts, width: w, windows,
    meanEfficiency: avg(scored),
    periodMeans, dmuSummary, lps,
  };
  return { method: 'dea-window', params, rows, summary, warnings, card };
}
