// DEA efficiency section (`tfp.dea`, methods.md E0–E9 through src/core/frontier/dea.ts): the efficiency of
// every unit-period, scored against each period's frontier (default) or one pooled frontier. Same models,
// options and defaults as `xinzhi dea` (radial CRS input-oriented; SBM non-oriented), so the section's rows are
// the core Result untouched. Adds the series `dea` (the efficiency score; NaN outside the DEA range or where the
// LP has no solution) so analyses can name `of: dea`.
// Conventions: the score is the core's `efficiency` (radial θ or 1/φ, SBM ρ, super-efficiency δ ≥ 1 for efficient
// units, DDF 1/(1+β) or 1−β with an input direction); for NDDF, which the core reports as the weighted
// inefficiency β only, the same DDF rule is applied to β. A unit-period counts as efficient when its score is
// ≥ 1 − 1e-8 (the core's summary rule). Means are arithmetic over the scored unit-periods (nulls excluded).
// Tables: `dea` (one row per unit-period: score, status/reason, slacks per variable, peers), `dea-units`
// (mean efficiency per unit, ranked) and `dea-periods` (mean score and share of efficient units per period).
// Complexity: one LP per unit-period (see frontier/engine.ts); the tables are O(rows).

import { dea, type DeaOptions, type DeaRow } from '../../frontier/dea.js';
import { mean } from '../../math/stats.js';
import type { RunContext, Step } from '../context.js';
import type { Known } from '../run.js';
import type { CellValue, Table, TableColumn } from '../results.js';
import type { DeaSpec } from '../spec.js';
import type { SpecIssue, SpecPath } from '../validate.js';
import { selectPanel, labelById } from '../panel-view.js';
import { checkColumn, type PlanResult, type SectionModule } from './registry.js';
import { PERIOD_COL, col, safeId } from './common.js';

/** A score counts as efficient from 1 − EFFICIENT_TOL (as the core's summary `efficientCount`). */
export const DEA_EFFICIENT_TOL = 1e-8;

/** The core options of a `tfp.dea` block (CLI `xinzhi dea` names). */
export function deaOptionsOf(s: DeaSpec): DeaOptions {
  return {
    inputs: s.inputs,
    outputs: s.outputs,
    undesirable: s.undesirable,
    model: s.model,
    rts: s.rts,
    orientation: s.orientation,
    super: s.super,
    superScore: s.superScore,
    direction: s.direction,
    frontier: s.frontier,
  };
}

/** The efficiency score of a DEA row (see the file comment for NDDF); null when the LP gave none. */
export function deaScore(row: DeaRow, model: DeaSpec['model'], direction: string | undefined): number | null {
  if (model === 'nddf') {
    const b = row.beta;
    if (typeof b !== 'number') return null;
    return direction === 'input' ? 1 - b : 1 / (1 + b);
  }
  return typeof row.efficiency === 'number' ? row.efficiency : null;
}

