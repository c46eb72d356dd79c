// TFP sections (src/core/productivity): growth accounting (Solow, Törnqvist, or the PWT 9.1 method that
// reproduces `rtfpna`) and the DEA-based Malmquist family. Growth accounting adds the series `tfp` (TFP level,
// base year = 1); Malmquist adds `malmquist` (cumulative TFP change, first period of its range = 1).
// Tables: per-unit average growth and per-period mean growth (growth accounting); per-period geometric means and
// per-unit geometric means of tfpch/effch/techch (and pech/sech/sch, matech/obtech/ibtech when computed) (Malmquist,
// from the method's own summaries).

import { tfpGrowth, malmquist, type TfpGrowthRow, type CapitalShareEstimate } from '../../productivity/index.js';
import { mean } from '../../math/stats.js';
import type { RunContext, Step } from '../context.js';
import type { Known } from '../run.js';
import type { CellValue, Table } from '../results.js';
import type { SpecIssue } from '../validate.js';
import type { MalmquistSpec } from '../spec.js';
import { selectPanel, labelById } from '../panel-view.js';
import { checkColumn, type PlanResult, type SectionModule } from './registry.js';
import { PERIOD_COL, col } from './common.js';

const PWT_COLUMNS = { output: 'rgdpna', capital: 'rkna', labor: 'emp', humanCapital: 'hc', hours: 'avh', share: 'labsh' };

function planGrowth(ctx: RunContext, known: Known): PlanResult {
  const g = ctx.spec.tfp?.growth;
  if (!g) return { steps: [], issues: [] };
  const method = g.method ?? 'pwt';
  const issues: SpecIssue[] = [];
  const cols: Record<string, string | undefined> = {
    output: g.output ?? (method === 'pwt' ? PWT_COLUMNS.output : undefined),
    capital: g.capital ?? (method === 'pwt' ? PWT_COLUMNS.capital : undefined),
    labor: g.labor ?? (method === 'pwt' ? PWT_COLUMNS.labor : undefined),
    humanCapital: g.humanCapital ?? (method === 'pwt' ? PWT_COLUMNS.humanCapital : undefined),
    hours: g.hours ?? (method === 'pwt' ? PWT_COLUMNS.hours : undefined),
    share: g.share ?? (method === 'pwt' ? PWT_COLUMNS.share : undefined),
  };
  for (const key of ['output', 'capital', 'labor'] as const) {
    if (!cols[key]) issues.push(ctx.issue('missing-key', ['tfp', 'growth'], `growth accounting (${method}) needs the ${key} column`, `add \`${key}: COLUMN\` under tfp.growth`));
  }
  for (const [key, name] of Object.entries(cols)) {
    if (!name) continue;
    const i = checkColumn(ctx, known, g[key as keyof typeof g] !== undefined ? ['tfp', 'growth', key] : ['tfp', 'growth'], name);
    if (i) issues.push(i);
  }
  if (method === 'solow' && g.alpha === undefined && g.alphaRegression === undefined) issues.push(ctx.issue('missing-key', ['tfp', 'growth'], 'the Solow residual needs the capital share α', 'add `alpha: 0.4` (your capital share), or `alphaRegression: within` (or pooled) to estimate it, under tfp.growth'));
  if (g.alpha !== undefined && g.alphaRegression !== undefined) issues.push(ctx.issue('bad-value', ['tfp', 'growth', 'alphaRegression'], 'give alpha or alphaRegression, not both', 'drop one of them'));
  for (const key of ['alpha', 'alphaRegression'] as const) {
    if (method !== 'solow' && g[key] !== undefined) issues.push(ctx.issue('bad-value', ['tfp', 'growth', key], `${key} applies to the Solow residual only (method ${method} uses labour shares)`, `drop ${key}, or set \`method: solow\``));
  }
  if (method === 'tornqvist' && !cols.share) issues.push(ctx.issue('missing-key', ['tfp', 'growth'], 'the Törnqvist index needs a labour-share column', 'add `share: COLUMN` under tfp.growth'));
  known.series.add('tfp');
  const step: Step = {
    id: 'growth',
    label: { en: 'TFP by growth accounting', zh: '增长核算法 TFP' },
    run: (c) => {
      const result = tfpGrowth(c.panel, {
        method,
        output: cols.output,
        capital: cols.capital,
        labor: cols.labor,
        humanCapital: cols.humanCapital,
        hours: cols.hours,
        share: cols.share,
        alpha: method !== 'solow' ? undefined : g.alphaRegression === 'within' ? 'regression:within' : g.alphaRegression === 'pooled' ? 'regression' : g.alpha,
        base: g.base,
      });
      const p = c.panel;
      const T = p.periods.length;
      const tfp = new Float64Array(p.ids.length * T).fill(NaN);
      const iOf = new Map(p.ids.map((id, i) => [id, i] as const));
      const tOf = new Map(p.periods.map((t, k) => [t, k] as const));
      for (const r of result.rows) if (r.tfp !== null) tfp[iOf.get(r.id)! * T + tOf.get(r.period)!] = r.tfp;
      c.addSeries('tfp', tfp, { label: { en: 'TFP (growth accounting)', zh: '全要素生产率（增长核算）' }, section: 'growth' });
      c.addSection(
        { id: 'growth', kind: 'growth', title: { en: `Total factor productivity by growth accounting (${method})`, zh: `增长核算法全要素生产率（${method}）` }, of: 'tfp', result },
        [...alphaTable(result.summary.alphaEstimate as CapitalShareEstimate | undefined), ...growthTables(c, result.rows)],
      );
    },
  };
  return { steps: issues.length ? [] : [step], issues };
}

