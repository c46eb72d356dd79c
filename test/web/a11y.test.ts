// Accessibility of the workbench (issue 8: "keyboard-usable controls and readable contrast"), checked with
// axe-core (WCAG 2.0/2.1 A and AA rules: colour contrast ≥ 4.5:1, every control labelled, names for buttons,
// valid ARIA, language of the page) on each tab in Chinese and English with a provincial panel loaded and run,
// and by driving the tabs and the run with the keyboard alone.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CHROMIUM, haveChromium, outDir, openWorkbench, type BrowserSession } from './browser.js';
import { provincialCsv } from './fixture.js';

const require = createRequire(import.meta.url);
if (!haveChromium) console.warn(`skipping the accessibility browser test: ${CHROMIUM} not found (apt-get install chromium)`);

interface Violation { id: string; impact: string; help: string; nodes: { target: string[] }[] }

async function axe(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => Boolean((window as any).axe)))) await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
  const r = await page.evaluate(async () => (window as any).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] }));
  return (r.violations as Violation[]).map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target })) }));
}

describe.skipIf(!haveChromium)('workbench accessibility (axe-core, keyboard)', () => {
  let s: BrowserSession;
  const out = join(outDir, 'a11y');

  beforeAll(async () => {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    s = await openWorkbench(join(out, 'workspace'));
  }, 240_000);

  afterAll(async () => {
    await s?.close();
  });

  test('no WCAG A/AA violations on any tab, in Chinese and English', async () => {
    const { page } = s;
    await page.goto(s.server.url);
    await page.waitForSelector('#demo');
    const csv = join(out, 'provinces-gbk.csv');
    writeFileSync(csv, provincialCsv().gbk);
    await page.setInputFiles('#file-input', csv);
    await page.waitForSelector('#roles');
    await page.selectOption('select.role-select[data-col="地区"]', 'group');
    const found: Record<string, Violation[]> = {};
    for (const lang of ['zh', 'en']) {
      if (lang === 'en') {
        await page.click('#lang');
        await page.waitForFunction(() => document.documentElement.lang.startsWith('en'));
      }
      await page.click('#tab-data');
      await page.waitForSelector('#roles');
      found[`${lang}-data`] = await axe(page);
      await page.click('#tab-model');
      await page.waitForSelector('#spec-yaml');
      for (const id of ['#a-disparity', '#a-kde', '#a-moran', '#a-lisa']) if (!(await page.isChecked(id))) await page.check(id);
      found[`${lang}-model`] = await axe(page);
      await page.click('#tab-results');
      await page.click('#run');
      await page.waitForSelector('#run-done', { timeout: 60_000 });
      await page.waitForFunction(() => document.querySelectorAll('[data-chart] canvas').length > 0);
      found[`${lang}-results`] = await axe(page);
      await page.click('#tab-workspace');
      found[`${lang}-workspace`] = await axe(page);
      await page.screenshot({ path: join(out, `${lang}-workspace.png`) });
    }
    writeFileSync(join(out, 'axe.json'), JSON.stringify(found, null, 2) + '\n');
    const all = Object.entries(found).flatMap(([where, vs]) => vs.map((v) => `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`));
    expect(all).toEqual([]);
    expect(s.errors).toEqual([]);
  }, 180_000);

  test('tabs and the run work from the keyboard alone; focus is visible', async () => {
    const { page } = s;
    await page.goto(s.server.url);
    await page.waitForSelector('#demo');
    // Reach the demo button with Tab and start it with Enter.
    let reached = false;
    for (let k = 0; k < 40 && !reached; k++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'demo');
    }
    expect(reached).toBe(true);
    const outline = await page.evaluate(() => {
      const cs = getComputedStyle(document.activeElement!);
      return cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0 ? 'outline' : cs.boxShadow !== 'none' ? 'shadow' : 'none';
    });
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#run-done', { timeout: 60_000 });
    // The tab list: focus a tab and activate another with Enter.
    await page.focus('#tab-model');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#spec-yaml');
    await page.focus('#tab-data');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#tab-data[aria-selected="true"]');
    expect(s.errors).toEqual([]);
  }, 120_000);
});
