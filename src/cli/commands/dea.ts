import type { Command } from 'commander';
import type { CliContext } from '../context.js';

// Not yet implemented: registers nothing until its issue lands.
export function register(_program: Command, _ctx: CliContext): void {}
