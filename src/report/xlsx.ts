// results.xlsx: one sheet per table (sheet name = table id, ≤ 31 characters), the caption in row 1, the header
// in row 3 (bold, frozen), numbers at full precision with a display format of output.digits decimals, the note
// under the table. Written with exceljs, then the zip is normalised (zip.ts) so reruns give the same bytes.

import ExcelJS from 'exceljs';
import type { Table } from '../core/evaluation/results.js';
import type { Lang } from '../core/evaluation/spec.js';
import { pick, textWidth } from './format.js';
import { normalizeZip } from './zip.js';


export async function tablesToWorkbook(tables: readonly Table[], lang: Lang, digits: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'xinzhi';
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = new Date(Date.UTC(2000, 0, 1));
  const numFmt = digits > 0 ? `0.${'0'.repeat(digits)}` : '0';
  const used = new Set<string>();
  for (const t of tables) {
    let name = t.id.slice(0, 31);
    for (let k = 2; used.has(name); k++) name = `${t.id.slice(0, 28)}_${k}`;
    used.add(name);
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 3 }] });
    ws.getCell(1, 1).value = pick(t.title, lang);
    ws.getCell(1, 1).font = { bold: true, size: 12 };
    const header = ws.getRow(3);
    t.columns.forEach((c, j) => {
      const h = header.getCell(j + 1);
      h.value = pick(c.label, lang);
      h.font = { bold: true };
      h.border = { top: { style: 'medium' }, bottom: { style: 'thin' } };
      h.alignment = { horizontal: c.kind === 'text' ? 'left' : 'center' };
    });
    t.rows.forEach((r, i) => {
      const row = ws.getRow(4 + i);
      t.columns.forEach((c, j) => {
        const v = r[c.key];
        const x = row.getCell(j + 1);
        x.value = v === undefined ? null : v;
        if (i === t.rows.length - 1) x.border = { bottom: { style: 'medium' } };
      });
    });
    if (t.note) ws.getCell(5 + t.rows.length, 1).value = `${lang === 'zh' ? '注：' : 'Note: '}${pick(t.note, lang)}`;
    t.columns.forEach((c, j) => {
      if (c.kind !== 'text') ws.getColumn(j + 1).numFmt = c.kind === 'integer' ? '0' : c.kind === 'percent' ? `0.${'0'.repeat(Math.max(0, digits - 2))}%` : numFmt;
      const widths = [textWidth(pick(c.label, lang)), ...t.rows.slice(0, 200).map((r) => (typeof r[c.key] === 'string' ? textWidth(r[c.key] as string) : digits + 6))];
      ws.getColumn(j + 1).width = Math.min(40, Math.max(8, ...widths) + 2);
    });
  }
  const buf = await wb.xlsx.writeBuffer();
  return normalizeZip(new Uint8Array(buf as ArrayBuffer));
}
