// Shared test helpers: where the reference fixtures are, and running the CLI in process.
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { run } from '../src/cli/main.js';
import type { CliContext } from '../src/cli/context.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** ../shared beside the checkout (CI lays a copy there); XINZHI_SHARED overrides. */
export const sharedDir = process.env.XINZHI_SHARED ?? resolve(repoRoot, '..', 'shared');

export function sharedPath(...parts: string[]): string {
  return resolve(sharedDir, ...parts);
}

export function readJson<T = any>(...parts: string[]): T {
  return JSON.parse(readFileSync(sharedPath(...parts), 'utf8')) as T;
}

export interface CliRun { code: number; stdout: string; stderr: string }

/** Run `xinzhi ARGV` in process with captured output. */
export async function runCli(argv: string[], opts: { cwd?: string; isTTY?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const ctx: CliContext = {
    stdout: (s) => { stdout += s; },
    stderr: (s) => { stderr += s; },
    isTTY: opts.isTTY ?? false,
    cwd: opts.cwd ?? repoRoot,
    env: { ...process.env, CI: 'true' },
  };
  const code = await run(argv, ctx);
  return { code, stdout, stderr };
}

/** |got − exp| ≤ rel·|exp| + abs */
export function expectClose(got: number, exp: number, rel: number, abs = 0, what = ''): void {
  const ok = Math.abs(got - exp) <= rel * Math.abs(exp) + abs;
  if (!ok) throw new Error(`${what}: got ${got}, expected ${exp} (rel tol ${rel}, abs ${abs}, diff ${Math.abs(got - exp)})`);
}
