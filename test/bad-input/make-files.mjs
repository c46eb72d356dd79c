// Regenerates the bad-input corpus in test/bad-input/files/ (run: node test/bad-input/make-files.mjs).
// The files are committed; this script documents how each was made. Stata .dta cases (dta-*.dta) are made
// by the .dta tests' own script.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'files');
mkdirSync(dir, { recursive: true });
const w = (name, data) => writeFileSync(join(dir, name), data);

const good = '省份,年份,gdp,region\n北京,2015,24779.1,东部\n北京,2016,27041.2,东部\n河北,2015,29806.1,东部\n河北,2016,32070.5,东部\n';
w('gbk-no-declaration.csv', iconv.encode(good, 'gbk'));
w('utf8-bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(good)]));
w('fullwidth-and-markers.csv', '省份,年份,gdp,rd\n北京,２０１５年,"２４,７７９.１",—\n北京,2016年,"27,041.2",…\n河北,Y2015,\u300029806.1\u3000,NA\n河北,Y2016,32070.5,/\n');
w('ragged-row.csv', 'id,year,x,y\nA,2015,1,2\nB,2015,3,4\nC,2015,5\nD,2015,7,8\n');
w('header-only.csv', 'id,year,x\n');
w('empty.csv', '');
w('whitespace-only.csv', '\n  \n\n');
w('duplicate-id-period.csv', 'id,year,x\nA,2015,1\nA,2016,2\nB,2015,3\nA,2016,4\n');
w('text-in-numeric.csv', 'id,year,gdp\nA,2015,100\nA,2016,n.a.\nB,2015,120\n');
w('bad-thousands.csv', 'id,year,gdp\nA,2015,"1,234"\nA,2016,"12,34"\n');
w('percent-in-numeric.csv', 'id,year,share\nA,2015,12.5\nA,2016,13.1%\n');
w('decimal-comma.csv', 'id;year;x\nA;2015;1,5\n');
w('period-not-year.csv', 'id,year,x\nA,2015,1\nA,2016Q1,2\n');
w('missing-id.csv', 'id,year,x\nA,2015,1\n,2016,2\n');
w('blank-header.csv', 'id,year,,y\nA,2015,1,2\n');
w('duplicate-header.csv', 'id,year,x,x\nA,2015,1,2\n');
w('unknown-column.csv', 'id,year,gdp\nA,2015,1\n');
w('unterminated-quote.csv', 'id,year,name\nA,2015,"ok"\nB,2015,"never closed\nC,2015,x\n');
w('text-after-quote.csv', 'id,year,name\nA,2015,"Hong Kong" SAR\n');
w('not-utf8-nor-gbk.csv', Buffer.concat([Buffer.from('id,year,x\nA,2015,1\n'), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from(',2016,2\n')]));
w('old-excel.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
w('not-a-zip.xlsx', 'id,year,x\nA,2015,1\n');
w('truncated-zip.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]));
w('json-not-array.json', '{"id": "A", "year": 2015, "x": 1}\n');
w('json-invalid.json', '[{"id": "A", "year": 2015, "x": 1},\n {"id": "B", "year": 2015 "x": 2}]\n');
w('json-mixed-types.json', JSON.stringify([{ id: 'A', year: 2015, x: 1 }, { id: 'A', year: 2016, x: '2' }, { id: 'B', year: 2015, x: 'abc' }], null, 1) + '\n');
w('json-nested-value.json', JSON.stringify([{ id: 'A', year: 2015, x: 1 }, { id: 'B', year: 2015, x: { value: 2 } }]) + '\n');
w('json-record-not-object.json', JSON.stringify([{ id: 'A', year: 2015, x: 1 }, ['B', 2015, 2]]) + '\n');
w('unknown-province.csv', 'province,year,x\n北京,2015,1\n河北省,2015,2\n江苏,2015,3\n火星,2015,4\n');

async function book(name, build) {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(0);
  wb.modified = new Date(0);
  build(wb);
  w(name, Buffer.from(await wb.xlsx.writeBuffer()));
}
await book('wrong-sheet.xlsx', (wb) => {
  const ws = wb.addWorksheet('2015年数据');
  ws.addRow(['id', 'year', 'x']);
  ws.addRow(['A', 2015, 1]);
  wb.addWorksheet('说明').addRow(['来源：统计年鉴']);
});
await book('xlsx-text-in-numeric.xlsx', (wb) => {
  const ws = wb.addWorksheet('data');
  ws.addRow(['id', 'year', 'x']);
  ws.addRow(['A', 2015, 1]);
  ws.addRow(['A', 2016, '#DIV/0!']);
});
await book('xlsx-stray-value.xlsx', (wb) => {
  const ws = wb.addWorksheet('data');
  ws.addRow(['id', 'year', 'x']);
  ws.addRow(['A', 2015, 1]);
  ws.addRow(['A', 2016, 2, null, '注：估计值']);
});
console.log('wrote', dir);
