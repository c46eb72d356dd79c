// Spatial sections: global Moran's I per period and local Moran (LISA) in one period (src/core/spatial), with the
// weights named in the spec:
// - China's provinces (ids recognised as provinces): queen/rook contiguity from the bundled neighbour list (Hainan
//   linked to Guangdong), knn:K and distance on the provincial capitals;
// - any other units: knn:K or distance on the points the caller passes (`inputs.coordinates`), else on the bundled
//   country points for ISO3 ids (WORLD_CENTROIDS: centroid of each country's largest polygon, Natural Earth).
//   Units without a point are left out of the spatial analyses, with a warning.
// Weights are row-standardised after subsetting (the spatial module's default).

import { moran, lisa, knnWeights, inverseDistanceWeights, chinaProvinceWeights, chinaProvincePoints, looksLikeChinaProvinces, chinaProvinceIndex, contiguityWeights, WORLD_CENTROIDS } from '../../spatial/index.js';
import type { SpatialWeights } from '../../spatial/types.js';
import type { RunContext, Step } from '../context.js';
import type { Known } from '../run.js';
import type { SpecIssue } from '../validate.js';
import { selectPanel } from '../panel-view.js';
import { checkSeries, type PlanResult, type SectionModule } from './registry.js';
import { PERIOD_COL, col, resolvePeriod, safeId, seriesLabel } from './common.js';
import type { Panel } from '../../panel/panel.js';

const DEFAULT_WEIGHTS = 'knn:6';

interface Built { weights: SpatialWeights; panel: Panel; left: string[] }

/** Spatial weights over the units that can have them, and the panel restricted to those units. */
export function buildWeights(ctx: RunContext, source: string): Built {
  const ids = ctx.panel.ids;
  const china = looksLikeChinaProvinces(ids);
  const k = source.startsWith('knn:') ? Number(source.slice(4)) : undefined;
  if (china) {
    if (source === 'queen' || source === 'rook') return { weights: chinaProvinceWeights(ids, { type: source }), panel: ctx.panel, left: [] };
    const pts = chinaProvincePoints(ids);
    return { weights: k !== undefined ? knnWeights(pts, k) : inverseDistanceWeights(pts), panel: ctx.panel, left: [] };
  }
  if ((source === 'queen' || source === 'rook') && ctx.inputs.features) {
    const feats = ctx.inputs.features;
    const withShape = ids.filter((id) => feats[id]);
    const leftOut = ids.filter((id) => !feats[id]);
    return {
      weights: contiguityWeights(withShape, withShape.map((id) => feats[id]), source, { source: 'output.geometry' }),
      panel: leftOut.length ? selectPanel(ctx.panel, { include: withShape }) : ctx.panel,
      left: leftOut,
    };
  }
  const have = ids.filter((id) => pointOf(ctx, id));
  const left = ids.filter((id) => !pointOf(ctx, id));
  const pts = have.map((id) => ({ id, lon: pointOf(ctx, id)![0], lat: pointOf(ctx, id)![1] }));
  const weights = k !== undefined ? knnWeights(pts, k) : inverseDistanceWeights(pts);
  return { weights, panel: left.length ? selectPanel(ctx.panel, { include: have }) : ctx.panel, left };
}

export function pointOf(ctx: RunContext, id: string): readonly [number, number] | undefined {
  return ctx.inputs.coordinates?.[id] ?? (Object.prototype.hasOwnProperty.call(WORLD_CENTROIDS, id.toUpperCase()) ? WORLD_CENTROIDS[id.toUpperCase()] : undefined);
}

