// xinzhi coupling — coupling coordination degree of subsystems (methods.md D1).
// Subsystems from --systems "name=col,col;name=col:-" or a framework's top dimensions; thin wrapper over
// couplingCoordination (core).

import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { UsageError } from '../../core/errors.js';
import { couplingCoordination } from '../../core/coordination/coupling-panel.js';
import type { CouplingVariant } from '../../core/coordination/coupling.js';
import { addDataOptions, addOutputOptions } from '../load.js';
import { writeResult } from '../output.js';
import { addIndicatorOptions, frameworkFromOptions, loadForFramework, prepareOptionsFrom, withData } from './index.js';

type Opts = Record<string, string | boolean | undefined>;
const VARIANTS: CouplingVariant[] = ['standard', 'wang', 'fan', 'legacy:noMean', 'legacy:pairwise3'];

export function register(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('coupling')
    .description('coupling coordination degree C, T, D of subsystems, with grades (docs/index.md)');
  addDataOptions(cmd);
  cmd
    .option('--systems <spec>', 'subsystems: "name=col:+,col:-;name=col" (directions as in --indicators)')
    .option('--framework <file|name>', 'or a framework whose top dimensions are the subsystems');
  addIndicatorOptions(cmd, false);
  cmd
    .option('--variant <v>', 'standard | wang | fan (legacy:noMean and legacy:pairwise3 only to reproduce old papers)', 'standard')
    .option('--t-weights <list>', 'T weights α per subsystem in order, e.g. 0.5,0.5 (default equal)')
    .option('--subsystem-weights <how>', 'renormalize (pooled weights renormalised within subsystems) | separate (weights computed within each)', 'renormalize')
    .option('--allow-out-of-range', 'accept subsystem scores outside [0,1] (with --normalize none)');
  addOutputOptions(cmd);
  cmd.action(async (opts: Opts) => {
    const fw = frameworkFromOptions(opts, ctx, true);
    const loaded = await loadForFramework(opts, ctx, fw);
    const variant = opts.variant as CouplingVariant;
    if (!VARIANTS.includes(variant)) throw new UsageError('bad-variant', `--variant must be one of ${VARIANTS.join(', ')} (got "${variant}")`);
    const how = opts.subsystemWeights;
    if (how !== 'renormalize' && how !== 'separate') throw new UsageError('bad-option', '--subsystem-weights must be renormalize or separate');
    const alpha = typeof opts.tWeights === 'string' ? opts.tWeights.split(',').map((x) => {
      const v = Number(x.trim());
      if (!(v >= 0)) throw new UsageError('bad-number', `--t-weights: "${x}" is not a number ≥ 0`);
      return v;
    }) : undefined;
    const lang = opts.lang === 'zh' ? 'zh' : 'en';
    const result = withData(couplingCoordination(loaded.panel, {
      systems: fw, ...prepareOptionsFrom(opts, ctx), variant, alpha, subsystemWeights: how, allowOutOfRange: !!opts.allowOutOfRange, lang,
    }), loaded);
    await writeResult(result, opts as { format?: string; out?: string; force?: boolean; lang?: string }, ctx);
  });
}
