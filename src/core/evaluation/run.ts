// spec → plan → run → results bundle object (design.md "The evaluation spec and bundle").
//
// 1. Plan: restrict the sample, attach the grouping, then let every section named in the spec check its
//    references (columns, series, periods, groups, coordinates) against what the data and the earlier sections
//    provide. All problems are collected and thrown together as one SpecError with spec lines.
// 2. Run: the steps in order (preparation, index, TFP, analyses); each calls one core method, keeps its Result
//    untouched in a Section and derives the report's tables from it.
// Isomorphic: takes a loaded Panel and returns plain JSON; file reading and writing live in the CLI.

import { SOFTWARE } from '../version.js';
import type { Panel } from '../panel/panel.js';
import { RunContext, type RunInputs, type Step } from './context.js';
import type { EvaluationSpec } from './spec.js';
import { outputSettings, text } from './spec.js';
import { baseMapWarnings } from './base-map.js';
import type { EvaluationResults } from './results.js';
import { SpecError, type ParsedSpec, type SpecIssue } from './validate.js';
import { selectPanel, attachGroups, labelById } from './panel-view.js';
import { canonicalProvince, provinceGroup } from '../panel/regions.js';
import { describeVariables, describeTable } from './sections/describe.js';
import { PLANNERS } from './sections/planners.js';
import type { Planner } from './sections/registry.js';

export type { RunInputs } from './context.js';

/** Names the spec may refer to, known at plan time. */
export interface Known {
  columns: Set<string>;
  labels: Set<string>;
  /** Series that sections will compute (index, tfp, malmquist, dea, index.<dim> as prefix "index."). */
  series: Set<string>;
  /** Variables to describe in the descriptive-statistics table. */
  describe: string[];
}

function isParsed(x: EvaluationSpec | ParsedSpec): x is ParsedSpec {
  return typeof (x as ParsedSpec).locate === 'function';
}

