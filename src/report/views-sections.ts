// Per-section report content: sentences generated from the numbers (zh/en) and chart options. Each chart reads
// its numbers through its own Reader fork, so its (path, value) references are embedded with it.

import type { Section, SectionKind } from '../core/evaluation/results.js';
import type { ChartSpec, Env, ViewBuilder } from './views.js';
import { Say } from './views.js';
import type { Reader } from './refs.js';
import { OKABE_ITO } from './palette.js';
import { baseMapName, mapBinding, type MapBinding } from './base-map.js';
import { categoryMapOption, choroplethOption, hbarOption, heatmapOption, lineOption, radarOption, scatterOption, stackedBarOption, type LineSeries } from './charts.js';
import { baseOption } from './palette.js';
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
          ? `${y1}年${esc(ofName(s, env))}的总体基尼系数为 ${say.num(P(i1, 'G'))}（${y0}年为 ${say.num(P(i0, 'G'))}）；其中组间净差异贡献 ${say.num(P(i1, 'share_nb'), 'percent')}，超变密度贡献 ${say.num(P(i1, 'share_t'), 'percent')}，组内差异贡献 ${say.num(P(i1, 'share_w'), 'percent')}。`
          : `In ${y1} the Gini coefficient of ${esc(ofName(s, env))} is ${say.num(P(i1, 'G'))} (${y0}: ${say.num(P(i0, 'G'))}); net between-group gaps contribute ${say.num(P(i1, 'share_nb'), 'percent')} of total inequality, transvariation ${say.num(P(i1, 'share_t'), 'percent')} and within-group gaps ${say.num(P(i1, 'share_w'), 'percent')}.`,
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
          ? `${rows[i1].period}年${esc(ofName(s, env))}的${s.result.method === 'theil' ? '泰尔指数' : '基尼系数'}为 ${say.num(P(i1, key))}${s.result.method === 'theil' ? `，组间差异贡献 ${say.num(P(i1, 'share_between'), 'percent')}` : ''}。`
          : `In ${rows[i1].period} the ${s.result.method === 'theil' ? 'Theil index' : 'Gini coefficient'} of ${esc(ofName(s, env))} is ${say.num(P(i1, key))}${s.result.method === 'theil' ? `; between-group gaps contribute ${say.num(P(i1, 'share_between'), 'percent')}` : ''}.`,
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
        ? `${rows[i1].period}年${esc(ofName(s, env))}的全局莫兰指数为 ${say.num(P(i1, 'I'))}（z = ${say.num(P(i1, 'z'), 'number', 2)}，p = ${say.num(P(i1, 'p'), 'p')}），${sig ? (rows[i1].I > 0 ? '呈显著的正空间自相关' : '呈显著的负空间自相关') : '空间自相关不显著'}。`
        : `Global Moran's I of ${esc(ofName(s, env))} in ${rows[i1].period} is ${say.num(P(i1, 'I'))} (z = ${say.num(P(i1, 'z'), 'number', 2)}, p = ${say.num(P(i1, 'p'), 'p')}): ${sig ? (rows[i1].I > 0 ? 'significant positive spatial autocorrelation' : 'significant negative spatial autocorrelation') : 'no significant spatial autocorrelation'}.`,
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
      ? `${s.period}年${esc(ofName(s, env))}的显著高—高集聚单位有 ${counts.HH.length} 个${counts.HH.length ? `（${list(counts.HH)}）` : ''}，低—低集聚 ${counts.LL.length} 个${counts.LL.length ? `（${list(counts.LL)}）` : ''}。`
      : `In ${s.period}, ${counts.HH.length} units form significant high–high clusters of ${esc(ofName(s, env))}${counts.HH.length ? ` (${list(counts.HH)})` : ''} and ${counts.LL.length} low–low clusters${counts.LL.length ? ` (${list(counts.LL)})` : ''}.`,
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
      scatterOption(groups, { xName: ofName(s, env), yName: zh(env) ? '空间滞后' : 'spatial lag' }),
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
          rows.flatMap((row, i) => { const name = map.key(row.id); return name === undefined ? [] : [{ name, value: c2.num(['sections', k, 'result', 'rows', i, 'quadrantCode']), color: CLUSTER_COLOURS[row.cluster ?? 'ns'] }]; }),
          ['HH', 'LL', 'HL', 'LH', 'ns'].map((cl) => ({ label: CLUSTER_NAMES[cl][env.lang], color: CLUSTER_COLOURS[cl] })),
          { nameMap: map.nameMap, regions: map.regions },
        ),
        c2,
        { map: map.name, size: 'tall', note: map.note[env.lang] },
      ),
    );
  }
  return { sentences, charts };
};

/** The base map to draw (report/base-map.ts), if its geometry was supplied. */
export function mapFor(env: Env): MapBinding | undefined {
  const want = baseMapName(env.results.spec, env.results.data);
  if (want === 'none' || !env.maps.includes(want)) return undefined;
  return mapBinding(want, env.results.data.ids, (id) => env.name(id), env.lang, env.results.spec.output?.geometry?.id);
}

/** The analysed series as people read it (its label), for sentences. */
function ofName(s: Section, env: Env): string {
  return s.ofLabel ? pick(s.ofLabel, env.lang) : (s.of ?? '');
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}


