// Helpers shared by the section planners: file-safe ids, series labels, and the table column sets most sections use.

import type { RunContext } from '../context.js';
import type { Bilingual, TableColumn } from '../results.js';

export function safeId(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
}

/** Label of a series or column in both languages. */
export function seriesLabel(ctx: RunContext, name: string): Bilingual {
  const s = ctx.series.get(name);
  if (s) return s.label;
  const m = ctx.panel.meta[name]?.label;
  return { en: m?.en ?? name, zh: m?.zh ?? m?.en ?? name };
}

export function col(key: string, en: string, zh: string, kind: TableColumn['kind'] = 'number'): TableColumn {
  return { key, label: { en, zh }, kind };
}

export const PERIOD_COL = col('period', 'Period', '年份', 'integer');

/** The last period of the panel, or the one the spec names (checked at plan time). */
export function resolvePeriod(ctx: RunContext, p: number | 'last' | undefined): number {
  return p === undefined || p === 'last' ? ctx.panel.periods[ctx.panel.periods.length - 1] : p;
}
