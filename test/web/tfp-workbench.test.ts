// Browser test of the workbench's preparation and TFP forms (issue 8): headless Chromium (Debian's /usr/bin/chromium
// via playwright-core) loads a provincial CSV with GDP, investment, price indices, employment, energy and CO₂, adds a
// deflation step (GDP at 2012 prices) and a perpetual-inventory capital step, gives the new columns roles (gdp_real
// output, capital input), runs DEA (SBM — radial DEA takes no undesirable output —, VRS, output-oriented) and a
// sequential Malmquist–Luenberger index, exports the spec, and the browser's results.json equals, byte for byte,
// `xinzhi evaluate` on the exported spec. Screenshots go to test-output/web/tfp-*.png; no console errors allowed.
//
// Needs the app built (browser.ts builds it when dist/web is missing or older than the sources, one build at a time
// across test files). Skipped, with a message, only where Chromium is not installed.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { unzipSync, strFromU8 } from 'fflate';
import type { Page } from 'playwright-core';
import { runCli } from '../helpers.js';
import { CHROMIUM, haveChromium, outDir, openWorkbench, compareJson, drawAllCharts, type BrowserSession } from './browser.js';
import { tfpCsv } from './tfp-fixture.js';

if (!haveChromium) console.warn(`skipping the TFP workbench browser test: ${CHROMIUM} not found (apt-get install chromium)`);
const out = join(outDir, 'tfp');
const require = createRequire(import.meta.url);

/** axe-core WCAG 2.0/2.1 A and AA violations inside the given elements (labels, contrast, ARIA). */
async function axe(page: Page, include: string[]): Promise<{ id: string; help: string; nodes: string[] }[]> {
  if (!(await page.evaluate(() => Boolean((window as any).axe)))) await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
  const r = await page.evaluate(async (inc) => (window as any).axe.run({ include: inc.map((x) => [x]) }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] }), include);
  return (r.violations as { id: string; help: string; nodes: { target: string[] }[] }[]).map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

