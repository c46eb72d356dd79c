// xinzhi command line. Thin: parse arguments, call one core function, render (style.md).
// Exit codes (design.md): 0 ok, 1 usage error, 2 data error, 3 numerical failure that could not be reported per row.

import { Command, CommanderError } from 'commander';
import { VERSION } from '../core/version.js';
import { DataError, UsageError, NumericalError, XinzhiError } from '../core/errors.js';
import { PanelError } from '../core/panel/panel.js';
import { processContext, type CliContext } from './context.js';
import { commandModules } from './commands/all.js';

export function buildProgram(ctx: CliContext): Command {
  const program = new Command();
  program
    .name('xinzhi')
    .description('新质 xinzhi — new quality productive forces & high-quality development: indices, DEA, TFP, disparities, spatial analysis')
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr });
  for (const m of commandModules) m.register(program, ctx);
  for (const c of program.commands) setOverrides(c, ctx);
  return program;
}

function setOverrides(c: Command, ctx: CliContext): void {
  c.exitOverride();
  c.configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr });
  for (const sub of c.commands) setOverrides(sub, ctx);
}

/** Run the CLI in process; returns the exit code. */
export async function run(argv: string[], ctx: CliContext = processContext()): Promise<number> {
  const program = buildProgram(ctx);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    return reportError(e, ctx);
  }
}

export function reportError(e: unknown, ctx: CliContext): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
    return e.exitCode === 0 ? 0 : 1;
  }
  if (e instanceof DataError || e instanceof PanelError) {
    ctx.stderr(`data error [${e.kind}]: ${e.message}\n`);
    return 2;
  }
  if (e instanceof UsageError) {
    ctx.stderr(`usage error [${e.kind}]: ${e.message}\n`);
    return 1;
  }
  if (e instanceof NumericalError) {
    ctx.stderr(`numerical error [${e.kind}]: ${e.message}\n`);
    return 3;
  }
  if (e instanceof XinzhiError) {
    ctx.stderr(`error [${e.kind}]: ${e.message}\n`);
    return 1;
  }
  const err = e as Error;
  ctx.stderr(`internal error: ${err?.stack ?? String(e)}\nThis is a bug in xinzhi; please report it with the command you ran.\n`);
  return 70;
}

export async function main(argv: string[]): Promise<number> {
  return run(argv, processContext());
}
