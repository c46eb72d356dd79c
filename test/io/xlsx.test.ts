// XLSX read (sheets by name/position, value kinds, errors) and write (tables, Results, deterministic bytes).
import { describe, it, expect, vi, afterEach } from 'vitest';
import ExcelJS from 'exceljs';
import { parseXlsx, xlsxSheetNames } from '../../src/io/xlsx-read.js';
import { tablesToXlsx, resultToXlsx } from '../../src/io/xlsx-write.js';
import { fromTable } from '../../src/core/panel/from-table.js';
import { DataError } from '../../src/core/errors.js';
import type { Result } from '../../src/core/result.js';

async function book(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
async function aerr(p: Promise<unknown>): Promise<DataError> {
  try { await p; } catch (e) { expect(e).toBeInstanceOf(DataError); return e as DataError; }
  throw new Error('expected a DataError');
}

describe('parseXlsx', () => {
  it('reads values, formulas, dates, rich text, error cells; skips empty rows; keeps sheet row numbers', async () => {
    const bytes = await book((wb) => {
      wb.addWorksheet('notes').addRow(['nothing here']);
      const ws = wb.addWorksheet('数据');
      ws.addRow([]);
      ws.addRow(['省份', '年份', 'gdp', 'date']);
      ws.addRow(['北京', 2015, { formula: 'B3*0+1.5', result: 1.5 }, new Date(Date.UTC(2015, 11, 31))]);
      ws.addRow([]);
      ws.addRow([{ richText: [{ text: '河' }, { text: '北' }] }, '2016年', { error: '#N/A' }, null]);
    });
    expect(await xlsxSheetNames(bytes)).toEqual(['notes', '数据']);
    for (const sheet of ['数据', 2, '2']) {
      const t = await parseXlsx(bytes, { sheet, file: 'b.xlsx' });
      expect(t.sheet).toBe('数据');
      expect(t.header).toEqual(['省份', '年份', 'gdp', 'date']);
      expect(t.rows).toEqual([3, 5]);
      expect(t.columns).toEqual([['北京', '河北'], [2015, '2016年'], [1.5, '#N/A'], ['2015-12-31', null]]);
    }
    const t = await parseXlsx(bytes, { sheet: '数据', file: 'b.xlsx' });
    const { panel, warnings } = fromTable(t, { id: '省份', period: '年份', variables: ['gdp'] });
    expect(panel.periods).toEqual([2015, 2016]);
    expect(warnings[0]).toMatchObject({ code: 'missing-values', count: 1 });
  });
  it('a wrong sheet name lists the sheets', async () => {
    const bytes = await book((wb) => { wb.addWorksheet('a').addRow(['x']); wb.addWorksheet('b').addRow(['y']); });
    const e = await aerr(parseXlsx(bytes, { sheet: 'c', file: 'w.xlsx' }));
    expect(e.kind).toBe('unknown-sheet');
    expect(e.location).toMatchObject({ file: 'w.xlsx', sheet: 'c' });
    expect(e.message).toContain('1 "a", 2 "b"');
    expect((await aerr(parseXlsx(bytes, { sheet: 3 }))).kind).toBe('unknown-sheet');
  });
  it('not a zip, empty sheet, stray value right of the header, bad number cell location', async () => {
    expect((await aerr(parseXlsx(new TextEncoder().encode('id,year\n1,2\n'), { file: 'x.xlsx' }))).kind).toBe('bad-xlsx');
    expect((await aerr(parseXlsx(await book((wb) => wb.addWorksheet('s')), { file: 'e.xlsx' }))).kind).toBe('empty-file');
    const stray = await book((wb) => { const ws = wb.addWorksheet('s'); ws.addRow(['id', 'x']); ws.addRow(['A', 1, 'note']); });
    const e = await aerr(parseXlsx(stray, { file: 's.xlsx' }));
    expect(e.kind).toBe('ragged-row');
    expect(e.location).toMatchObject({ row: 2, column: '#3', text: 'note' });
    const bad = await book((wb) => { const ws = wb.addWorksheet('s'); ws.addRow(['id', 'x']); ws.addRow(['A', 1]); ws.addRow(['B', '1.2.3']); });
    const t = await parseXlsx(bad, { file: 'n.xlsx' });
    try { fromTable(t, { id: 'id', variables: ['x'] }); expect.unreachable(); } catch (err) {
      expect((err as DataError).location).toMatchObject({ file: 'n.xlsx', sheet: 's', row: 3, column: 'x', text: '1.2.3' });
    }
  });
});

describe('xlsx writing', () => {
  afterEach(() => { vi.useRealTimers(); });
  const result: Result = {
    method: 'demo',
    params: { a: 1 },
    rows: [{ id: 'A', period: 2015, score: 0.123456789, rank: 1, dims: { x: 1e-9 } }, { id: 'B', period: 2015, score: null, rank: 2, status: 'undefined' }],
    summary: { n: 2, weights: [{ indicator: 'x', weight: 0.5 }, { indicator: 'y', weight: 0.5 }] },
    warnings: [{ code: 'w', message: 'a warning', where: { file: 'f.csv', row: 3 } }],
    card: { method: 'demo', title: { en: 'Demo', zh: '示例' }, conventions: { scope: 'pooled', shift: 1e-4 }, citations: [{ text: 'A (2000)', doi: '10.1/x' }], software: { name: 'xinzhi', version: '0.1.0' }, data: [{ source: 'pwt', attribution: 'CC BY 4.0' }] },
  };
  it('tablesToXlsx: one sheet per table, bold frozen header, number formats, readable back', async () => {
    const bytes = await tablesToXlsx([
      { name: 'scores', columns: ['id', 'n', 'x'], rows: [['A', 1, 0.5], ['B', 2, null]] },
      { name: 'a/very:long*sheet?name[that]exceeds thirty-one chars', columns: ['k'], rows: [['v']] },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['scores', 'a_very_long_sheet_name_that_exc']);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getCell('B2').numFmt).toBe('0');
    expect(ws.getCell('C2').numFmt).toBe('0.0000');
    expect(ws.getCell('C2').value).toBe(0.5);
    expect(ws.getCell('C3').value).toBeNull();
    const t = await parseXlsx(bytes, { sheet: 'scores' });
    expect(t.columns).toEqual([['A', 'B'], [1, 2], [0.5, null]]);
  });
  it('resultToXlsx: rows, summary (tables), warnings, card sheets; full precision kept', async () => {
    const bytes = await resultToXlsx(result);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['rows', 'summary', 'warnings', 'card']);
    const rows = await parseXlsx(bytes, { sheet: 'rows' });
    expect(rows.header).toEqual(['id', 'period', 'score', 'rank', 'dims.x', 'status']);
    expect(rows.columns[2]).toEqual([0.123456789, null]);
    expect(rows.columns[4]).toEqual([1e-9, null]);
    const card = wb.getWorksheet('card')!;
    const texts: string[] = [];
    card.eachRow((r) => texts.push((r.values as unknown[]).slice(1).join('|')));
    expect(texts).toContain('conventions.scope|pooled');
    expect(texts).toContain('pwt|CC BY 4.0');
    const summary = wb.getWorksheet('summary')!;
    const st: string[] = [];
    summary.eachRow((r) => st.push((r.values as unknown[]).slice(1).join('|')));
    expect(st).toEqual(['key|value', 'n|2', 'weights', 'indicator|weight', 'x|0.5', 'y|0.5']);
  });
  it('is deterministic: same bytes at different clock times', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-05-01T10:00:00Z'));
    const a = await resultToXlsx(result);
    vi.setSystemTime(new Date('2031-07-09T17:33:12Z'));
    const b = await resultToXlsx(result);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const c = await tablesToXlsx([{ name: 't', columns: ['a'], rows: [[1]] }]);
    vi.setSystemTime(new Date('2032-01-01T00:00:01Z'));
    const d = await tablesToXlsx([{ name: 't', columns: ['a'], rows: [[1]] }]);
    expect(Buffer.from(c).equals(Buffer.from(d))).toBe(true);
  });
});