describe.skipIf(!haveChromium)('workbench preparation and TFP forms in headless Chromium', () => {
  let s: BrowserSession;
  let page: Page;
  let errors: string[];
  let work: string;

  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    work = mkdtempSync(join(tmpdir(), 'xinzhi-tfp-web-'));
    s = await openWorkbench(join(work, 'workspace'), { locale: 'en-US' });
    page = s.page;
    errors = s.errors;
  }, 240_000);

  afterAll(async () => {
    await s?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('deflate + capital → DEA (SBM, VRS, output) + sequential ML → export = xinzhi evaluate', async () => {
    await page.goto(s.server.url);
    await page.waitForSelector('#demo');
    const csvPath = join(work, 'tfp-provinces.csv');
    writeFileSync(csvPath, tfpCsv());
    await page.setInputFiles('#file-input', csvPath);
    await page.waitForSelector('#roles');
    const role = async (col: string, r: string) => {
      await page.selectOption(`select.role-select[data-col="${col}"]`, r);
      await page.waitForFunction(([c, v]) => (document.querySelector(`select.role-select[data-col="${c}"]`) as HTMLSelectElement | null)?.value === v, [col, r]);
    };
    await role('省份', 'id');
    await role('年份', 'period');
    for (const c of ['gdp', 'gdp_deflator', 'invest', 'invest_price', 'labsh']) await role(c, 'ignore');
    await role('labour', 'input');
    await role('energy', 'input');
    await role('co2', 'undesirable');

    // Preparation: GDP at 2012 prices, and the capital stock from investment and its price index.
    await page.click('#tab-model');
    await page.click('#add-deflate');
    await page.check('#deflate-0 input[data-col="gdp"]');
    await page.selectOption('#deflate-0-deflator', 'gdp_deflator');
    expect(await page.inputValue('#deflate-0-base')).toBe('2012');
    expect(await page.inputValue('#deflate-0-type')).toBe('level');
    expect(await page.inputValue('#deflate-0-suffix')).toBe('_real');
    await page.click('#add-capital');
    await page.selectOption('#capital-0-investment', 'invest');
    await page.selectOption('#capital-0-deflator', 'invest_price');
    expect(await page.inputValue('#capital-0-delta')).toBe('0.096');
    expect(await page.inputValue('#capital-0-base')).toBe('steady');
    await page.selectOption('select.prepared-role[data-col="gdp_real"]', 'output');
    await page.selectOption('select.prepared-role[data-col="capital"]', 'input');
    expect(await page.textContent('#tfp-vars')).toContain('labour, energy, capital');

    // DEA: radial is off with an undesirable output; SBM, VRS, output-oriented.
    await page.check('#tfp-dea-on');
    expect(await page.isDisabled('#tfp-dea-model option[value="radial"]')).toBe(true);
    await page.selectOption('#tfp-dea-model', 'sbm');
    await page.selectOption('#tfp-dea-rts', 'vrs');
    await page.selectOption('#tfp-dea-orientation', 'out');
    expect(await page.isDisabled('#tfp-dea-direction')).toBe(true);
    // Malmquist family: ML (the default with bads), sequential frontier; orientation does not apply, direction does.
    await page.check('#tfp-malmquist-on');
    expect(await page.inputValue('#tfp-malm-index')).toBe('ml');
    await page.selectOption('#tfp-malm-frontier', 'sequential');
    expect(await page.isDisabled('#tfp-malm-orientation')).toBe(true);
    expect(await page.inputValue('#tfp-malm-direction')).toBe('green');
    // Keyboard: the controls are native selects with ids, focusable (focus survives re-rendering).
    await page.focus('#tfp-malm-index');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tfp-malm-index');
    expect(await page.textContent('#tfp')).toContain('ML = √');

    // Every control of the two forms labelled, contrast ≥ 4.5:1 (axe-core), in English and Chinese.
    expect(await axe(page, ['#prep-steps', '#tfp'])).toEqual([]);
    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    expect(await page.textContent('#tfp')).toContain('全要素生产率');
    expect(await axe(page, ['#prep-steps', '#tfp'])).toEqual([]);
    await page.screenshot({ path: join(out, '1-model-zh.png'), fullPage: true });
    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'en');

    const yaml = await page.inputValue('#spec-yaml');
    for (const s of ['deflate:', 'deflator: gdp_deflator', 'base: 2012', 'capital:', 'investment: invest', 'delta: 0.096', 'model: sbm', 'rts: vrs', 'orientation: out', 'index: ml', 'frontier: sequential', 'direction: green']) expect(yaml).toContain(s);
    await page.screenshot({ path: join(out, '1-model.png'), fullPage: true });

    // Run: the DEA and Malmquist dashboards appear.
    await page.click('#tab-results');
    await page.click('#run');
    await page.waitForSelector('#run-done, #run-error', { timeout: 60_000 });
    expect(await page.$('#run-error')).toBeNull();
    const sections = await page.$$eval('#dashboards section.dash', (els) => els.map((e) => e.id));
    expect(sections).toEqual(expect.arrayContaining(['sec-prepare-0', 'sec-prepare-1', 'sec-dea', 'sec-malmquist']));
    expect(await drawAllCharts(page)).toBeGreaterThan(0); // charts are drawn as they scroll into view
    await page.waitForFunction(() => document.querySelectorAll('#sec-malmquist [data-chart] canvas').length > 0);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, '2-results.png'), fullPage: true });

    // Export the bundle and the spec; the CLI on the exported spec gives the same results.json.
    const [bundleDl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('#export-bundle')]);
    const bundle = unzipSync(new Uint8Array(readFileSync(await bundleDl.path())));
    const [specDl] = await Promise.all([page.waitForEvent('download'), page.click('#export-spec')]);
    const specFiles = unzipSync(new Uint8Array(readFileSync(await specDl.path())));
    const specDir = join(work, 'spec');
    mkdirSync(specDir, { recursive: true });
    for (const [name, bytes] of Object.entries(specFiles)) writeFileSync(join(specDir, name), bytes);
    const cliOut = join(specDir, 'cli-bundle');
    const r = await runCli(['evaluate', join(specDir, 'spec.yaml'), '--out', cliOut, '--force', '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const webJson = strFromU8(bundle['results.json']);
    const cliJson = readFileSync(join(cliOut, 'results.json'), 'utf8');
    writeFileSync(join(out, 'web-results.json'), webJson);
    const web = JSON.parse(webJson);
    expect(web.sections.find((s: { kind: string }) => s.kind === 'dea').result.params).toMatchObject({ model: 'sbm', rts: 'vrs', orientation: 'out' });
    const cmp = compareJson(web, JSON.parse(cliJson));
    expect(cmp.problems.slice(0, 20)).toEqual([]);
    expect(cmp.differing.slice(0, 20)).toEqual([]);
    expect(webJson).toBe(cliJson);
    expect(errors).toEqual([]);
  }, 240_000);
});