/** Position of a table in results.tables, and its rows. */
function table(env: Env, id: string): { k: number; rows: Record<string, unknown>[]; columns: { key: string; label: { en: string; zh: string } }[] } | undefined {
  const k = env.results.tables.findIndex((t) => t.id === id);
  if (k < 0) return undefined;
  return { k, rows: env.results.tables[k].rows, columns: env.results.tables[k].columns };
}

function T(k: number, i: number, key: string): (string | number)[] {
  return ['tables', k, 'rows', i, key];
}

/** The units to feature: the top of the ranking when there is an index, else the first ids. */
function featured(env: Env, n: number): string[] {
  const r = table(env, 'ranking');
  if (r) return r.rows.filter((x) => typeof x.score === 'number').slice(0, n).map((x) => x.id as string);
  return env.results.data.ids.slice(0, n);
}

const indexView: ViewBuilder = (r, s, _k, env) => {
  const say = new Say(r, env);
  const sentences: string[] = [];
  const charts: ChartSpec[] = [];
  const rk = table(env, 'ranking');
  const means = table(env, 'index-means');
  const scores = table(env, 'index-scores');
  const weights = table(env, 'index-weights');
  const dimCols = (rk?.columns ?? []).filter((c) => c.key.startsWith('dim_'));
  const year = means?.rows[means.rows.length - 1]?.period ?? env.results.data.periods[env.results.data.periods.length - 1];
  if (rk) {
    const scored = rk.rows.map((row, i) => ({ row, i })).filter(({ row }) => typeof row.score === 'number');
    if (scored.length >= 3) {
      const [a, b, c] = scored;
      const last = scored[scored.length - 1];
      sentences.push(
        zh(env)
          ? `${year}年综合指数排名第一的是${say.name(a.row.id as string)}（${say.num(T(rk.k, a.i, 'score'))}），其后为${say.name(b.row.id as string)}（${say.num(T(rk.k, b.i, 'score'))}）和${say.name(c.row.id as string)}（${say.num(T(rk.k, c.i, 'score'))}）；${say.num(T(rk.k, last.i, 'rank'), 'integer')} 个有得分的单位中排名最后的是${say.name(last.row.id as string)}（${say.num(T(rk.k, last.i, 'score'))}）。`
          : `${say.name(a.row.id as string)} ranks first in ${year} with an index of ${say.num(T(rk.k, a.i, 'score'))}, followed by ${say.name(b.row.id as string)} (${say.num(T(rk.k, b.i, 'score'))}) and ${say.name(c.row.id as string)} (${say.num(T(rk.k, c.i, 'score'))}); ${say.name(last.row.id as string)} ranks last of ${say.num(T(rk.k, last.i, 'rank'), 'integer')} scored units (${say.num(T(rk.k, last.i, 'score'))}).`,
      );
    }
  }
  if (means && means.rows.length >= 2) {
    const i0 = 0;
    const i1 = means.rows.length - 1;
    const m0 = means.rows[i0].mean as number;
    const m1 = means.rows[i1].mean as number;
    sentences.push(
      zh(env)
        ? `样本单位的平均综合指数由${means.rows[i0].period}年的 ${say.num(T(means.k, i0, 'mean'))} ${m1 >= m0 ? '上升' : '下降'}至${means.rows[i1].period}年的 ${say.num(T(means.k, i1, 'mean'))}。`
        : `The mean index ${m1 >= m0 ? 'rose' : 'fell'} from ${say.num(T(means.k, i0, 'mean'))} in ${means.rows[i0].period} to ${say.num(T(means.k, i1, 'mean'))} in ${means.rows[i1].period}.`,
    );
  }
  if (weights && weights.rows.length && !weights.columns.some((c) => c.key === 'period')) {
    let best = 0;
    weights.rows.forEach((w, i) => {
      if ((w.weight as number) > (weights.rows[best].weight as number)) best = i;
    });
    sentences.push(
      zh(env)
        ? `权重最大的指标是“${esc(String(weights.rows[best].indicator))}”（${say.num(T(weights.k, best, 'weight'), 'percent')}）。`
        : `The indicator with the largest weight is “${esc(String(weights.rows[best].indicator))}” (${say.num(T(weights.k, best, 'weight'), 'percent')}).`,
    );
  }
  if (rk) {
    const n = Math.min(20, rk.rows.filter((x) => typeof x.score === 'number').length);
    const c1 = r.fork();
    charts.push(
      chart(`${s.id}-ranking`, zh(env) ? `${year}年综合指数排名（前 ${n} 位）` : `Index ranking, ${year} (top ${n})`, hbarOption(rk.rows.slice(0, n).map((x) => env.name(x.id as string)), rk.rows.slice(0, n).map((_, i) => c1.num(T(rk.k, i, 'score'))), { name: zh(env) ? '综合指数' : 'Index' }), c1, { size: n > 12 ? 'tall' : undefined }),
    );
    if (dimCols.length >= 3) {
      const c2 = r.fork();
      const top = rk.rows.slice(0, Math.min(5, n));
      const maxOf = (key: string) => {
        let m = 0;
        for (const row of rk.rows) if (typeof row[key] === 'number' && (row[key] as number) > m) m = row[key] as number;
        return m > 0 ? m : 1;
      };
      charts.push(
        chart(
          `${s.id}-radar`,
          zh(env) ? `前 ${top.length} 位单位的维度得分（${year}年）` : `Dimension scores of the top ${top.length} units (${year})`,
          radarOption(
            dimCols.map((c) => ({ name: pick(c.label, env.lang), max: maxOf(c.key) })),
            top.map((row, i) => ({ name: env.name(row.id as string), value: dimCols.map((c) => c2.num(T(rk.k, i, c.key))) })),
          ),
          c2,
        ),
      );
    }
    if (dimCols.length) {
      const c3 = r.fork();
      const m = Math.min(30, n === 20 ? 30 : n);
      const units = rk.rows.slice(0, m);
      charts.push(
        chart(
          `${s.id}-heatmap`,
          zh(env) ? `维度得分热力图（${year}年，前 ${units.length} 位）` : `Dimension scores, ${year} (top ${units.length})`,
          heatmapOption(
            units.map((x) => env.name(x.id as string)),
            dimCols.map((c) => pick(c.label, env.lang)),
            units.flatMap((x, i) => dimCols.map((c) => [env.name(x.id as string), pick(c.label, env.lang), c3.num(T(rk.k, i, c.key))] as [string, string, number | null])),
          ),
          c3,
        ),
      );
    }
    const map = mapFor(env);
    if (map) {
      const c4 = r.fork();
      charts.push(
        chart(
          `${s.id}-map`,
          zh(env) ? `${year}年综合指数地图` : `Index by unit, ${year}`,
          choroplethOption(map.name, map.nameProperty, rk.rows.flatMap((x, i) => { const name = map.key(x.id as string); return name === undefined ? [] : [{ name, value: c4.num(T(rk.k, i, 'score')) }]; }), { name: zh(env) ? '综合指数' : 'Index', nameMap: map.nameMap, regions: map.regions }),
          c4,
          { map: map.name, size: 'tall', note: map.note[env.lang] },
        ),
      );
    }
  }
  if (scores && means) {
    const c5 = r.fork();
    const ids = featured(env, Math.min(env.top, 6));
    const pcols = scores.columns.filter((c) => /^y\d+$/.test(c.key));
    const series: LineSeries[] = ids.map((id) => {
      const i = scores.rows.findIndex((x) => x.id === id);
      return { name: env.name(id), data: pcols.map((c) => c5.num(T(scores.k, i, c.key))) };
    });
    const byPeriod = new Map(means.rows.map((x, i) => [String(x.period), i] as const));
    series.push({ name: zh(env) ? '样本均值' : 'Sample mean', data: pcols.map((c) => (byPeriod.has(c.key.slice(1)) ? c5.num(T(means.k, byPeriod.get(c.key.slice(1))!, 'mean')) : null)), dashed: true, color: '#000000' });
    charts.push(chart(`${s.id}-trend`, zh(env) ? '综合指数变化趋势（排名前列单位与样本均值）' : 'Index over time: leading units and the sample mean', lineOption(pcols.map((c) => c.key.slice(1)), series, { yMin: 'dataMin' }), c5));
    const gcols = means.columns.filter((c) => /^g\d+$/.test(c.key));
    if (gcols.length) {
      const c6 = r.fork();
      charts.push(
        chart(
          `${s.id}-groups`,
          zh(env) ? '各组平均综合指数' : 'Mean index by group',
          lineOption(means.rows.map((x) => x.period as number), gcols.map((g) => ({ name: pick(g.label, env.lang), data: means.rows.map((_, i) => c6.num(T(means.k, i, g.key))) })), { yMin: 'dataMin' }),
          c6,
        ),
      );
    }
  }
  return { sentences, charts };
};

