// The common data and output options of every computing command, and loading a Panel from them.
//   --data FILE|pwt --id COL --period COL --sheet NAME|N --encoding ENC
//   --format table|json|csv|xlsx --out FILE --force --lang zh|en
// `pwt` is the bundled Penn World Table 9.1 (id isocode, period year unless given). Files are read by
// extension (src/io/read-table.ts). Column roles are explicit: --id is required for files; without --period
// a file is a cross-section (one period, numbered 0). Variables named by the command are parsed as numbers
// (DataError at the first bad cell, naming file, row, column, text); labels are kept as text.

import type { Command } from 'commander';
import type { CliContext } from './context.js';
import type { Panel } from '../core/panel/panel.js';
import type { MethodCard, Warning } from '../core/result.js';
import { UsageError } from '../core/errors.js';
import { fromTable, type RawTable } from '../core/panel/from-table.js';
import { PWT_ATTRIBUTION, PWT_ROLES, PWT_SOURCE } from '../core/panel/pwt-attribution.js';
import { readTableFile } from '../io/read-table.js';

export interface DataOptions {
  data?: string;
  id?: string;
  period?: string;
  sheet?: string;
  encoding?: string;
}

export interface LoadedPanel {
  panel: Panel;
  /** Reading notes: encoding detected, missing cells per variable (markers counted), text columns. */
  warnings: Warning[];
  /** MethodCard.data items to put in the result's card (PWT attribution when --data pwt). */
  data: NonNullable<MethodCard['data']>;
  /** Where the table came from, for provenance: file as given (or "pwt"), sheet, text encoding, row count. */
  input: { file: string; sheet?: string; encoding?: string; rows: number };
}

/** Add --data --id --period --sheet --encoding. */
export function addDataOptions(cmd: Command): Command {
  return cmd
    .option('--data <file>', 'data file (.csv .tsv .txt .xlsx .json .dta), or "pwt" for the bundled Penn World Table 9.1')
    .option('--id <column>', 'entity id column (pwt: isocode)')
    .option('--period <column>', 'period column, integer years such as 2015 or 2015年 (pwt: year)')
    .option('--sheet <name|n>', 'XLSX sheet, by name or 1-based position (default: the first)')
    .option('--encoding <enc>', 'text encoding of CSV/TSV/JSON (default: detect UTF-8, UTF-8 BOM or GBK/GB18030)');
}

/** Add --format --out --force --lang. */
export function addOutputOptions(cmd: Command): Command {
  return cmd
    .option('--format <format>', 'table | json | csv | xlsx (default: table on a terminal, json otherwise; from --out extension)')
    .option('--out <file>', 'write the output to FILE instead of stdout')
    .option('--force', 'overwrite --out if it exists')
    .option('--lang <lang>', 'zh | en (labels in tables and reports)', 'en');
}

/** Read the --data table (RawTable) with --sheet/--encoding; `pwt` gives the bundled table. */
export async function loadTableForCli(opts: DataOptions, ctx: CliContext): Promise<RawTable> {
  if (!opts.data) {
    throw new UsageError('no-data', '--data is required', 'pass --data FILE (.csv .tsv .xlsx .json .dta) or --data pwt for the bundled Penn World Table');
  }
  const sheet = opts.sheet;
  return readTableFile(opts.data, { cwd: ctx.cwd, sheet, encoding: opts.encoding });
}

/** The id and period columns for the loaded table (pwt defaults; --id required for files). */
export function resolveRoles(opts: DataOptions, table: RawTable): { id: string; period?: string } {
  if (opts.data === PWT_SOURCE) return { id: opts.id ?? PWT_ROLES.id, period: opts.period ?? PWT_ROLES.period };
  if (!opts.id) {
    throw new UsageError('no-id', `--id is required: name the entity id column of ${table.source}`, `columns are: ${table.header.join(', ')}`);
  }
  return { id: opts.id, period: opts.period };
}

/**
 * Load the --data panel with explicit roles. `variables` are parsed as numbers (default: every column that
 * is not id, period or a label; non-numeric ones then become labels with a warning); `labels` stay text.
 */
export async function loadPanelForCli(
  opts: DataOptions,
  ctx: CliContext,
  roles: { variables?: string[]; labels?: string[] } = {},
): Promise<LoadedPanel> {
  const table = await loadTableForCli(opts, ctx);
  const { id, period } = resolveRoles(opts, table);
  const { panel, warnings } = fromTable(table, { id, period, variables: roles.variables, labels: roles.labels });
  const data = opts.data === PWT_SOURCE ? [PWT_ATTRIBUTION] : [{ source: table.sheet ? `${table.source} [sheet ${table.sheet}]` : table.source }];
  return { panel, warnings, data, input: { file: table.source, ...(table.sheet ? { sheet: table.sheet } : {}), ...(table.encoding ? { encoding: table.encoding } : {}), rows: table.rows.length } };
}