export function checkWeightsSource(ctx: RunContext, path: (string | number)[], source: string): SpecIssue | undefined {
  const china = looksLikeChinaProvinces(ctx.panel.ids);
  if (china) return undefined;
  // Provinces mixed with aggregates (全国), cities or a second spelling of a province: name them.
  const ids = ctx.panel.ids;
  const codes = ids.map((id) => chinaProvinceIndex(id));
  if (!ctx.inputs.coordinates && !ctx.inputs.features && codes.filter((k) => k >= 0).length >= 2) {
    const others = ids.filter((_, j) => codes[j] < 0);
    const repeats = ids.filter((_, j) => codes[j] >= 0 && codes.indexOf(codes[j]) < j);
    const list = (xs: string[]) => xs.slice(0, 8).join(', ') + (xs.length > 8 ? ' …' : '');
    const what = [others.length ? `not provinces: ${list(others)}` : '', repeats.length ? `a province named twice: ${list(repeats)}` : ''].filter(Boolean).join('; ');
    return ctx.issue('not-all-provinces', path, `spatial weights for China's provinces need every id to be a distinct province (${what})`, `drop the other units with data.exclude (e.g. exclude: [${list([...others, ...repeats])}]), or give your base map with output.geometry: {file, id}`);
  }
  if ((source === 'queen' || source === 'rook') && !ctx.inputs.features) {
    return ctx.issue('weights-need-geometry', path, `${source} contiguity needs boundaries, which xinzhi bundles only for China's provinces`, 'use knn:K (e.g. knn:6) or distance on centroids, or give your base map with output.geometry: {file, id}');
  }
  if (source === 'queen' || source === 'rook') return undefined;
  if (!ctx.panel.ids.some((id) => pointOf(ctx, id))) {
    return ctx.issue('weights-need-coordinates', path, `no coordinates for these units (ids such as ${ctx.panel.ids.slice(0, 3).join(', ')})`, 'use ISO3 country codes (bundled world centroids) or Chinese province names, or remove this block');
  }
  return undefined;
}

function checkPeriod(ctx: RunContext, path: (string | number)[], p: number | 'last' | undefined): SpecIssue | undefined {
  if (p === undefined || p === 'last' || ctx.panel.periods.includes(p)) return undefined;
  return ctx.issue('unknown-period', path, `period ${p} is not in the sample (${ctx.panel.periods[0]}–${ctx.panel.periods[ctx.panel.periods.length - 1]})`, 'write a year inside the sample, or last');
}

function leftWarning(ctx: RunContext, left: string[], what: string): void {
  if (!left.length) return;
  ctx.warnings.push({
    code: `${what}-no-coordinates`,
    message: `${left.length} unit(s) have no centroid and are left out of the ${what} analysis: ${left.slice(0, 15).join(', ')}${left.length > 15 ? ' …' : ''}`,
    messageZh: `${left.length} 个单位缺少地理坐标，未纳入空间分析：${left.slice(0, 15).join('、')}`,
    count: left.length,
  });
}

function planMoran(ctx: RunContext, known: Known): PlanResult {
  const spec = ctx.spec.analyses?.moran;
  if (!spec) return { steps: [], issues: [] };
  const issues = [
    checkSeries(ctx, known, ['analyses', 'moran', 'of'], spec.of),
    checkWeightsSource(ctx, ['analyses', 'moran', 'weights'], spec.weights ?? DEFAULT_WEIGHTS),
    checkPeriod(ctx, ['analyses', 'moran', 'period'], spec.period),
  ].filter((x): x is SpecIssue => !!x);
  const step: Step = {
    id: 'moran',
    label: { en: `Global Moran's I of ${spec.of}`, zh: `${spec.of} 的全局莫兰指数` },
    run: (c) => {
      const b = buildWeights(c, spec.weights ?? DEFAULT_WEIGHTS);
      leftWarning(c, b.left, 'moran');
      const result = moran(b.panel, { value: spec.of, weights: b.weights, seed: 12345 });
      const lab = seriesLabel(c, spec.of);
      c.addSection(
        { id: 'moran', kind: 'moran', title: { en: `Spatial autocorrelation of ${lab.en}: global Moran's I`, zh: `${lab.zh}的空间自相关：全局莫兰指数` }, of: spec.of, result },
        [
          {
            id: `moran-${safeId(spec.of)}`,
            section: 'moran',
            title: { en: `Global Moran's I of ${lab.en} (${spec.weights ?? DEFAULT_WEIGHTS} weights, row-standardised)`, zh: `${lab.zh}的全局莫兰指数（${spec.weights ?? DEFAULT_WEIGHTS} 权重，行标准化）` },
            note: { en: 'z and p under randomisation (two-sided); pSim from 999 permutations (seed 12345).', zh: 'z 与 p 为随机化假设下的双侧检验；pSim 为 999 次置换检验（种子 12345）。' },
            columns: [PERIOD_COL, col('n', 'N', '样本数', 'integer'), col('I', "Moran's I", '莫兰指数'), col('EI', 'E[I]', '期望值'), col('z', 'z', 'z 值'), col('p', 'p', 'p 值'), col('pSim', 'p (perm.)', '置换 p 值')],
            rows: result.rows.map((r) => ({ period: r.period, n: r.n, I: r.I, EI: r.EI, z: r.z, p: r.p, pSim: r.pSim })),
          },
        ],
      );
    },
  };
  return { steps: issues.length ? [] : [step], issues };
}

