import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** A command module adds its commands to the program. */
export interface CommandModule {
  register(program: Command, ctx: CliContext): void;
}
