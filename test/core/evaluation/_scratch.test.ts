import { test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseSpec } from '../../../src/core/evaluation/validate.js';
import { runEvaluation } from '../../../src/core/evaluation/run.js';
import { loadPanelForCli } from '../../../src/cli/load.js';
test('scratch', async () => {
  let t0 = Date.now();
  const parsed = parseSpec(readFileSync('/tmp/pwt-test.yaml', 'utf8'), 'x.yaml');
  const ctx: any = { cwd: '/tmp', env: {}, isTTY: false, stdout: () => {}, stderr: () => {} };
  const { panel } = await loadPanelForCli({ data: 'pwt', id: 'isocode', period: 'year' }, ctx, { labels: ['country'] });
  console.log('load', Date.now() - t0); t0 = Date.now();
  const groups: Record<string, string> = {};
  for (const l of readFileSync('/work/main/data/world-regions.csv', 'utf8').trim().split('\n').slice(1)) { const c = l.split(','); groups[c[0]] = c[3]; }
  let last = Date.now(); let lastId = '';
  const res = await runEvaluation(parsed, { panel, groups, onProgress: (s) => { console.log(lastId, Date.now() - last); last = Date.now(); lastId = s.id; } });
  console.log(lastId, Date.now() - last);
  console.log('run', Date.now() - t0);
  console.log(JSON.stringify(res.sections.find(s => s.id === 'malmquist')!.result.summary).slice(0, 1500));
});
import { tablesToDocx } from '../../../src/report/docx.js';
import { tablesToWorkbook } from '../../../src/report/xlsx.js';
import { reportHtml } from '../../../src/report/html.js';
import { resultsJson } from '../../../src/report/bundle.js';
test('bundle timing', async () => {
  const parsed = parseSpec(readFileSync('/tmp/pwt-test.yaml', 'utf8'), 'x.yaml');
  const ctx: any = { cwd: '/tmp', env: {}, isTTY: false, stdout: () => {}, stderr: () => {} };
  const { panel } = await loadPanelForCli({ data: 'pwt', id: 'isocode', period: 'year' }, ctx, { labels: ['country'] });
  const groups: Record<string, string> = {};
  for (const l of readFileSync('/work/main/data/world-regions.csv', 'utf8').trim().split('\n').slice(1)) { const c = l.split(','); groups[c[0]] = c[3]; }
  const res = await runEvaluation(parsed, { panel, groups });
  let t = Date.now();
  const j = resultsJson(res); console.log('json', Date.now() - t, j.length); t = Date.now();
  await tablesToDocx(res.tables, 'en', 4, 'x'); console.log('docx', Date.now() - t); t = Date.now();
  await tablesToWorkbook(res.tables, 'en', 4); console.log('xlsx', Date.now() - t); t = Date.now();
  reportHtml(res, { echarts: readFileSync('node_modules/echarts/dist/echarts.min.js', 'utf8') }); console.log('html', Date.now() - t); t = Date.now();
  console.log(res.tables.map(t => `${t.id}:${t.rows.length}x${t.columns.length}`).join(' '));
});
