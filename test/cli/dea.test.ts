// `xinzhi dea` through the CLI (--format json) on every dea/ fixture, plus usage and data errors.
import { describe, expect, test } from 'vitest';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers.js';
import { FIXTURES, loadFixture, optionsFor, checkFixtureRows } from '../core/frontier/fixtures.js';

function argv(name: string): string[] {
  const fx = loadFixture(name);
  const o = optionsFor(fx) as Record<string, unknown>;
  const idCol = 'DMU';
  const args = ['dea', '--data', fx.csvPath, '--id', idCol, '--inputs', fx.inputs.join(','), '--outputs', fx.goods.join(','), '--format', 'json'];
  if (fx.bads.length) args.push('--undesirable', fx.bads.join(','));
  args.push('--model', String(o.model), '--rts', String(o.rts), '--slack-objective', 'raw');
  if (o.orientation && o.model !== 'additive' && o.model !== 'ddf') args.push('--orientation', String(o.orientation));
  if (o.super) args.push('--super');
  if (o.slack) args.push('--slack', String(o.slack));
  if (o.direction) args.push('--direction', String(o.direction));
  return args;
}

describe('xinzhi dea (CLI, --format json) reproduces the fixtures', () => {
  for (const name of FIXTURES) {
    test(name, async () => {
      const r = await runCli(argv(name));
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.method).toBe('dea');
      expect(out.card.conventions.solver).toMatch(/simplex/);
      checkFixtureRows(name, out.rows);
    });
  }

  test('cross-efficiency through the CLI', async () => {
    const fx = loadFixture('golany_roll_1989_cross_efficiency_io_crs');
    const r = await runCli(['dea', '--data', fx.csvPath, '--id', 'DMU', '--inputs', fx.inputs.join(','), '--outputs', fx.goods.join(','), '--model', 'cross', '--cross', 'aggressive', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    out.rows.forEach((row: { efficiency: number }, k: number) => expect(Math.abs(row.efficiency - fx.json.efficiency[k])).toBeLessThan(1e-8));
  });
});

describe('xinzhi dea errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xinzhi-dea-'));
  test('negative input: data error naming DMU and column (exit 2)', async () => {
    const f = join(dir, 'neg.csv');
    writeFileSync(f, 'DMU,x,y\nA,1,2\nB,-3,4\nC,2,2\n');
    const r = await runCli(['dea', '--data', f, '--id', 'DMU', '--inputs', 'x', '--outputs', 'y', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/B/);
    expect(r.stderr).toMatch(/"x"/);
  });
  test('missing --inputs: usage error (exit 1)', async () => {
    const f = join(dir, 'ok.csv');
    writeFileSync(f, 'DMU,x,y\nA,1,2\nB,3,4\n');
    const r = await runCli(['dea', '--data', f, '--id', 'DMU', '--outputs', 'y']);
    expect(r.code).toBe(1);
  });
  test('infeasible super-efficiency rows are kept with status infeasible and null scores', async () => {
    const fx = loadFixture('fried1993_supereff_bcc_oo');
    const r = await runCli(['dea', '--data', fx.csvPath, '--id', 'DMU', '--inputs', fx.inputs.join(','), '--outputs', fx.goods.join(','), '--rts', 'vrs', '--orientation', 'out', '--super', '--format', 'json']);
    const out = JSON.parse(r.stdout);
    expect(out.rows.length).toBe(11);
    const inf = out.rows.filter((x: { status: string }) => x.status === 'infeasible').map((x: { id: string }) => x.id);
    expect(inf).toEqual(['Unit 1', 'Unit 6']);
    expect(out.rows.find((x: { id: string }) => x.id === 'Unit 1').efficiency).toBeNull();
    expect(out.summary.statusCounts.infeasible).toBe(2);
  });
  test('panel: each period against its own frontier, or pooled', async () => {
    const f = join(dir, 'panel.csv');
    writeFileSync(f, 'DMU,year,x,y\nA,2020,2,1\nB,2020,4,4\nA,2021,2,2\nB,2021,4,2\n');
    const per = JSON.parse((await runCli(['dea', '--data', f, '--id', 'DMU', '--period', 'year', '--inputs', 'x', '--outputs', 'y', '--format', 'json'])).stdout);
    expect(per.rows.map((x: { id: string; period: number }) => `${x.id}${x.period}`)).toEqual(['A2020', 'B2020', 'A2021', 'B2021']);
    expect(per.rows.map((x: { efficiency: number }) => x.efficiency)).toEqual([0.5, 1, 1, 0.5]);
    const pooled = JSON.parse((await runCli(['dea', '--data', f, '--id', 'DMU', '--period', 'year', '--inputs', 'x', '--outputs', 'y', '--frontier', 'pooled', '--format', 'json'])).stdout);
    expect(pooled.rows.map((x: { efficiency: number }) => x.efficiency)).toEqual([0.5, 1, 1, 0.5]);
    expect(Object.keys(pooled.rows[0].lambdas)[0]).toMatch(/@/);
  });
});
