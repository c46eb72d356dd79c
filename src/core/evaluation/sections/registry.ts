// The section planners, in run order. Each checks its part of the spec against what is known at plan time
// (data columns, labels, series of earlier sections) and returns the steps to run. A spec block whose method is
// not part of this build is reported as a spec problem (never silently skipped).

import type { RunContext, Step } from '../context.js';
import type { Known } from '../run.js';
import type { SpecIssue, SpecPath } from '../validate.js';
import { nearest } from '../validate.js';

export interface PlanResult { steps: Step[]; issues: SpecIssue[] }
export type Planner = (ctx: RunContext, known: Known) => PlanResult;

/** A section module: the spec blocks it handles ("analyses.disparity", "prepare.derive", …) and its planner. */
export interface SectionModule {
  keys: string[];
  plan: Planner;
}

/** Check a data column name; returns an issue or undefined. */
export function checkColumn(ctx: RunContext, known: Known, path: SpecPath, name: string): SpecIssue | undefined {
  if (known.columns.has(name)) {
    known.describe.push(name);
    return undefined;
  }
  const all = [...known.columns];
  const near = nearest(name, all);
  return ctx.issue(
    'unknown-column',
    path,
    `no numeric column "${name}" in the data${ctx.panel.source ? ` (${ctx.panel.source})` : ''}`,
    near ? `did you mean "${near}"? Numeric columns: ${all.slice(0, 30).join(', ')}${all.length > 30 ? ' …' : ''}` : `one of ${all.slice(0, 30).join(', ')}${all.length > 30 ? ' …' : ''}`,
  );
}

/** Check a series reference (`of:`): a data column or a series computed by an earlier section. */
export function checkSeries(ctx: RunContext, known: Known, path: SpecPath, name: string): SpecIssue | undefined {
  if (known.columns.has(name)) {
    known.describe.push(name);
    return undefined;
  }
  if (known.series.has(name)) return undefined;
  if (name.startsWith('index.') && known.series.has('index')) return undefined; // dimensions are checked when the index runs
  const computed = [...known.series];
  const producers: Record<string, string> = { index: 'an `index:` block', tfp: 'a `tfp: growth:` block', malmquist: 'a `tfp: malmquist:` block', dea: 'a `tfp: dea:` block' };
  const base = name.split('.')[0];
  if (producers[base]) {
    return ctx.issue('series-not-computed', path, `"${name}" is computed by ${producers[base]}, which this spec does not have (or has later)`, `add ${producers[base]}, or analyse a data column instead`);
  }
  const near = nearest(name, [...computed, ...known.columns]);
  return ctx.issue(
    'unknown-series',
    path,
    `no series or column "${name}"`,
    `${near ? `did you mean "${near}"? ` : ''}use ${computed.length ? computed.join(', ') + ', or ' : ''}a data column`,
  );
}

/** Check a label (group) column. */
export function checkLabel(ctx: RunContext, known: Known, path: SpecPath, name: string): SpecIssue | undefined {
  if (known.labels.has(name)) return undefined;
  const all = [...known.labels];
  return ctx.issue(
    'unknown-group',
    path,
    `no text column "${name}" to group by`,
    all.length ? `one of ${all.join(', ')}, or attach one with data.groups: {file, key, column}` : 'attach a grouping with data.groups: {file: regions.csv, key: id, column: region}, or list the column under data.labels',
  );
}

export function notAvailable(ctx: RunContext, WIRED: Set<string>): SpecIssue[] {
  const out: SpecIssue[] = [];
  const spec = ctx.spec;
  const say = (path: SpecPath, what: string) =>
    out.push(ctx.issue('not-available', path, `${what} is not available in this build of xinzhi`, 'remove this block (see docs/evaluation.md for what a spec can name)'));
  (spec.prepare ?? []).forEach((step, k) => {
    const key = Object.keys(step)[0];
    if (!WIRED.has(`prepare.${key}`)) say(['prepare', k, key], `the preparation step "${key}"`);
  });
  if (spec.index && !WIRED.has('index')) say(['index'], 'the composite index');
  for (const key of Object.keys(spec.tfp ?? {})) if (!WIRED.has(`tfp.${key}`)) say(['tfp', key], `TFP by ${key}`);
  for (const key of Object.keys(spec.analyses ?? {})) if (!WIRED.has(`analyses.${key}`)) say(['analyses', key], `the analysis "${key}"`);
  return out;
}

