// xinzhi data inspect FILE|pwt — variables, types, missing counts, periods, balance, duplicates.
// Thin: read the table (src/io), call inspectTable (core), render the Result.

import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { inspectTable } from '../../core/panel/inspect.js';
import { PWT_ROLES, PWT_SOURCE } from '../../core/panel/pwt-attribution.js';
import { tableColumnIndex } from '../../core/panel/from-table.js';
import { resolveProvinces } from '../../core/panel/regions.js';
import { addOutputOptions, loadTableForCli } from '../load.js';
import { writeResult } from '../output.js';
import { list } from '../args.js';


export function register(program: Command, ctx: CliContext): void {
  const data = program.command('data').description('look at data files: types, missing values, periods, balance');
  const inspect = data
    .command('inspect')
    .description('inspect FILE (.csv .tsv .txt .xlsx .json .dta) or "pwt" (bundled Penn World Table 9.1)')
    .argument('<file>', 'data file, or pwt')
    .option('--id <column>', 'entity id column (pwt: isocode)')
    .option('--period <column>', 'period column, integer years (pwt: year)')
    .option('--sheet <name|n>', 'XLSX sheet, by name or 1-based position (default: the first)')
    .option('--encoding <enc>', 'text encoding of CSV/TSV/JSON (default: detect UTF-8, UTF-8 BOM or GBK/GB18030)')
    .option('--variables <cols>', 'comma-separated columns that must be numeric: build the panel strictly (first bad cell is an error); needs --id')
    .option('--labels <cols>', 'comma-separated text columns kept as labels')
    .option('--province <column>', 'check that COLUMN holds Chinese province names (one error lists every unknown name)');
  addOutputOptions(inspect);
  inspect.action(async (file: string, opts: Record<string, string | boolean | undefined>) => {
    const o = opts as { province?: string; id?: string; period?: string; sheet?: string; encoding?: string; variables?: string; labels?: string; format?: string; out?: string; force?: boolean; lang?: string };
    const table = await loadTableForCli({ data: file, sheet: o.sheet, encoding: o.encoding }, ctx);
    const isPwt = file === PWT_SOURCE;
    const id = o.id ?? (isPwt ? PWT_ROLES.id : undefined);
    const period = o.period ?? (isPwt ? PWT_ROLES.period : undefined);
    const variables = o.variables === undefined ? undefined : list(o.variables);
    if (variables && !id) {
      const { UsageError } = await import('../../core/errors.js');
      throw new UsageError('no-id', '--variables needs --id (and --period for a panel)', `columns are: ${table.header.join(', ')}`);
    }
    if (o.province) {
      const j = tableColumnIndex(table, o.province, 'province');
      resolveProvinces(table.columns[j].map((c) => (c === null ? '' : String(c))), { file: table.source, column: o.province, rows: table.rows });
    }
    const result = inspectTable(table, { id, period, variables, labels: o.labels === undefined ? undefined : list(o.labels) });
    await writeResult(result, o, ctx);
  });
}
