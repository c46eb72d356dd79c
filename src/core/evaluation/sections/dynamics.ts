// Distributional dynamics (src/core/dynamics): kernel density per period, classical and spatial Markov chains,
// σ- and β-convergence. Tables summarise each Result (density features per period, transition matrices,
// σ by period with the β regression).

import { kde, markov, spatialMarkov, convergence } from '../../dynamics/index.js';
import type { RunContext, Step } from '../context.js';
import type { Known } from '../run.js';
import type { CellValue, Table } from '../results.js';
import type { SpecIssue } from '../validate.js';
import { checkSeries, type PlanResult, type SectionModule } from './registry.js';
import { PERIOD_COL, col, safeId, seriesLabel } from './common.js';
import { buildWeights, checkWeightsSource } from './spatial.js';

function planKde(ctx: RunContext, known: Known): PlanResult {
  const s = ctx.spec.analyses?.kde;
  if (!s) return { steps: [], issues: [] };
  const issues: SpecIssue[] = [];
  const i = checkSeries(ctx, known, ['analyses', 'kde', 'of'], s.of);
  if (i) issues.push(i);
  (s.periods ?? []).forEach((p, k) => {
    if (!ctx.panel.periods.includes(p)) issues.push(ctx.issue('unknown-period', ['analyses', 'kde', 'periods', k], `period ${p} is not in the sample`, `years from ${ctx.panel.periods[0]} to ${ctx.panel.periods[ctx.panel.periods.length - 1]}`));
  });
  const step: Step = {
    id: 'kde',
    label: { en: `Kernel density of ${s.of}`, zh: `${s.of} 的核密度估计` },
    run: (c) => {
      const periods = s.periods ?? evenlySpaced(c.panel.periods, 5);
      const result = kde(c.panel, { value: s.of, periods });
      const lab = seriesLabel(c, s.of);
      const rows: Record<string, CellValue>[] = result.rows.map((r) => ({
        period: r.period,
        n: r.n,
        bandwidth: r.bandwidth,
        mode: r.features?.mode ?? null,
        modeDensity: r.features?.modeDensity ?? null,
        peaks: r.features?.peakCount ?? null,
        halfMaxWidth: r.features?.halfMaxWidth ?? null,
        rightTail: r.features?.rightTail ?? null,
      }));
      c.addSection({ id: 'kde', kind: 'kde', title: { en: `Distribution of ${lab.en}: kernel density`, zh: `${lab.zh}的分布动态：核密度估计` }, of: s.of, result }, [
        {
          id: `kde-${safeId(s.of)}`,
          section: 'kde',
          title: { en: `Kernel density features of ${lab.en}`, zh: `${lab.zh}核密度特征` },
          note: { en: 'Gaussian kernel, Silverman bandwidth (R bw.nrd0); peaks with prominence ≥ 5% of the maximum; right tail = 99th percentile − mode.', zh: '高斯核，Silverman 带宽（R bw.nrd0）；波峰以突出度不低于最大值 5% 计；右拖尾 = 第 99 百分位数 − 众数。' },
          columns: [PERIOD_COL, col('n', 'N', '样本数', 'integer'), col('bandwidth', 'Bandwidth', '带宽'), col('mode', 'Main peak at', '主峰位置'), col('modeDensity', 'Peak height', '主峰高度'), col('peaks', 'Peaks', '波峰数', 'integer'), col('halfMaxWidth', 'Width at half max', '半峰宽'), col('rightTail', 'Right tail', '右拖尾')],
          rows,
        },
      ]);
    },
  };
  return { steps: issues.length ? [] : [step], issues };
}

/** Up to k periods, evenly spread, always including the first and the last. */
export function evenlySpaced(periods: number[], k: number): number[] {
  if (periods.length <= k) return [...periods];
  const out = new Set<number>();
  for (let j = 0; j < k; j++) out.add(periods[Math.round((j * (periods.length - 1)) / (k - 1))]);
  return [...out];
}

function matrixTable(id: string, section: string, title: { en: string; zh: string }, k: number, rows: { from: number; n: number; probabilities: number[]; lagClass?: number }[], note?: { en: string; zh: string }): Table {
  return {
    id,
    section,
    title,
    note,
    columns: [
      ...(rows.some((r) => r.lagClass !== undefined) ? [col('lagClass', 'Neighbour class', '邻域类型', 'integer')] : []),
      col('from', 'From class', '初始类型', 'integer'),
      col('n', 'N', '转移数', 'integer'),
      ...Array.from({ length: k }, (_, j) => col(`p${j + 1}`, `→ ${j + 1}`, `→ ${j + 1}`)),
    ],
    rows: rows.map((r) => {
      const row: Record<string, CellValue> = {};
      if (r.lagClass !== undefined) row.lagClass = r.lagClass;
      row.from = r.from;
      row.n = r.n;
      r.probabilities.forEach((p, j) => (row[`p${j + 1}`] = p));
      return row;
    }),
  };
}

function planMarkov(ctx: RunContext, known: Known): PlanResult {
  const s = ctx.spec.analyses?.markov;
  if (!s) return { steps: [], issues: [] };
  const i = checkSeries(ctx, known, ['analyses', 'markov', 'of'], s.of);
  const step: Step = {
    id: 'markov',
    label: { en: `Markov chain of ${s.of}`, zh: `${s.of} 的马尔可夫链` },
    run: (c) => {
      const result = markov(c.panel, { value: s.of, k: s.classes });
      const lab = seriesLabel(c, s.of);
      const k = result.summary.k as number;
      c.addSection({ id: 'markov', kind: 'markov', title: { en: `Mobility of ${lab.en}: Markov transition matrix`, zh: `${lab.zh}的类型转移：马尔可夫转移概率矩阵` }, of: s.of, result }, [
        matrixTable(`markov-${safeId(s.of)}`, 'markov', { en: `Transition probabilities of ${lab.en} (${k} quantile classes, 1 = lowest)`, zh: `${lab.zh}的转移概率（${k} 个分位数类型，1 为最低）` }, k, result.rows, {
          en: 'Classes from pooled quantiles; one-period transitions; diagonal = probability of staying.',
          zh: '按全样本分位数划分类型；一期转移；对角线为保持原类型的概率。',
        }),
      ]);
    },
  };
  return { steps: i ? [] : [step], issues: i ? [i] : [] };
}