function planLisa(ctx: RunContext, known: Known): PlanResult {
  const spec = ctx.spec.analyses?.lisa;
  if (!spec) return { steps: [], issues: [] };
  const issues = [
    checkSeries(ctx, known, ['analyses', 'lisa', 'of'], spec.of),
    checkWeightsSource(ctx, ['analyses', 'lisa', 'weights'], spec.weights ?? DEFAULT_WEIGHTS),
    checkPeriod(ctx, ['analyses', 'lisa', 'period'], spec.period),
  ].filter((x): x is SpecIssue => !!x);
  const step: Step = {
    id: 'lisa',
    label: { en: `Local Moran (LISA) of ${spec.of}`, zh: `${spec.of} 的局部莫兰指数` },
    run: (c) => {
      const period = resolvePeriod(c, spec.period);
      const b = buildWeights(c, spec.weights ?? DEFAULT_WEIGHTS);
      leftWarning(c, b.left, 'lisa');
      const result = lisa(b.panel, { value: spec.of, weights: b.weights, periods: [period], seed: 12345 });
      const lab = seriesLabel(c, spec.of);
      const names = c.spec.data.name;
      c.addSection(
        { id: 'lisa', kind: 'lisa', title: { en: `Local clusters of ${lab.en} in ${period}: LISA`, zh: `${period}年${lab.zh}的局部集聚：LISA` }, of: spec.of, period, result },
        [
          {
            id: `lisa-${safeId(spec.of)}`,
            section: 'lisa',
            title: { en: `Local Moran's I of ${lab.en}, ${period}`, zh: `${period}年${lab.zh}的局部莫兰指数` },
            note: {
              en: 'Quadrants: HH high–high, LL low–low, HL high–low, LH low–high; cluster = quadrant when the permutation p < 0.05, else ns.',
              zh: '象限：HH 高—高，LL 低—低，HL 高—低，LH 低—高；置换检验 p < 0.05 时记为对应集聚类型，否则为不显著（ns）。',
            },
            columns: [col('id', 'Unit', '单位', 'text'), col('value', 'Value', '取值'), col('lag', 'Spatial lag', '空间滞后'), col('Ii', 'Ii', '局部 I'), col('z', 'z', 'z 值'), col('pSim', 'p (perm.)', '置换 p 值'), col('quadrant', 'Quadrant', '象限', 'text'), col('cluster', 'Cluster', '集聚类型', 'text')],
            // Significant clusters first (by p), then the other units with a value, then units without one.
            rows: [...result.rows].sort((a, b) => lisaOrder(a) - lisaOrder(b) || (a.pSim ?? a.p ?? 1) - (b.pSim ?? b.p ?? 1) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((r) => ({
              id: names && c.panel.labels[names] ? nameOf(c, r.id, names) : r.id,
              value: r.value,
              lag: r.lag,
              Ii: r.Ii,
              z: r.z,
              pSim: r.pSim,
              quadrant: r.quadrant,
              cluster: r.cluster,
            })),
          },
        ],
      );
    },
  };
  return { steps: issues.length ? [] : [step], issues };
}

function lisaOrder(r: { cluster: string | null; Ii: number | null }): number {
  return r.Ii === null ? 2 : r.cluster && r.cluster !== 'ns' ? 0 : 1;
}

function nameOf(ctx: RunContext, id: string, nameCol: string): string {
  const i = ctx.panel.ids.indexOf(id);
  const T = ctx.panel.periods.length;
  for (let t = 0; t < T; t++) {
    const v = ctx.panel.labels[nameCol][i * T + t];
    if (v) return v;
  }
  return id;
}

export const moranSection: SectionModule = { keys: ['analyses.moran'], plan: planMoran };
export const lisaSection: SectionModule = { keys: ['analyses.lisa'], plan: planLisa };
