// xinzhi malmquist --bias: the rows equal the library's, refused combinations exit 1 with the reason, and
// `xinzhi evaluate` with tfp.malmquist.bias gives the CLI's numbers (gtfpch example: 30 provinces × 2013–2015).
import { describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, sharedPath } from '../helpers.js';

const DATA = sharedPath('fixtures', 'gtfpch', 'example.csv');
const base = ['malmquist', '--data', DATA, '--id', 'Province', '--period', 'year', '--inputs', 'K,L,E', '--outputs', 'Y'];

describe('xinzhi malmquist --bias', () => {
  test('adds matech, obtech, ibtech with techch = their product; summaries and card carry them', async () => {
    const r = await runCli([...base, '--bias', '--rts', 'vrs', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.rows.length).toBe(60);
    for (const row of out.rows) {
      expect(row.status).toBe('ok');
      expect(Math.abs(row.matech * row.obtech * row.ibtech - row.techch)).toBeLessThanOrEqual(1e-12 * row.techch);
      expect(row.pech).toBeTypeOf('number');
    }
    for (const key of ['byPeriod', 'byId', 'cumulative']) {
      for (const e of out.summary[key]) for (const f of ['matech', 'obtech', 'ibtech']) expect(e[f], `${key} ${f}`).toBeTypeOf('number');
    }
    expect(out.card.conventions.bias).toMatch(/MATECH·OBTECH·IBTECH/);
    expect(out.params.bias).toBe(true);
  });

  test('the table output names the columns', async () => {
    const r = await runCli([...base, '--bias', '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/matech.*obtech.*ibtech/);
  });

  test.each([
    [['--index', 'ml', '--undesirable', 'CO2'], /radial Malmquist/],
    [['--rts', 'vrs', '--distance-rts', 'vrs'], /CRS distances/],
    [['--frontier', 'biennial'], /adjacent-period/],
  ])('refuses %j (exit 1)', async (extra, msg) => {
    const r = await runCli([...base, '--bias', ...extra, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(msg);
  });

  test('xinzhi evaluate with tfp.malmquist.bias equals the CLI', async () => {
    const root = mkdtempSync(join(tmpdir(), 'xinzhi-mq-bias-'));
    const spec = join(root, 'spec.yaml');
    writeFileSync(spec, `xinzhi: 1\ndata:\n  file: ${JSON.stringify(DATA)}\n  id: Province\n  period: year\ntfp:\n  malmquist:\n    inputs: [K, L, E]\n    outputs: [Y]\n    frontier: sequential\n    bias: true\noutput:\n  formats: [json]\n`);
    const e = await runCli(['evaluate', spec, '--out', join(root, 'out'), '--quiet']);
    expect(e.code, e.stderr).toBe(0);
    const results = JSON.parse(readFileSync(join(root, 'out', 'results.json'), 'utf8'));
    const s = results.sections.find((x: any) => x.kind === 'malmquist');
    const r = await runCli([...base, '--frontier', 'sequential', '--bias', '--format', 'json']);
    const cli = JSON.parse(r.stdout);
    expect(s.result.rows.length).toBe(cli.rows.length);
    s.result.rows.forEach((row: any, k: number) => {
      for (const f of ['tfpch', 'techch', 'matech', 'obtech', 'ibtech']) expect(Math.abs(row[f] - cli.rows[k][f])).toBeLessThanOrEqual(1e-12 * Math.abs(cli.rows[k][f]));
    });
    const units = results.tables.find((t: any) => t.id === 'malmquist-units');
    expect(units.columns.map((c: any) => c.key)).toEqual(expect.arrayContaining(['matech', 'obtech', 'ibtech']));
  }, 60_000);
});
