// Run the workbench server in a child process (for tests that SIGKILL it). Node 20 cannot run TypeScript, so
// the entry is bundled once per test file with rolldown (installed with vite), dependencies left external.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers.js';

let bundled: string | undefined;

export async function bundleChild(): Promise<string> {
  if (bundled) return bundled;
  const { build } = await import('rolldown');
  const outDir = join(repoRoot, 'test-output', 'server');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `child-${process.pid}.mjs`);
  await build({
    input: join(repoRoot, 'test', 'server', 'child-entry.ts'),
    platform: 'node',
    external: [/^node:/, /^[a-z@][^:]*$/],
    resolve: { extensionAlias: { '.js': ['.ts', '.js'] } },
    output: { file, format: 'esm' },
    logLevel: 'silent',
  } as unknown as Parameters<typeof build>[0]);
  bundled = file;
  return file;
}

export interface Child { proc: ChildProcess; port: number; base: string }

export async function startChild(workspace: string): Promise<Child> {
  const file = await bundleChild();
  const proc = spawn(process.execPath, [file, workspace], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  const port = await new Promise<number>((res, rej) => {
    let out = '';
    let err = '';
    const t = setTimeout(() => rej(new Error(`server did not start: ${err}`)), 20_000);
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /LISTENING (\d+)/.exec(out);
      if (m) {
        clearTimeout(t);
        res(Number(m[1]));
      }
    });
    proc.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
    proc.once('exit', (code) => {
      clearTimeout(t);
      rej(new Error(`server exited (${code}): ${err}`));
    });
  });
  return { proc, port, base: `http://127.0.0.1:${port}` };
}

export function killHard(c: Child): Promise<void> {
  return new Promise((res) => {
    if (c.proc.exitCode !== null || c.proc.signalCode !== null) return res();
    c.proc.once('exit', () => res());
    c.proc.kill('SIGKILL');
  });
}
