// What report.html shows for each section: summary sentences generated from the numbers, ECharts options, the
// tables to list and the method cards. Every number goes through the Reader, so it is traceable to results.json.
// Chart helpers here are generic (bars, lines, heat map, radar, scatter, choropleth, ridgelines); the section
// builders in views-sections.ts pick the data.

import type { EvaluationResults, Section } from '../core/evaluation/results.js';
import type { Lang } from '../core/evaluation/spec.js';
import type { MethodCard } from '../core/result.js';
import { fmtNum, fmtP, fmtPercent, pick } from './format.js';
import type { Path, Reader } from './refs.js';
import { SECTION_VIEWS } from './views-sections.js';
export { OKABE_ITO, VIRIDIS, baseOption } from './palette.js';

export interface ChartSpec {
  id: string;
  title: string;
  note?: string;
  option: Record<string, unknown>;
  refs: [string, number][];
  size?: 'tall' | 'short';
  map?: string;
}

export interface SectionView {
  id: string;
  title: string;
  sentences: string[];
  charts: ChartSpec[];
  tables: string[];
  cards: MethodCard[];
}

export interface Env {
  results: EvaluationResults;
  lang: Lang;
  digits: number;
  top: number;
  maps: string[];
  /** Display name of a unit (the data's name column, else the id). */
  name(id: string): string;
}

export type ViewBuilder = (r: Reader, section: Section, sIdx: number, env: Env) => { sentences: string[]; charts: ChartSpec[] };

export function escHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Builds sentence fragments; numbers become traceable spans. */
export class Say {
  constructor(private r: Reader, private env: Env) {}
  /** kind p: a p-value, "< 0.001" below 0.001, else 3 decimals. */
  num(path: Path, kind: 'number' | 'percent' | 'integer' | 'p' = 'number', digits = this.env.digits): string {
    const v = this.r.num(path);
    if (kind === 'p') digits = 3;
    const text = kind === 'p' ? fmtP(v) : kind === 'percent' ? fmtPercent(v, Math.max(0, digits - 2)) : kind === 'integer' && v !== null ? String(v) : fmtNum(v, digits);
    if (v === null) return '—';
    return `<span class="num" data-path="${escHtml(path.join('.'))}" data-v="${v}" data-k="${kind}" data-d="${digits}">${escHtml(text)}</span>`;
  }
  name(id: string): string {
    return `<b>${escHtml(this.env.name(id))}</b>`;
  }
  text(s: string): string {
    return escHtml(s);
  }
}

export function sectionViews(reader: Reader, results: EvaluationResults, opts: { maps: string[] }): SectionView[] {
  const lang = results.language;
  const names = results.data.names ?? {};
  const env: Env = {
    results,
    lang,
    digits: results.spec.output?.digits ?? 4,
    top: results.spec.output?.top ?? 10,
    maps: opts.maps,
    name: (id) => names[id] ?? id,
  };
  const views: SectionView[] = [];
  results.sections.forEach((s, k) => {
    const build = SECTION_VIEWS[s.kind];
    const charts: ChartSpec[] = [];
    const sentences: string[] = [];
    if (build) {
      const out = build(reader, s, k, env);
      sentences.push(...out.sentences);
      charts.push(...out.charts);
    }
    views.push({ id: `sec-${s.id}`, title: pick(s.title, lang), sentences, charts, tables: s.tables, cards: [s.result.card] });
  });
  return views;
}
