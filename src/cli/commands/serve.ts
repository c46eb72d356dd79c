// xinzhi serve [--port 8787] [--workspace DIR] [--host 127.0.0.1]: the web workbench on this machine.
// Serves the built app (dist/web, built by `vite build --config web/vite.config.ts`) and the workspace JSON API (src/server); the workspace
// (datasets, specs, runs with their bundles) is kept in DIR, written atomically. Loopback by default: nothing is
// uploaded anywhere else. Prints the URL and runs until interrupted (Ctrl-C).

import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { UsageError } from '../../core/errors.js';
import { resolve } from 'node:path';
import { startServer, type RunningServer } from '../../server/index.js';

export interface ServeOptions {
  port?: string;
  host?: string;
  workspace?: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export function register(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('start the web workbench on this machine (web app + workspace API); prints the URL')
    .option('--port <n>', 'port (0 = any free port)', '8787')
    .option('--workspace <dir>', 'folder for datasets, specs and runs', 'xinzhi-workspace')
    .option('--host <addr>', 'address to listen on (loopback only: 127.0.0.1, ::1 or localhost)', '127.0.0.1')
    .action(async (opts: ServeOptions) => {
      const server = await serveCommand(opts, ctx);
      await new Promise<void>((done) => {
        const stop = () => {
          ctx.stderr('\nstopping…\n');
          void server.close().then(done);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}

/** Start the server (returns once it listens). */
export async function serveCommand(opts: ServeOptions, ctx: CliContext): Promise<RunningServer> {
  const port = Number(opts.port ?? '8787');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('bad-port', `--port must be an integer 0–65535 (got "${opts.port}")`);
  const host = opts.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) {
    throw new UsageError('not-loopback', `--host ${host} is not a loopback address`, 'the workbench serves your data only to this machine: use 127.0.0.1, ::1 or localhost');
  }
  let server: RunningServer;
  try {
    server = await startServer({ port, host: host === 'localhost' ? '127.0.0.1' : host, workspace: resolve(ctx.cwd, opts.workspace ?? 'xinzhi-workspace') });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { status?: number };
    if (err.code === 'EADDRINUSE') throw new UsageError('port-in-use', `port ${port} is already in use`, 'pass another --port, or --port 0 for any free port');
    if (err.name === 'WorkspaceError') throw new UsageError('bad-workspace', err.message);
    throw e;
  }
  ctx.stdout(`xinzhi workbench: ${server.url}\n`);
  ctx.stdout(`workspace: ${server.workspace.root}\n`);
  if (!server.webBuilt) ctx.stderr('note: the web app is not built: run `npx vite build --config web/vite.config.ts` in the xinzhi folder; the JSON API under /api/ works meanwhile.\n');
  return server;
}
