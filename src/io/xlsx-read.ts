// XLSX bytes → RawTable with exceljs.
//
// - Sheet: by exact name, else by 1-based position when the text is an integer; default the first sheet.
//   A wrong sheet is a DataError listing the sheets.
// - The header is the first non-empty row; completely empty rows below it are skipped; row numbers are the
//   spreadsheet's own (as Excel shows them).
// - Cell values: numbers stay numbers; formulas give their cached result; rich text and hyperlinks give their
//   text; dates become ISO dates "YYYY-MM-DD" (UTC); error cells give their text ("#N/A" counts as missing,
//   "#DIV/0!" is a bad number if the column is numeric); booleans become "TRUE"/"FALSE".
// - A non-empty cell to the right of the header's last column is a DataError ("ragged-row").
// Not a zip / not a workbook: DataError("bad-xlsx"). Isomorphic over bytes (exceljs also runs in browsers).

import ExcelJS from 'exceljs';
import { DataError } from '../core/errors.js';
import { checkHeader, type RawTable, type RawCell } from '../core/panel/from-table.js';

export interface XlsxReadOptions {
  /** Sheet name, or 1-based position. Default: the first sheet. */
  sheet?: string | number;
  file?: string;
  allowEmpty?: boolean;
}

function cellValue(v: unknown): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('result' in o || 'formula' in o || 'sharedFormula' in o) return cellValue(o.result);
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((p) => p.text).join('');
    if ('text' in o) return cellValue(o.text);
    if ('error' in o) return String(o.error);
  }
  return String(v);
}

function isBlank(c: RawCell): boolean {
  return c === null || (typeof c === 'string' && c.trim() === '');
}

/** Names of the sheets of a workbook, in tab order. */
export async function xlsxSheetNames(bytes: Uint8Array, file?: string): Promise<string[]> {
  const wb = await loadWorkbook(bytes, file);
  return wb.worksheets.map((w) => w.name);
}

async function loadWorkbook(bytes: Uint8Array, file?: string): Promise<ExcelJS.Workbook> {
  if (bytes.length === 0) throw new DataError('empty-file', 'the file is empty (0 bytes)', { file }, 'save the workbook again from Excel or WPS');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
    throw new DataError('bad-xlsx', zip ? `not a readable .xlsx workbook (${(e as Error).message})` : 'not an .xlsx workbook (the file is not a zip archive)', { file },
      bytes[0] === 0xd0 && bytes[1] === 0xcf ? 'this looks like an old .xls file: save it as .xlsx' : 'save the file as .xlsx from Excel or WPS, or export it as CSV');
  }
  return wb;
}

/** XLSX bytes → RawTable. */
export async function parseXlsx(bytes: Uint8Array, opts: XlsxReadOptions = {}): Promise<RawTable> {
  const file = opts.file;
  const wb = await loadWorkbook(bytes, file);
  const sheets = wb.worksheets;
  if (!sheets.length) throw new DataError('no-sheet', 'the workbook has no worksheets', { file });
  let ws: ExcelJS.Worksheet | undefined;
  if (opts.sheet === undefined || opts.sheet === '') ws = sheets[0];
  else {
    const s = String(opts.sheet);
    ws = sheets.find((w) => w.name === s);
    if (!ws && /^\d+$/.test(s)) ws = sheets[Number(s) - 1];
    if (!ws) {
      throw new DataError('unknown-sheet', `no sheet "${s}"; the sheets are: ${sheets.map((w, k) => `${k + 1} "${w.name}"`).join(', ')}`, { file, sheet: s },
        'pass --sheet with one of these names or its position (1 = first)');
    }
  }
  const sheet = ws.name;
  const recs: { row: number; cells: RawCell[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const vals = row.values as unknown[];
    const cells: RawCell[] = [];
    for (let c = 1; c < vals.length; c++) cells.push(cellValue(vals[c]));
    if (cells.every(isBlank)) return;
    recs.push({ row: rowNumber, cells });
  });
  if (!recs.length) throw new DataError('empty-file', 'the sheet is empty', { file, sheet }, 'put column names in the first row and data below');
  const head = recs[0];
  let m = head.cells.length;
  while (m > 0 && isBlank(head.cells[m - 1])) m--;
  const header = head.cells.slice(0, m).map((c) => (c === null ? '' : String(c).replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')));
  checkHeader(header, { file, sheet, headerRow: head.row });
  const N = recs.length - 1;
  if (N === 0 && !opts.allowEmpty) throw new DataError('no-rows', 'the sheet has a header but no data rows', { file, sheet, row: head.row + 1 }, 'add data rows below the header');
  const columns: RawCell[][] = header.map(() => new Array<RawCell>(N).fill(null));
  const rows = new Array<number>(N);
  for (let r = 0; r < N; r++) {
    const { row, cells } = recs[r + 1];
    for (let j = m; j < cells.length; j++) {
      if (!isBlank(cells[j])) {
        throw new DataError('ragged-row', `a value in column ${j + 1}, right of the last named column (${m})`, { file, sheet, row, column: `#${j + 1}`, text: String(cells[j]) },
          'give that column a name in the header row, or delete the stray value');
      }
    }
    for (let j = 0; j < m; j++) columns[j][r] = j < cells.length ? cells[j] : null;
    rows[r] = row;
  }
  return { header, columns, rows, source: file ?? 'xlsx', sheet, warnings: [] };
}
