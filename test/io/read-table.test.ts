// Reading files by extension (CSV, TSV, JSON, XLSX, .dta when present), and the bundled PWT 9.1.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { readTableFile } from '../../src/io/read-table.js';
import { parseJsonTable } from '../../src/io/json.js';
import { loadPwt, loadPwtTable, pwtTableFromGzip, PWT_PATH } from '../../src/io/pwt.js';
import { tablesToXlsx } from '../../src/io/xlsx-write.js';
import { fromTable } from '../../src/core/panel/from-table.js';
import { isBalanced } from '../../src/core/panel/panel.js';
import { DataError } from '../../src/core/errors.js';
import { sharedPath } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'xinzhi-io-'));
async function aerr(p: Promise<unknown>): Promise<DataError> {
  try { await p; } catch (e) { expect(e).toBeInstanceOf(DataError); return e as DataError; }
  throw new Error('expected a DataError');
}

describe('readTableFile', () => {
  it('chooses the reader by extension and resolves against cwd', async () => {
    writeFileSync(join(dir, 'a.csv'), 'id,year,x\nA,2015,1\n');
    writeFileSync(join(dir, 'a.tsv'), 'id\tyear\tx\nA\t2015\t1,5\n');
    writeFileSync(join(dir, 'a.txt'), 'id;year;x\nA;2015;1\n');
    writeFileSync(join(dir, 'a.json'), '[{"id":"A","year":2015,"x":1}]');
    writeFileSync(join(dir, 'a.xlsx'), await tablesToXlsx([{ name: 's', columns: ['id', 'year', 'x'], rows: [['A', 2015, 1]] }]));
    for (const f of ['a.csv', 'a.txt', 'a.json', 'a.xlsx']) {
      const t = await readTableFile(f, { cwd: dir });
      expect(t.header, f).toEqual(['id', 'year', 'x']);
      expect(t.source).toBe(f);
      expect(String(t.columns[2][0])).toBe('1');
    }
    expect((await readTableFile('a.tsv', { cwd: dir })).columns[2]).toEqual(['1,5']);
  });
  it('missing file and unknown extension are DataErrors with what to do', async () => {
    const e = await aerr(readTableFile('nope.csv', { cwd: dir }));
    expect(e.kind).toBe('no-file');
    expect(e.location.file).toBe('nope.csv');
    writeFileSync(join(dir, 'a.parquet'), 'x');
    expect((await aerr(readTableFile('a.parquet', { cwd: dir }))).kind).toBe('unsupported-format');
    await expect(readTableFile('a.csv', { cwd: dir, sheet: 'x' })).rejects.toThrow(/--sheet applies to .xlsx/);
  });
  it('reads Stata .dta through src/io/dta.ts (row = observation number)', async () => {
    const dta = await readTableFile(sharedPath('fixtures/dta/prodest.dta'));
    const csv = await readTableFile(sharedPath('fixtures/dta/prodest.csv'));
    expect(dta.header).toEqual(csv.header);
    expect(dta.rows.length).toBe(1758); // <N> in the file header
    expect(dta.rows.slice(0, 3)).toEqual([1, 2, 3]);
    const { panel } = fromTable(dta, { id: 'id', period: 'year', variables: ['log_y', 'log_k'] });
    expect(panel.ids.length).toBeGreaterThan(0);
    expect(Array.from(panel.columns.log_y).some(Number.isFinite)).toBe(true);
  });
});

describe('JSON tables', () => {
  it('unions keys in first-appearance order; missing keys are missing cells', () => {
    const t = parseJsonTable('[{"id":"A","x":1},{"id":"B","y":"2","x":null}]', { file: 'j.json' });
    expect(t.header).toEqual(['id', 'x', 'y']);
    expect(t.columns).toEqual([['A', 'B'], [1, null], [null, '2']]);
    expect(t.rows).toEqual([1, 2]);
  });
  it('rejects an empty array and booleans', () => {
    expect(() => parseJsonTable('[]')).toThrow(DataError);
    try { parseJsonTable('[{"id":"A","ok":true}]', { file: 'b.json' }); expect.unreachable(); } catch (e) {
      expect((e as DataError).location).toMatchObject({ file: 'b.json', row: 1, column: 'ok', text: 'true' });
    }
  });
});

describe('bundled PWT 9.1', () => {
  it('the packaged gzip is the shared CSV, byte for byte (sha256 from its README)', () => {
    const csv = gunzipSync(readFileSync(PWT_PATH));
    expect(createHash('sha256').update(csv).digest('hex')).toBe('84533924f8b9c21cd938d17965688dcc0db9cc634ad1569800d18c055cc3cef6');
  });
  it('loads as a balanced panel of 182 economies × 1950–2017 with 52 columns', () => {
    const t = loadPwtTable();
    expect(t.header.length).toBe(52);
    expect(t.rows.length).toBe(12376);
    const { panel, warnings } = loadPwt({ variables: ['rgdpna', 'rkna', 'emp'] });
    expect(panel.ids.length).toBe(182);
    expect(panel.periods[0]).toBe(1950);
    expect(panel.periods.at(-1)).toBe(2017);
    expect(isBalanced(panel)).toBe(true);
    expect(panel.source).toBe('pwt');
    // exact doubles as in the CSV (China 2017 rgdpna)
    const i = panel.ids.indexOf('CHN');
    const line = readFileSync(sharedPath('data/pwt91.csv'), 'utf8').split('\n').find((l) => l.startsWith('China,CHN,2017,'))!;
    const fields = line.split(',');
    expect(panel.columns.rgdpna[i * 68 + 67]).toBe(Number(fields[18]));
    expect(warnings.map((w) => w.where?.column)).toEqual(['rgdpna', 'rkna', 'emp']);
    expect(warnings[0].count).toBe(12376 - 9985);
  });
  it('the browser path (fflate) gives the same table', () => {
    const a = pwtTableFromGzip(new Uint8Array(readFileSync(PWT_PATH)));
    const b = loadPwtTable();
    expect(a.header).toEqual(b.header);
    expect(fromTable(a, { id: 'isocode', period: 'year', variables: ['hc'] }).panel.columns.hc).toEqual(fromTable(b, { id: 'isocode', period: 'year', variables: ['hc'] }).panel.columns.hc);
  });
  it('each load returns fresh arrays', () => {
    const a = loadPwtTable();
    a.columns[4][0] = 999;
    expect(loadPwtTable().columns[4][0]).toBeNull();
  });
});