function checkDeaOptions(ctx: RunContext, s: DeaSpec): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const at = (key: string): SpecPath => ['tfp', 'dea', key];
  const model = s.model ?? 'radial';
  const ddf = model === 'ddf' || model === 'nddf';
  if (model === 'radial' && s.orientation === 'non') issues.push(ctx.issue('bad-combination', at('orientation'), 'radial models are input or output oriented', 'write orientation: in or out, or `model: sbm` for a non-oriented score'));
  if (model === 'radial' && s.undesirable?.length) issues.push(ctx.issue('bad-combination', at('undesirable'), 'the radial model takes no undesirable outputs here', 'write `model: sbm` (Tone 2004), ddf or nddf to credit cuts in bad outputs, or remove undesirable'));
  if (ddf && s.orientation !== undefined) issues.push(ctx.issue('bad-combination', at('orientation'), `the ${model} model is not oriented; its direction says what is contracted and expanded`, 'remove orientation and set `direction:` (green, graph, input or output)'));
  if (s.superScore !== undefined && !(model === 'sbm' && s.super)) issues.push(ctx.issue('bad-combination', at('superScore'), 'superScore applies to super-SBM (model: sbm with super: true)', 'add `model: sbm` and `super: true`, or remove superScore'));
  if (ddf && s.super) issues.push(ctx.issue('bad-combination', at('super'), `super-efficiency is not defined for the ${model} model`, 'remove super, or write `model: radial` or sbm'));
  if (!ddf && s.direction !== undefined) issues.push(ctx.issue('bad-combination', at('direction'), `direction applies to the ddf and nddf models, not to ${model}`, `remove direction, or write \`model: ddf\` or nddf${model === 'radial' ? ' (radial models use orientation)' : ''}`));
  const all = [...s.inputs, ...s.outputs, ...(s.undesirable ?? [])];
  const dup = all.find((c, k) => all.indexOf(c) !== k);
  if (dup) issues.push(ctx.issue('duplicate-column', ['tfp', 'dea'], `column "${dup}" is named twice among inputs, outputs and undesirable`, 'name each column in one role only'));
  const r = s.periods ?? {};
  if (r.from !== undefined && r.to !== undefined && r.from > r.to) issues.push(ctx.issue('reversed-range', at('periods'), `the period range runs backwards (from ${r.from} to ${r.to})`, `write {from: ${r.to}, to: ${r.from}}`));
  return issues;
}

function planDea(ctx: RunContext, known: Known): PlanResult {
  const s = ctx.spec.tfp?.dea;
  if (!s) return { steps: [], issues: [] };
  const issues: SpecIssue[] = [];
  for (const role of ['inputs', 'outputs', 'undesirable'] as const) {
    (s[role] ?? []).forEach((c, j) => {
      const i = checkColumn(ctx, known, ['tfp', 'dea', role, j], c);
      if (i) issues.push(i);
    });
  }
  issues.push(...checkDeaOptions(ctx, s));
  const r = s.periods ?? {};
  if (!(r.from !== undefined && r.to !== undefined && r.from > r.to) && !ctx.panel.periods.some((t) => (r.from === undefined || t >= r.from) && (r.to === undefined || t <= r.to))) {
    issues.push(ctx.issue('empty-range', ['tfp', 'dea', 'periods'], `the range ${r.from ?? '…'}–${r.to ?? '…'} holds no period of the sample (${ctx.panel.periods[0]}–${ctx.panel.periods[ctx.panel.periods.length - 1]})`, 'write a range inside the sample, or remove periods'));
  }
  known.series.add('dea');
  const step: Step = {
    id: 'dea',
    label: { en: 'DEA efficiency', zh: 'DEA 效率' },
    run: (c) => runDea(c, s),
  };
  return { steps: issues.length ? [] : [step], issues };
}