/** The estimated capital share (Solow with alpha: regression[:within]) as a one-row table. */
function alphaTable(e: CapitalShareEstimate | undefined): Table[] {
  if (!e) return [];
  return [{
    id: 'tfp-alpha',
    section: 'growth',
    title: { en: 'Estimated capital share α', zh: '资本产出弹性 α 的估计' },
    note: {
      en: `OLS of ln(Y/L) on ln(K/L) ${e.effects === 'pooled' ? 'with one constant (pooled)' : 'with unit fixed effects (within)'}; constant returns assumed (labour share 1 − α). Standard errors classical and clustered by unit. A check item in methods.md: compare with your own share before relying on it.`,
      zh: `ln(Y/L) 对 ln(K/L) 的最小二乘回归（${e.effects === 'pooled' ? '混合回归，含常数项' : '个体固定效应（组内变换）'}），假定规模报酬不变（劳动份额 1 − α）；标准误为普通与按单位聚类两种。此项在 methods.md 中为待核对项。`,
    },
    columns: [col('alpha', 'α', 'α'), col('se', 'SE (classical)', '标准误（普通）'), col('seCluster', 'SE (clustered)', '标准误（聚类）'), col('r2', e.effects === 'pooled' ? 'R²' : 'R² (within)', e.effects === 'pooled' ? 'R²' : '组内 R²'), col('n', 'N', '样本数', 'integer'), col('units', 'Units', '单位数', 'integer')],
    rows: [{ alpha: e.alpha, se: e.se, seCluster: e.seCluster, r2: e.r2, n: e.n, units: e.units }],
  }];
}

