// xinzhi capital — capital stock by the perpetual-inventory method (methods.md A5).
// Thin: parse options, load the panel, call core `capitalStock`, render the Result (rows id, period, capital).

import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { UsageError } from '../../core/errors.js';
import { capitalStock, type CapitalStockOptions, type PimGrowth } from '../../core/panel/capital-stock.js';
import { addDataOptions, addOutputOptions, loadPanelForCli } from '../load.js';
import { writeResult } from '../output.js';
import { num, int } from '../args.js';



/** "0.096" or per year "1952:0.096,1953:0.1". */
function parseDelta(s: string | undefined): CapitalStockOptions['delta'] {
  if (s === undefined) return undefined;
  if (!s.includes(':')) return num(s, '--delta');
  const out: Record<number, number> = {};
  for (const part of s.split(',')) {
    const [y, d] = part.split(':');
    const year = int(y?.trim(), '--delta year');
    const v = num(d?.trim(), `--delta for ${y}`);
    if (year === undefined || v === undefined) throw new UsageError('bad-option', `--delta entries look like YEAR:RATE (got "${part}")`);
    out[year] = v;
  }
  return out;
}

function parseGrowth(s: string | undefined): PimGrowth | undefined {
  if (s === undefined || s === 'investment' || s === 'output') return s;
  const v = Number(s);
  if (s.trim() === '' || !Number.isFinite(v)) throw new UsageError('bad-option', `--growth must be investment, output or a number (got "${s}")`);
  return { fixed: v };
}

export function register(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('capital')
    .description('capital stock by the perpetual-inventory method: K_t = (1−δ)K_{t−1} + I_t/P_t (Zhang, Wu & Zhang 2004)')
    .requiredOption('--investment <col>', 'nominal investment column (固定资本形成总额 or 全社会固定资产投资)')
    .option('--deflator <col>', 'investment price index column (omit if investment is already real)')
    .option('--deflator-type <t>', 'level (an index in any base, default) | chain (上年=100)')
    .option('--price-base <year>', 'year whose prices K is in (P = 1 there; default: first period)')
    .option('--delta <rate>', 'depreciation rate, or per year as YEAR:RATE,… (default 0.096)')
    .option('--base <b>', 'steady (K0 = I0/(g+δ), default) | ratio (K0 = I0/0.10)')
    .option('--growth-years <n>', 'years over which g is averaged for the steady base (default 5; Hall & Jones used 10)')
    .option('--growth <g>', 'source of g: investment (default) | output | a fixed number')
    .option('--output <col>', 'output column for --growth output')
    .option('--ratio <r>', 'divisor of the ratio base (default 0.10)')
    .option('--base-year <year>', "common first year for all entities (default: each entity's first year with investment)");
  addDataOptions(cmd);
  addOutputOptions(cmd);
  cmd.action(async (opts: Record<string, string | boolean | undefined>) => {
    const o = opts as Record<string, string | undefined> & { force?: boolean };
    const base = o.base as CapitalStockOptions['base'];
    if (base !== undefined && base !== 'steady' && base !== 'ratio') throw new UsageError('bad-option', `--base must be steady or ratio (got "${base}")`);
    const deflatorType = o.deflatorType as CapitalStockOptions['deflatorType'];
    if (deflatorType !== undefined && deflatorType !== 'level' && deflatorType !== 'chain') throw new UsageError('bad-option', `--deflator-type must be level or chain (got "${deflatorType}")`);
    const growth = parseGrowth(o.growth);
    const variables = [o.investment!, o.deflator, growth === 'output' ? o.output : undefined].filter((c): c is string => typeof c === 'string');
    const loaded = await loadPanelForCli({ data: o.data, id: o.id, period: o.period, sheet: o.sheet, encoding: o.encoding }, ctx, { variables });
    const result = capitalStock(loaded.panel, {
      investment: o.investment!,
      deflator: o.deflator,
      deflatorType,
      priceBase: int(o.priceBase, '--price-base'),
      delta: parseDelta(o.delta),
      base,
      growth,
      growthYears: int(o.growthYears, '--growth-years'),
      output: o.output,
      ratio: num(o.ratio, '--ratio'),
      baseYear: int(o.baseYear, '--base-year'),
    });
    result.warnings.unshift(...loaded.warnings);
    result.card.data = loaded.data;
    await writeResult(result, { format: o.format, out: o.out, force: o.force, lang: o.lang }, ctx);
  });
}
