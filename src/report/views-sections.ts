// Per-section report content: sentences generated from the numbers (zh/en) and chart options. Each chart reads
// its numbers through its own Reader fork, so its (path, value) references are embedded with it.

import type { Section, SectionKind } from '../core/evaluation/results.js';
import type { ChartSpec, Env, ViewBuilder } from './views.js';
import { Say } from './views.js';
import type { Reader } from './refs.js';
import { OKABE_ITO } from './palette.js';
import { categoryMapOption, lineOption, scatterOption, stackedBarOption } from './charts.js';
import { pick } from './format.js';

function chart(id: string, title: string, option: Record<string, unknown>, reader: Reader, extra: Partial<ChartSpec> = {}): ChartSpec {
  return { id: `chart-${id}`, title, option, refs: reader.refs, ...extra };
}

const zh = (env: Env) => env.lang === 'zh';

const data: ViewBuilder = (r, _s, k, env) => {
  const say = new Say(r, env);
  const res = env.results;
  const p0 = res.data.periods[0];
  const p1 = res.data.periods[res.data.periods.length - 1];
  const base = ['sections', k, 'result', 'summary'];
  const sentence = zh(env)
    ? `样本包括 ${say.num([...base, 'units'], 'integer')} 个单位、${say.num([...base, 'periods'], 'integer')} 期（${p0}—${p1}年）。`
    : `The sample covers ${say.num([...base, 'units'], 'integer')} units over ${say.num([...base, 'periods'], 'integer')} periods (${p0}–${p1}).`;
  return { sentences: [sentence], charts: [] };
};

/** Index of the last row whose `key` is a number (rows are sorted by period). */
function lastWith(rows: any[], key: string): number {
  for (let i = rows.length - 1; i >= 0; i--) if (typeof rows[i][key] === 'number') return i;
  return -1;
}

const disparity: ViewBuilder = (r, s, k, env) => {
  const say = new Say(r, env);
  const rows = s.result.rows as any[];
  const label = pick(s.title, env.lang);
  const sentences: string[] = [];
  const charts: ChartSpec[] = [];
  const periods = rows.map((x) => x.period as number);
  const P = (i: number, key: string) => ['sections', k, 'result', 'rows', i, key];
  if (s.result.method === 'dagum') {
    const i1 = lastWith(rows, 'G');
    const i0 = rows.findIndex((x) => typeof x.G === 'number');
    if (i1 >= 0) {
      const y1 = rows[i1].period;
      const y0 = rows[i0].period;
      sentences.push(
        zh(env)
          ? `${y1}年${esc(s.of ?? '')}的总体基尼系数为 ${say.num(P(i1, 'G'))}（${y0}年为 ${say.num(P(i0, 'G'))}）；其中组间净差异贡献 ${say.num(P(i1, 'share_nb'), 'percent')}，超变密度贡献 ${say.num(P(i1, 'share_t'), 'percent')}，组内差异贡献 ${say.num(P(i1, 'share_w'), 'percent')}。`
          : `In ${y1} the Gini coefficient of ${esc(s.of ?? '')} is ${say.num(P(i1, 'G'))} (${y0}: ${say.num(P(i0, 'G'))}); net between-group gaps contribute ${say.num(P(i1, 'share_nb'), 'percent')} of total inequality, transvariation ${say.num(P(i1, 'share_t'), 'percent')} and within-group gaps ${say.num(P(i1, 'share_w'), 'percent')}.`,
      );
    }
    const c1 = r.fork();
    charts.push(
      chart(
        `${s.id}-contrib`,
        zh(env) ? `${label}：Gw、Gnb、Gt 堆积（合计为 G）` : `${label}: Gw, Gnb and Gt stacked (total = G)`,
        stackedBarOption(periods, [
          { name: zh(env) ? '组内 Gw' : 'Within Gw', data: rows.map((_, i) => c1.num(P(i, 'Gw'))) },
          { name: zh(env) ? '组间净差异 Gnb' : 'Net between Gnb', data: rows.map((_, i) => c1.num(P(i, 'Gnb'))) },
          { name: zh(env) ? '超变密度 Gt' : 'Transvariation Gt', data: rows.map((_, i) => c1.num(P(i, 'Gt'))) },
        ]),
        c1,
      ),
    );
    const groups = (s.result.summary.groups as string[]) ?? [];
    const c2 = r.fork();
    charts.push(
      chart(
        `${s.id}-within`,
        zh(env) ? '各组组内基尼系数' : 'Within-group Gini by group',
        lineOption(
          periods,
          groups.map((g) => ({ name: g, data: rows.map((row, i) => (row.within?.[g] ? c2.num(['sections', k, 'result', 'rows', i, 'within', g, 'G_jj']) : null)) })),
          { yMin: 'dataMin' },
        ),
        c2,
        { size: 'short' },
      ),
    );
  } else {
    const key = s.result.method === 'theil' ? 'theil' : 'G';
    const i1 = lastWith(rows, key);
    if (i1 >= 0) {
      sentences.push(
        zh(env)
          ? `${rows[i1].period}年${esc(s.of ?? '')}的${s.result.method === 'theil' ? '泰尔指数' : '基尼系数'}为 ${say.num(P(i1, key))}${s.result.method === 'theil' ? `，组间差异贡献 ${say.num(P(i1, 'share_between'), 'percent')}` : ''}。`
          : `In ${rows[i1].period} the ${s.result.method === 'theil' ? 'Theil index' : 'Gini coefficient'} of ${esc(s.of ?? '')} is ${say.num(P(i1, key))}${s.result.method === 'theil' ? `; between-group gaps contribute ${say.num(P(i1, 'share_between'), 'percent')}` : ''}.`,
      );
    }
    const c1 = r.fork();
    const series =
      s.result.method === 'theil'
        ? [
            { name: zh(env) ? '组内' : 'Within', data: rows.map((_, i) => c1.num(P(i, 'within'))) },
            { name: zh(env) ? '组间' : 'Between', data: rows.map((_, i) => c1.num(P(i, 'between'))) },
          ]
        : [{ name: 'Gini', data: rows.map((_, i) => c1.num(P(i, 'G'))) }];
    charts.push(chart(`${s.id}-contrib`, label, stackedBarOption(periods, series), c1));
  }
  return { sentences, charts };
};