const growthView: ViewBuilder = (r, s, _k, env) => {
  const say = new Say(r, env);
  const sentences: string[] = [];
  const charts: ChartSpec[] = [];
  const units = table(env, 'tfp-units');
  const periods = table(env, 'tfp-periods');
  if (units && units.rows.length >= 2) {
    const n = units.rows.length - 1;
    sentences.push(
      zh(env)
        ? `按增长核算法，TFP 年均增长最快的是${say.name(units.rows[0].id as string)}（${say.num(T(units.k, 0, 'growth'), 'percent')}），最慢的是${say.name(units.rows[n].id as string)}（${say.num(T(units.k, n, 'growth'), 'percent')}）。`
        : `By growth accounting, TFP grew fastest in ${say.name(units.rows[0].id as string)} (${say.num(T(units.k, 0, 'growth'), 'percent')} a year) and slowest in ${say.name(units.rows[n].id as string)} (${say.num(T(units.k, n, 'growth'), 'percent')}).`,
    );
    const c1 = r.fork();
    const top = units.rows.slice(0, 10).map((_, i) => i);
    const bottom = units.rows.slice(-10).map((_, j) => units.rows.length - 10 + j).filter((i) => i >= 10);
    const idx = [...top, ...bottom];
    charts.push(
      chart(
        `${s.id}-units`,
        zh(env) ? 'TFP 年均增长率：最快与最慢的 10 个单位' : 'Mean annual TFP growth: the 10 fastest and the 10 slowest',
        hbarOption(idx.map((i) => env.name(units.rows[i].id as string)), idx.map((i) => c1.num(T(units.k, i, 'growth'))), { name: zh(env) ? '年均增长（对数）' : 'mean log growth', color: OKABE_ITO[2] }),
        c1,
        { size: 'tall' },
      ),
    );
  }
  if (periods && periods.rows.length) {
    const c2 = r.fork();
    const gcols = periods.columns.filter((c) => /^g\d+$/.test(c.key));
    charts.push(
      chart(
        `${s.id}-periods`,
        zh(env) ? '历年平均 TFP 增长率（全样本与各组）' : 'Mean TFP growth by period (all units and by group)',
        lineOption(periods.rows.map((x) => x.period as number), [
          { name: zh(env) ? '全样本' : 'All units', data: periods.rows.map((_, i) => c2.num(T(periods.k, i, 'growth'))) },
          ...gcols.map((g) => ({ name: pick(g.label, env.lang), data: periods.rows.map((_, i) => c2.num(T(periods.k, i, g.key))), dashed: true })),
        ]),
        c2,
      ),
    );
  }
  return { sentences, charts };
};

