// xinzhi data inspect through the CLI (runCli, in process), and the shared loaders in src/cli/load.ts.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import ExcelJS from 'exceljs';
import { runCli, repoRoot } from '../helpers.js';
import { addDataOptions, addOutputOptions, loadPanelForCli } from '../../src/cli/load.js';
import { PWT_ATTRIBUTION } from '../../src/core/panel/pwt-attribution.js';
import { DataError, UsageError } from '../../src/core/errors.js';
import type { CliContext } from '../../src/cli/context.js';

const dir = mkdtempSync(join(tmpdir(), 'xinzhi-data-'));
const ctx: CliContext = { stdout: () => {}, stderr: () => {}, isTTY: false, cwd: dir, env: {} };

describe('xinzhi data inspect', () => {
  it('pwt --format json reports 182 economies, 1950–2017, 52 variables', async () => {
    const r = await runCli(['data', 'inspect', 'pwt', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout);
    expect(res.method).toBe('data-inspect');
    expect(res.summary).toMatchObject({ entities: 182, firstPeriod: 1950, lastPeriod: 2017, periods: 68, variables: 52, rows: 12376, balanced: true, duplicates: 0, encoding: 'utf-8', id: 'isocode', period: 'year' });
    expect(res.rows).toHaveLength(52);
    const rgdpe = res.rows.find((x: { column: string }) => x.column === 'rgdpe');
    expect(rgdpe).toMatchObject({ type: 'numeric', nonMissing: 9985, missing: 2391, status: 'ok' });
    expect(res.rows.find((x: { column: string }) => x.column === 'i_cig')).toMatchObject({ type: 'text', min: null, status: 'undefined' });
    expect(res.rows.find((x: { column: string }) => x.column === 'isocode').role).toBe('id');
    expect(res.card.data).toEqual([PWT_ATTRIBUTION]);
    expect(res.card.data[0].attribution).toMatch(/CC BY 4\.0/);
  });
  it('renders a readable table on a terminal', async () => {
    const r = await runCli(['data', 'inspect', 'pwt'], { isTTY: true });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Data inspection');
    expect(lines[1]).toMatch(/^column\s+role\s+type\s+nonMissing\s+missing\s+min\s+max/);
    expect(r.stdout).toContain('entities: 182');
    expect(r.stdout).toContain('firstPeriod: 1950');
  });
  it('reports duplicates, bad periods and blank ids without failing (no --variables)', async () => {
    writeFileSync(join(dir, 'd.csv'), 'id,year,x\nA,2015,1\nA,2015,2\nB,2016年,3\nC,2016Q1,4\n,2016,5\n');
    const r = await runCli(['data', 'inspect', 'd.csv', '--id', 'id', '--period', 'year', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout);
    expect(res.summary).toMatchObject({ entities: 2, periods: 2, duplicates: 1, balanced: false, blankIds: 1 });
    expect(res.summary.duplicateKeys).toEqual([{ id: 'A', period: 2015, rows: '2, 3' }]);
    expect(res.summary.badPeriods).toEqual([{ row: 5, text: '2016Q1' }]);
    expect(res.warnings.map((w: { code: string }) => w.code)).toEqual(['duplicate-key', 'missing-id', 'bad-period']);
  });
  it('with --variables builds the panel strictly: exit 2 naming file, row, column', async () => {
    writeFileSync(join(dir, 'b.csv'), 'id,year,x\nA,2015,1\nA,2016,abc\n');
    const r = await runCli(['data', 'inspect', 'b.csv', '--id', 'id', '--period', 'year', '--variables', 'x'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('data error [bad-number]: b.csv, row 3, column "x"');
    expect(r.stderr).toContain('(found: "abc")');
    const u = await runCli(['data', 'inspect', 'b.csv', '--variables', 'x'], { cwd: dir });
    expect(u.code).toBe(1);
    expect(u.stderr).toContain('--variables needs --id');
  });
  it('reads an xlsx sheet by name and writes --format csv / xlsx', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('notes').addRow(['x']);
    const ws = wb.addWorksheet('省级数据');
    ws.addRow(['省份', '年份', 'gdp']);
    ws.addRow(['北京', 2015, 1.5]);
    ws.addRow(['北京', 2016, 2.5]);
    writeFileSync(join(dir, 'p.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    const r = await runCli(['data', 'inspect', 'p.xlsx', '--sheet', '省级数据', '--id', '省份', '--period', '年份', '--format', 'csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('column,role,type,nonMissing,missing,min,max,distinct,markers,status,reason');
    expect(r.stdout).toContain('gdp,variable,numeric,2,0,1.5,2.5,2,,ok');
    const x = await runCli(['data', 'inspect', 'pwt', '--out', 'inspect.xlsx'], { cwd: dir });
    expect(x.code).toBe(0);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(readFileSync(join(dir, 'inspect.xlsx')) as unknown as ArrayBuffer);
    expect(back.worksheets.map((w) => w.name)).toEqual(['rows', 'summary', 'card']);
  });
  it('a missing file is a data error; an unknown format option a usage error', async () => {
    const r = await runCli(['data', 'inspect', 'nothere.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('data error [no-file]: nothere.csv');
    const f = await runCli(['data', 'inspect', 'pwt', '--format', 'yaml']);
    expect(f.code).toBe(1);
  });
});

describe('src/cli/load.ts', () => {
  it('adds the common options', () => {
    const cmd = addOutputOptions(addDataOptions(new Command('x')));
    const names = cmd.options.map((o) => o.long);
    expect(names).toEqual(['--data', '--id', '--period', '--sheet', '--encoding', '--format', '--out', '--force', '--lang']);
  });
  it('loadPanelForCli: pwt with default roles, variables parsed, attribution in data', async () => {
    const { panel, warnings, data } = await loadPanelForCli({ data: 'pwt' }, ctx, { variables: ['rgdpna', 'emp'], labels: ['country'] });
    expect(panel.ids.length).toBe(182);
    expect(Object.keys(panel.columns)).toEqual(['rgdpna', 'emp']);
    expect(panel.labels.country[0]).toBe('Aruba');
    expect(warnings.map((w) => w.code)).toEqual(['missing-values', 'missing-values']);
    expect(data).toEqual([PWT_ATTRIBUTION]);
  });
  it('loadPanelForCli: files need --id; without --period a cross-section; errors name the place', async () => {
    writeFileSync(join(dir, 'c.csv'), 'dmu,x,y\nA,1,2\nB,3,4\n');
    await expect(loadPanelForCli({ data: 'c.csv' }, ctx, { variables: ['x'] })).rejects.toThrow(UsageError);
    const { panel, data, input } = await loadPanelForCli({ data: 'c.csv', id: 'dmu' }, ctx, { variables: ['x', 'y'] });
    expect(input).toEqual({ file: 'c.csv', encoding: 'utf-8', rows: 2 });
    expect(panel.periods).toEqual([0]);
    expect(Array.from(panel.columns.y)).toEqual([2, 4]);
    expect(data).toEqual([{ source: 'c.csv' }]);
    await expect(loadPanelForCli({ data: 'c.csv', id: 'dmu' }, ctx, { variables: ['z'] })).rejects.toThrow(DataError);
    await expect(loadPanelForCli({}, ctx)).rejects.toThrow(/--data is required/);
  });
  it('the repository root holds the packaged PWT and its notice', () => {
    const notice = readFileSync(join(repoRoot, 'data/PWT-NOTICE.md'), 'utf8');
    expect(notice).toContain('10.15141/S50T0R');
    expect(notice).toContain('https://creativecommons.org/licenses/by/4.0/');
    expect(notice).toContain('Not modified');
  });
});
