// xinzhi forecast gm11 — GM(1,1) grey forecasts per unit (methods.md M).
// Thin: load the panel, call gm11 (core), render.

import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { UsageError } from '../../core/errors.js';
import { gm11 } from '../../core/forecast/index.js';
import { addDataOptions, addOutputOptions, loadPanelForCli, type DataOptions } from '../load.js';
import { writeResult, type OutputOptions } from '../output.js';

interface ForecastCliOptions extends DataOptions, OutputOptions {
  value?: string;
  horizon?: string;
  units?: string;
  autoShift?: boolean;
  includeFirst?: boolean;
  sd?: string;
}

export function register(program: Command, ctx: CliContext): void {
  const forecast = program.command('forecast').description('short-series forecasts: GM(1,1)');
  const g = forecast.command('gm11').description('GM(1,1) grey model per unit: a, b, fitted values, forecasts, posterior-error C and P, grade')
    .option('--value <col>', 'variable to model (values > 0, equally spaced periods)')
    .option('--horizon <h>', 'forecast steps after the last period (default 5)')
    .option('--units <ids>', 'comma-separated ids to model (default: all)')
    .option('--auto-shift', 'when the level-ratio test fails, add the smallest constant that passes (subtracted from forecasts)')
    .option('--include-first', 'posterior-error test over k = 1..n (ε(1) = 0 included) instead of k = 2..n')
    .option('--sd <divisor>', 'SD in the posterior-error test: population (default) | sample');
  addDataOptions(g); addOutputOptions(g);
  g.action(async (opts: ForecastCliOptions) => {
    if (!opts.value) throw new UsageError('no-value', '--value COL is required: the series to model');
    const horizon = opts.horizon === undefined ? undefined : Number(opts.horizon);
    if (horizon !== undefined && !(Number.isInteger(horizon) && horizon >= 0)) throw new UsageError('bad-option', `--horizon must be an integer ≥ 0 (got "${opts.horizon}")`);
    if (opts.sd !== undefined && opts.sd !== 'population' && opts.sd !== 'sample') throw new UsageError('bad-option', `--sd must be population or sample (got "${opts.sd}")`);
    const loaded = await loadPanelForCli(opts, ctx, { variables: [opts.value] });
    const units = opts.units?.split(',').map((s) => s.trim()).filter(Boolean);
    const r = gm11(loaded.panel, {
      value: opts.value, horizon, ids: units, autoShift: opts.autoShift, includeFirst: opts.includeFirst,
      sd: opts.sd as 'population' | 'sample' | undefined,
    });
    r.warnings.unshift(...loaded.warnings);
    r.card.data = [...(r.card.data ?? []), ...loaded.data];
    await writeResult(r, opts, ctx);
  });
}