const malmquistView: ViewBuilder = (r, s, _k, env) => {
  const say = new Say(r, env);
  const sentences: string[] = [];
  const charts: ChartSpec[] = [];
  const t = table(env, 'malmquist-periods');
  if (t && t.rows.length) {
    // Ratio indices (Malmquist, ML, GML: 1 = no change, tfpch = effch × techch) or the additive Luenberger
    // indicator (0 = no change, ltfp = lec + ltc).
    const additive = t.columns.some((c) => c.key === 'ltfp');
    const [tf, ef, te] = additive ? ['ltfp', 'lec', 'ltc'] : ['tfpch', 'effch', 'techch'];
    const index = String((s.result as { summary?: { index?: unknown } } | undefined)?.summary?.index ?? 'malmquist');
    const names: Record<string, [string, string]> = {
      malmquist: ['Malmquist 全要素生产率指数', 'Malmquist TFP index'],
      ml: ['Malmquist–Luenberger 指数', 'Malmquist–Luenberger index'],
      gml: ['全局 Malmquist–Luenberger 指数', 'global Malmquist–Luenberger index'],
      luenberger: ['Luenberger 生产率指标', 'Luenberger productivity indicator'],
    };
    const name = (names[index] ?? names.malmquist)[zh(env) ? 0 : 1];
    const i = t.rows.length - 1;
    const up = (t.rows[i][tf] as number) >= (additive ? 0 : 1);
    const mean = additive ? (zh(env) ? '算术平均' : 'arithmetic mean') : (zh(env) ? '几何平均' : 'geometric mean');
    sentences.push(
      zh(env)
        ? `${esc(String(t.rows[i].period))} 期间${name}的${mean}为 ${say.num(T(t.k, i, tf))}（${up ? '增长' : '下降'}），其中技术效率变化 ${say.num(T(t.k, i, ef))}，技术进步 ${say.num(T(t.k, i, te))}。`
        : `Over ${esc(String(t.rows[i].period))} the ${name} averages ${say.num(T(t.k, i, tf))} (${mean}; ${up ? 'growth' : 'decline'}): efficiency change ${say.num(T(t.k, i, ef))}, technical change ${say.num(T(t.k, i, te))}.`,
    );
    const c1 = r.fork();
    const cats = t.rows.map((x) => String(x.period));
    const option = lineOption(cats, [{ name: zh(env) ? `全要素生产率变化 ${tf}` : `TFP change (${tf})`, data: t.rows.map((_, j) => c1.num(T(t.k, j, tf))) }]);
    const effch = t.rows.map((_, j) => c1.num(T(t.k, j, ef)));
    const techch = t.rows.map((_, j) => c1.num(T(t.k, j, te)));
    (option.series as Record<string, unknown>[]).unshift(
      { type: 'bar', name: zh(env) ? `技术效率变化 ${ef}` : `Efficiency change (${ef})`, data: effch, barMaxWidth: 18, itemStyle: { color: OKABE_ITO[1] } },
      { type: 'bar', name: zh(env) ? `技术进步 ${te}` : `Technical change (${te})`, data: techch, barMaxWidth: 18, itemStyle: { color: OKABE_ITO[4] } },
    );
    (option.series as Record<string, unknown>[])[2] = { ...(option.series as Record<string, unknown>[])[2], itemStyle: { color: '#000' }, lineStyle: { width: 2.5, color: '#000' } };
    (option.xAxis as Record<string, unknown>).boundaryGap = true;
    (option.yAxis as Record<string, unknown>).scale = true;
    const title = additive
      ? (zh(env) ? 'Luenberger 指标分解：ltfp = lec + ltc（算术平均，0 = 不变）' : 'Luenberger decomposition: ltfp = lec + ltc (arithmetic means; 0 = no change)')
      : (zh(env) ? 'Malmquist 指数分解：tfpch = effch × techch（几何平均，1 = 不变）' : 'Malmquist decomposition: tfpch = effch × techch (geometric means; 1 = no change)');
    charts.push(chart(`${s.id}-decomposition`, title, option, c1));
  }
  return { sentences, charts };
};

