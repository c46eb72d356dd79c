// Coupling coordination between the framework's dimensions and obstacle degrees of its indicators
// (src/core/coordination), with the index's normalisation and weights. Derived tables: the count of units in
// each coordination grade per period, mean obstacle degree per indicator in the last period (with how often it
// is among a unit's top-k), and mean obstacle degree per dimension by period.

import { couplingCoordination, obstacleAnalysis, D_GRADES, type CouplingRow, type ObstacleRow } from '../../coordination/index.js';
import type { Framework } from '../../framework/types.js';
import { mean } from '../../math/stats.js';
import type { RunContext, Step } from '../context.js';
import type { Known } from '../run.js';
import type { CellValue, Table } from '../results.js';
import type { SpecIssue } from '../validate.js';
import { nearest } from '../validate.js';
import type { PlanResult, SectionModule } from './registry.js';
import { PERIOD_COL, col } from './common.js';
import { dimLabel, frameworkOf, indexPrepareOptions } from './index-section.js';

function needIndex(ctx: RunContext, key: 'coupling' | 'obstacle'): SpecIssue | undefined {
  if (ctx.spec.index) return undefined;
  return ctx.issue('needs-index', ['analyses', key], `${key} works on the dimensions and indicators of the index framework, and this spec has no index: block`, 'add `index: {framework: nqpf}` (or your framework file)');
}

function subFramework(fw: Framework, keys: string[]): Framework {
  const keep = new Set(keys);
  return { ...fw, dimensions: fw.dimensions.filter((d) => keep.has(d.key)), indicators: fw.indicators.filter((i) => keep.has(i.path[0])) };
}

function planCoupling(ctx: RunContext, known: Known): PlanResult {
  const s = ctx.spec.analyses?.coupling;
  if (!s) return { steps: [], issues: [] };
  const ni = needIndex(ctx, 'coupling');
  if (ni) return { steps: [], issues: [ni] };
  const issues: SpecIssue[] = [];
  void known;
  const fw = frameworkOf(ctx);
  if (fw && s.systems) {
    const dims = fw.dimensions.map((d) => d.key);
    s.systems.forEach((k, j) => {
      if (!dims.includes(k)) {
        const near = nearest(k, dims);
        issues.push(ctx.issue('unknown-dimension', ['analyses', 'coupling', 'systems', j], `the framework "${fw.key}" has no dimension "${k}"`, `${near ? `did you mean "${near}"? ` : ''}dimensions: ${dims.join(', ')}`));
      }
    });
  }
  if (fw && !s.systems && fw.dimensions.length < 2) issues.push(ctx.issue('too-few-systems', ['analyses', 'coupling'], 'coupling needs at least two dimensions', 'use a framework with two or more dimensions'));
  const step: Step = {
    id: 'coupling',
    label: { en: 'Coupling coordination', zh: '耦合协调度' },
    run: (c) => {
      const f = frameworkOf(c)!;
      const systems = s.systems ? subFramework(f, s.systems) : f;
      const result = couplingCoordination(c.panel, { ...indexPrepareOptions(c), systems, variant: s.variant, lang: c.lang });
      c.addSection({ id: 'coupling', kind: 'coupling', title: { en: 'Coupling coordination of the dimensions', zh: '各维度耦合协调度' }, result }, couplingTables(c, systems, result.rows));
    },
  };
  return { steps: issues.length ? [] : [step], issues };
}

function couplingTables(ctx: RunContext, fw: Framework, rows: CouplingRow[]): Table[] {
  const periods = [...new Set(rows.map((r) => r.period))].sort((a, b) => a - b);
  const grades = D_GRADES.map((g) => g[ctx.lang]);
  const last = periods[periods.length - 1];
  return [
    {
      id: 'ccd-grades',
      section: 'coupling',
      title: { en: 'Units by coupling-coordination grade and period', zh: '各年份耦合协调等级的单位数' },
      note: { en: 'Grades are bands of D of width 0.1, from extreme imbalance (D < 0.1) to quality coordination (D ≥ 0.9).', zh: '按协调度 D 以 0.1 为间隔划分等级，从极度失调（D < 0.1）到优质协调（D ≥ 0.9）。' },
      columns: [PERIOD_COL, ...grades.map((g, k) => col(`g${k}`, g, g, 'integer')), col('meanD', 'Mean D', 'D 均值')],
      rows: periods.map((t) => {
        const rs = rows.filter((r) => r.period === t);
        const row: Record<string, CellValue> = { period: t };
        grades.forEach((g, k) => (row[`g${k}`] = rs.filter((r) => r.grade === g).length));
        const ds = rs.map((r) => r.D).filter((x): x is number => x !== null);
        row.meanD = ds.length ? mean(ds) : null;
        return row;
      }),
    },
    {
      id: 'ccd-latest',
      section: 'coupling',
      title: { en: `Coupling (C), development (T) and coordination (D), ${last}`, zh: `${last}年耦合度 C、综合发展指数 T 与协调度 D` },
      columns: [col('id', 'Unit', '单位', 'text'), ...fw.dimensions.map((d) => ({ key: `U_${d.key}`, label: dimLabel(fw, d.key), kind: 'number' as const })), col('C', 'C', 'C'), col('T', 'T', 'T'), col('D', 'D', 'D'), col('grade', 'Grade', '等级', 'text')],
      rows: rows
        .filter((r) => r.period === last)
        .sort((a, b) => (b.D ?? -1) - (a.D ?? -1) || (a.id < b.id ? -1 : 1))
        .map((r) => {
          const row: Record<string, CellValue> = { id: r.id };
          for (const d of fw.dimensions) row[`U_${d.key}`] = r.U[d.key] ?? null;
          row.C = r.C;
          row.T = r.T;
          row.D = r.D;
          row.grade = r.grade;
          return row;
        }),
    },
  ];
}

