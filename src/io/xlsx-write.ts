// Write a Result's rows (and summary tables) to an .xlsx workbook with exceljs.
import ExcelJS from 'exceljs';
import type { Result } from '../core/result.js';
import { flatTable } from '../cli/output.js';

export async function resultToXlsx(result: Result<any>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'xinzhi';
  wb.created = new Date(0);
  wb.modified = new Date(0);
  const ws = wb.addWorksheet(result.method.slice(0, 31) || 'result');
  const { columns, cells } = flatTable(result.rows);
  ws.addRow(columns);
  ws.getRow(1).font = { bold: true };
  for (const r of cells) ws.addRow(r.map((v) => (v === undefined ? null : v)));
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
