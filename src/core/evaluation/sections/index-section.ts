// Composite-index section (methods.md B–C through src/core/composite): framework → normalisation → weights →
// aggregation → scores and ranks per period. Adds the series `index` (score) and `index.<dimension>` (dimension
// scores) to the panel, and derives the report's tables: the ranking in the last period, scores by period,
// weights, and per-period means (overall, by dimension and by group), computed once here so the report only
// selects numbers.

import { compositeIndex, ahpFrameworkWeights, fixedFrameworkWeights, type IndexRow, type IndexWeight, type WeightOptions } from '../../composite/index.js';
import { frameworkColumns } from '../../framework/index.js';
import type { Framework, FrameworkNode } from '../../framework/types.js';
import { DataError, XinzhiError } from '../../errors.js';
import type { IndexSpec, IndexWeightMethod } from '../spec.js';
import { mean } from '../../math/stats.js';
import type { RunContext, Step } from '../context.js';
import type { Known } from '../run.js';
import type { Bilingual, CellValue, Table, TableColumn } from '../results.js';
import type { SpecIssue, SpecPath } from '../validate.js';
import { nearest } from '../validate.js';
import { labelById } from '../panel-view.js';
import type { PlanResult, SectionModule } from './registry.js';
import { PERIOD_COL, col } from './common.js';

export function frameworkOf(ctx: RunContext): Framework | undefined {
  return ctx.inputs.framework as Framework | undefined;
}

export function dimLabel(fw: Framework, key: string): Bilingual {
  const d = fw.dimensions.find((x) => x.key === key);
  return { en: d?.label.en ?? key, zh: d?.label.zh ?? d?.label.en ?? key };
}

/** Check that the framework is loaded and its columns exist (known at plan time). */
export function checkFramework(ctx: RunContext, known: Known): SpecIssue[] {
  const fw = frameworkOf(ctx);
  if (!fw) {
    return [ctx.issue('framework-not-loaded', ['index', 'framework'], `the framework "${ctx.spec.index?.framework}" was not loaded`, 'name a built-in framework (pwt, nqpf, hqd) or a framework YAML file next to the spec')];
  }
  const needed = frameworkColumns(fw);
  const missing = needed.filter((c) => !known.columns.has(c));
  if (!missing.length) {
    known.describe.push(...needed);
    return [];
  }
  const all = [...known.columns];
  return [
    ctx.issue(
      'framework-columns',
      ['index', 'framework'],
      `the framework "${fw.key}" needs column(s) the data does not have: ${missing.slice(0, 12).join(', ')}${missing.length > 12 ? ` … (${missing.length})` : ''}`,
      `add these columns to the data (see the template CSV of the framework), or derive them under prepare:${missing.map((m) => nearest(m, all)).filter(Boolean).length ? `; close names in the data: ${[...new Set(missing.map((m) => nearest(m, all)).filter(Boolean))].slice(0, 6).join(', ')}` : ''}`,
    ),
  ];
}

/** The core weight options of the spec's `index` block (names as `xinzhi index --weights … --combine … --ahp-…`). */
export function indexWeightOptions(s: IndexSpec): WeightOptions {
  const method = s.weights ?? 'entropy';
  const ahp = s.ahp ? { method: s.ahp.method, ri: s.ahp.ri, force: s.ahp.force } : undefined;
  if (method === 'combine') {
    const c = s.combine!;
    return { method, combine: { methods: c.methods, rule: c.rule, alpha: c.alpha, signed: c.signed }, ...(ahp ? { ahp } : {}) };
  }
  return { method, ...(ahp ? { ahp } : {}) };
}

export function indexPrepareOptions(ctx: RunContext) {
  const s = ctx.spec.index!;
  return { normalize: s.normalize, scope: s.scope, shift: s.shift, weights: indexWeightOptions(s) };
}

function frameworkName(fw: Framework, ctx: RunContext): string {
  if (fw.source && !fw.source.startsWith('builtin:')) return `the framework file ${fw.source}`;
  return `the built-in framework "${fw.source ? fw.source.slice('builtin:'.length) : fw.key ?? ctx.spec.index?.framework}"`;
}

/** A framework DataError's message without its location prefix (the issue names the framework itself). */
function bareMessage(e: XinzhiError, fw: Framework): string {
  const msg = e.message.split('\n')[0];
  return fw.source && msg.startsWith(fw.source) && msg.includes(': ') ? msg.slice(msg.indexOf(': ') + 2) : msg;
}

