// xinzhi obstacle — obstacle degree of indicators and dimensions, with the top-k obstacles per unit
// (methods.md D2). Thin wrapper over obstacleAnalysis (core).

import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { UsageError } from '../../core/errors.js';
import { obstacleAnalysis } from '../../core/coordination/obstacle-panel.js';
import { addDataOptions, addOutputOptions } from '../load.js';
import { writeResult } from '../output.js';
import { addIndicatorOptions, frameworkFromOptions, loadForFramework, prepareOptionsFrom, withData } from './index.js';

type Opts = Record<string, string | boolean | undefined>;

export function register(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('obstacle')
    .description('obstacle degree: which indicators and dimensions hold each unit back (docs/index.md)');
  addDataOptions(cmd);
  addIndicatorOptions(cmd);
  cmd
    .option('--top <k>', 'top-k obstacles per unit in the summary', '5')
    .option('--periods <list>', 'report only these periods, e.g. 2020 or 2019,2020 (weights still use every period)')
    .option('--unscaled', 'F·I without the row normalisation (mathmodels default)');
  addOutputOptions(cmd);
  cmd.action(async (opts: Opts) => {
    const fw = frameworkFromOptions(opts, ctx);
    const loaded = await loadForFramework(opts, ctx, fw);
    const top = Number(opts.top);
    if (!Number.isInteger(top) || top < 1) throw new UsageError('bad-number', `--top must be a positive integer (got "${opts.top}")`);
    const periods = typeof opts.periods === 'string' ? opts.periods.split(',').map((x) => {
      const v = Number(x.trim());
      if (!Number.isInteger(v)) throw new UsageError('bad-period', `--periods: "${x}" is not a period`);
      return v;
    }) : undefined;
    const result = withData(obstacleAnalysis(loaded.panel, { framework: fw, ...prepareOptionsFrom(opts, ctx), top, periods, unscaled: !!opts.unscaled }), loaded);
    await writeResult(result, opts as { format?: string; out?: string; force?: boolean; lang?: string }, ctx);
  });
}