function growthTables(ctx: RunContext, rows: TfpGrowthRow[]): Table[] {
  const p = ctx.panel;
  const names = ctx.spec.data.name && p.labels[ctx.spec.data.name] ? labelById(p, ctx.spec.data.name) : {};
  const groups = ctx.groupColumn ? labelById(p, ctx.groupColumn) : undefined;
  const byId = new Map<string, TfpGrowthRow[]>();
  for (const r of rows) {
    if (!byId.has(r.id)) byId.set(r.id, []);
    byId.get(r.id)!.push(r);
  }
  const unitRows: Record<string, CellValue>[] = [];
  for (const [id, rs] of byId) {
    const g = rs.map((r) => r.growth).filter((x): x is number => x !== null);
    const lv = rs.filter((r) => r.tfp !== null);
    if (!lv.length) continue;
    const row: Record<string, CellValue> = { id, name: names[id] ?? id };
    if (groups) row.group = groups[id] ?? null;
    row.n = g.length;
    row.growth = g.length ? mean(g) : null;
    row.from = lv[0].period;
    row.tfpFrom = lv[0].tfp;
    row.to = lv[lv.length - 1].period;
    row.tfpTo = lv[lv.length - 1].tfp;
    unitRows.push(row);
  }
  unitRows.sort((a, b) => ((b.growth as number | null) ?? -Infinity) - ((a.growth as number | null) ?? -Infinity) || (a.id! < b.id! ? -1 : 1));
  const groupNames = groups ? [...new Set(Object.values(groups).filter((g): g is string => !!g))].sort() : [];
  const periodRows = p.periods
    .map((t) => {
      const rs = rows.filter((r) => r.period === t && r.growth !== null);
      const row: Record<string, CellValue> = { period: t, n: rs.length, growth: rs.length ? mean(rs.map((r) => r.growth!)) : null };
      groupNames.forEach((g, k) => {
        const v = rs.filter((r) => groups![r.id] === g).map((r) => r.growth!);
        row[`g${k}`] = v.length ? mean(v) : null;
      });
      return row;
    })
    .filter((r) => (r.n as number) > 0);
  return [
    {
      id: 'tfp-units',
      section: 'growth',
      title: { en: 'TFP growth by unit (growth accounting)', zh: '各单位 TFP 增长率（增长核算）' },
      note: { en: 'Growth is the mean annual log change of TFP; levels are relative to the base year (= 1), so they compare a unit with itself over time, not units with each other.', zh: '增长率为 TFP 年均对数增长；水平值以基期为 1，仅用于单位自身的跨期比较。' },
      columns: [col('id', 'Code', '代码', 'text'), col('name', 'Unit', '单位', 'text'), ...(groups ? [col('group', 'Group', '分组', 'text')] : []), col('n', 'Years', '年数', 'integer'), col('growth', 'Mean growth', '年均增长率', 'percent'), col('from', 'From', '起始年', 'integer'), col('tfpFrom', 'TFP (from)', '起始 TFP'), col('to', 'To', '终止年', 'integer'), col('tfpTo', 'TFP (to)', '终止 TFP')],
      rows: unitRows,
    },
    {
      id: 'tfp-periods',
      section: 'growth',
      title: { en: 'Mean TFP growth by period', zh: '历年平均 TFP 增长率' },
      note: { en: 'Unweighted means of the units with a value.', zh: '对有数据的单位取简单平均。' },
      columns: [PERIOD_COL, col('n', 'N', '样本数', 'integer'), col('growth', 'Mean growth', '平均增长率', 'percent'), ...groupNames.map((g, k) => col(`g${k}`, g, g, 'percent'))],
      rows: periodRows,
    },
  ];
}