function hasAhp(fw: Framework): boolean {
  const walk = (nodes: FrameworkNode[]): boolean => nodes.some((n) => !!n.ahp || walk(n.children));
  return !!fw.ahp || walk(fw.dimensions);
}

/** Plan-time checks of index.weights / index.combine / index.ahp against each other and the framework. */
function checkWeights(ctx: RunContext, fw: Framework | undefined): SpecIssue[] {
  const s = ctx.spec.index!;
  const issues: SpecIssue[] = [];
  const method = s.weights ?? 'entropy';
  if (method === 'combine' && !s.combine) {
    issues.push(ctx.issue('missing-key', ['index', 'weights'], 'weights: combine needs the methods to combine', 'add `combine: {methods: [ahp, entropy], rule: linear}` under index (rules: linear, multiplicative, game, geometricMean)'));
  }
  if (s.combine && method !== 'combine') {
    issues.push(ctx.issue('unused-key', ['index', 'combine'], `index.combine applies only with weights: combine (this spec has weights: ${method})`, 'write `weights: combine` under index, or remove the combine block'));
  }
  const c = method === 'combine' ? s.combine : undefined;
  if (c) {
    const rule = c.rule ?? 'linear';
    if (c.alpha && rule !== 'linear') issues.push(ctx.issue('unused-key', ['index', 'combine', 'alpha'], `alpha (linear coefficients) does not apply to rule ${rule}`, 'remove alpha, or write rule: linear'));
    if (c.alpha && c.alpha.length !== c.methods.length) issues.push(ctx.issue('bad-value', ['index', 'combine', 'alpha'], `${c.alpha.length} coefficient(s) for ${c.methods.length} methods`, `give one coefficient per method (${c.methods.join(', ')}), e.g. [${c.methods.map(() => (1 / c.methods.length).toFixed(2)).join(', ')}]`));
    if (c.alpha && !(c.alpha.reduce((a, b) => a + b, 0) > 0)) issues.push(ctx.issue('bad-value', ['index', 'combine', 'alpha'], 'the coefficients sum to 0', 'give non-negative coefficients with a positive sum, e.g. [0.5, 0.5]'));
    if (c.signed !== undefined && rule !== 'game') issues.push(ctx.issue('unused-key', ['index', 'combine', 'signed'], `signed applies to rule game, not ${rule}`, 'remove signed, or write rule: game'));
  }
  const used: { m: IndexWeightMethod; path: SpecPath }[] = c
    ? c.methods.map((m, k) => ({ m, path: ['index', 'combine', 'methods', k] }))
    : method === 'combine' ? [] : [{ m: method, path: ['index', 'weights'] }];
  const usesAhp = used.some((u) => u.m === 'ahp');
  if (s.ahp && !usesAhp) issues.push(ctx.issue('unused-key', ['index', 'ahp'], 'index.ahp applies only when AHP weights are used', 'write `weights: ahp` (or list ahp under combine.methods), or remove the ahp block'));
  if (!fw) return issues;
  for (const u of used) {
    if (u.m === 'ahp') {
      if (!hasAhp(fw)) {
        issues.push(ctx.issue('framework-no-ahp', u.path, `AHP weights need pairwise matrices, and ${frameworkName(fw, ctx)} has no \`ahp:\` matrices`, `add \`ahp: [[1, 3], ["1/3", 1]]\` (one row per child, in order) at the top of the framework for its dimensions and on every node with more than one child, or choose entropy, critic, cv, sd, pca, equal${fixedOk(fw) ? ' or fixed' : ''}`));
        continue;
      }
      try {
        ahpFrameworkWeights(fw, s.ahp);
      } catch (e) {
        if (!(e instanceof XinzhiError)) throw e;
        const inconsistent = e.kind === 'ahp-inconsistent';
        issues.push(ctx.issue(e.kind, u.path, `AHP weights from ${frameworkName(fw, ctx)}: ${bareMessage(e, fw)}`, inconsistent ? 'revise the pairwise judgements in the framework, or write `ahp: {force: true}` under index to keep the weights (rows get status inconsistent)' : `${(e as DataError).hint ?? 'complete the ahp: matrices'} (in ${frameworkName(fw, ctx)}), or choose another weighting`));
      }
    } else if (u.m === 'fixed') {
      try {
        fixedFrameworkWeights(fw);
      } catch (e) {
        if (!(e instanceof XinzhiError)) throw e;
        const row = e instanceof DataError && e.location.row !== undefined ? ` (line ${e.location.row})` : '';
        issues.push(ctx.issue(e.kind, u.path, `fixed weights from ${frameworkName(fw, ctx)}${row}: ${bareMessage(e, fw)}`, `${(e as DataError).hint ?? 'add `weight:` to every indicator'} (in ${frameworkName(fw, ctx)})`));
      }
    }
  }
  return issues;
}