const deaView: ViewBuilder = (r, s, _k, env) => {
  const say = new Say(r, env);
  const sentences: string[] = [];
  const charts: ChartSpec[] = [];
  const units = table(env, 'dea-units');
  const periods = table(env, 'dea-periods');
  const scored = units ? units.rows.map((x, i) => ({ x, i })).filter(({ x }) => typeof x.mean === 'number') : [];
  if (units && scored.length >= 2) {
    const hi = scored[0].i;
    const lo = scored[scored.length - 1].i;
    // Units on the frontier in every period they were scored (ties at the top of the ranking).
    const always = scored.filter(({ x }) => (x.n as number) > 0 && x.efficient === x.n).map(({ x }) => x.id as string);
    const list = (ids: string[]) => ids.slice(0, 6).map((id) => say.name(id)).join(zh(env) ? '、' : ', ') + (ids.length > 6 ? (zh(env) ? ' 等' : ' …') : '');
    sentences.push(
      always.length >= 2
        ? zh(env)
          ? `${always.length} 个单位在各期均位于前沿（${list(always)}）；平均效率最低的是${say.name(units.rows[lo].id as string)}（${say.num(T(units.k, lo, 'mean'))}）。`
          : `${always.length} units are on the frontier in every period (${list(always)}); ${say.name(units.rows[lo].id as string)} has the lowest mean efficiency (${say.num(T(units.k, lo, 'mean'))}).`
        : zh(env)
          ? `按平均 DEA 效率，${say.name(units.rows[hi].id as string)}最高（${say.num(T(units.k, hi, 'mean'))}），${say.name(units.rows[lo].id as string)}最低（${say.num(T(units.k, lo, 'mean'))}）。`
          : `By mean DEA efficiency, ${say.name(units.rows[hi].id as string)} ranks first (${say.num(T(units.k, hi, 'mean'))}) and ${say.name(units.rows[lo].id as string)} last (${say.num(T(units.k, lo, 'mean'))}).`,
    );
    const c1 = r.fork();
    const n = Math.min(env.top, 10);
    const top = scored.slice(0, n).map((x) => x.i);
    const bottom = scored.slice(-n).map((x) => x.i).filter((i) => !top.includes(i));
    const idx = [...top, ...bottom];
    charts.push(
      chart(
        `${s.id}-ranking`,
        zh(env) ? `平均 DEA 效率：最高与最低的 ${n} 个单位` : `Mean DEA efficiency: the ${n} highest and the ${n} lowest`,
        hbarOption(idx.map((i) => env.name(units.rows[i].id as string)), idx.map((i) => c1.num(T(units.k, i, 'mean'))), { name: zh(env) ? '平均效率' : 'mean efficiency', color: OKABE_ITO[2] }),
        c1,
        { size: 'tall' },
      ),
    );
  }
  if (periods && periods.rows.length) {
    const rows = periods.rows;
    const i0 = rows.findIndex((x) => typeof x.mean === 'number');
    const i1 = lastWith(rows, 'mean');
    if (i0 >= 0 && i1 >= 0) {
      sentences.push(
        i0 === i1
          ? zh(env)
            ? `${rows[i1].period}年平均效率为 ${say.num(T(periods.k, i1, 'mean'))}，有效单位占 ${say.num(T(periods.k, i1, 'share'), 'percent')}。`
            : `In ${rows[i1].period} mean efficiency is ${say.num(T(periods.k, i1, 'mean'))} and ${say.num(T(periods.k, i1, 'share'), 'percent')} of the units are efficient.`
          : zh(env)
            ? `平均效率由${rows[i0].period}年的 ${say.num(T(periods.k, i0, 'mean'))} 变为${rows[i1].period}年的 ${say.num(T(periods.k, i1, 'mean'))}；${rows[i1].period}年有效单位占 ${say.num(T(periods.k, i1, 'share'), 'percent')}（${rows[i0].period}年为 ${say.num(T(periods.k, i0, 'share'), 'percent')}）。`
            : `Mean efficiency moves from ${say.num(T(periods.k, i0, 'mean'))} in ${rows[i0].period} to ${say.num(T(periods.k, i1, 'mean'))} in ${rows[i1].period}; ${say.num(T(periods.k, i1, 'share'), 'percent')} of the units are efficient in ${rows[i1].period} (${rows[i0].period}: ${say.num(T(periods.k, i0, 'share'), 'percent')}).`,
      );
    }
    const cats = rows.map((x) => x.period as number);
    const c2 = r.fork();
    const gcols = periods.columns.filter((c) => /^g\d+$/.test(c.key));
    charts.push(
      chart(
        `${s.id}-periods`,
        zh(env) ? '历年平均 DEA 效率（全样本与各组）' : 'Mean DEA efficiency by period (all units and by group)',
        lineOption(cats, [
          { name: zh(env) ? '全样本' : 'All units', data: rows.map((_, i) => c2.num(T(periods.k, i, 'mean'))) },
          ...gcols.map((g) => ({ name: pick(g.label, env.lang), data: rows.map((_, i) => c2.num(T(periods.k, i, g.key))), dashed: true })),
        ], { yMin: 'dataMin' }),
        c2,
      ),
    );
    const c3 = r.fork();
    charts.push(
      chart(
        `${s.id}-share`,
        zh(env) ? '历年有效单位占比' : 'Share of efficient units by period',
        stackedBarOption(cats, [{ name: zh(env) ? '有效单位占比' : 'share efficient', data: rows.map((_, i) => c3.num(T(periods.k, i, 'share'))) }]),
        c3,
        { size: 'short' },
      ),
    );
  }
  return { sentences, charts };
};

