// `xinzhi serve`: start the workbench server (web app + workspace API) on a loopback address.
// startServer resolves once the socket listens and returns the URL and a close() that waits for open requests.

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Workspace } from './workspace.js';
import { createWorkbenchServer } from './http.js';

export { Workspace, WorkspaceError, type DatasetMeta, type SpecRecord, type RunMeta } from './workspace.js';

/** The package root: same relative place from src/server and dist/server. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where `vite build --config web/vite.config.ts` writes the app. */
export const WEB_ROOT = join(PACKAGE_ROOT, 'dist', 'web');

export interface StartOptions {
  port?: number;
  host?: string;
  workspace?: string;
  webRoot?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  workspace: Workspace;
  webBuilt: boolean;
  server: Server;
  close(): Promise<void>;
}

export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const workspace = await Workspace.open(opts.workspace ?? 'xinzhi-workspace');
  const webRoot = opts.webRoot ?? WEB_ROOT;
  const server = createWorkbenchServer({ workspace, webRoot, packageRoot: PACKAGE_ROOT }, { host });
  await new Promise<void>((res, rej) => {
    server.once('error', rej);
    server.listen(opts.port ?? 8787, host, () => {
      server.off('error', rej);
      res();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shown = host.includes(':') ? `[${host}]` : host;
  const { existsSync } = await import('node:fs');
  return {
    url: `http://${shown}:${port}/`,
    port,
    workspace,
    webBuilt: existsSync(join(webRoot, 'index.html')),
    server,
    close: () =>
      new Promise<void>((res) => {
        server.close(() => res());
        server.closeAllConnections?.();
      }),
  };
}
