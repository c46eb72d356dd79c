// Preparation steps (methods.md A): derived indicators, gap filling (linear interior, growth-rate ends),
// deflation to constant prices, perpetual-inventory capital stock (src/core/panel). Each step returns a new
// panel; its method card and a small account of what it did become a 'prepare' section of the results.

import { derive, interpolate, deflate, addCapitalStock, parseExpression, expressionColumns } from '../../panel/index.js';
import type { Result } from '../../result.js';
import { SOFTWARE } from '../../version.js';
import type { RunContext, Step } from '../context.js';
import type { Known } from '../run.js';
import type { PrepareStep } from '../spec.js';
import type { SpecIssue } from '../validate.js';
import { checkColumn, type PlanResult, type SectionModule } from './registry.js';
import { col } from './common.js';

function planPrepare(ctx: RunContext, known: Known): PlanResult {
  const steps: Step[] = [];
  const issues: SpecIssue[] = [];
  (ctx.spec.prepare ?? []).forEach((step: PrepareStep, k) => {
    const need = (path: (string | number)[], name: string) => {
      const i = checkColumn(ctx, known, path, name);
      if (i) issues.push(i);
    };
    if ('derive' in step) {
      const d = step.derive;
      try {
        for (const name of expressionColumns(parseExpression(d.formula))) need(['prepare', k, 'derive', 'formula'], name);
      } catch (e) {
        issues.push(ctx.issue('bad-formula', ['prepare', k, 'derive', 'formula'], (e as Error).message.split('\n')[0], 'an arithmetic formula of columns such as emp * hc, rd / gdp * 100, ln(gdp)'));
      }
      known.columns.add(d.name);
      known.describe.push(d.name);
      steps.push({
        id: `prepare-${k}`,
        label: { en: `Derive ${d.name}`, zh: `计算 ${d.name}` },
        run: (c) => {
          const label = typeof d.label === 'string' ? { en: d.label, zh: d.label } : d.label;
          const r = derive(c.panel, [{ name: d.name, expression: d.formula, label }]);
          c.panel = r.panel;
          addPrepareSection(c, `prepare-${k}`, 'derive', { en: `Derived indicator ${d.name} = ${d.formula}`, zh: `派生指标 ${d.name} = ${d.formula}` }, r.counts, r.warnings, r.card, [
            col('name', 'Column', '变量', 'text'),
            col('expression', 'Formula', '公式', 'text'),
            col('ok', 'Computed', '已计算', 'integer'),
            col('missing', 'Missing input', '输入缺失', 'integer'),
            col('undefined', 'Undefined', '无定义', 'integer'),
          ]);
        },
      });
    } else if ('interpolate' in step) {
      const s = step.interpolate;
      s.columns.forEach((name, j) => need(['prepare', k, 'interpolate', 'columns', j], name));
      steps.push({
        id: `prepare-${k}`,
        label: { en: 'Fill gaps', zh: '缺失值插补' },
        run: (c) => {
          const r = interpolate(c.panel, { variables: s.columns, interior: s.method, ends: s.ends });
          c.panel = r.panel;
          const filled = r.cells.filter((x) => x.value !== null);
          addPrepareSection(
            c,
            `prepare-${k}`,
            'interpolate',
            { en: 'Gap filling', zh: '缺失值插补' },
            s.columns.map((v) => ({ variable: v, filled: r.cells.filter((x) => x.variable === v && x.value !== null).length, missing: r.cells.filter((x) => x.variable === v && x.value === null).length })),
            r.warnings,
            r.card,
            [col('variable', 'Variable', '变量', 'text'), col('filled', 'Cells filled', '插补单元', 'integer'), col('missing', 'Still missing', '仍缺失', 'integer')],
            { filled: filled.length },
          );
        },
      });
    } else if ('deflate' in step) {
      const s = step.deflate;
      s.columns.forEach((name, j) => need(['prepare', k, 'deflate', 'columns', j], name));
      need(['prepare', k, 'deflate', 'deflator'], s.deflator);
      const suffix = s.suffix ?? '_real';
      for (const v of s.columns) known.columns.add(v + suffix);
      steps.push({
        id: `prepare-${k}`,
        label: { en: 'Deflate', zh: '价格平减' },
        run: (c) => {
          const r = deflate(c.panel, { variables: s.columns, index: s.deflator, base: s.base, indexType: s.type, suffix });
          c.panel = r.panel;
          addPrepareSection(
            c,
            `prepare-${k}`,
            'deflate',
            { en: `Deflation to ${s.base} prices`, zh: `按 ${s.base} 年价格平减` },
            s.columns.map((v) => ({ variable: v, real: v + suffix, cells: r.cells.filter((x) => x.variable === v).length })),
            r.warnings,
            r.card,
            [col('variable', 'Nominal', '名义变量', 'text'), col('real', 'Real', '实际变量', 'text'), col('cells', 'Cells', '单元数', 'integer')],
          );
        },
      });
    } else if ('capital' in step) {
      const s = step.capital;
      need(['prepare', k, 'capital', 'investment'], s.investment);
      if (s.deflator) need(['prepare', k, 'capital', 'deflator'], s.deflator);
      const name = s.name ?? 'capital';
      known.columns.add(name);
      known.describe.push(name);
      steps.push({
        id: `prepare-${k}`,
        label: { en: 'Capital stock (PIM)', zh: '资本存量（永续盘存法）' },
        run: (c) => {
          const r = addCapitalStock(c.panel, { investment: s.investment, deflator: s.deflator, deflatorType: s.type, delta: s.delta, base: s.base, name });
          c.panel = r.panel;
          c.addSection({ id: `prepare-${k}`, kind: 'prepare', title: { en: `Capital stock ${name} by the perpetual inventory method`, zh: `永续盘存法资本存量 ${name}` }, result: r.result }, []);
        },
      });
    }
  });
  return { steps, issues };
}

function addPrepareSection(
  ctx: RunContext,
  id: string,
  method: string,
  title: { en: string; zh: string },
  rows: Record<string, unknown>[],
  warnings: Result['warnings'],
  card: Result['card'],
  columns: ReturnType<typeof col>[],
  summary: Record<string, unknown> = {},
): void {
  const result: Result = { method, params: {}, rows, summary, warnings, card: card ?? { method, title, conventions: {}, citations: [], software: SOFTWARE } };
  ctx.addSection({ id, kind: 'prepare', title, result }, [
    { id, section: id, title, columns, rows: rows as Record<string, string | number | null>[] },
  ]);
}

export const prepareSection: SectionModule = { keys: ['prepare.derive', 'prepare.interpolate', 'prepare.deflate', 'prepare.capital'], plan: planPrepare };
