// The table writers of the bundle: three-line Word tables, booktabs LaTeX, CSV and XLSX — their form, their
// escaping, and byte-identical output for the same tables (zip entry times and document dates fixed).

import { describe, expect, test } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import ExcelJS from 'exceljs';
import type { Table } from '../../src/core/evaluation/results.js';
import { tablesToDocx, DOCX_MAX_ROWS } from '../../src/report/docx.js';
import { tablesToLatex, texEscape } from '../../src/report/latex.js';
import { tableToCsv } from '../../src/report/csv.js';
import { tablesToWorkbook } from '../../src/report/xlsx.js';
import { normalizeZip } from '../../src/report/zip.js';
import { fmtCell, fmtP } from '../../src/report/format.js';

const t1: Table = {
  id: 'ranking',
  section: 'index',
  title: { en: 'Index scores & ranks, 2017', zh: '2017年综合指数得分与排名' },
  note: { en: 'Rank 1 = best; 50% of weight on R&D_x.', zh: '排名 1 为最高。' },
  columns: [
    { key: 'rank', label: { en: 'Rank', zh: '排名' }, kind: 'integer' },
    { key: 'name', label: { en: 'Unit', zh: '单位' }, kind: 'text' },
    { key: 'score', label: { en: 'Index', zh: '综合指数' }, kind: 'number' },
    { key: 'share', label: { en: 'Share', zh: '贡献率' }, kind: 'percent' },
  ],
  rows: [
    { rank: 1, name: 'China, Hong Kong SAR', score: 0.65021234567, share: 0.5 },
    { rank: 2, name: '上海 "quoted"', score: -0.0000001, share: null },
    { rank: null, name: 'A,B', score: null, share: 0.123456 },
  ],
};
const long: Table = {
  id: 'long',
  section: 'x',
  title: { en: 'Long', zh: '长表' },
  columns: [{ key: 'v', label: { en: 'v', zh: 'v' }, kind: 'number' }],
  rows: Array.from({ length: DOCX_MAX_ROWS + 5 }, (_, i) => ({ v: i })),
};

describe('formatting', () => {
  test('cells by kind; −0 prints as 0; null as a dash', () => {
    expect(fmtCell(0.65021234567, t1.columns[2], 4)).toBe('0.6502');
    expect(fmtCell(-0.0000001, t1.columns[2], 4)).toBe('0.0000');
    expect(fmtCell(0.123456, t1.columns[3], 4)).toBe('12.35%');
    expect(fmtCell(null, t1.columns[2], 4)).toBe('—');
    expect(fmtCell(3, t1.columns[0], 4)).toBe('3');
    expect(fmtP(0.0004)).toBe('< 0.001');
    expect(fmtP(0.0123)).toBe('0.012');
  });
});

describe('tables.docx', () => {
  test('three-line tables: no vertical rules, thick top and bottom rules, thin rule under the header; captions numbered', async () => {
    const bytes = await tablesToDocx([t1, long], 'en', 4, 'Title');
    const doc = strFromU8(unzipSync(bytes)['word/document.xml']);
    expect(doc).toMatch(/Table 1\. Index scores &amp; ranks, 2017/);
    expect(doc).toMatch(/Table 2\. Long/);
    expect(doc).toMatch(/Note: Rank 1 = best/);
    expect(doc).toMatch(new RegExp(`First ${DOCX_MAX_ROWS} of ${DOCX_MAX_ROWS + 5} rows`));
    const borders = [...doc.matchAll(/<w:(top|bottom|left|right|insideH|insideV) w:val="(\w+)" w:color="\w+" w:sz="(\d+)"/g)].map((m) => `${m[1]}:${m[2]}:${m[3]}`);
    expect(borders.filter((b) => /^(left|right|insideV):single/.test(b))).toEqual([]);
    expect(borders).toContain('top:single:12');
    expect(borders).toContain('bottom:single:6');
    expect(borders).toContain('bottom:single:12');
    expect(doc).toMatch(/0\.6502/);
    expect(doc).toMatch(/12\.35%/);
  });

  test('the same tables give the same bytes; document dates fixed', async () => {
    const a = await tablesToDocx([t1], 'zh', 4, '标题');
    await new Promise((r) => setTimeout(r, 1100));
    const b = await tablesToDocx([t1], 'zh', 4, '标题');
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    const core = strFromU8(unzipSync(a)['docProps/core.xml']);
    expect(core).toMatch(/2000-01-01T00:00:00Z/);
    expect(strFromU8(unzipSync(a)['word/document.xml'])).toMatch(/表 1  2017年综合指数得分与排名/);
  });
});

describe('tables.tex', () => {
  test('booktabs with caption, label, escaped text and a note', () => {
    const tex = tablesToLatex([t1], 'en', 4, 'T');
    expect(tex).toMatch(/\\begin\{tabular\}\{rlrr\}/);
    expect(tex).toMatch(/\\toprule[\s\S]*\\midrule[\s\S]*\\bottomrule/);
    expect(tex).toMatch(/\\caption\{Index scores \\& ranks, 2017\}/);
    expect(tex).toMatch(/\\label\{tab:ranking\}/);
    expect(tex).toMatch(/50\\% of weight on R\\&D\\_x/);
    expect(tex).toMatch(/1 & China, Hong Kong SAR & 0\.6502 & 50\.00\\% \\\\/);
    expect(texEscape('a_b&c%d$e#f{g}h~i^j\\k')).toBe('a\\_b\\&c\\%d\\$e\\#f\\{g\\}h\\textasciitilde{}i\\textasciicircum{}j\\textbackslash{}k');
  });
});

describe('tables/*.csv', () => {
  test('BOM, keys as header, full precision, RFC 4180 quoting, empty for null', () => {
    const csv = tableToCsv(t1);
    expect(csv.startsWith('\ufeffrank,name,score,share\r\n')).toBe(true);
    expect(csv).toContain('1,"China, Hong Kong SAR",0.65021234567,0.5\r\n');
    expect(csv).toContain('2,"上海 ""quoted""",-1e-7,\r\n');
    expect(csv).toContain(',"A,B",,0.123456\r\n');
  });
});

describe('results.xlsx', () => {
  test('one sheet per table with caption, header, full-precision numbers; same bytes on rerun', async () => {
    const a = await tablesToWorkbook([t1, long], 'en', 4);
    const b = await tablesToWorkbook([t1, long], 'en', 4);
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(a) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['ranking', 'long']);
    const ws = wb.getWorksheet('ranking')!;
    expect(ws.getCell(1, 1).value).toBe('Index scores & ranks, 2017');
    expect(ws.getCell(3, 3).value).toBe('Index');
    expect(ws.getCell(4, 3).value).toBe(0.65021234567);
    expect(ws.getColumn(3).numFmt).toBe('0.0000');
    expect(wb.getWorksheet('long')!.rowCount).toBe(3 + DOCX_MAX_ROWS + 5);
  });

  test('normalizeZip is idempotent', async () => {
    const a = await tablesToWorkbook([t1], 'en', 4);
    expect(Buffer.compare(Buffer.from(normalizeZip(a)), Buffer.from(a))).toBe(0);
  });
});