function planMalmquist(ctx: RunContext, known: Known): PlanResult {
  const m = ctx.spec.tfp?.malmquist;
  if (!m) return { steps: [], issues: [] };
  const issues: SpecIssue[] = [];
  m.inputs.forEach((c, j) => {
    const i = checkColumn(ctx, known, ['tfp', 'malmquist', 'inputs', j], c);
    if (i) issues.push(i);
  });
  m.outputs.forEach((c, j) => {
    const i = checkColumn(ctx, known, ['tfp', 'malmquist', 'outputs', j], c);
    if (i) issues.push(i);
  });
  (m.undesirable ?? []).forEach((c, j) => {
    const i = checkColumn(ctx, known, ['tfp', 'malmquist', 'undesirable', j], c);
    if (i) issues.push(i);
  });
  const r = m.periods ?? {};
  if (r.from !== undefined && r.to !== undefined && r.from >= r.to) {
    issues.push(ctx.issue('reversed-range', ['tfp', 'malmquist', 'periods'], `the Malmquist range needs at least two periods in order (from ${r.from} to ${r.to})`, `write {from: ${Math.min(r.from, r.to)}, to: ${Math.max(r.from, r.to) + (r.from === r.to ? 1 : 0)}}`));
  } else {
    const inRange = ctx.panel.periods.filter((t) => (r.from === undefined || t >= r.from) && (r.to === undefined || t <= r.to));
    if (inRange.length < 2) {
      issues.push(ctx.issue('too-few-periods', ['tfp', 'malmquist', ...(m.periods ? ['periods'] : [])], `the Malmquist index compares adjacent periods, and ${m.periods ? 'the range' : 'the data'} has ${inRange.length === 0 ? 'no period' : `one period (${inRange[0]})`} of the sample (${ctx.panel.periods[0]}–${ctx.panel.periods[ctx.panel.periods.length - 1]})`, m.periods ? 'widen tfp.malmquist.periods to at least two periods of the data' : 'use data with at least two periods (check data.periods), or remove tfp.malmquist'));
    }
  }
  issues.push(...checkMalmquistOptions(ctx, m));
  known.series.add('malmquist');
  const step: Step = {
    id: 'malmquist',
    label: { en: 'Malmquist productivity index (DEA)', zh: 'Malmquist 生产率指数（DEA）' },
    run: (c) => {
      const sub = selectPanel(c.panel, { from: r.from, to: r.to });
      const result = malmquist(sub, {
        inputs: m.inputs,
        outputs: m.outputs,
        undesirable: m.undesirable,
        index: m.index,
        frontier: m.frontier,
        orientation: m.orientation,
        rts: m.rts,
        direction: m.direction,
        measure: m.measure,
        distanceRts: m.distanceRts,
        decomposition: m.decomposition,
        bias: m.bias,
        sameReference: m.sameReference,
        group: c.groupColumn,
      });
      // Cumulative index as a series over the full panel (NaN outside the Malmquist range).
      const p = c.panel;
      const T = p.periods.length;
      const cum = new Float64Array(p.ids.length * T).fill(NaN);
      const iOf = new Map(p.ids.map((id, i) => [id, i] as const));
      const tOf = new Map(p.periods.map((t, k) => [t, k] as const));
      const key = m.index === 'luenberger' ? 'ltfp' : 'tfpch';
      for (const row of (result.summary.cumulative as Record<string, unknown>[]) ?? []) {
        const v = row[key];
        const t = (row.period ?? row.to) as number;
        if (typeof v === 'number' && iOf.has(row.id as string) && tOf.has(t)) cum[iOf.get(row.id as string)! * T + tOf.get(t)!] = v;
      }
      const name = INDEX_NAMES[m.index ?? 'malmquist'];
      c.addSeries('malmquist', cum, { label: { en: `Cumulative ${name.short} TFP`, zh: `累积 ${name.short} 全要素生产率` }, section: 'malmquist' });
      c.addSection({ id: 'malmquist', kind: 'malmquist', title: { en: `TFP change by the ${name.en} (${name.dist})`, zh: `${name.zh}测算的全要素生产率变化（${name.dist}）` }, of: 'malmquist', result }, malmquistTables(c, result.summary, m.index === 'luenberger'));
    },
  };
  return { steps: issues.length ? [] : [step], issues };
}

