// Messy-data review of the features added with the China base map, tfp.dea, Malmquist bias and α by regression:
// each case is an input a user can write that used to end in an empty section, a meaningless number or a
// misleading message; now it is a DataError/spec issue naming the file, key or ids and what to do.
import { describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, sharedPath } from '../helpers.js';

const root = mkdtempSync(join(tmpdir(), 'xinzhi-review-'));
const GTFPCH = readFileSync(sharedPath('fixtures', 'gtfpch', 'example.csv'), 'utf8').trim().split(/\r?\n/);
const INDEX = readFileSync(sharedPath('fixtures', 'index', 'data', 'index_panel.csv'), 'utf8').trim().split(/\r?\n/);
const FW = join(root, 'fw.yaml');
writeFileSync(FW, `framework: review
dimensions:
  - key: tech
    indicators:
      - { key: researcher_fte, direction: "+" }
      - { key: rd_intensity, direction: "+" }
  - key: agri
    indicators:
      - { key: pesticide_use, direction: "-" }
      - { key: agri_machinery_power, direction: "+" }
`);

/** A CSV in the scratch folder from a header and rows. */
function csv(name: string, lines: string[]): string {
  const f = join(root, name);
  writeFileSync(f, lines.join('\n') + '\n');
  return f;
}

let n = 0;
async function evaluate(data: string, id: string, body: string): Promise<{ code: number; stderr: string; out: string }> {
  const spec = join(root, `spec${++n}.yaml`);
  const out = join(root, `out${n}`);
  writeFileSync(spec, `xinzhi: 1\ndata:\n  file: ${JSON.stringify(data)}\n  id: ${id}\n  period: year\n${body}output:\n  formats: [json]\n`);
  const r = await runCli(['evaluate', spec, '--out', out, '--quiet']);
  return { code: r.code, stderr: r.stderr, out };
}

const onePeriod = () => csv('one-period.csv', [GTFPCH[0], ...GTFPCH.slice(1).filter((l) => l.includes(',2013,'))]);

describe('Malmquist on a single period', () => {
  test('xinzhi malmquist (with --bias): a DataError naming the file, not an empty result', async () => {
    const f = onePeriod();
    for (const extra of [[], ['--bias']]) {
      const r = await runCli(['malmquist', '--data', f, '--id', 'Province', '--period', 'year', '--inputs', 'K,L', '--outputs', 'Y', ...extra, '--format', 'json']);
      expect(r.code, r.stdout).toBe(2);
      expect(r.stderr).toMatch(/one-period\.csv/);
      expect(r.stderr).toMatch(/one period \(2013\)/);
    }
  });

  test('tfp.malmquist: a spec issue for one-period data and for a range holding one period', async () => {
    const a = await evaluate(onePeriod(), 'Province', 'tfp:\n  malmquist:\n    inputs: [K, L]\n    outputs: [Y]\n    bias: true\n');
    expect(a.code).toBe(1);
    expect(a.stderr).toMatch(/tfp\.malmquist: the Malmquist index compares adjacent periods/);
    const full = sharedPath('fixtures', 'gtfpch', 'example.csv');
    const b = await evaluate(full, 'Province', 'tfp:\n  malmquist:\n    inputs: [K, L]\n    outputs: [Y]\n    periods: {from: 2015, to: 2020}\n');
    expect(b.code).toBe(1);
    expect(b.stderr).toMatch(/tfp\.malmquist\.periods: .*one period \(2015\)/);
  });
});