const couplingView: ViewBuilder = (r, s, _k, env) => {
  const say = new Say(r, env);
  const t = table(env, 'ccd-grades');
  const sentences: string[] = [];
  const charts: ChartSpec[] = [];
  if (!t || !t.rows.length) return { sentences, charts };
  const i = t.rows.length - 1;
  const gcols = t.columns.filter((c) => /^g\d+$/.test(c.key));
  const coordinated = gcols.slice(5); // 勉强协调 and above
  const nCo = coordinated.reduce((a, c) => a + ((t.rows[i][c.key] as number) ?? 0), 0);
  sentences.push(
    zh(env)
      ? `${t.rows[i].period}年平均耦合协调度 D 为 ${say.num(T(t.k, i, 'meanD'))}，${nCo} 个单位达到协调（勉强协调及以上）。`
      : `In ${t.rows[i].period} the mean coupling-coordination degree D is ${say.num(T(t.k, i, 'meanD'))}; ${nCo} units reach coordination (barely coordinated or better).`,
  );
  const c1 = r.fork();
  const palette = ['#440154', '#482878', '#3e4989', '#31688e', '#26828e', '#1f9e89', '#35b779', '#6ece58', '#b5de2b', '#fde725'];
  const option = stackedBarOption(t.rows.map((x) => x.period as number), gcols.map((g) => ({ name: pick(g.label, env.lang), data: t.rows.map((_, j) => c1.num(T(t.k, j, g.key))) })));
  option.color = palette;
  option.legend = { type: 'scroll', top: 0 };
  charts.push(chart(`${s.id}-grades`, zh(env) ? '各耦合协调等级的单位数' : 'Units by coupling-coordination grade', option, c1));
  return { sentences, charts };
};

const obstacleView: ViewBuilder = (r, s, _k, env) => {
  const say = new Say(r, env);
  const sentences: string[] = [];
  const charts: ChartSpec[] = [];
  const t = table(env, 'obstacle-indicators');
  if (t && t.rows.length >= 3) {
    sentences.push(
      zh(env)
        ? `平均障碍度最高的三个指标是“${esc(String(t.rows[0].indicator))}”（${say.num(T(t.k, 0, 'mean'), 'number', 2)}%）、“${esc(String(t.rows[1].indicator))}”（${say.num(T(t.k, 1, 'mean'), 'number', 2)}%）和“${esc(String(t.rows[2].indicator))}”（${say.num(T(t.k, 2, 'mean'), 'number', 2)}%）。`
        : `The largest obstacles on average are “${esc(String(t.rows[0].indicator))}” (${say.num(T(t.k, 0, 'mean'), 'number', 2)}%), “${esc(String(t.rows[1].indicator))}” (${say.num(T(t.k, 1, 'mean'), 'number', 2)}%) and “${esc(String(t.rows[2].indicator))}” (${say.num(T(t.k, 2, 'mean'), 'number', 2)}%).`,
    );
    const c1 = r.fork();
    const n = Math.min(10, t.rows.length);
    charts.push(chart(`${s.id}-top`, zh(env) ? `平均障碍度最高的 ${n} 个指标（%）` : `Top ${n} obstacle indicators (mean obstacle degree, %)`, hbarOption(t.rows.slice(0, n).map((x) => String(x.indicator)), t.rows.slice(0, n).map((_, i) => c1.num(T(t.k, i, 'mean'))), { color: OKABE_ITO[3] }), c1));
  }
  const d = table(env, 'obstacle-dimensions');
  if (d && d.rows.length) {
    const c2 = r.fork();
    const dcols = d.columns.filter((c) => c.key.startsWith('d_'));
    charts.push(chart(`${s.id}-dimensions`, zh(env) ? '各维度平均障碍度（%）' : 'Mean obstacle degree by dimension (%)', stackedBarOption(d.rows.map((x) => x.period as number), dcols.map((c) => ({ name: pick(c.label, env.lang), data: d.rows.map((_, i) => c2.num(T(d.k, i, c.key))) }))), c2));
  }
  return { sentences, charts };
};

const kdeView: ViewBuilder = (r, s, k, env) => {
  const say = new Say(r, env);
  const rows = s.result.rows as any[];
  const sentences: string[] = [];
  const ok = rows.map((row, i) => ({ row, i })).filter(({ row }) => row.density);
  if (ok.length >= 2) {
    const a = ok[0];
    const b = ok[ok.length - 1];
    const P = (i: number, key: string) => ['sections', k, 'result', 'rows', i, 'features', key];
    sentences.push(
      zh(env)
        ? `${esc(ofName(s, env))}分布的主峰由${a.row.period}年的 ${say.num(P(a.i, 'mode'))} ${b.row.features.mode >= a.row.features.mode ? '右移' : '左移'}至${b.row.period}年的 ${say.num(P(b.i, 'mode'))}，${b.row.period}年共有 ${say.num(P(b.i, 'peakCount'), 'integer')} 个波峰。`
        : `The main peak of the distribution of ${esc(ofName(s, env))} moved ${b.row.features.mode >= a.row.features.mode ? 'right' : 'left'} from ${say.num(P(a.i, 'mode'))} in ${a.row.period} to ${say.num(P(b.i, 'mode'))} in ${b.row.period}; ${b.row.period} has ${say.num(P(b.i, 'peakCount'), 'integer')} peak(s).`,
    );
  }
  const c1 = r.fork();
  const grid = (s.result.summary.grid as number[]) ?? [];
  const step = Math.max(1, Math.floor(grid.length / 160));
  const gi = grid.map((_, g) => g).filter((g) => g % step === 0 || g === grid.length - 1);
  const n = ok.length;
  const gap = 4;
  const h = Math.floor((100 - 12 - gap * (n - 1)) / Math.max(1, n));
  const option = baseOption({
    tooltip: { trigger: 'axis', confine: true },
    grid: ok.map((_, j) => ({ left: 80, right: 30, top: `${6 + j * (h + gap)}%`, height: `${h}%` })),
    xAxis: ok.map((_, j) => ({ type: 'value', gridIndex: j, min: grid[0], max: grid[grid.length - 1], axisLabel: { show: j === n - 1, showMinLabel: false, showMaxLabel: false }, splitLine: { show: false } })),
    yAxis: ok.map(({ row }, j) => ({ type: 'value', gridIndex: j, name: String(row.period), nameLocation: 'middle', nameRotate: 0, nameGap: 50, axisLabel: { show: false }, splitLine: { show: false } })),
    series: ok.map(({ row, i }, j) => ({
      type: 'line',
      name: String(row.period),
      xAxisIndex: j,
      yAxisIndex: j,
      showSymbol: false,
      areaStyle: { opacity: 0.35 },
      lineStyle: { width: 1.5 },
      data: gi.map((g) => [c1.num(['sections', k, 'result', 'summary', 'grid', g]), c1.num(['sections', k, 'result', 'rows', i, 'density', g])]),
    })),
  });
  return { sentences, charts: n ? [chart(`${s.id}-ridges`, zh(env) ? `${esc(ofName(s, env))}的核密度（按年份）` : `Kernel density of ${ofName(s, env)} by period`, option, c1, { size: 'tall' })] : [] };
};

