// xinzhi disparity gini|dagum|theil|cv — inequality per period (methods.md J).
// Thin: parse options, load the panel, call one core function, render the Result.

import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { UsageError } from '../../core/errors.js';
import { gini } from '../../core/disparity/gini.js';
import { dagum } from '../../core/disparity/dagum.js';
import { theil, type TheilIndex } from '../../core/disparity/theil.js';
import { disparityCv } from '../../core/disparity/cv.js';
import type { Result } from '../../core/result.js';
import { addDataOptions, addOutputOptions, loadPanelForCli } from '../load.js';
import { writeResult } from '../output.js';

type Opts = Record<string, string | boolean | undefined>;

/** "2015,2016" or "2015:2020" (inclusive) or a mix. */
export function parsePeriods(s: string | undefined): number[] | undefined {
  if (s === undefined) return undefined;
  const out: number[] = [];
  for (const part of s.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^(-?\d+)\s*:\s*(-?\d+)$/.exec(part);
    if (m) {
      const a = Number(m[1]);
      const b = Number(m[2]);
      if (b < a) throw new UsageError('bad-option', `--periods range ${part} runs backwards`);
      for (let p = a; p <= b; p++) out.push(p);
    } else {
      const v = Number(part);
      if (!Number.isFinite(v)) throw new UsageError('bad-option', `--periods takes years such as 2015,2016 or 2015:2020 (got "${part}")`);
      out.push(v);
    }
  }
  return out;
}

async function runOn(o: Opts, ctx: CliContext, variables: string[], labels: string[], compute: (p: Awaited<ReturnType<typeof loadPanelForCli>>['panel']) => Result<any>): Promise<void> {
  const loaded = await loadPanelForCli({ data: o.data as string, id: o.id as string, period: o.period as string, sheet: o.sheet as string, encoding: o.encoding as string }, ctx, { variables, labels });
  const result = compute(loaded.panel);
  result.warnings.unshift(...loaded.warnings);
  result.card.data = loaded.data;
  await writeResult(result, { format: o.format as string, out: o.out as string, force: o.force as boolean, lang: o.lang as string }, ctx);
}

function sub(parent: Command, name: string, description: string): Command {
  const cmd = parent.command(name).description(description).requiredOption('--value <col>', 'numeric column to measure (scores, per-capita GDP …)')
    .option('--periods <list>', 'analyse only these periods: 2015,2016 or 2015:2020');
  return cmd;
}

export function register(program: Command, ctx: CliContext): void {
  const disparity = program.command('disparity').description('regional disparities per period: Gini, Dagum decomposition, Theil, CV (docs/disparity.md)');

  const g = sub(disparity, 'gini', 'Gini ratio ΣΣ|y_i − y_j|/(2n²μ) per period')
    .option('--weight <col>', 'population weights (weighted Gini)')
    .option('--small-sample', 'multiply by n/(n − 1)');
  addDataOptions(g);
  addOutputOptions(g);
  g.action(async (o: Opts) => {
    const vars = [o.value as string, ...(o.weight ? [o.weight as string] : [])];
    await runOn(o, ctx, vars, [], (panel) => gini(panel, { value: o.value as string, weight: o.weight as string | undefined, smallSample: Boolean(o.smallSample), periods: parsePeriods(o.periods as string | undefined) }));
  });

  const d = sub(disparity, 'dagum', 'Dagum (1997) Gini decomposition G = Gw + Gnb + Gt by groups, per period')
    .requiredOption('--group <col>', 'group label column (e.g. region4)');
  addDataOptions(d);
  addOutputOptions(d);
  d.action(async (o: Opts) => {
    await runOn(o, ctx, [o.value as string], [o.group as string], (panel) => dagum(panel, { value: o.value as string, group: o.group as string, periods: parsePeriods(o.periods as string | undefined) }));
  });

  const t = sub(disparity, 'theil', 'Theil T (or L) with within/between decomposition; nested two-level with --subgroup (Akita 2003)')
    .option('--group <col>', 'group label column (e.g. region4)')
    .option('--subgroup <col>', 'subgroup label column nested in --group (e.g. province when units are cities)')
    .option('--weight <col>', 'population weights (weighted Theil)')
    .option('--index <T|L>', 'T (GE(1), default) or L (mean log deviation)', 'T');
  addDataOptions(t);
  addOutputOptions(t);
  t.action(async (o: Opts) => {
    const index = String(o.index).toUpperCase();
    if (index !== 'T' && index !== 'L') throw new UsageError('bad-option', `--index must be T or L (got "${o.index}")`);
    const labels = [o.group, o.subgroup].filter((x): x is string => typeof x === 'string');
    const vars = [o.value as string, ...(o.weight ? [o.weight as string] : [])];
    await runOn(o, ctx, vars, labels, (panel) => theil(panel, {
      value: o.value as string, group: o.group as string | undefined, subgroup: o.subgroup as string | undefined,
      weight: o.weight as string | undefined, index: index as TheilIndex, periods: parsePeriods(o.periods as string | undefined),
    }));
  });

  const c = sub(disparity, 'cv', 'coefficient of variation per period (population SD; --sample for n − 1; --weight for Williamson)')
    .option('--weight <col>', 'population weights (Williamson weighted CV)')
    .option('--sample', 'sample SD (n − 1)');
  addDataOptions(c);
  addOutputOptions(c);
  c.action(async (o: Opts) => {
    const vars = [o.value as string, ...(o.weight ? [o.weight as string] : [])];
    await runOn(o, ctx, vars, [], (panel) => disparityCv(panel, { value: o.value as string, weight: o.weight as string | undefined, sample: Boolean(o.sample), periods: parsePeriods(o.periods as string | undefined) }));
  });
}
