// Disparity section: inequality of a series across units per period, decomposed by a grouping — the Dagum Gini
// decomposition (default), Theil T within/between, or the plain Gini (src/core/disparity). One section per
// series named in `analyses.disparity.of`.

import { dagum, theil, gini } from '../../disparity/index.js';
import type { RunContext, Step } from '../context.js';
import type { Known } from '../run.js';
import type { Table } from '../results.js';
import type { SpecIssue } from '../validate.js';
import { checkLabel, checkSeries, type PlanResult, type SectionModule } from './registry.js';
import { PERIOD_COL, col, safeId, seriesLabel } from './common.js';

function planDisparity(ctx: RunContext, known: Known): PlanResult {
  const spec = ctx.spec.analyses?.disparity;
  if (!spec) return { steps: [], issues: [] };
  const issues: SpecIssue[] = [];
  const list = Array.isArray(spec.of) ? spec.of : [spec.of];
  list.forEach((of, k) => {
    const i = checkSeries(ctx, known, ['analyses', 'disparity', 'of', ...(Array.isArray(spec.of) ? [k] : [])], of);
    if (i) issues.push(i);
  });
  const g = checkLabel(ctx, known, ['analyses', 'disparity', 'group'], spec.group);
  if (g) issues.push(g);
  const method = spec.method ?? 'dagum';
  const steps: Step[] = list.map((of) => ({
    id: `disparity-${safeId(of)}`,
    label: { en: `Disparity (${method}) of ${of}`, zh: `${of} 的差异分解（${method}）` },
    run: (c) => runDisparity(c, of, spec.group, method),
  }));
  return { steps, issues };
}

function runDisparity(ctx: RunContext, of: string, group: string, method: 'dagum' | 'theil' | 'gini'): void {
  const id = `disparity-${safeId(of)}`;
  const lab = seriesLabel(ctx, of);
  const title = {
    dagum: { en: `Regional disparities of ${lab.en}: Dagum Gini decomposition`, zh: `${lab.zh}的区域差异：Dagum 基尼系数分解` },
    theil: { en: `Regional disparities of ${lab.en}: Theil index decomposition`, zh: `${lab.zh}的区域差异：泰尔指数分解` },
    gini: { en: `Inequality of ${lab.en}: Gini coefficient`, zh: `${lab.zh}的不平等：基尼系数` },
  }[method];
  const tables: Table[] = [];
  let result;
  if (method === 'dagum') {
    result = dagum(ctx.panel, { value: of, group });
    tables.push({
      id: `dagum-${safeId(of)}`,
      section: id,
      title: { en: `Dagum Gini decomposition of ${lab.en} by ${group}`, zh: `${lab.zh}按${group}分组的 Dagum 基尼系数分解` },
      note: {
        en: 'G = Gw + Gnb + Gt (Dagum 1997): within-group, net between-group and transvariation parts; shares in percent of G. Unweighted group means.',
        zh: 'G = Gw + Gnb + Gt（Dagum, 1997）：组内差异、组间净差异与超变密度；贡献率为占总体基尼系数的百分比。组均值不加权。',
      },
      columns: [
        PERIOD_COL,
        col('n', 'N', '样本数', 'integer'),
        col('G', 'G', '总体 G'),
        col('Gw', 'Gw', '组内 Gw'),
        col('Gnb', 'Gnb', '组间 Gnb'),
        col('Gt', 'Gt', '超变密度 Gt'),
        col('share_w', 'Within (%)', '组内贡献率', 'percent'),
        col('share_nb', 'Between (%)', '组间贡献率', 'percent'),
        col('share_t', 'Transvariation (%)', '超变密度贡献率', 'percent'),
      ],
      rows: result.rows.map((r) => ({ period: r.period, n: r.n, G: r.G, Gw: r.Gw, Gnb: r.Gnb, Gt: r.Gt, share_w: r.share_w, share_nb: r.share_nb, share_t: r.share_t })),
    });
    const groupsList = (result.summary.groups as string[]) ?? [];
    tables.push({
      id: `dagum-within-${safeId(of)}`,
      section: id,
      title: { en: `Within-group Gini of ${lab.en} by ${group}`, zh: `${lab.zh}各组组内基尼系数` },
      columns: [PERIOD_COL, ...groupsList.map((g, k) => col(`g${k}`, g, g))],
      rows: result.rows.map((r) => {
        const row: Record<string, number | null> = { period: r.period };
        groupsList.forEach((g, k) => (row[`g${k}`] = r.within[g]?.G_jj ?? null));
        return row;
      }),
    });
  } else if (method === 'theil') {
    result = theil(ctx.panel, { value: of, group });
    tables.push({
      id: `theil-${safeId(of)}`,
      section: id,
      title: { en: `Theil T decomposition of ${lab.en} by ${group}`, zh: `${lab.zh}按${group}分组的泰尔指数分解` },
      note: { en: 'T = T_within + T_between; unweighted.', zh: 'T = 组内 + 组间；不加权。' },
      columns: [PERIOD_COL, col('n', 'N', '样本数', 'integer'), col('theil', 'T', '泰尔指数'), col('within', 'Within', '组内'), col('between', 'Between', '组间'), col('share_within', 'Within (%)', '组内贡献率', 'percent'), col('share_between', 'Between (%)', '组间贡献率', 'percent')],
      rows: result.rows.map((r) => ({ period: r.period, n: r.n, theil: r.theil, within: r.within, between: r.between, share_within: r.share_within, share_between: r.share_between })),
    });
  } else {
    result = gini(ctx.panel, { value: of });
    tables.push({
      id: `gini-${safeId(of)}`,
      section: id,
      title: { en: `Gini coefficient of ${lab.en}`, zh: `${lab.zh}的基尼系数` },
      columns: [PERIOD_COL, col('n', 'N', '样本数', 'integer'), col('mean', 'Mean', '均值'), col('G', 'Gini', '基尼系数')],
      rows: result.rows.map((r) => ({ period: r.period, n: r.n, mean: r.mean, G: r.G })),
    });
  }
  ctx.addSection({ id, kind: 'disparity', title, of, result }, tables);
}

export const disparitySection: SectionModule = { keys: ['analyses.disparity'], plan: planDisparity };