const markovView: ViewBuilder = (r, s, k, env) => {
  const rows = s.result.rows as any[];
  const say = new Say(r, env);
  const kk = rows.length;
  const sentences: string[] = [];
  if (kk >= 2) {
    sentences.push(
      zh(env)
        ? `最低类型保持不变的概率为 ${say.num(['sections', k, 'result', 'rows', 0, 'probabilities', 0])}，最高类型为 ${say.num(['sections', k, 'result', 'rows', kk - 1, 'probabilities', kk - 1])}。`
        : `The probability of staying in the lowest class is ${say.num(['sections', k, 'result', 'rows', 0, 'probabilities', 0])}, and in the highest ${say.num(['sections', k, 'result', 'rows', kk - 1, 'probabilities', kk - 1])}.`,
    );
  }
  const c1 = r.fork();
  const cls = rows.map((x) => String(x.from));
  const data = rows.flatMap((row, i) => (row.probabilities as number[]).map((_, j) => [`→ ${j + 1}`, cls[i], c1.num(['sections', k, 'result', 'rows', i, 'probabilities', j])] as [string, string, number | null]));
  return { sentences, charts: [chart(`${s.id}-matrix`, zh(env) ? '马尔可夫转移概率矩阵（行：初始类型）' : 'Markov transition probabilities (rows: class at t)', heatmapOption(cls.map((_, j) => `→ ${j + 1}`), cls, data, { min: 0, max: 1 }), c1, { size: 'short' })] };
};

const spatialMarkovView: ViewBuilder = (r, s, k, env) => {
  const rows = s.result.rows as any[];
  const c1 = r.fork();
  const kk = Math.max(...rows.map((x) => (x.probabilities as number[]).length));
  const ylab = rows.map((x) => (zh(env) ? `邻域 ${x.lagClass}：${x.from}` : `lag ${x.lagClass}: ${x.from}`));
  const data = rows.flatMap((row, i) => (row.probabilities as number[]).map((_, j) => [`→ ${j + 1}`, ylab[i], c1.num(['sections', k, 'result', 'rows', i, 'probabilities', j])] as [string, string, number | null]));
  return { sentences: [], charts: [chart(`${s.id}-matrix`, zh(env) ? '空间马尔可夫转移概率（按邻域类型）' : 'Spatial Markov transition probabilities by neighbour class', heatmapOption(Array.from({ length: kk }, (_, j) => `→ ${j + 1}`), ylab, data, { min: 0, max: 1 }), c1, { size: 'tall' })] };
};

