// Shared set-up of the workbench's browser tests: Debian's Chromium driven by playwright-core (never a downloaded
// browser), the built app (rebuilt when a source is newer, one build at a time across test files), a local
// `xinzhi serve` whose page may reach nothing but that server, console errors collected, and a JSON comparison
// that lists differing numbers by path.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { repoRoot } from '../helpers.js';

export const CHROMIUM = process.env.XINZHI_CHROMIUM ?? '/usr/bin/chromium';
export const haveChromium = existsSync(CHROMIUM);
export const webRoot = resolve(repoRoot, 'dist', 'web');
export const outDir = resolve(repoRoot, 'test-output', 'web');

function newest(dir: string): number {
  let m = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    m = Math.max(m, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return m;
}

function stale(): boolean {
  const index = join(webRoot, 'index.html');
  // Rebuild when any source the app is built from (web/, src/core, src/report, src/io) is newer than the build.
  const sources = ['web/src', 'web/index.html', 'web/vite.config.ts', 'src/core', 'src/report', 'src/io', 'examples'].map((p) => resolve(repoRoot, p)).filter(existsSync);
  const newestSource = Math.max(...sources.map((p) => (statSync(p).isDirectory() ? newest(p) : statSync(p).mtimeMs)));
  return !existsSync(index) || statSync(index).mtimeMs < newestSource;
}

/** Build the web app when it is missing or older than its sources; test files wait for each other's build. */
export async function ensureBuilt(): Promise<void> {
  if (!stale()) return;
  const lock = resolve(repoRoot, 'test-output', '.web-build.lock');
  mkdirSync(resolve(repoRoot, 'test-output'), { recursive: true });
  for (let waited = 0; ; waited += 250) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 240_000) rmSync(lock, { recursive: true, force: true }); // a build that died
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    if (stale()) execFileSync(process.execPath, [resolve(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: repoRoot, stdio: 'inherit' });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  server: RunningServer;
  /** Console errors and page errors seen so far. */
  errors: string[];
  close(): Promise<void>;
}

/** Start `xinzhi serve` on a free port with a fresh workspace and open a page on it (nothing else reachable). */
export async function openWorkbench(workspace: string, opts: { locale?: string; width?: number; height?: number } = {}): Promise<BrowserSession> {
  await ensureBuilt();
  const server = await startServer({ port: 0, workspace, webRoot });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: opts.width ?? 1400, height: opts.height ?? 1000 }, locale: opts.locale ?? 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  // Nothing may leave the machine: every request goes to the local server.
  await page.route('**/*', (route) => (route.request().url().startsWith(server.url) ? route.continue() : route.abort()));
  return {
    browser, context, page, server, errors,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Walk two JSON values: structure, non-numbers and numbers must be identical; differences are listed by path. */
export function compareJson(a: unknown, b: unknown, path = '$', acc = { problems: [] as string[], differing: [] as string[], numbers: 0, ulpDiffs: 0 }) {
  if (typeof a === 'number' && typeof b === 'number') {
    acc.numbers++;
    if (!Object.is(a, b)) {
      acc.ulpDiffs++;
      acc.differing.push(`${path}: ${a} vs ${b}`);
    }
  } else if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) acc.problems.push(`${path}: length ${a.length} vs ${b.length}`);
    else a.forEach((x, k) => compareJson(x, b[k], `${path}[${k}]`, acc));
  } else if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.join('\u0000') !== kb.join('\u0000')) acc.problems.push(`${path}: keys ${ka.join(',')} vs ${kb.join(',')}`);
    else for (const k of ka) compareJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, acc);
  } else if (a !== b) acc.problems.push(`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  return acc;
}

/** Scroll every chart of the dashboards into view (they are drawn lazily) and wait until each has drawn. */
export async function drawAllCharts(page: import('playwright-core').Page): Promise<number> {
  const n = await page.$$eval('[data-chart]', (els) => els.length);
  for (let k = 0; k < n; k++) {
    await page.locator('[data-chart]').nth(k).scrollIntoViewIfNeeded();
    await page.waitForFunction((i) => document.querySelectorAll('[data-chart]')[i]?.querySelector('canvas') !== null, k, { timeout: 20_000 });
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  return n;
}
