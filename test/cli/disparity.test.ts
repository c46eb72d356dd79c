import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, readJson, expectClose } from '../helpers.js';
import { writeScoresCsv } from '../core/disparity/index-fixture.js';

let dir: string;
let csv: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xinzhi-disparity-'));
  csv = writeScoresCsv(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base = () => ['--data', csv, '--id', 'province', '--period', 'year', '--value', 'score', '--format', 'json'];

describe('xinzhi disparity (CLI, --format json)', () => {
  it('dagum reproduces dagum_gini_region4.json at 1e-9', async () => {
    const fx = readJson('fixtures/index/expected/dagum_gini_region4.json');
    const r = await runCli(['disparity', 'dagum', ...base(), '--group', 'region4']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout);
    expect(res.method).toBe('dagum');
    expect(res.rows).toHaveLength(6);
    for (const row of res.rows) {
      const e = fx.result.by_year[String(row.period)];
      for (const k of ['G', 'Gw', 'Gnb', 'Gt', 'share_w', 'share_nb', 'share_t']) expectClose(row[k], e[k], 1e-9, 0, `${row.period} ${k}`);
      expect(row.groupOrder).toEqual(e.groups_by_ascending_mean);
      for (const [key, ep] of Object.entries<any>(e.pairs)) {
        for (const k of ['G_jh', 'D_jh', 'd_jh', 'p_jh', 'contribution_nb', 'contribution_t']) expectClose(row.between[key][k], ep[k], 1e-9, 0, `${key} ${k}`);
      }
      for (const [g, eg] of Object.entries<any>(e.group)) expectClose(row.within[g].G_jj, eg.G_jj, 1e-9, 0, `${g} G_jj`);
    }
  });

  it('theil reproduces theil_region4.json at 1e-9', async () => {
    const fx = readJson('fixtures/index/expected/theil_region4.json');
    const r = await runCli(['disparity', 'theil', ...base(), '--group', 'region4']);
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout);
    for (const row of res.rows) {
      const e = fx.result.by_year[String(row.period)];
      expectClose(row.theil, e.T, 1e-9, 0, 'T');
      expectClose(row.within, e.T_within, 1e-9, 0, 'Tw');
      expectClose(row.between, e.T_between, 1e-9, 0, 'Tb');
      for (const [g, eg] of Object.entries<any>(e.group)) expectClose(row.groups[g].theil_g, eg.T_g, 1e-9, 0, `${g} T_g`);
    }
  });

  it('gini and cv per period; --periods selects years', async () => {
    const fx = readJson('fixtures/index/expected/dagum_gini_region4.json');
    const r = await runCli(['disparity', 'gini', ...base(), '--periods', '2019:2020']);
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout);
    expect(res.rows.map((x: any) => x.period)).toEqual([2019, 2020]);
    for (const row of res.rows) expectClose(row.G, fx.result.by_year[String(row.period)].G, 1e-9, 0, 'G');
    const cv = JSON.parse((await runCli(['disparity', 'cv', ...base(), '--sample'])).stdout);
    const conv = readJson('fixtures/index/expected/convergence.json').result.sigma;
    for (const row of cv.rows) expectClose(row.cv, conv[String(row.period)].cv_sample, 1e-9, 0, 'cv');
  });

  it('errors: unknown group column → data error exit 2 naming it; bad --index → usage error exit 1', async () => {
    const r = await runCli(['disparity', 'dagum', ...base(), '--group', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope/);
    const u = await runCli(['disparity', 'theil', ...base(), '--index', 'X']);
    expect(u.code).toBe(1);
    expect(u.stderr).toMatch(/--index/);
  });
});
