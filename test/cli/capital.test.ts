import { describe, expect, test, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, expectClose } from '../helpers.js';
import { writeDta } from '../../src/io/dta.js';

// The hand-checked example of test/core/panel/capital-stock.test.ts, through the CLI.
const steady = [50000 / 73, 52719 / 73, 6942747 / 9125, 912280411 / 1140625, 119911905193 / 142578125, 4051115056313729 / 4562500000000];
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xinzhi-capital-'));
  const lines = ['province,year,inv,price'];
  const nominal = [100, 105.06, 113.4, 123.2, 141.6, 159.5351953125];
  const index = [100, 102, 105, 110, 120, 125];
  nominal.forEach((v, t) => lines.push(`北京,${2000 + t},${v},${index[t]}`));
  [NaN, NaN, 50, 55, 60, 66].forEach((v, t) => lines.push(`重庆,${2000 + t},${Number.isNaN(v) ? '' : v},${index[t]}`));
  writeFileSync(join(dir, 'inv.csv'), lines.join('\n') + '\n');
  writeFileSync(join(dir, 'neg.csv'), 'province,year,inv\nA,2000,100\nA,2001,-5\nA,2002,120\n');
  writeFileSync(join(dir, 'inv.dta'), writeDta({
    header: ['province', 'year', 'inv', 'price'],
    columns: [['北京', '北京', '北京', '北京', '北京', '北京'], [2000, 2001, 2002, 2003, 2004, 2005], nominal, index],
  }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('xinzhi capital', () => {
  test('--format json gives the Result with the hand-checked values (1e-12)', async () => {
    const r = await runCli(['capital', '--data', 'inv.csv', '--id', 'province', '--period', 'year', '--investment', 'inv', '--deflator', 'price', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout);
    expect(res.method).toBe('capital-stock');
    const bj = res.rows.filter((x: { id: string }) => x.id === '北京');
    bj.forEach((row: { capital: number }, t: number) => expectClose(row.capital, steady[t], 1e-12, 0, `K ${t}`));
    expect(res.rows[0]).toMatchObject({ id: '北京', period: 2000 });
    expect(res.rows[1]).toMatchObject({ id: '重庆', period: 2000, capital: null, status: 'insufficient_data' });
    expect(res.card.conventions).toMatchObject({ delta: 0.096, base: 'steady', growthYears: 5, priceBase: 2000 });
    expect(res.card.data[0].source).toBe('inv.csv');
  });

  test('options: --base ratio --delta --growth-years; a .dta input', async () => {
    const r = await runCli(['capital', '--data', 'inv.dta', '--id', 'province', '--period', 'year', '--investment', 'inv', '--deflator', 'price', '--base', 'ratio', '--delta', '0.1', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout);
    expect(res.rows[0].capital).toBe(1000);
    expectClose(res.rows[1].capital, 900 + 103, 1e-12, 0, 'K1');
    expect(res.card.conventions.ratio).toBe(0.1);
    const g = await runCli(['capital', '--data', 'inv.dta', '--id', 'province', '--period', 'year', '--investment', 'inv', '--deflator', 'price', '--growth-years', '2', '--format', 'json'], { cwd: dir });
    const gg = Math.sqrt(1.08) - 1;
    expectClose(JSON.parse(g.stdout).rows[0].capital, 100 / (gg + 0.096), 1e-12, 0, 'K0 N=2');
  });

  test('errors: negative investment exits 2 naming id and period; bad option exits 1', async () => {
    const r = await runCli(['capital', '--data', 'neg.csv', '--id', 'province', '--period', 'year', '--investment', 'inv', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/negative-investment/);
    expect(r.stderr).toMatch(/id A, period 2001/);
    const u = await runCli(['capital', '--data', 'inv.csv', '--id', 'province', '--period', 'year', '--investment', 'inv', '--base', 'zero'], { cwd: dir });
    expect(u.code).toBe(1);
    expect(u.stderr).toMatch(/--base must be steady or ratio/);
  });

  test('--format csv has the row fields id, period, capital', async () => {
    const r = await runCli(['capital', '--data', 'inv.csv', '--id', 'province', '--period', 'year', '--investment', 'inv', '--deflator', 'price', '--format', 'csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^id,period,capital,investmentReal,status/);
  });
});