const moran: ViewBuilder = (r, s, k, env) => {
  const say = new Say(r, env);
  const rows = s.result.rows as any[];
  const P = (i: number, key: string) => ['sections', k, 'result', 'rows', i, key];
  const sentences: string[] = [];
  const i1 = lastWith(rows, 'I');
  if (i1 >= 0) {
    const sig = typeof rows[i1].p === 'number' && rows[i1].p < 0.05;
    sentences.push(
      zh(env)
        ? `${rows[i1].period}年${esc(s.of ?? '')}的全局莫兰指数为 ${say.num(P(i1, 'I'))}（z = ${say.num(P(i1, 'z'), 'number', 2)}，p = ${say.num(P(i1, 'p'), 'number', 3)}），${sig ? (rows[i1].I > 0 ? '呈显著的正空间自相关' : '呈显著的负空间自相关') : '空间自相关不显著'}。`
        : `Global Moran's I of ${esc(s.of ?? '')} in ${rows[i1].period} is ${say.num(P(i1, 'I'))} (z = ${say.num(P(i1, 'z'), 'number', 2)}, p = ${say.num(P(i1, 'p'), 'number', 3)}): ${sig ? (rows[i1].I > 0 ? 'significant positive spatial autocorrelation' : 'significant negative spatial autocorrelation') : 'no significant spatial autocorrelation'}.`,
    );
  }
  const c1 = r.fork();
  const periods = rows.map((x) => x.period);
  const charts = [
    chart(
      `${s.id}-trend`,
      zh(env) ? `全局莫兰指数（虚线为期望值 E[I]）` : `Global Moran's I by period (dashed: E[I])`,
      lineOption(periods, [
        { name: "Moran's I", data: rows.map((_, i) => c1.num(P(i, 'I'))) },
        { name: 'E[I]', data: rows.map((_, i) => c1.num(P(i, 'EI'))), dashed: true },
      ]),
      c1,
      { size: 'short' },
    ),
  ];
  return { sentences, charts };
};