const convergenceView: ViewBuilder = (r, s, k, env) => {
  const say = new Say(r, env);
  const rows = s.result.rows as any[];
  const sentences: string[] = [];
  const beta = s.result.summary.beta as Record<string, unknown> | null;
  const i0 = rows.findIndex((x) => typeof x.sigma === 'number');
  const i1 = lastWith(rows, 'sigma');
  if (i0 >= 0 && i1 > i0) {
    const down = rows[i1].sigma < rows[i0].sigma;
    sentences.push(
      zh(env)
        ? `${esc(ofName(s, env))}的变异系数由${rows[i0].period}年的 ${say.num(['sections', k, 'result', 'rows', i0, 'sigma'])} ${down ? '降至' : '升至'}${rows[i1].period}年的 ${say.num(['sections', k, 'result', 'rows', i1, 'sigma'])}（${down ? '存在' : '不存在'} σ 收敛）。`
        : `The coefficient of variation of ${esc(ofName(s, env))} ${down ? 'fell' : 'rose'} from ${say.num(['sections', k, 'result', 'rows', i0, 'sigma'])} in ${rows[i0].period} to ${say.num(['sections', k, 'result', 'rows', i1, 'sigma'])} in ${rows[i1].period} (${down ? 'σ-convergence' : 'no σ-convergence'}).`,
    );
  }
  if (beta && typeof beta.beta === 'number') {
    const B = (key: string) => ['sections', k, 'result', 'summary', 'beta', key];
    const conv = (beta.beta as number) < 0 && typeof beta.p_beta === 'number' && (beta.p_beta as number) < 0.05;
    sentences.push(
      zh(env)
        ? `绝对 β 收敛系数为 ${say.num(B('beta'))}（p = ${say.num(B('p_beta'), 'p')}）${conv && typeof beta.half_life === 'number' ? `，收敛速度 ${say.num(B('speed'), 'percent')}，半衰期 ${say.num(B('half_life'), 'number', 1)} 期` : ''}。`
        : `The absolute β-convergence coefficient is ${say.num(B('beta'))} (p = ${say.num(B('p_beta'), 'p')})${conv && typeof beta.half_life === 'number' ? `: convergence at ${say.num(B('speed'), 'percent')} per period, half-life ${say.num(B('half_life'), 'number', 1)} periods` : ''}.`,
    );
  }
  const c1 = r.fork();
  return {
    sentences,
    charts: [chart(`${s.id}-sigma`, zh(env) ? 'σ 收敛：变异系数' : 'σ-convergence: coefficient of variation', lineOption(rows.map((x) => x.period as number), [{ name: 'CV', data: rows.map((_, i) => c1.num(['sections', k, 'result', 'rows', i, 'sigma'])) }], { yMin: 'dataMin' }), c1, { size: 'short' })],
  };
};

const forecastView: ViewBuilder = (r, s, k, env) => {
  const rows = s.result.rows as any[];
  const ids = featured(env, Math.min(env.top, 6));
  const pick2 = ids.map((id) => rows.findIndex((x) => x.id === id)).filter((i) => i >= 0 && rows[i].status === 'ok');
  const c1 = r.fork();
  const say = new Say(r, env);
  const sentences: string[] = [];
  if (pick2.length) {
    const i = pick2[0];
    sentences.push(
      zh(env)
        ? `GM(1,1) 预测${say.name(rows[i].id)}在${rows[i].forecastPeriods[rows[i].forecastPeriods.length - 1]}年的${esc(ofName(s, env))}为 ${say.num(['sections', k, 'result', 'rows', i, 'forecast', rows[i].forecast.length - 1])}（后验差比 C = ${say.num(['sections', k, 'result', 'rows', i, 'C'], 'number', 3)}）。`
        : `GM(1,1) forecasts ${esc(ofName(s, env))} of ${say.name(rows[i].id)} at ${say.num(['sections', k, 'result', 'rows', i, 'forecast', rows[i].forecast.length - 1])} in ${rows[i].forecastPeriods[rows[i].forecastPeriods.length - 1]} (posterior-error ratio C = ${say.num(['sections', k, 'result', 'rows', i, 'C'], 'number', 3)}).`,
    );
  }
  const allPeriods = [...new Set(pick2.flatMap((i) => [...periodsOf(rows[i]), ...rows[i].forecastPeriods]))].sort((a, b) => a - b);
  const series: LineSeries[] = [];
  pick2.forEach((i) => {
    const row = rows[i];
    const fitted = periodsOf(row);
    series.push({ name: env.name(row.id), data: allPeriods.map((t) => (fitted.includes(t) ? c1.num(['sections', k, 'result', 'rows', i, 'fitted', fitted.indexOf(t)]) : null)) });
    series.push({ name: `${env.name(row.id)} ${zh(env) ? '预测' : 'forecast'}`, data: allPeriods.map((t) => (row.forecastPeriods.includes(t) ? c1.num(['sections', k, 'result', 'rows', i, 'forecast', row.forecastPeriods.indexOf(t)]) : null)), dashed: true });
  });
  const option = lineOption(allPeriods, series, { yMin: 'dataMin' });
  (option.series as Record<string, unknown>[]).forEach((x, j) => (x.lineStyle = { width: 2, type: j % 2 ? 'dashed' : 'solid', color: OKABE_ITO[Math.floor(j / 2) % OKABE_ITO.length] }));
  (option.series as Record<string, unknown>[]).forEach((x, j) => (x.itemStyle = { color: OKABE_ITO[Math.floor(j / 2) % OKABE_ITO.length] }));
  return { sentences, charts: series.length ? [chart(`${s.id}-lines`, zh(env) ? 'GM(1,1) 拟合值（实线）与预测值（虚线）' : 'GM(1,1) fitted values (solid) and forecasts (dashed)', option, c1)] : [] };
};

/** Periods of a GM(1,1) row's fitted values (from … to, equally spaced). */
function periodsOf(row: { from: number | null; to: number | null; fitted: unknown[] }): number[] {
  if (row.from === null || row.to === null || !row.fitted.length) return [];
  const n = row.fitted.length;
  const step = n > 1 ? (row.to - row.from) / (n - 1) : 1;
  return Array.from({ length: n }, (_, j) => row.from! + j * step);
}

export const SECTION_VIEWS: Partial<Record<SectionKind, ViewBuilder>> = {
  data,
  index: indexView,
  growth: growthView,
  malmquist: malmquistView,
  dea: deaView,
  coupling: couplingView,
  obstacle: obstacleView,
  disparity,
  kde: kdeView,
  markov: markovView,
  spatialMarkov: spatialMarkovView,
  convergence: convergenceView,
  moran,
  lisa: lisaView,
  forecast: forecastView,
};

export type { Section };
