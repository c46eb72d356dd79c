// Browser check of report.html (issue 7): render the bundles of examples/pwt.yaml (en, zh) and of a
// china-nqpf-shaped spec (coupling, obstacle, Markov, forecast charts) in headless Chromium (Debian's
// /usr/bin/chromium driven by playwright-core), with every network request blocked, and assert: no console
// errors or page errors, no request leaves the file, every chart container holds a drawn SVG. Screenshots go to
// test-output/report/. Skipped (with a message) only where Chromium is not installed; .ci/run installs it.

import { describe, expect, test, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { repoRoot, runCli } from '../helpers.js';
import { buildChinaBundle, chinaDataAvailable } from '../core/evaluation/china-fixture.js';

const CHROMIUM = process.env.XINZHI_CHROMIUM ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const outRoot = resolve(repoRoot, 'test-output', 'report');

describe.skipIf(!haveChromium)('report.html in headless Chromium', () => {
  let browser: Browser;
  const bundles: Record<string, string> = {};

  beforeAll(async () => {
    rmSync(outRoot, { recursive: true, force: true });
    mkdirSync(outRoot, { recursive: true });
    for (const lang of ['en', 'zh']) {
      const dir = join(outRoot, `pwt-${lang}`);
      rmSync(dir, { recursive: true, force: true });
      const r = await runCli(['evaluate', 'examples/pwt.yaml', '--out', dir, '--lang', lang, '--quiet']);
      if (r.code !== 0) throw new Error(`evaluate failed (${r.code}): ${r.stderr}`);
      bundles[`pwt-${lang}`] = dir;
    }
    if (chinaDataAvailable) {
      const dir = join(outRoot, 'china');
      const data = join(outRoot, 'china-input');
      rmSync(data, { recursive: true, force: true });
      mkdirSync(data, { recursive: true });
      await buildChinaBundle(data, dir, ['--quiet']);
      bundles.china = dir;
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  for (const lang of ['pwt-en', 'pwt-zh', 'china']) {
    test(`renders offline without errors, every chart drawn (${lang})`, async () => {
      if (!bundles[lang]) return; // china: the shared provincial data is not there
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
      const errors: string[] = [];
      const external: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file:')) return route.continue();
        external.push(url);
        return route.abort();
      });
      await page.goto(pathToFileURL(join(bundles[lang], 'report.html')).href);
      await page.waitForFunction(() => typeof (window as any).__xinzhiCharts === 'number', undefined, { timeout: 30_000 });
      const charts = await page.$$eval('.chart', (els) =>
        els.map((el) => ({ id: el.id, svg: el.querySelectorAll('svg').length, shapes: el.querySelectorAll('svg path, svg rect, svg circle, svg text').length, h: (el as HTMLElement).offsetHeight })),
      );
      expect(charts.length).toBeGreaterThan(lang === 'china' ? 14 : 15);
      for (const c of charts) {
        expect(c.svg, `chart ${c.id} has an svg`).toBeGreaterThan(0);
        expect(c.shapes, `chart ${c.id} draws shapes`).toBeGreaterThan(10);
        expect(c.h, `chart ${c.id} has height`).toBeGreaterThan(100);
      }
      const drawn = await page.evaluate(() => (window as any).__xinzhiCharts as number);
      expect(drawn).toBe(charts.length);
      expect(errors).toEqual([]);
      expect(external).toEqual([]);
      await page.screenshot({ path: join(outRoot, `report-${lang}-top.png`) });
      for (const c of charts) {
        await page.locator(`#${c.id}`).screenshot({ path: join(outRoot, `${lang}-${c.id}.png`) });
      }
      // Print layout renders too (charts are SVG, so they scale).
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: join(outRoot, `report-${lang}-print.png`) });
      await page.close();
    }, 120_000);
  }
});

test.skipIf(haveChromium)('Chromium is missing: browser check skipped', () => {
  console.warn(`report browser check skipped: ${CHROMIUM} not found (apt-get install -y chromium)`);
});
