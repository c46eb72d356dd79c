// Descriptive statistics of the variables an evaluation uses (the "Table 1" of every paper): observations,
// mean, sample SD (n − 1), min, median (type-7 quantile), max, pooled over units and periods of the sample.
// Missing cells are skipped and counted. O(N log N) per variable (the median sorts).

import type { Result } from '../../result.js';
import { SOFTWARE } from '../../version.js';
import { mean, sd, quantile } from '../../math/stats.js';
import type { RunContext } from '../context.js';
import type { Table } from '../results.js';

export interface DescribeRow {
  variable: string;
  n: number;
  missing: number;
  mean: number | null;
  sd: number | null;
  min: number | null;
  median: number | null;
  max: number | null;
  status: 'ok' | 'insufficient_data';
}

export function describeVariables(ctx: RunContext, variables: string[]): Result<DescribeRow> {
  const rows: DescribeRow[] = [];
  for (const v of variables) {
    const col = ctx.panel.columns[v];
    if (!col) continue;
    const xs: number[] = [];
    for (let k = 0; k < col.length; k++) if (ctx.panel.present[k] && Number.isFinite(col[k])) xs.push(col[k]);
    const present = ctx.panel.present.reduce((a, b) => a + b, 0);
    const n = xs.length;
    const fin = (x: number) => (Number.isFinite(x) ? x : null);
    let mn = Infinity;
    let mx = -Infinity;
    for (const x of xs) {
      if (x < mn) mn = x;
      if (x > mx) mx = x;
    }
    rows.push({
      variable: v,
      n,
      missing: present - n,
      mean: n ? fin(mean(xs)) : null,
      sd: n > 1 ? fin(sd(xs)) : null,
      min: n ? mn : null,
      median: n ? fin(quantile(xs, 0.5)) : null,
      max: n ? mx : null,
      status: n > 1 ? 'ok' : 'insufficient_data',
    });
  }
  return {
    method: 'describe',
    params: { variables },
    rows,
    summary: { units: ctx.panel.ids.length, periods: ctx.panel.periods.length },
    warnings: [],
    card: {
      method: 'describe',
      title: { en: 'Descriptive statistics', zh: '描述性统计' },
      conventions: { sd: 'sample (n − 1)', median: 'type-7 quantile', pooled: 'all units and periods of the sample', missing: 'skipped and counted' },
      citations: [],
      software: SOFTWARE,
    },
  };
}

export function describeTable(ctx: RunContext, result: Result<DescribeRow>): Table {
  const label = (v: string) => {
    const m = ctx.panel.meta[v]?.label;
    return m?.[ctx.lang] ?? m?.en ?? v;
  };
  return {
    id: 'descriptive',
    section: 'data',
    title: { en: 'Descriptive statistics', zh: '描述性统计' },
    note: {
      en: `Pooled over ${ctx.panel.ids.length} units and ${ctx.panel.periods.length} periods (${ctx.panel.periods[0]}–${ctx.panel.periods[ctx.panel.periods.length - 1]}); SD is the sample standard deviation.`,
      zh: `样本为 ${ctx.panel.ids.length} 个单位、${ctx.panel.periods.length} 期（${ctx.panel.periods[0]}—${ctx.panel.periods[ctx.panel.periods.length - 1]}年）的混合数据；标准差为样本标准差。`,
    },
    columns: [
      { key: 'variable', label: { en: 'Variable', zh: '变量' }, kind: 'text' },
      { key: 'n', label: { en: 'N', zh: '观测数' }, kind: 'integer' },
      { key: 'mean', label: { en: 'Mean', zh: '均值' }, kind: 'number' },
      { key: 'sd', label: { en: 'SD', zh: '标准差' }, kind: 'number' },
      { key: 'min', label: { en: 'Min', zh: '最小值' }, kind: 'number' },
      { key: 'median', label: { en: 'Median', zh: '中位数' }, kind: 'number' },
      { key: 'max', label: { en: 'Max', zh: '最大值' }, kind: 'number' },
    ],
    rows: result.rows.map((r) => ({ variable: label(r.variable), n: r.n, mean: r.mean, sd: r.sd, min: r.min, median: r.median, max: r.max })),
  };
}