const CLUSTER_COLOURS: Record<string, string> = { HH: '#D55E00', LL: '#0072B2', HL: '#E69F00', LH: '#56B4E9', ns: '#d9d9d9' };
const CLUSTER_NAMES: Record<string, { en: string; zh: string }> = {
  HH: { en: 'High–high', zh: '高—高' },
  LL: { en: 'Low–low', zh: '低—低' },
  HL: { en: 'High–low', zh: '高—低' },
  LH: { en: 'Low–high', zh: '低—高' },
  ns: { en: 'Not significant', zh: '不显著' },
};

const lisaView: ViewBuilder = (r, s, k, env) => {
  const say = new Say(r, env);
  const rows = s.result.rows as any[];
  const sentences: string[] = [];
  const counts: Record<string, string[]> = { HH: [], LL: [], HL: [], LH: [] };
  rows.forEach((row) => {
    if (row.cluster && row.cluster !== 'ns') counts[row.cluster].push(row.id);
  });
  const list = (ids: string[]) => ids.slice(0, 6).map((id) => say.name(id)).join(zh(env) ? '、' : ', ') + (ids.length > 6 ? (zh(env) ? ' 等' : ' …') : '');
  sentences.push(
    zh(env)
      ? `${s.period}年${esc(s.of ?? '')}的显著高—高集聚单位有 ${counts.HH.length} 个${counts.HH.length ? `（${list(counts.HH)}）` : ''}，低—低集聚 ${counts.LL.length} 个${counts.LL.length ? `（${list(counts.LL)}）` : ''}。`
      : `In ${s.period}, ${counts.HH.length} units form significant high–high clusters of ${esc(s.of ?? '')}${counts.HH.length ? ` (${list(counts.HH)})` : ''} and ${counts.LL.length} low–low clusters${counts.LL.length ? ` (${list(counts.LL)})` : ''}.`,
  );
  const c1 = r.fork();
  const groups = ['HH', 'LL', 'HL', 'LH', 'ns'].map((cl) => ({
    name: CLUSTER_NAMES[cl][env.lang],
    color: CLUSTER_COLOURS[cl],
    data: rows
      .map((row, i) => ({ row, i }))
      .filter(({ row }) => (row.cluster ?? 'ns') === cl && typeof row.value === 'number')
      .map(({ row, i }) => [c1.num(['sections', k, 'result', 'rows', i, 'value']), c1.num(['sections', k, 'result', 'rows', i, 'lag']), env.name(row.id)] as [number | null, number | null, string]),
  }));
  const charts: ChartSpec[] = [
    chart(
      `${s.id}-scatter`,
      zh(env) ? `莫兰散点图（${s.period}年）：取值与空间滞后` : `Moran scatter plot (${s.period}): value against spatial lag`,
      scatterOption(groups, { xName: s.of ?? 'x', yName: zh(env) ? '空间滞后' : 'spatial lag' }),
      c1,
    ),
  ];
  const map = mapFor(env);
  if (map) {
    const c2 = r.fork();
    charts.push(
      chart(
        `${s.id}-map`,
        zh(env) ? `LISA 集聚图（${s.period}年）` : `LISA cluster map (${s.period})`,
        categoryMapOption(
          map.name,
          map.nameProperty,
          rows.map((row, i) => ({ name: row.id, value: c2.num(['sections', k, 'result', 'rows', i, 'quadrantCode']), color: CLUSTER_COLOURS[row.cluster ?? 'ns'] })),
          ['HH', 'LL', 'HL', 'LH', 'ns'].map((cl) => ({ label: CLUSTER_NAMES[cl][env.lang], color: CLUSTER_COLOURS[cl] })),
        ),
        c2,
        { map: map.name, size: 'tall' },
      ),
    );
  }
  return { sentences, charts };
};

/** The base map to draw, if its geometry was supplied. */
export function mapFor(env: Env): { name: string; nameProperty: string } | undefined {
  const want = env.results.spec.output?.map ?? (env.results.data.source === 'pwt' ? 'world' : 'none');
  if (want === 'none' || !env.maps.includes(want)) return undefined;
  return { name: want, nameProperty: 'id' };
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export const SECTION_VIEWS: Partial<Record<SectionKind, ViewBuilder>> = {
  data,
  disparity,
  moran,
  lisa: lisaView,
};

export type { Section };