function fixedOk(fw: Framework): boolean {
  return fw.indicators.every((i) => i.weight !== undefined);
}

function planIndex(ctx: RunContext, known: Known): PlanResult {
  const spec = ctx.spec.index;
  if (!spec) return { steps: [], issues: [] };
  const issues = checkFramework(ctx, known);
  issues.push(...checkWeights(ctx, frameworkOf(ctx)));
  known.series.add('index');
  const fw = frameworkOf(ctx);
  for (const d of fw?.dimensions ?? []) known.series.add(`index.${d.key}`);
  const step: Step = {
    id: 'index',
    label: { en: 'Composite index', zh: '综合指数' },
    run: (c) => runIndex(c, fw!),
  };
  return { steps: issues.length ? [] : [step], issues };
}

function runIndex(ctx: RunContext, fw: Framework): void {
  const s = ctx.spec.index!;
  const result = compositeIndex(ctx.panel, { framework: fw, normalize: s.normalize, scope: s.scope, shift: s.shift, weights: indexWeightOptions(s), aggregate: s.aggregate });
  const p = ctx.panel;
  const T = p.periods.length;
  const idx = new Map<string, number>();
  p.ids.forEach((id, i) => idx.set(id, i));
  const tIdx = new Map<number, number>();
  p.periods.forEach((t, k) => tIdx.set(t, k));
  const score = new Float64Array(p.ids.length * T).fill(NaN);
  const dims = fw.dimensions.map((d) => d.key);
  const dimCols = dims.map(() => new Float64Array(p.ids.length * T).fill(NaN));
  for (const r of result.rows) {
    const k = idx.get(r.id)! * T + tIdx.get(r.period)!;
    if (r.score !== null) score[k] = r.score;
    dims.forEach((d, j) => {
      const v = r.dimensions?.[d];
      if (typeof v === 'number') dimCols[j][k] = v;
    });
  }
  const fwLabel = { en: fw.label.en ?? fw.key, zh: fw.label.zh ?? fw.label.en ?? fw.key };
  ctx.addSeries('index', score, { label: { en: `${fwLabel.en} index`, zh: `${fwLabel.zh}指数` }, section: 'index' });
  dims.forEach((d, j) => ctx.addSeries(`index.${d}`, dimCols[j], { label: dimLabel(fw, d), section: 'index' }));

  ctx.addSection(
    { id: 'index', kind: 'index', title: { en: `Composite index: ${fwLabel.en}`, zh: `综合指数：${fwLabel.zh}` }, of: 'index', result },
    indexTables(ctx, fw, result.rows, (result.summary.weights as IndexWeight[]) ?? []),
  );
}

function nameMap(ctx: RunContext): (id: string) => string {
  const n = ctx.spec.data.name && ctx.panel.labels[ctx.spec.data.name] ? labelById(ctx.panel, ctx.spec.data.name) : {};
  return (id) => n[id] ?? id;
}