/** Run an evaluation on a loaded panel. Throws SpecError (every problem, with spec lines) before computing. */
export async function runEvaluation(specIn: EvaluationSpec | ParsedSpec, inputs: RunInputs): Promise<EvaluationResults> {
  const parsed = isParsed(specIn) ? specIn : undefined;
  const spec = parsed ? parsed.spec : (specIn as EvaluationSpec);
  const out = outputSettings(spec);
  const issues: SpecIssue[] = [];
  const ctx0 = new RunContext({ panel: inputs.panel, spec, inputs, parsed, lang: out.language, digits: out.digits, top: out.top });

  // Sample restriction.
  const range = spec.data.periods ?? {};
  if (range.from !== undefined && range.to !== undefined && range.from > range.to) {
    issues.push(ctx0.issue('reversed-range', ['data', 'periods'], `the period range runs backwards (from ${range.from} to ${range.to})`, `write {from: ${range.to}, to: ${range.from}}`));
  }
  let panel: Panel = selectPanel(inputs.panel, { from: range.from, to: range.to, include: spec.data.include, exclude: spec.data.exclude });
  for (const [key, listed] of [['include', spec.data.include], ['exclude', spec.data.exclude]] as const) {
    const unknown = (listed ?? []).filter((id) => !inputs.panel.ids.includes(id));
    if (unknown.length) {
      issues.push(ctx0.issue('unknown-id', ['data', key], `unknown id(s): ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ' …' : ''}`, `use ids as they appear in the id column, e.g. ${inputs.panel.ids.slice(0, 3).join(', ')}`));
    }
  }
  if (!issues.length && (panel.ids.length === 0 || panel.periods.length === 0)) {
    issues.push(ctx0.issue('empty-sample', ['data'], 'no data left after applying periods/include/exclude', `the data covers ${inputs.panel.periods[0]}–${inputs.panel.periods[inputs.panel.periods.length - 1]}; widen the range or the id lists`));
  }
  let groupColumn: string | undefined;
  if (typeof spec.data.groups === 'string') {
    groupColumn = 'region';
    const grouping = spec.data.groups;
    const byId: Record<string, string | null> = {};
    const unknown: string[] = [];
    for (const id of panel.ids) {
      const m = canonicalProvince(id);
      const g = m && m.kind === 'province' ? provinceGroup(m.code, grouping) : null;
      if (!m || m.kind !== 'province') unknown.push(id);
      byId[id] = g ? g[out.language] : null;
    }
    if (unknown.length) {
      issues.push(ctx0.issue('unknown-province', ['data', 'groups'], `the ${grouping} grouping is for China's provinces, and these ids are not provinces: ${unknown.slice(0, 8).join(', ')}${unknown.length > 8 ? ' …' : ''}`, 'use province names or GB codes as ids (北京, 11), drop aggregates such as 全国 with data.exclude, or give a lookup table {file, key, column}'));
    } else {
      panel = attachGroups(panel, groupColumn, byId).panel;
    }
  } else if (spec.data.groups) {
    groupColumn = spec.data.groups.as ?? spec.data.groups.column;
    if (!inputs.groups) {
      issues.push(ctx0.issue('groups-not-loaded', ['data', 'groups'], 'the group lookup table was not loaded', 'run the spec with `xinzhi evaluate`, which reads data.groups.file'));
    } else {
      const att = attachGroups(panel, groupColumn, inputs.groups);
      panel = att.panel;
      if (att.missing.length) {
        ctx0.warnings.push({
          code: 'group-missing',
          message: `${att.missing.length} unit(s) have no group in ${spec.data.groups.file}: ${att.missing.slice(0, 12).join(', ')}${att.missing.length > 12 ? ' …' : ''}; they are left out of group analyses`,
          messageZh: `${att.missing.length} 个单位在分组表中没有分组：${att.missing.slice(0, 12).join('、')}`,
          count: att.missing.length,
        });
      }
    }
  }

  const ctx = new RunContext({ panel, spec, inputs, parsed, lang: out.language, digits: out.digits, top: out.top });
  ctx.groupColumn = groupColumn;
  ctx.warnings.push(...ctx0.warnings);
  const known: Known = {
    columns: new Set(Object.keys(panel.columns)),
    labels: new Set(Object.keys(panel.labels)),
    series: new Set(),
    describe: [],
  };
  const steps: Step[] = [];
  for (const planner of PLANNERS as Planner[]) {
    const r = planner(ctx, known);
    issues.push(...r.issues);
    steps.push(...r.steps);
  }
  if (issues.length) throw new SpecError(parsed?.file ?? 'spec', issues);

  const total = steps.length + 1;
  for (let k = 0; k < steps.length; k++) {
    await inputs.onProgress?.({ index: k, total, id: steps[k].id, label: steps[k].label });
    steps[k].run(ctx);
  }
  await inputs.onProgress?.({ index: steps.length, total, id: 'describe', label: { en: 'Descriptive statistics', zh: '描述性统计' } });
  const describeVars = [...new Set([...known.describe, ...ctx.series.keys()])].filter((v) => ctx.panel.columns[v]);
  if (describeVars.length) {
    const d = describeVariables(ctx, describeVars);
    const s = { id: 'data', kind: 'data' as const, title: { en: 'Data', zh: '数据' }, result: d };
    const table = describeTable(ctx, d);
    ctx.sections.unshift({ ...s, tables: [table.id] });
    ctx.tables.unshift(table);
  }

  const names = spec.data.name && ctx.panel.labels[spec.data.name] ? nonNull(labelById(ctx.panel, spec.data.name)) : undefined;
  // Units the base map will not show (the CLI and the workbench draw maps from the same rule).
  ctx.warnings.push(...baseMapWarnings(spec, { ids: ctx.panel.ids, source: spec.data.file === 'pwt' ? 'pwt' : undefined }));
  return {
    xinzhi: 1,
    software: SOFTWARE,
    title: {
      en: text(spec.title, 'en', 'Evaluation report'),
      zh: text(spec.title, 'zh', '评价报告'),
    },
    language: out.language,
    spec,
    data: {
      source: spec.data.file,
      ids: ctx.panel.ids,
      periods: ctx.panel.periods,
      names,
      groups: groupColumn ? { column: groupColumn, byId: labelById(ctx.panel, groupColumn) } : undefined,
      variables: Object.keys(ctx.panel.columns),
    },
    sections: ctx.sections,
    tables: ctx.tables,
    warnings: ctx.warnings,
  };
}

function nonNull(m: Record<string, string | null>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(m)) if (v !== null) out[k] = v;
  return out;
}