/** Option combinations the core rejects, reported at their spec lines (same rules as `xinzhi malmquist`). */
function checkMalmquistOptions(ctx: RunContext, m: MalmquistSpec): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const at = (key: string) => ['tfp', 'malmquist', key];
  const index = m.index ?? 'malmquist';
  const ddf = index !== 'malmquist';
  const rts = m.rts ?? 'crs';
  if (!ddf && m.undesirable?.length) issues.push(ctx.issue('bad-combination', at('undesirable'), 'the radial Malmquist index takes no undesirable outputs', 'write `index: ml` (or gml, luenberger) to credit cuts in bad outputs, or remove undesirable'));
  if (m.direction !== undefined && !ddf) issues.push(ctx.issue('bad-combination', at('direction'), 'direction applies to the DDF-based indices (ml, gml, luenberger), not to index malmquist', 'write `index: ml`, gml or luenberger, or remove direction'));
  if (m.measure !== undefined && index !== 'luenberger') issues.push(ctx.issue('bad-combination', at('measure'), `measure applies to the Luenberger indicator, not to index ${index}`, 'write `index: luenberger`, or remove measure'));
  if (m.distanceRts !== undefined && ddf) issues.push(ctx.issue('bad-combination', at('distanceRts'), `distanceRts applies to index malmquist; for ${index} the distances use rts`, 'remove distanceRts (set rts instead)'));
  else if (m.distanceRts === 'vrs' && rts !== 'vrs') issues.push(ctx.issue('bad-combination', at('distanceRts'), 'distanceRts: vrs needs rts: vrs', 'add `rts: vrs`, or write distanceRts: crs'));
  if (m.decomposition !== undefined && ddf) issues.push(ctx.issue('bad-combination', at('decomposition'), `decomposition applies to index malmquist with rts: vrs, not to ${index}`, 'remove decomposition'));
  else if (m.decomposition === 'rd') {
    if (rts !== 'vrs' || (m.distanceRts ?? 'crs') !== 'crs') issues.push(ctx.issue('bad-combination', at('decomposition'), 'the Ray–Desli decomposition needs rts: vrs with distanceRts: crs', 'add `rts: vrs` (and drop distanceRts: vrs), or write decomposition: fgnz'));
    const f = m.frontier ?? 'contemporaneous';
    if (f === 'global' || f === 'biennial') issues.push(ctx.issue('bad-combination', at('frontier'), `the Ray–Desli decomposition is defined for adjacent-period frontiers, not ${f}`, 'write frontier: contemporaneous, sequential or window:K, or decomposition: fgnz'));
  }
  if (m.bias) {
    const f = m.frontier ?? 'contemporaneous';
    if (ddf) issues.push(ctx.issue('bad-combination', at('bias'), `the bias split (matech × obtech × ibtech) applies to index malmquist, not to ${index}`, 'write `index: malmquist`, or remove bias'));
    else if (m.distanceRts === 'vrs') issues.push(ctx.issue('bad-combination', at('bias'), 'the bias split uses CRS distances (as R productivity malm); distanceRts: vrs is not supported with it', 'remove distanceRts: vrs (rts: vrs still adds pech and sech), or remove bias'));
    else if (m.decomposition === 'rd') issues.push(ctx.issue('bad-combination', at('bias'), 'the bias split decomposes the CRS techch; with decomposition: rd techch is VRS technical change', 'write decomposition: fgnz, or remove bias'));
    else if (f === 'global' || f === 'biennial') issues.push(ctx.issue('bad-combination', at('bias'), `the bias split needs adjacent-period frontiers, not ${f}`, 'write frontier: contemporaneous, sequential or window:K, or remove bias'));
  }
  if (index === 'gml' && m.frontier !== undefined && m.frontier !== 'global') issues.push(ctx.issue('bad-combination', at('frontier'), `index gml is the global Malmquist–Luenberger index; frontier ${m.frontier} contradicts it`, 'remove frontier (gml uses global), or write `index: ml` with that frontier'));
  const all = [...m.inputs, ...m.outputs, ...(m.undesirable ?? [])];
  const dup = all.find((c, k) => all.indexOf(c) !== k);
  if (dup) issues.push(ctx.issue('duplicate-column', ['tfp', 'malmquist'], `column "${dup}" is named twice among inputs, outputs and undesirable`, 'name each column in one role only'));
  return issues;
}

/** Names of the productivity indices in titles (the distance functions they use in parentheses). */
const INDEX_NAMES: Record<string, { en: string; zh: string; short: string; dist: string }> = {
  malmquist: { en: 'Malmquist index', zh: 'Malmquist 指数', short: 'Malmquist', dist: 'DEA' },
  ml: { en: 'Malmquist–Luenberger index', zh: 'Malmquist–Luenberger 指数', short: 'Malmquist–Luenberger', dist: 'DDF' },
  gml: { en: 'global Malmquist–Luenberger index', zh: '全局 Malmquist–Luenberger 指数', short: 'GML', dist: 'DDF' },
  luenberger: { en: 'Luenberger indicator', zh: 'Luenberger 指标', short: 'Luenberger', dist: 'DDF' },
};