function indexTables(ctx: RunContext, fw: Framework, rows: IndexRow[], weights: IndexWeight[]): Table[] {
  const p = ctx.panel;
  const dims = fw.dimensions.map((d) => d.key);
  const name = nameMap(ctx);
  const groups = ctx.groupColumn ? labelById(p, ctx.groupColumn) : undefined;
  const scored = rows.filter((r) => r.score !== null);
  const last = scored.length ? Math.max(...scored.map((r) => r.period)) : p.periods[p.periods.length - 1];
  const first = scored.length ? Math.min(...scored.map((r) => r.period)) : p.periods[0];
  const latest = rows.filter((r) => r.period === last).sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.id < b.id ? -1 : 1));
  const dimCols: TableColumn[] = dims.map((d) => ({ key: `dim_${d}`, label: dimLabel(fw, d), kind: 'number' }));
  const tables: Table[] = [];
  tables.push({
    id: 'ranking',
    section: 'index',
    title: { en: `Index scores and ranks, ${last}`, zh: `${last}年综合指数得分与排名` },
    note: { en: `Rank 1 = highest score in ${last}; dimension scores add up to the index (flat hierarchy).`, zh: `排名以 ${last} 年得分从高到低排列；各维度得分之和等于综合指数。` },
    columns: [
      col('rank', 'Rank', '排名', 'integer'),
      col('id', 'Code', '代码', 'text'),
      col('name', 'Unit', '单位', 'text'),
      ...(groups ? [col('group', 'Group', '分组', 'text')] : []),
      col('score', 'Index', '综合指数'),
      ...dimCols,
    ],
    rows: latest.map((r) => {
      const row: Record<string, CellValue> = { rank: r.rank, id: r.id, name: name(r.id) };
      if (groups) row.group = groups[r.id] ?? null;
      row.score = r.score;
      for (const d of dims) row[`dim_${d}`] = r.dimensions?.[d] ?? null;
      return row;
    }),
  });
  const byKey = new Map<string, IndexRow>();
  for (const r of rows) byKey.set(`${r.id}\u0000${r.period}`, r);
  const periods = p.periods.filter((t) => t >= first && t <= last);
  tables.push({
    id: 'index-scores',
    section: 'index',
    title: { en: 'Index scores by period', zh: '历年综合指数得分' },
    columns: [col('id', 'Code', '代码', 'text'), col('name', 'Unit', '单位', 'text'), ...periods.map((t) => col(`y${t}`, String(t), String(t)))],
    rows: latest.map((r) => {
      const row: Record<string, CellValue> = { id: r.id, name: name(r.id) };
      for (const t of periods) row[`y${t}`] = byKey.get(`${r.id}\u0000${t}`)?.score ?? null;
      return row;
    }),
  });
  if (weights.length) {
    tables.push({
      id: 'index-weights',
      section: 'index',
      title: { en: 'Indicator weights', zh: '指标权重' },
      columns: [col('dimension', 'Dimension', '维度', 'text'), col('indicator', 'Indicator', '指标', 'text'), ...(weights[0].period !== undefined ? [PERIOD_COL] : []), col('weight', 'Weight', '权重')],
      rows: weights.map((w) => {
        const ind = fw.indicators.find((x) => x.key === w.indicator);
        const dl = dimLabel(fw, w.dimension);
        const row: Record<string, CellValue> = { dimension: dl[ctx.lang], indicator: ind?.label[ctx.lang] ?? ind?.label.en ?? w.indicator };
        if (w.period !== undefined) row.period = w.period;
        row.weight = w.weight;
        return row;
      }),
    });
  }
  const groupNames = groups ? [...new Set(Object.values(groups).filter((g): g is string => !!g))].sort() : [];
  tables.push({
    id: 'index-means',
    section: 'index',
    title: { en: 'Mean index by period', zh: '历年综合指数均值' },
    note: { en: 'Unweighted means over the scored units.', zh: '对有得分的单位取简单平均。' },
    columns: [PERIOD_COL, col('n', 'N', '样本数', 'integer'), col('mean', 'Mean', '均值'), ...dims.map((d) => ({ key: `dim_${d}`, label: dimLabel(fw, d), kind: 'number' as const })), ...groupNames.map((g, k) => col(`g${k}`, g, g))],
    rows: periods.map((t) => {
      const rs = rows.filter((r) => r.period === t && r.score !== null);
      const row: Record<string, CellValue> = { period: t, n: rs.length, mean: rs.length ? mean(rs.map((r) => r.score!)) : null };
      for (const d of dims) {
        const v = rs.map((r) => r.dimensions?.[d]).filter((x): x is number => typeof x === 'number');
        row[`dim_${d}`] = v.length ? mean(v) : null;
      }
      groupNames.forEach((g, k) => {
        const v = rs.filter((r) => groups![r.id] === g).map((r) => r.score!);
        row[`g${k}`] = v.length ? mean(v) : null;
      });
      return row;
    }),
  });
  return tables;
}

export const indexSection: SectionModule = { keys: ['index'], plan: planIndex };
