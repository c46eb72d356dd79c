import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, readJson, expectClose } from '../helpers.js';

// gm11_national_patents fixture through the CLI (--format json): 1e-9 relative; P exact.
const fx = readJson('fixtures/index/expected/gm11_national_patents.json');
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xinzhi-gm-'));
  const lines = ['region,year,patents', ...fx.input.years.map((y: number, k: number) => `全国,${y},${fx.input.x0[k]}`)];
  lines.push('甲,2015,1', '甲,2016,2', '甲,2017,3');
  writeFileSync(join(dir, 'patents.csv'), lines.join('\n') + '\n');
});

describe('xinzhi forecast gm11', () => {
  it('matches the fixture: a, b, fitted, forecasts, C, P, grade', async () => {
    const r = await runCli(['forecast', 'gm11', '--data', join(dir, 'patents.csv'), '--id', 'region', '--period', 'year', '--value', 'patents', '--horizon', '3', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const row = out.rows.find((x: any) => x.id === '全国');
    const R = fx.result;
    expectClose(row.a, R.a, 1e-9, 0, 'a');
    expectClose(row.b, R.b, 1e-9, 0, 'b');
    R.fitted.forEach((v: number, k: number) => expectClose(row.fitted[k], v, 1e-9, 0, `fitted ${k}`));
    Object.values(R.forecast).forEach((v, k) => expectClose(row.forecast[k], v as number, 1e-9, 0, `forecast ${k}`));
    expect(row.forecastPeriods).toEqual([2021, 2022, 2023]);
    expectClose(row.C, R.posterior_k2n.C, 1e-9, 0, 'C (k = 2..n)');
    expect(row.P).toBe(R.posterior_k2n.P);
    expectClose(row.posterior.k1n.C, R.posterior_k1n.C, 1e-9, 0, 'C k1n');
    expectClose(row.posterior.k1n.CSample, R.posterior_k1n.C_sample_sd, 1e-9, 0, 'C k1n sample');
    expect(row.grade).toBe(1);
    expectClose(row.meanRelativeError, R.mean_relative_error_k2n, 1e-9, 0, 'MRE');
    expect(row.levelRatioPass).toBe(true);
    const short = out.rows.find((x: any) => x.id === '甲');
    expect(short.status).toBe('insufficient_data');
    expect(short.a).toBeNull();
  });
  it('--include-first selects C over k = 1..n; default horizon 5', async () => {
    const out = JSON.parse((await runCli(['forecast', 'gm11', '--data', join(dir, 'patents.csv'), '--id', 'region', '--period', 'year', '--value', 'patents', '--include-first', '--units', '全国', '--format', 'json'])).stdout);
    expect(out.rows.length).toBe(1);
    expectClose(out.rows[0].C, fx.result.posterior_k1n.C, 1e-9, 0, 'C');
    expect(out.rows[0].forecast.length).toBe(5);
  });
  it('usage errors exit 1', async () => {
    expect((await runCli(['forecast', 'gm11', '--data', join(dir, 'patents.csv'), '--id', 'region', '--period', 'year', '--value', 'patents', '--horizon', '-2'])).code).toBe(1);
    expect((await runCli(['forecast', 'gm11', '--data', join(dir, 'patents.csv'), '--id', 'region', '--period', 'year'])).code).toBe(1);
  });
});