function runDea(c: RunContext, s: DeaSpec): void {
  const r = s.periods ?? {};
  const sub = selectPanel(c.panel, { from: r.from, to: r.to });
  const result = dea(sub, deaOptionsOf(s));
  const model = s.model ?? 'radial';
  if (model === 'sbm' && s.super && (s.superScore ?? 'delta') === 'delta') {
    result.warnings.push({
      code: 'super-sbm-delta',
      message: 'super-SBM scores δ* are 1 for every SBM-inefficient unit, so means, ranks and the share of efficient units do not separate inefficient units; write `superScore: composite` under tfp.dea for the SBM score below 1 and δ* above',
      messageZh: '超效率 SBM 得分 δ* 对所有 SBM 无效单位均为 1，均值、排名与有效单位占比无法区分无效单位；可在 tfp.dea 下写 `superScore: composite`（无效单位取 SBM 得分，有效单位取 δ*）',
    });
  }
  const direction = result.params.direction as string | undefined;
  const p = c.panel;
  const T = p.periods.length;
  const series = new Float64Array(p.ids.length * T).fill(NaN);
  const iOf = new Map(p.ids.map((id, i) => [id, i] as const));
  const tOf = new Map(p.periods.map((t, k) => [t, k] as const));
  const scores = result.rows.map((row) => deaScore(row, model, direction));
  // On one period (a cross-section) the core leaves `period` out of its rows; the tables carry it.
  const periodOf = (row: DeaRow): number => (row.period ?? sub.periods[0]) as number;
  result.rows.forEach((row, q) => {
    const v = scores[q];
    if (v !== null && iOf.has(row.id) && tOf.has(periodOf(row))) series[iOf.get(row.id)! * T + tOf.get(periodOf(row))!] = v;
  });
  c.addSeries('dea', series, { label: { en: `DEA efficiency (${modelName(s).en})`, zh: `DEA 效率（${modelName(s).zh}）` }, section: 'dea' });
  c.addSection(
    { id: 'dea', kind: 'dea', title: { en: `Efficiency by data envelopment analysis (${modelName(s).en})`, zh: `数据包络分析效率（${modelName(s).zh}）` }, of: 'dea', result },
    deaTables(c, s, result.rows, scores, periodOf),
  );
}

function modelName(s: DeaSpec): { en: string; zh: string } {
  const model = s.model ?? 'radial';
  const rts = (s.rts ?? 'crs').toUpperCase();
  const sup = s.super ? (model === 'sbm' ? 'super-' : 'super-efficiency ') : '';
  const supZh = s.super ? '超效率' : '';
  if (model === 'radial') {
    const o = s.orientation ?? 'in';
    const name = (s.rts ?? 'crs') === 'crs' ? 'CCR' : (s.rts ?? 'crs') === 'vrs' ? 'BCC' : `radial ${rts}`;
    return { en: `${sup}${name}, ${o === 'in' ? 'input' : 'output'}-oriented`, zh: `${supZh}${name}，${o === 'in' ? '投入导向' : '产出导向'}` };
  }
  if (model === 'sbm') {
    const o = s.orientation ?? 'non';
    const oe = o === 'non' ? 'non-oriented' : o === 'in' ? 'input-oriented' : 'output-oriented';
    const oz = o === 'non' ? '非导向' : o === 'in' ? '投入导向' : '产出导向';
    return { en: `${sup}SBM, ${rts}, ${oe}`, zh: `${supZh}SBM，${rts}，${oz}` };
  }
  return { en: `${model.toUpperCase()}, ${rts}`, zh: `${model.toUpperCase()}，${rts}` };
}