describe('tfp.dea period range outside the data', () => {
  test('a spec issue, not an empty section', async () => {
    const r = await evaluate(sharedPath('fixtures', 'gtfpch', 'example.csv'), 'Province', 'tfp:\n  dea:\n    inputs: [K, L]\n    outputs: [Y]\n    periods: {from: 2020, to: 2030}\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/tfp\.dea\.periods: the range 2020–2030 holds no period of the sample \(2013–2015\)/);
  });
});

describe('α by within regression', () => {
  test('K proportional to L in every unit: a DataError, not α ≈ 1e14', async () => {
    const [head, ...rows] = GTFPCH;
    const f = csv('const-kl.csv', [head, ...rows.map((l) => { const c = l.split(','); c[2] = String(3 * Number(c[3])); return c.join(','); })]);
    const r = await runCli(['tfp', 'growth', '--method', 'solow', '--output', 'Y', '--capital', 'K', '--labor', 'L', '--alpha', 'regression:within', '--data', f, '--id', 'Province', '--period', 'year', '--format', 'json']);
    expect(r.code, r.stdout.slice(0, 300)).toBe(2);
    expect(r.stderr).toMatch(/const-kl\.csv/);
    expect(r.stderr).toMatch(/does not vary within any unit/);
    const ev = await evaluate(f, 'Province', 'tfp:\n  growth:\n    method: solow\n    output: Y\n    capital: K\n    labor: L\n    alphaRegression: within\n');
    expect(ev.code).toBe(2);
    expect(ev.stderr).toMatch(/does not vary within any unit/);
  });

  test('one period: the within estimator says why it cannot run', async () => {
    const r = await runCli(['tfp', 'growth', '--method', 'solow', '--output', 'Y', '--capital', 'K', '--labor', 'L', '--alpha', 'regression:within', '--data', onePeriod(), '--id', 'Province', '--period', 'year', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/one-period\.csv.*within estimator needs units observed in more than one period/s);
  });
});

describe('spatial weights on provinces mixed with other units', () => {
  const bj = INDEX.slice(1).filter((l) => l.startsWith('北京,'));
  for (const [name, extra, want] of [
    ['全国', bj.map((l) => l.replace(/^北京/, '全国')), /not provinces: 全国/],
    ['a city', bj.map((l) => l.replace(/^北京/, '深圳市')), /not provinces: 深圳市/],
    ['a second spelling', bj.map((l) => l.replace(/^北京/, 'Beijing')), /a province named twice: Beijing/],
  ] as const) {
    test(`${name}: the issue names the ids and suggests data.exclude`, async () => {
      const f = csv(`mixed-${n}.csv`, [...INDEX, ...extra]);
      const r = await evaluate(f, 'province', `index:\n  framework: ${JSON.stringify(FW)}\nanalyses:\n  moran: {of: index}\n`);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(want);
      expect(r.stderr).toMatch(/data\.exclude/);
      expect(r.stderr).not.toMatch(/no coordinates/);
    });
  }
});

describe('the China base map with ids that are not all provinces', () => {
  const bj = INDEX.slice(1).filter((l) => l.startsWith('北京,'));
  const withNation = () => csv('with-nation.csv', [...INDEX, ...bj.map((l) => l.replace(/^北京/, '全国'))]);
  const idx = `index:\n  framework: ${JSON.stringify(FW)}\n`;
  const warningsOf = (out: string) => JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')).warnings as { code: string; message: string }[];

  test('data.exclude: [全国] draws the China map (the map is chosen on the kept ids)', async () => {
    const spec = join(root, 'exclude.yaml');
    const out = join(root, 'exclude-out');
    writeFileSync(spec, `xinzhi: 1\ndata:\n  file: ${JSON.stringify(withNation())}\n  id: province\n  period: year\n  exclude: [全国]\n${idx}output:\n  formats: [json, html]\n`);
    const e = await runCli(['evaluate', spec, '--out', out, '--quiet']);
    expect(e.code, e.stderr).toBe(0);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('"map":"china"');
    expect(warningsOf(out).filter((w) => w.code.startsWith('map-'))).toEqual([]);
  });

  test('no map chosen and a 全国 row: a warning says why no map is drawn', async () => {
    const r = await evaluate(withNation(), 'province', idx);
    expect(r.code, r.stderr).toBe(0);
    const w = warningsOf(r.out).find((x) => x.code === 'map-mixed-ids');
    expect(w?.message).toMatch(/1 is not a province \(全国\).*data\.exclude/);
  });

  test('output.map: china on ISO3 ids or with 全国: a warning names the ids left off the map', async () => {
    const spec = join(root, 'iso.yaml');
    const iso = csv('iso.csv', [INDEX[0], ...INDEX.slice(1).filter((l) => /^(北京|上海),/.test(l)).map((l) => l.replace(/^北京/, 'USA').replace(/^上海/, 'CHN'))]);
    for (const [data, want] of [[withNation(), /1 is not a province \(全国\): they are left off the map/], [iso, /2 are not provinces \(USA, CHN\): the map is empty/]] as const) {
      const out = join(root, `map-${++n}`);
      writeFileSync(spec, `xinzhi: 1\ndata:\n  file: ${JSON.stringify(data)}\n  id: province\n  period: year\n${idx}output:\n  formats: [json]\n  map: china\n`);
      const r = await runCli(['evaluate', spec, '--out', out, '--quiet']);
      expect(r.code, r.stderr).toBe(0);
      expect(warningsOf(out).find((x) => x.code === 'map-not-provinces')?.message).toMatch(want);
    }
  });
});

describe('Malmquist (with bias) across a missing year', () => {
  test('a period-gap warning names the span, and the rows keep from/to', async () => {
    // 2013, 2014, then 2016 (2015 relabelled): the steps are 1 and 2 years.
    const f = csv('gap.csv', [GTFPCH[0], ...GTFPCH.slice(1).map((l) => l.replace(',2015,', ',2016,'))]);
    const r = await runCli(['malmquist', '--data', f, '--id', 'Province', '--period', 'year', '--inputs', 'K,L', '--outputs', 'Y', '--bias', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const res = JSON.parse(r.stdout);
    expect(res.warnings.find((w: { code: string }) => w.code === 'period-gap')?.message).toMatch(/not evenly spaced \(2014→2016\)/);
    expect(res.rows.length).toBe(60);
    expect(res.rows.filter((x: { from: number; to: number }) => x.from === 2014 && x.to === 2016).length).toBe(30);
    const ok = await runCli(['malmquist', '--data', sharedPath('fixtures', 'gtfpch', 'example.csv'), '--id', 'Province', '--period', 'year', '--inputs', 'K,L', '--outputs', 'Y', '--bias', '--format', 'json']);
    expect(JSON.parse(ok.stdout).warnings.map((w: { code: string }) => w.code)).not.toContain('period-gap');
  });
});

describe('SAR and Taiwan spellings on the China map', () => {
  test('SAR suffixes and traditional characters are recognised', async () => {
    const { provinceCode, baseMapName } = await import('../../src/report/base-map.js');
    for (const [id, code] of [['Hong Kong SAR', '81'], ['香港特別行政區', '81'], ['HKSAR', '81'], ['澳門', '82'], ['Macau SAR', '82'], ['臺灣', '71'], ['Taiwan Province', '71']] as const) expect(provinceCode(id), id).toBe(code);
    expect(baseMapName({}, { ids: ['北京', 'Guangdong', 'Hong Kong SAR', '澳門'] })).toBe('china');
  });
});

describe('tfp.dea super-SBM: every inefficient unit scores 1 under δ*', () => {
  const data = sharedPath('fixtures', 'gtfpch', 'example.csv');
  const block = (extra: string) => `tfp:\n  dea:\n    inputs: [K, L]\n    outputs: [Y]\n    model: sbm\n    super: true\n${extra}`;
  const load = (out: string) => JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));

  test('the default (delta, as xinzhi dea) warns; superScore: composite equals --super-score composite', async () => {
    const a = await evaluate(data, 'Province', block(''));
    expect(a.code, a.stderr).toBe(0);
    const sa = load(a.out).sections.find((s: { kind: string }) => s.kind === 'dea');
    expect(sa.result.warnings.map((w: { code: string }) => w.code)).toContain('super-sbm-delta');
    const b = await evaluate(data, 'Province', block('    superScore: composite\n'));
    expect(b.code, b.stderr).toBe(0);
    const res = load(b.out);
    const sb = res.sections.find((s: { kind: string }) => s.kind === 'dea');
    expect(sb.result.warnings.map((w: { code: string }) => w.code)).not.toContain('super-sbm-delta');
    const cli = await runCli(['dea', '--data', data, '--id', 'Province', '--period', 'year', '--inputs', 'K,L', '--outputs', 'Y', '--model', 'sbm', '--super', '--super-score', 'composite', '--format', 'json']);
    expect(cli.code, cli.stderr).toBe(0);
    const want = JSON.parse(cli.stdout).rows;
    const table = res.tables.find((t: { id: string }) => t.id === 'dea');
    expect(table.rows.map((r: { efficiency: number }) => r.efficiency)).toEqual(want.map((r: { efficiency: number }) => r.efficiency));
    const per = res.tables.find((t: { id: string }) => t.id === 'dea-periods');
    expect(per.rows.every((r: { share: number }) => r.share < 1)).toBe(true);
  });

  test('superScore without super-SBM is a spec issue', async () => {
    const r = await evaluate(data, 'Province', 'tfp:\n  dea:\n    inputs: [K, L]\n    outputs: [Y]\n    super: true\n    superScore: composite\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/tfp\.dea\.superScore: superScore applies to super-SBM/);
  });
});
