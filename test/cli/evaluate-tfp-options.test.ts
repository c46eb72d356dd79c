// xinzhi evaluate with tfp.dea and the Malmquist family options: the bundle's numbers equal what `xinzhi dea` and
// `xinzhi malmquist` give on the same data (gtfpch example: 30 provinces × 2013–2015) to 1e-12, the series `dea`
// feeds later sections, the Stata references (teddf ex1, gtfpch ex3) hold at their 1e-6 tolerance, and a bundle
// with tfp.dea renders report.html, tables.docx and tables.tex.

import { describe, expect, test, beforeAll } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, sharedPath, expectClose } from '../helpers.js';

const DATA = sharedPath('fixtures', 'gtfpch', 'example.csv');
const root = mkdtempSync(join(tmpdir(), 'xinzhi-eval-tfp-'));
let counter = 0;

const head = `xinzhi: 1
data:
  file: ${JSON.stringify(DATA)}
  id: Province
  period: year
`;

/** Run `xinzhi evaluate` on a spec (results.json only unless formats are given) and return results.json. */
async function evaluate(body: string, formats = '[json]'): Promise<{ results: any; dir: string }> {
  const dir = join(root, `run${++counter}`);
  const spec = join(root, `spec${counter}.yaml`);
  writeFileSync(spec, `${head}${body}output:\n  formats: ${formats}\n`);
  const r = await runCli(['evaluate', spec, '--out', dir, '--quiet']);
  expect(r.code, r.stderr).toBe(0);
  return { results: JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')), dir };
}

async function cliJson(argv: string[]): Promise<any> {
  const r = await runCli([...argv, '--data', DATA, '--id', 'Province', '--period', 'year', '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

const section = (res: any, kind: string) => res.sections.find((s: any) => s.kind === kind);
const tableOf = (res: any, id: string) => res.tables.find((t: any) => t.id === id);

function sameNumbers(got: unknown, exp: unknown, what: string): void {
  if (typeof exp === 'number') {
    expect(typeof got, what).toBe('number');
    expectClose(got as number, exp, 1e-12, 1e-12, what);
  } else if (Array.isArray(exp)) {
    expect(Array.isArray(got), what).toBe(true);
    expect((got as unknown[]).length, what).toBe(exp.length);
    exp.forEach((e, k) => sameNumbers((got as unknown[])[k], e, `${what}[${k}]`));
  } else if (exp && typeof exp === 'object') {
    expect(Object.keys(got as object).sort(), what).toEqual(Object.keys(exp).sort());
    for (const [k, e] of Object.entries(exp)) sameNumbers((got as any)[k], e, `${what}.${k}`);
  } else expect(got, what).toEqual(exp);
}

interface DeaCase { name: string; yaml: string; argv: string[] }
const DEA_CASES: DeaCase[] = [
  { name: 'defaults (radial CCR, input)', yaml: 'inputs: [K, L, E]\n    outputs: [Y]', argv: ['--inputs', 'K,L,E', '--outputs', 'Y'] },
  { name: 'radial VRS output, super (AP)', yaml: 'inputs: [K, L]\n    outputs: [Y]\n    rts: vrs\n    orientation: out\n    super: true', argv: ['--inputs', 'K,L', '--outputs', 'Y', '--rts', 'vrs', '--orientation', 'out', '--super'] },
  { name: 'SBM with CO2, VRS', yaml: 'inputs: [K, L, E]\n    outputs: [Y]\n    undesirable: [CO2]\n    model: sbm\n    rts: vrs', argv: ['--inputs', 'K,L,E', '--outputs', 'Y', '--undesirable', 'CO2', '--model', 'sbm', '--rts', 'vrs'] },
  { name: 'super-SBM, input, pooled frontier', yaml: 'inputs: [K, L]\n    outputs: [Y]\n    undesirable: [CO2]\n    model: sbm\n    orientation: in\n    super: true\n    frontier: pooled', argv: ['--inputs', 'K,L', '--outputs', 'Y', '--undesirable', 'CO2', '--model', 'sbm', '--orientation', 'in', '--super', '--frontier', 'pooled'] },
  { name: 'DDF green, NIRS', yaml: 'inputs: [K, L]\n    outputs: [Y]\n    undesirable: [CO2]\n    model: ddf\n    rts: nirs\n    direction: green', argv: ['--inputs', 'K,L', '--outputs', 'Y', '--undesirable', 'CO2', '--model', 'ddf', '--rts', 'nirs', '--direction', 'green'] },
  { name: 'NDDF graph', yaml: 'inputs: [K, L, E]\n    outputs: [Y]\n    undesirable: [CO2]\n    model: nddf\n    direction: graph', argv: ['--inputs', 'K,L,E', '--outputs', 'Y', '--undesirable', 'CO2', '--model', 'nddf', '--direction', 'graph'] },
];

describe('tfp.dea equals xinzhi dea', () => {
  for (const c of DEA_CASES) {
    test(c.name, async () => {
      const { results } = await evaluate(`tfp:\n  dea:\n    ${c.yaml}\n`);
      const cli = await cliJson(['dea', ...c.argv]);
      const s = section(results, 'dea');
      expect(s.of).toBe('dea');
      // The section keeps the core Result: rows, params and summary equal the CLI's to 1e-12.
      expect(s.result.rows.length).toBe(cli.rows.length);
      sameNumbers(s.result.rows, cli.rows, 'rows');
      sameNumbers(s.result.params, cli.params, 'params');
      expect(s.result.card.conventions).toEqual(cli.card.conventions);
      // The per-row table: one row per id-period, in the core's order, with the score and status.
      const t = tableOf(results, 'dea');
      expect(t.rows.length).toBe(cli.rows.length);
      const nddf = cli.params.model === 'nddf';
      cli.rows.forEach((r: any, k: number) => {
        const row = t.rows[k];
        expect([row.id, row.period, row.status]).toEqual([r.id, r.period, r.status]);
        const exp = nddf ? (typeof r.beta === 'number' ? 1 / (1 + r.beta) : null) : r.efficiency ?? null;
        if (exp === null) expect(row.efficiency).toBeNull();
        else expectClose(row.efficiency, exp, 1e-12, 0, `efficiency ${r.id} ${r.period}`);
        if (r.slacks) for (const [v, x] of Object.entries(r.slacks)) expectClose(row[`slack_${v}`], x as number, 1e-12, 1e-15, `slack ${v}`);
      });
      // Period means and share efficient, from the CLI rows.
      const per = tableOf(results, 'dea-periods');
      for (const row of per.rows) {
        const v = cli.rows.filter((r: any) => r.period === row.period).map((r: any) => (nddf ? (typeof r.beta === 'number' ? 1 / (1 + r.beta) : null) : r.efficiency)).filter((x: any) => typeof x === 'number');
        expect(row.n).toBe(v.length);
        expectClose(row.mean, v.reduce((a: number, b: number) => a + b, 0) / v.length, 1e-12, 0, `mean ${row.period}`);
        expect(row.efficient).toBe(v.filter((x: number) => x >= 1 - 1e-8).length);
      }
      // The series `dea` is described with the data (pooled mean over all scored unit-periods).
      const desc = section(results, 'data').result.rows.find((r: any) => r.variable === 'dea');
      const all = cli.rows.map((r: any) => (nddf ? (typeof r.beta === 'number' ? 1 / (1 + r.beta) : null) : r.efficiency)).filter((x: any) => typeof x === 'number');
      expect(desc.n).toBe(all.length);
      expectClose(desc.mean, all.reduce((a: number, b: number) => a + b, 0) / all.length, 1e-12, 0, 'pooled mean of dea');
    }, 60_000);
  }

  test('periods restrict the sample; other periods have no score', async () => {
    const { results } = await evaluate('tfp:\n  dea:\n    inputs: [K, L]\n    outputs: [Y]\n    periods: {from: 2014, to: 2015}\n');
    const rows = section(results, 'dea').result.rows;
    expect(new Set(rows.map((r: any) => r.period))).toEqual(new Set([2014, 2015]));
    const cli = await cliJson(['dea', '--inputs', 'K,L', '--outputs', 'Y']);
    // Period frontiers: the same LPs, on variables scaled by their means over 2014–2015 instead of 2013–2015, so
    // scores agree to rounding and slacks (zero in exact arithmetic) to 1e-9.
    const want = cli.rows.filter((r: any) => r.period >= 2014);
    expect(rows.length).toBe(want.length);
    rows.forEach((r: any, k: number) => {
      expect([r.id, r.period, r.status]).toEqual([want[k].id, want[k].period, want[k].status]);
      expectClose(r.efficiency, want[k].efficiency, 1e-10, 0, `efficiency ${r.id} ${r.period}`);
      for (const v of ['K', 'L', 'Y']) expectClose(r.slacks[v], want[k].slacks[v], 1e-9, 1e-9 * Math.max(1, Math.abs(want[k].targets[v])), `slack ${v}`);
    });
  });

  test('teddf ex1 (Stata): DDF graph direction with CO2, per year, to 1e-6', async () => {
    const { results } = await evaluate('tfp:\n  dea:\n    inputs: [K, L]\n    outputs: [Y]\n    undesirable: [CO2]\n    model: ddf\n    direction: graph\n');
    const lines = readFileSync(sharedPath('fixtures', 'gtfpch', 'ex1result.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
    const rows = section(results, 'dea').result.rows;
    expect(lines.length).toBe(rows.length);
    for (const l of lines) {
      const [, p, y, dv] = l.split(',').map((x) => x.replace(/"/g, ''));
      const row = rows.find((r: any) => r.id === p && r.period === Number(y));
      expectClose(row.beta, Number(dv), 1e-6, 1e-7, `β ${p} ${y}`);
    }
  });

  test('of: dea feeds analyses (kde, convergence)', async () => {
    const { results } = await evaluate('tfp:\n  dea:\n    inputs: [K, L]\n    outputs: [Y]\n    model: sbm\nanalyses:\n  convergence: {of: dea}\n');
    const conv = section(results, 'convergence');
    expect(conv.of).toBe('dea');
    expect(conv.ofLabel.en).toMatch(/DEA efficiency/);
  });
});

interface MqCase { name: string; yaml: string; argv: string[] }
const MQ_CASES: MqCase[] = [
  { name: 'malmquist VRS, distanceRts vrs (Benchmarking)', yaml: 'inputs: [K, L]\n    outputs: [Y]\n    rts: vrs\n    distanceRts: vrs', argv: ['--inputs', 'K,L', '--outputs', 'Y', '--rts', 'vrs', '--distance-rts', 'vrs'] },
  { name: 'malmquist VRS, Ray–Desli, output', yaml: 'inputs: [K, L]\n    outputs: [Y]\n    rts: vrs\n    decomposition: rd\n    orientation: out', argv: ['--inputs', 'K,L', '--outputs', 'Y', '--rts', 'vrs', '--decomposition', 'rd', '--orientation', 'out'] },
  { name: 'ml, direction output, same reference', yaml: 'inputs: [K, L]\n    outputs: [Y]\n    undesirable: [CO2]\n    index: ml\n    direction: output\n    sameReference: true', argv: ['--inputs', 'K,L', '--outputs', 'Y', '--undesirable', 'CO2', '--index', 'ml', '--direction', 'output', '--same-reference'] },
  { name: 'luenberger NDDF, green, sequential', yaml: 'inputs: [K, L, E]\n    outputs: [Y]\n    undesirable: [CO2]\n    index: luenberger\n    measure: nddf\n    direction: green\n    frontier: sequential', argv: ['--inputs', 'K,L,E', '--outputs', 'Y', '--undesirable', 'CO2', '--index', 'luenberger', '--measure', 'nddf', '--direction', 'green', '--frontier', 'sequential'] },
  { name: 'gml, graph direction', yaml: 'inputs: [K, L]\n    outputs: [Y]\n    undesirable: [CO2]\n    index: gml\n    direction: graph', argv: ['--inputs', 'K,L', '--outputs', 'Y', '--undesirable', 'CO2', '--index', 'gml', '--direction', 'graph'] },
];

describe('tfp.malmquist options equal xinzhi malmquist', () => {
  for (const c of MQ_CASES) {
    test(c.name, async () => {
      const { results } = await evaluate(`tfp:\n  malmquist:\n    ${c.yaml}\n`);
      const cli = await cliJson(['malmquist', ...c.argv]);
      const s = section(results, 'malmquist');
      sameNumbers(s.result.rows, cli.rows, 'rows');
      expect(s.result.card.conventions).toEqual(cli.card.conventions);
      sameNumbers(s.result.summary.cumulative, cli.summary.cumulative, 'cumulative');
      // The period table shows the index's own fields (Luenberger: additive ltfp = lec + ltc).
      const main = c.argv.includes('luenberger') ? 'ltfp' : 'tfpch';
      const periods = tableOf(results, 'malmquist-periods');
      expect(periods.columns.map((x: any) => x.key)).toContain(main);
      expect(periods.rows.length).toBe(cli.summary.byPeriod.length);
      periods.rows.forEach((row: any, k: number) => expectClose(row[main], cli.summary.byPeriod[k][main], 1e-12, 1e-12, `${main} ${row.period}`));
      if (main === 'ltfp') expect(periods.note.en).toContain('above 0');
    }, 60_000);
  }

  test('gtfpch ex3 (Stata): gml with CO2, to 1e-6', async () => {
    const { results } = await evaluate('tfp:\n  malmquist:\n    inputs: [K, L]\n    outputs: [Y]\n    undesirable: [CO2]\n    index: gml\n    direction: green\n');
    const rows = section(results, 'malmquist').result.rows;
    const lines = readFileSync(sharedPath('fixtures', 'gtfpch', 'ex3result.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
    for (const l of lines) {
      const f = l.split(',').map((x) => x.replace(/"/g, ''));
      const [from] = f[3].split('~').map(Number);
      const row = rows.find((r: any) => r.id === f[1] && r.from === from);
      expectClose(row.ML ?? row.tfpch, Number(f[4]), 1e-6, 0, `TFPCH ${f[1]} ${f[3]}`);
    }
  });
});

describe('a bundle with tfp.dea renders', () => {
  let dir = '';
  let results: any;
  beforeAll(async () => {
    const r = await evaluate('title: DEA bundle\ntfp:\n  dea:\n    inputs: [K, L, E]\n    outputs: [Y]\n    undesirable: [CO2]\n    model: sbm\n    super: true\n', '[json, csv, xlsx, docx, tex, html]');
    dir = r.dir;
    results = r.results;
  }, 60_000);

  test('report.html, tables.docx, tables.tex and the tables exist', () => {
    for (const f of ['report.html', 'tables.docx', 'tables.tex', 'results.xlsx', 'tables/dea.csv', 'tables/dea-units.csv', 'tables/dea-periods.csv']) expect(existsSync(join(dir, f)), f).toBe(true);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toMatch(/chart-dea-ranking/);
    expect(html).toMatch(/chart-dea-periods/);
    expect(readFileSync(join(dir, 'tables.tex'), 'utf8')).toMatch(/tab:dea-units/);
    const units = tableOf(results, 'dea-units');
    expect(units.rows[0].rank).toBe(1);
  });

  test('every number of the DEA section is traceable to results.json', () => {
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    const at = (path: string) => path.split('.').reduce((v: any, k) => v?.[k], results);
    const sec = html.slice(html.indexOf('id="sec-dea"'));
    const spans = [...sec.matchAll(/<span class="num" data-path="([^"]+)" data-v="([^"]+)"/g)];
    expect(spans.length).toBeGreaterThanOrEqual(4);
    for (const [, path, v] of spans) expect(at(path), path).toBe(Number(v));
    const json = (id: string) => JSON.parse(html.match(new RegExp(`<script type="application/json" id="${id}">([\\s\\S]*?)</script>`))![1]);
    const charts = json('xinzhi-charts') as { id: string; option: any }[];
    const refs = json('xinzhi-refs') as { id: string; refs: [string, number][] }[];
    const ids = ['chart-dea-ranking', 'chart-dea-periods', 'chart-dea-share'];
    for (const id of ids) {
      const k = charts.findIndex((c) => c.id === id);
      expect(k, id).toBeGreaterThanOrEqual(0);
      const allowed = new Set(refs[k].refs.map(([path, v]) => { expect(at(path), path).toBe(v); return v; }));
      const drawn = (charts[k].option.series as any[]).flatMap((x) => x.data).filter((x: unknown) => typeof x === 'number');
      expect(drawn.length, id).toBeGreaterThan(0);
      for (const v of drawn) expect(allowed.has(v), `${id} draws ${v}`).toBe(true);
    }
  });

  test('zh report', async () => {
    const { dir: d } = await evaluate('tfp:\n  dea:\n    inputs: [K, L]\n    outputs: [Y]\n', '[json, html, docx, tex]\n  language: zh');
    const html = readFileSync(join(d, 'report.html'), 'utf8');
    expect(html).toMatch(/效率/);
  });
});