function deaTables(ctx: RunContext, s: DeaSpec, rows: DeaRow[], scores: (number | null)[], periodOf: (row: DeaRow) => number): Table[] {
  const p = ctx.panel;
  const model = s.model ?? 'radial';
  const names = ctx.spec.data.name && p.labels[ctx.spec.data.name] ? labelById(p, ctx.spec.data.name) : {};
  const groups = ctx.groupColumn ? labelById(p, ctx.groupColumn) : undefined;
  const name = (id: string) => names[id] ?? id;
  const vars = [...s.inputs, ...s.outputs, ...(s.undesirable ?? [])];
  const role = (v: string): [string, string] => (s.inputs.includes(v) ? ['input', '投入'] : s.outputs.includes(v) ? ['output', '产出'] : ['bad output', '非期望产出']);
  const hasPhi = rows.some((r) => typeof r.phi === 'number');
  const hasBeta = model === 'ddf' || model === 'nddf';
  const hasSlacks = rows.some((r) => r.slacks !== null);
  const efficient = (v: number | null) => v !== null && v >= 1 - DEA_EFFICIENT_TOL;
  const superDelta = model === 'sbm' && (s.superScore ?? 'delta') === 'delta';
  const scoreNote = s.super && superDelta
    ? { en: 'Super-SBM δ* (each unit left out of its own reference set): > 1 for super-efficient units, 1 for every other unit, SBM-inefficient ones included (superScore: composite gives them their SBM score).', zh: '超效率 SBM δ*（被评价单位不进入自身参考集）：超效率单位 > 1，其余单位（含 SBM 无效单位）均为 1（superScore: composite 时无效单位取其 SBM 得分）。' }
    : s.super
    ? { en: 'Super-efficiency: efficient units score ≥ 1 (each is left out of its own reference set).', zh: '超效率：有效单位得分 ≥ 1（被评价单位不进入自身参考集）。' }
    : model === 'ddf' || model === 'nddf'
      ? { en: `Efficiency = ${s.direction === 'input' ? '1 − β' : '1/(1 + β)'} from the ${model === 'nddf' ? 'weighted non-radial ' : ''}directional inefficiency β (0 = on the frontier).`, zh: `效率 = ${s.direction === 'input' ? '1 − β' : '1/(1 + β)'}，β 为${model === 'nddf' ? '加权非径向' : ''}方向距离无效率值（0 表示位于前沿）。` }
      : { en: 'Efficiency in (0, 1]; 1 = on the frontier.', zh: '效率取值 (0, 1]，1 表示位于前沿。' };

  // 1. One row per unit-period (core order: period, then id).
  const detailCols: TableColumn[] = [
    col('id', 'Code', '代码', 'text'),
    col('name', 'Unit', '单位', 'text'),
    ...(groups ? [col('group', 'Group', '分组', 'text')] : []),
    PERIOD_COL,
    col('efficiency', 'Efficiency', '效率'),
    ...(hasPhi ? [col('phi', 'φ (output expansion)', 'φ（产出扩张）')] : []),
    ...(hasBeta ? [col('beta', 'β (inefficiency)', 'β（无效率）')] : []),
    col('status', 'Status', '状态', 'text'),
    col('reason', 'Reason', '原因', 'text'),
    ...(hasSlacks ? vars.map((v) => col(`slack_${safeId(v)}`, `Slack ${v} (${role(v)[0]})`, `松弛 ${v}（${role(v)[1]}）`)) : []),
    col('peers', 'Peers', '参照单位', 'text'),
  ];
  const detail: Table = {
    id: 'dea',
    section: 'dea',
    title: { en: 'DEA efficiency by unit and period', zh: '各单位历年 DEA 效率' },
    note: {
      en: `${scoreNote.en} Slacks are the input excess and output shortfall left after the score (original units); peers are the units with λ > 0. A row without a score keeps its status and reason.`,
      zh: `${scoreNote.zh}松弛变量为效率调整后仍存在的投入冗余与产出不足（原始单位）；参照单位为 λ > 0 的单位。无得分的行保留其状态与原因。`,
    },
    columns: detailCols,
    rows: rows.map((r, q) => {
      const row: Record<string, CellValue> = { id: r.id, name: name(r.id) };
      if (groups) row.group = groups[r.id] ?? null;
      row.period = periodOf(r);
      row.efficiency = scores[q];
      if (hasPhi) row.phi = typeof r.phi === 'number' ? r.phi : null;
      if (hasBeta) row.beta = typeof r.beta === 'number' ? r.beta : null;
      row.status = r.status;
      row.reason = r.reason ?? null;
      if (hasSlacks) for (const v of vars) row[`slack_${safeId(v)}`] = r.slacks ? (r.slacks[v] ?? null) : null;
      row.peers = r.peers && r.peers.length ? r.peers.join('; ') : null;
      return row;
    }),
  };

  // 2. Units ranked by mean efficiency.
  const byId = new Map<string, number[]>();
  const periodsOf = new Map<string, number>();
  rows.forEach((r, q) => {
    periodsOf.set(r.id, (periodsOf.get(r.id) ?? 0) + 1);
    if (!byId.has(r.id)) byId.set(r.id, []);
    if (scores[q] !== null) byId.get(r.id)!.push(scores[q]!);
  });
  const unitRows = [...periodsOf.keys()].map((id) => {
    const v = byId.get(id)!;
    const row: Record<string, CellValue> = { rank: null, id, name: name(id) };
    if (groups) row.group = groups[id] ?? null;
    row.n = v.length;
    row.mean = v.length ? mean(v) : null;
    row.min = v.length ? Math.min(...v) : null;
    row.max = v.length ? Math.max(...v) : null;
    row.efficient = v.filter((x) => efficient(x)).length;
    return row;
  });
  unitRows.sort((a, b) => ((b.mean as number | null) ?? -Infinity) - ((a.mean as number | null) ?? -Infinity) || ((a.id as string) < (b.id as string) ? -1 : 1));
  unitRows.forEach((r, k) => (r.rank = r.mean === null ? null : k + 1));
  const units: Table = {
    id: 'dea-units',
    section: 'dea',
    title: { en: 'Mean DEA efficiency by unit', zh: '各单位平均 DEA 效率' },
    note: { en: 'Arithmetic mean over the periods with a score; rank 1 = highest mean. "Efficient" counts the periods with a score ≥ 1 − 1e-8.', zh: '对有得分的各期取算术平均；排名 1 为均值最高。“有效期数”为得分 ≥ 1 − 1e-8 的期数。' },
    columns: [
      col('rank', 'Rank', '排名', 'integer'),
      col('id', 'Code', '代码', 'text'),
      col('name', 'Unit', '单位', 'text'),
      ...(groups ? [col('group', 'Group', '分组', 'text')] : []),
      col('n', 'Periods', '期数', 'integer'),
      col('mean', 'Mean efficiency', '平均效率'),
      col('min', 'Min', '最小值'),
      col('max', 'Max', '最大值'),
      col('efficient', 'Efficient periods', '有效期数', 'integer'),
    ],
    rows: unitRows,
  };

  // 3. Per period: mean, share of efficient units, group means.
  const groupNames = groups ? [...new Set(Object.values(groups).filter((g): g is string => !!g))].sort() : [];
  const periodList = [...new Set(rows.map(periodOf))].sort((a, b) => a - b);
  const periodRows = periodList.map((t) => {
    const qs = rows.map((r, q) => (periodOf(r) === t && scores[q] !== null ? q : -1)).filter((q) => q >= 0);
    const v = qs.map((q) => scores[q]!);
    const nEff = v.filter((x) => efficient(x)).length;
    const row: Record<string, CellValue> = { period: t, n: v.length, mean: v.length ? mean(v) : null, efficient: nEff, share: v.length ? nEff / v.length : null };
    groupNames.forEach((g, k) => {
      const w = qs.filter((q) => groups![rows[q].id] === g).map((q) => scores[q]!);
      row[`g${k}`] = w.length ? mean(w) : null;
    });
    return row;
  });
  const periods: Table = {
    id: 'dea-periods',
    section: 'dea',
    title: { en: 'DEA efficiency by period: mean and share of efficient units', zh: '历年 DEA 效率均值与有效单位占比' },
    note: { en: 'Unweighted means over the units with a score; share = efficient units / units with a score.', zh: '对有得分的单位取简单平均；占比 = 有效单位数 / 有得分单位数。' },
    columns: [
      PERIOD_COL,
      col('n', 'N', '样本数', 'integer'),
      col('mean', 'Mean efficiency', '平均效率'),
      col('efficient', 'Efficient units', '有效单位数', 'integer'),
      col('share', 'Share efficient', '有效单位占比', 'percent'),
      ...groupNames.map((g, k) => col(`g${k}`, g, g)),
    ],
    rows: periodRows,
  };
  return [units, periods, detail];
}

export const deaSection: SectionModule = { keys: ['tfp.dea'], plan: planDea };