function planObstacle(ctx: RunContext, known: Known): PlanResult {
  const s = ctx.spec.analyses?.obstacle;
  if (!s) return { steps: [], issues: [] };
  const ni = needIndex(ctx, 'obstacle');
  if (ni) return { steps: [], issues: [ni] };
  void known;
  const step: Step = {
    id: 'obstacle',
    label: { en: 'Obstacle degrees', zh: '障碍度' },
    run: (c) => {
      const f = frameworkOf(c)!;
      const top = s.top ?? 5;
      const result = obstacleAnalysis(c.panel, { ...indexPrepareOptions(c), framework: f, top });
      c.addSection({ id: 'obstacle', kind: 'obstacle', title: { en: 'Obstacle factors', zh: '障碍因子诊断' }, result }, obstacleTables(c, f, result.rows, top));
    },
  };
  return { steps: [step], issues: [] };
}

function obstacleTables(ctx: RunContext, fw: Framework, rows: ObstacleRow[], top: number): Table[] {
  const periods = [...new Set(rows.map((r) => r.period))].sort((a, b) => a - b);
  const last = periods[periods.length - 1];
  const ind = rows.filter((r) => r.level === 'indicator' && r.period === last && r.obstacle !== null);
  const byInd = new Map<string, ObstacleRow[]>();
  for (const r of ind) {
    if (!byInd.has(r.indicator!)) byInd.set(r.indicator!, []);
    byInd.get(r.indicator!)!.push(r);
  }
  const indRows = [...byInd.entries()]
    .map(([k, rs]) => {
      const meta = fw.indicators.find((x) => x.key === k);
      return {
        indicator: meta?.label[ctx.lang] ?? meta?.label.en ?? k,
        key: k,
        dimension: dimLabel(fw, rs[0].dimension)[ctx.lang],
        mean: mean(rs.map((r) => r.obstacle!)),
        top: rs.filter((r) => r.rank !== null && r.rank <= top).length,
      };
    })
    .sort((a, b) => b.mean - a.mean || (a.key < b.key ? -1 : 1));
  const dims = fw.dimensions.map((d) => d.key);
  return [
    {
      id: 'obstacle-indicators',
      section: 'obstacle',
      title: { en: `Obstacle degree by indicator, ${last} (mean over units, %)`, zh: `${last}年各指标障碍度（单位均值，%）` },
      note: { en: `O = F·I/ΣF·I × 100 with F the indicator weight and I = 1 − x′; "top ${top}" counts the units for which the indicator is among their ${top} largest obstacles.`, zh: `障碍度 O = F·I/ΣF·I × 100，F 为指标权重，I = 1 − x′；“前 ${top}”为该指标位列障碍度前 ${top} 的单位数。` },
      columns: [col('indicator', 'Indicator', '指标', 'text'), col('dimension', 'Dimension', '维度', 'text'), col('mean', 'Mean obstacle (%)', '平均障碍度（%）'), col('top', `Units with it in top ${top}`, `位列前 ${top} 的单位数`, 'integer')],
      rows: indRows.map(({ key: _k, ...r }) => r),
    },
    {
      id: 'obstacle-dimensions',
      section: 'obstacle',
      title: { en: 'Obstacle degree by dimension and period (mean over units, %)', zh: '各维度障碍度（单位均值，%）' },
      columns: [PERIOD_COL, ...dims.map((d) => ({ key: `d_${d}`, label: dimLabel(fw, d), kind: 'number' as const }))],
      rows: periods.map((t) => {
        const row: Record<string, CellValue> = { period: t };
        for (const d of dims) {
          const v = rows.filter((r) => r.level === 'dimension' && r.period === t && r.dimension === d && r.obstacle !== null).map((r) => r.obstacle!);
          row[`d_${d}`] = v.length ? mean(v) : null;
        }
        return row;
      }),
    },
  ];
}

export const couplingSection: SectionModule = { keys: ['analyses.coupling'], plan: planCoupling };
export const obstacleSection: SectionModule = { keys: ['analyses.obstacle'], plan: planObstacle };
