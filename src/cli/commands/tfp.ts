// xinzhi tfp growth — TFP by growth accounting: Solow residual, Törnqvist, Penn World Table method (methods.md G).
// Thin: parse options, load the panel, call core `tfpGrowth`, render the Result.

import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { tfpGrowth, type TfpGrowthOptions } from '../../core/productivity/growth-accounting.js';
import { addDataOptions, addOutputOptions, loadPanelForCli } from '../load.js';
import { writeResult } from '../output.js';
import { num } from '../args.js';

const PWT_COLUMNS = { output: 'rgdpna', capital: 'rkna', labor: 'emp', humanCapital: 'hc', hours: 'avh', share: 'labsh' };
const PWT_MULTILATERAL_COLUMNS = { output: 'cgdpo', capital: 'ck', labor: 'emp', humanCapital: 'hc', hours: 'avh', share: 'labsh' };


export function register(program: Command, ctx: CliContext): void {
  const tfp = program.command('tfp').description('total factor productivity by growth accounting');
  const growth = tfp
    .command('growth')
    .description('TFP levels and growth: solow (constant capital share), tornqvist (labour shares), pwt (reproduces PWT 9.1 rtfpna)')
    .requiredOption('--method <m>', 'solow | tornqvist | pwt')
    .option('--output <col>', 'output column (pwt: rgdpna)')
    .option('--capital <col>', 'capital (services) column (pwt: rkna)')
    .option('--labor <col>', 'labour column (pwt: emp)')
    .option('--human-capital <col>', 'human-capital index column multiplying labour (pwt: hc)')
    .option('--hours <col>', 'average hours column multiplying labour (pwt: avh)')
    .option('--hours-fill <id>', 'entity whose hours growth fills missing own hours (pwt: USA); "none" to disable')
    .option('--share <col>', 'labour-share column (tornqvist, pwt: labsh)')
    .option('--alpha <a>', 'capital share α for solow (required): a number in (0,1), or regression (pooled OLS of ln(Y/L) on ln(K/L)) | regression:within (entity fixed effects)')
    .option('--rates <r>', 'solow growth rates: log (default) | discrete')
    .option('--base <period>', 'base period, tfp = 1 there (default: first period; pwt: 2011)')
    .option('--multilateral', 'pwt: cross-country levels, CCD multilateral with USA = 1 (ctfp-style; cgdpo, ck, emp, hc, avh, labsh)');
  addDataOptions(growth);
  addOutputOptions(growth);
  growth.action(async (opts: Record<string, string | boolean | undefined>) => {
    const o = opts as Record<string, string | undefined> & { force?: boolean; multilateral?: boolean };
    const method = o.method as TfpGrowthOptions['method'];
    const d = method === 'pwt' ? (o.multilateral ? PWT_MULTILATERAL_COLUMNS : PWT_COLUMNS) : undefined;
    const cols = {
      output: o.output ?? d?.output,
      capital: o.capital ?? d?.capital,
      labor: o.labor ?? d?.labor,
      humanCapital: o.humanCapital ?? d?.humanCapital,
      hours: o.hours ?? d?.hours,
      share: o.share ?? d?.share,
    };
    const variables = Object.values(cols).filter((c): c is string => typeof c === 'string');
    const loaded = await loadPanelForCli({ data: o.data, id: o.id, period: o.period, sheet: o.sheet, encoding: o.encoding }, ctx, { variables });
    const result = tfpGrowth(loaded.panel, {
      method,
      ...cols,
      hoursFill: o.hoursFill === undefined ? undefined : o.hoursFill === 'none' ? null : o.hoursFill,
      alpha: o.alpha === 'regression' || o.alpha === 'regression:within' ? o.alpha : num(o.alpha, '--alpha', 'or estimate it: --alpha regression | regression:within'),
      rates: o.rates as TfpGrowthOptions['rates'],
      base: num(o.base, '--base'),
      multilateral: o.multilateral,
    });
    result.warnings.unshift(...loaded.warnings);
    result.card.data = loaded.data;
    await writeResult(result, { format: o.format, out: o.out, force: o.force, lang: o.lang }, ctx);
  });
}