/** Period and unit tables of a productivity index; `additive` for the Luenberger indicator (ltfp = lec + ltc). */
function malmquistTables(ctx: RunContext, summary: Record<string, unknown>, additive: boolean): Table[] {
  const byPeriod = (summary.byPeriod as Record<string, unknown>[]) ?? [];
  const byId = (summary.byId as Record<string, unknown>[]) ?? [];
  const main = additive ? 'ltfp' : 'tfpch';
  const fields = (additive ? ['ltfp', 'lec', 'ltc'] : ['tfpch', 'effch', 'techch', 'pech', 'sech', 'sch', 'matech', 'obtech', 'ibtech']).filter((f) => byPeriod.some((r) => f in r));
  const bias = fields.includes('matech');
  const labels: Record<string, [string, string]> = {
    tfpch: ['TFP change', '全要素生产率变化'],
    effch: ['Efficiency change', '技术效率变化'],
    techch: ['Technical change', '技术进步'],
    pech: ['Pure efficiency change', '纯技术效率变化'],
    sech: ['Scale efficiency change', '规模效率变化'],
    sch: ['Scale change (Ray–Desli)', '规模变化（Ray–Desli）'],
    matech: ['Magnitude of technical change', '技术进步幅度'],
    obtech: ['Output-biased technical change', '产出偏向型技术进步'],
    ibtech: ['Input-biased technical change', '投入偏向型技术进步'],
    ltfp: ['TFP change (Luenberger)', '全要素生产率变化（Luenberger）'],
    lec: ['Efficiency change', '技术效率变化'],
    ltc: ['Technical change', '技术进步'],
  };
  const valueOf = (v: unknown): CellValue => (typeof v === 'number' ? v : v && typeof v === 'object' && typeof (v as { mean?: unknown }).mean === 'number' ? ((v as { mean: number }).mean) : null);
  const names = ctx.spec.data.name && ctx.panel.labels[ctx.spec.data.name] ? labelById(ctx.panel, ctx.spec.data.name) : {};
  return [
    {
      id: 'malmquist-periods',
      section: 'malmquist',
      title: additive
        ? { en: 'Luenberger indicator and its decomposition by period (arithmetic means)', zh: '历年 Luenberger 指标及其分解（算术平均）' }
        : { en: 'Malmquist index and its decomposition by period (geometric means)', zh: '历年 Malmquist 指数及其分解（几何平均）' },
      note: additive
        ? { en: 'Values above 0 mean growth; ltfp = lec + ltc. Arithmetic means over units; nulls excluded.', zh: '大于 0 表示增长；ltfp = lec + ltc。各单位算术平均，空值不计。' }
        : bias
          ? { en: 'Values above 1 mean growth; tfpch = effch × techch and techch = matech × obtech × ibtech (Färe, Grifell-Tatjé, Grosskopf & Lovell 1997: magnitude, output bias, input bias). Geometric means over units (DEAP convention); nulls excluded.', zh: '大于 1 表示增长；tfpch = effch × techch，techch = matech × obtech × ibtech（Färe、Grifell-Tatjé、Grosskopf 和 Lovell 1997：幅度、产出偏向、投入偏向）。各单位几何平均（DEAP 口径），空值不计。' }
          : { en: 'Values above 1 mean growth; tfpch = effch × techch. Geometric means over units (DEAP convention); nulls excluded.', zh: '大于 1 表示增长；tfpch = effch × techch。各单位几何平均（DEAP 口径），空值不计。' },
      columns: [col('period', 'Period', '时期', 'text'), ...fields.map((f) => col(f, labels[f][0], labels[f][1]))],
      rows: byPeriod.map((r) => {
        const row: Record<string, CellValue> = { period: `${r.from}–${r.to}` };
        for (const f of fields) row[f] = valueOf(r[f]);
        return row;
      }),
    },
    {
      id: 'malmquist-units',
      section: 'malmquist',
      title: additive
        ? { en: 'Luenberger indicator by unit (arithmetic means over periods)', zh: '各单位 Luenberger 指标（跨期算术平均）' }
        : { en: 'Malmquist index by unit (geometric means over periods)', zh: '各单位 Malmquist 指数（跨期几何平均）' },
      columns: [col('id', 'Code', '代码', 'text'), col('name', 'Unit', '单位', 'text'), ...fields.map((f) => col(f, labels[f][0], labels[f][1]))],
      // Fastest TFP growth first; units without an index last (in id order).
      rows: byId
        .map((r) => {
          const row: Record<string, CellValue> = { id: r.id as string, name: names[r.id as string] ?? (r.id as string) };
          for (const f of fields) row[f] = valueOf(r[f]);
          return row;
        })
        .sort((a, b) => ((b[main] as number | null) ?? -Infinity) - ((a[main] as number | null) ?? -Infinity) || (a.id! < b.id! ? -1 : 1)),
    },
  ];
}

export const growthSection: SectionModule = { keys: ['tfp.growth'], plan: planGrowth };
export const malmquistSection: SectionModule = { keys: ['tfp.malmquist'], plan: planMalmquist };
