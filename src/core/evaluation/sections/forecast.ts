// GM(1,1) forecasts of a series per unit (src/core/forecast), with the posterior-error grade. The table lists
// every unit's fit (a, b, C, P, grade, mean relative error) and its forecasts.

import { gm11 } from '../../forecast/index.js';
import type { RunContext, Step } from '../context.js';
import type { Known } from '../run.js';
import type { CellValue } from '../results.js';
import { labelById } from '../panel-view.js';
import { checkSeries, type PlanResult, type SectionModule } from './registry.js';
import { col, safeId, seriesLabel } from './common.js';

function planForecast(ctx: RunContext, known: Known): PlanResult {
  const s = ctx.spec.analyses?.forecast;
  if (!s) return { steps: [], issues: [] };
  const i = checkSeries(ctx, known, ['analyses', 'forecast', 'of'], s.of);
  const step: Step = {
    id: 'forecast',
    label: { en: `GM(1,1) forecast of ${s.of}`, zh: `${s.of} 的 GM(1,1) 预测` },
    run: (c) => {
      const horizon = s.horizon ?? 5;
      const result = gm11(c.panel, { value: s.of, horizon });
      const lab = seriesLabel(c, s.of);
      const names = c.spec.data.name && c.panel.labels[c.spec.data.name] ? labelById(c.panel, c.spec.data.name) : {};
      const fp = result.rows.find((r) => r.forecastPeriods.length)?.forecastPeriods ?? [];
      c.addSection({ id: 'forecast', kind: 'forecast', title: { en: `Forecast of ${lab.en}: GM(1,1)`, zh: `${lab.zh}预测：GM(1,1) 模型` }, of: s.of, result }, [
        {
          id: `gm11-${safeId(s.of)}`,
          section: 'forecast',
          title: { en: `GM(1,1) fit and forecasts of ${lab.en}`, zh: `${lab.zh}的 GM(1,1) 拟合与预测` },
          note: { en: 'Posterior-error grade: I good (C ≤ 0.35, P ≥ 0.95), II qualified, III barely qualified, IV unqualified.', zh: '后验差检验等级：I 好（C ≤ 0.35，P ≥ 0.95），II 合格，III 勉强合格，IV 不合格。' },
          columns: [col('id', 'Unit', '单位', 'text'), col('a', 'a', '发展系数 a'), col('b', 'b', '灰作用量 b'), col('C', 'C', '后验差比 C'), col('P', 'P', '小误差概率 P'), col('grade', 'Grade', '等级', 'integer'), col('mre', 'Mean rel. error', '平均相对误差', 'percent'), ...fp.map((t, k) => col(`f${k}`, String(t), String(t)))],
          rows: result.rows.map((r) => {
            const row: Record<string, CellValue> = { id: names[r.id] ?? r.id, a: r.a, b: r.b, C: r.C, P: r.P, grade: r.grade, mre: r.meanRelativeError };
            fp.forEach((_, k) => (row[`f${k}`] = r.forecast[k] ?? null));
            return row;
          }),
        },
      ]);
    },
  };
  return { steps: i ? [] : [step], issues: i ? [i] : [] };
}

export const forecastSection: SectionModule = { keys: ['analyses.forecast'], plan: planForecast };