function planSpatialMarkov(ctx: RunContext, known: Known): PlanResult {
  const s = ctx.spec.analyses?.spatialMarkov;
  if (!s) return { steps: [], issues: [] };
  const issues = [checkSeries(ctx, known, ['analyses', 'spatialMarkov', 'of'], s.of), checkWeightsSource(ctx, ['analyses', 'spatialMarkov', 'weights'], s.weights ?? 'knn:6')].filter((x): x is SpecIssue => !!x);
  const step: Step = {
    id: 'spatialMarkov',
    label: { en: `Spatial Markov chain of ${s.of}`, zh: `${s.of} 的空间马尔可夫链` },
    run: (c) => {
      const b = buildWeights(c, s.weights ?? 'knn:6');
      const result = spatialMarkov(b.panel, b.weights, { value: s.of, k: s.classes });
      const lab = seriesLabel(c, s.of);
      const k = result.summary.k as number;
      c.addSection({ id: 'spatialMarkov', kind: 'spatialMarkov', title: { en: `Mobility of ${lab.en} conditioned on neighbours: spatial Markov`, zh: `${lab.zh}的空间马尔可夫链` }, of: s.of, result }, [
        matrixTable(`spatial-markov-${safeId(s.of)}`, 'spatialMarkov', { en: `Spatial Markov transition probabilities of ${lab.en}`, zh: `${lab.zh}的空间马尔可夫转移概率` }, k, result.rows, {
          en: 'One matrix per class of the neighbours’ spatial lag (1 = lowest); homogeneity tests in the method card.',
          zh: '按邻域空间滞后类型（1 为最低）分别给出转移矩阵；同质性检验见方法卡。',
        }),
      ]);
    },
  };
  return { steps: issues.length ? [] : [step], issues };
}

function planConvergence(ctx: RunContext, known: Known): PlanResult {
  const s = ctx.spec.analyses?.convergence;
  if (!s) return { steps: [], issues: [] };
  const i = checkSeries(ctx, known, ['analyses', 'convergence', 'of'], s.of);
  const step: Step = {
    id: 'convergence',
    label: { en: `Convergence of ${s.of}`, zh: `${s.of} 的收敛性` },
    run: (c) => {
      const result = convergence(c.panel, { value: s.of });
      const lab = seriesLabel(c, s.of);
      const beta = result.summary.beta as Record<string, number | null | string | boolean> | null;
      const tables: Table[] = [
        {
          id: `sigma-${safeId(s.of)}`,
          section: 'convergence',
          title: { en: `σ-convergence of ${lab.en}: coefficient of variation by period`, zh: `${lab.zh}的 σ 收敛：历年变异系数` },
          columns: [PERIOD_COL, col('n', 'N', '样本数', 'integer'), col('mean', 'Mean', '均值'), col('sd_pop', 'SD', '标准差'), col('sigma', 'CV', '变异系数')],
          rows: result.rows.map((r) => ({ period: r.period, n: r.n, mean: r.mean, sd_pop: r.sd_pop, sigma: r.sigma })),
        },
      ];
      if (beta && typeof beta.beta === 'number') {
        tables.push({
          id: `beta-${safeId(s.of)}`,
          section: 'convergence',
          title: { en: `Absolute β-convergence of ${lab.en}`, zh: `${lab.zh}的绝对 β 收敛` },
          note: { en: 'Panel regression ln(x_{t+1}/x_t) = α + β ln x_t + ε; β < 0 means convergence; speed θ = −ln(1+β); half-life = ln 2/θ.', zh: '面板回归 ln(x_{t+1}/x_t) = α + β ln x_t + ε；β < 0 表示收敛；收敛速度 θ = −ln(1+β)；半衰期 = ln2/θ。' },
          columns: [col('beta', 'β', 'β'), col('se_beta', 'SE', '标准误'), col('p_beta', 'p', 'p 值'), col('speed', 'Speed θ', '收敛速度'), col('half_life', 'Half-life', '半衰期'), col('n', 'N', '样本数', 'integer'), col('r_squared', 'R²', 'R²')],
          rows: [{ beta: beta.beta as number, se_beta: beta.se_beta as number, p_beta: beta.p_beta as number, speed: (beta.speed as number | null) ?? null, half_life: (beta.half_life as number | null) ?? null, n: beta.n as number, r_squared: beta.r_squared as number }],
        });
      }
      c.addSection({ id: 'convergence', kind: 'convergence', title: { en: `Convergence of ${lab.en}`, zh: `${lab.zh}的收敛性分析` }, of: s.of, result }, tables);
    },
  };
  return { steps: i ? [] : [step], issues: i ? [i] : [] };
}

export const kdeSection: SectionModule = { keys: ['analyses.kde'], plan: planKde };
export const markovSection: SectionModule = { keys: ['analyses.markov'], plan: planMarkov };
export const spatialMarkovSection: SectionModule = { keys: ['analyses.spatialMarkov'], plan: planSpatialMarkov };
export const convergenceSection: SectionModule = { keys: ['analyses.convergence'], plan: planConvergence };
