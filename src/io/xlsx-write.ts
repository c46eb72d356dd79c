// Write Results and plain tables to .xlsx workbooks (exceljs), byte-for-byte deterministic.
//
// - tablesToXlsx(tables): one sheet per table; bold header, frozen first row, column widths from content,
//   number formats per column (integers "0", other numbers "0.0000" when every magnitude is in
//   [1e-3, 1e9), else General so tiny or huge values stay readable); numbers keep full precision in the cell.
//   null/undefined cells are left empty. Sheet names are cut to Excel's 31 characters, []:*?/\ replaced,
//   and made unique.
// - resultToXlsx(result): sheets "rows" (flattened rows as the CSV output), "summary" (scalars as key/value,
//   each array of objects as its own titled table below), "warnings" (when any) and "card" (method card
//   flattened to key/value, citations and data attribution included).
// Determinism: workbook dates are fixed (1970-01-01) and the zip is rewritten with fixed entry times and
// exceljs's own entry order, so the same input gives the same bytes.

import ExcelJS from 'exceljs';
import { normalizeZip } from '../report/zip.js';
import type { Result } from '../core/result.js';
import { flatTable, flattenRow } from '../core/flatten.js';

export interface XlsxTable {
  /** Sheet name (cut to 31 characters). */
  name: string;
  columns: string[];
  rows: unknown[][];
}

type Block = { title?: string; columns: string[]; rows: unknown[][] };

const FIXED_DATE = new Date(Date.UTC(1970, 0, 1));

function sheetName(name: string, used: Set<string>): string {
  let base = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'sheet';
  let s = base;
  for (let k = 2; used.has(s.toLowerCase()); k++) {
    const suffix = `_${k}`;
    s = base.slice(0, 31 - suffix.length) + suffix;
  }
  used.add(s.toLowerCase());
  base = s;
  return base;
}

function cellOut(v: unknown): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (Array.isArray(v) || ArrayBuffer.isView(v)) return JSON.stringify(Array.from(v as ArrayLike<unknown>));
  return JSON.stringify(v);
}

function columnFormat(values: unknown[]): string | undefined {
  let anyNum = false;
  let allInt = true;
  let inRange = true;
  for (const v of values) {
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    anyNum = true;
    if (!Number.isInteger(v)) {
      allInt = false;
      const a = Math.abs(v);
      if (a < 1e-3 || a >= 1e9) inRange = false;
    }
  }
  if (!anyNum) return undefined;
  if (allInt) return '0';
  return inRange ? '0.0000' : undefined;
}

function textWidth(v: unknown): number {
  if (v === null || v === undefined) return 0;
  const s = typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toPrecision(6)) : String(v);
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! > 0x2e80 ? 2 : 1;
  return w;
}

/** Write blocks (tables stacked with a blank row between, each with an optional bold title) to a sheet. */
function writeBlocks(ws: ExcelJS.Worksheet, blocks: Block[], freeze: boolean): void {
  const widths: number[] = [];
  let r = 1;
  for (let b = 0; b < blocks.length; b++) {
    const blk = blocks[b];
    if (b > 0) r++;
    if (blk.title) {
      const c = ws.getCell(r, 1);
      c.value = blk.title;
      c.font = { bold: true, size: 12 };
      r++;
    }
    const headRow = ws.getRow(r);
    blk.columns.forEach((name, j) => {
      const c = headRow.getCell(j + 1);
      c.value = name;
      c.font = { bold: true };
      c.border = { bottom: { style: 'thin' } };
      widths[j] = Math.max(widths[j] ?? 0, textWidth(name));
    });
    r++;
    const fmts = blk.columns.map((_, j) => columnFormat(blk.rows.map((row) => row[j])));
    for (const row of blk.rows) {
      const xr = ws.getRow(r);
      for (let j = 0; j < blk.columns.length; j++) {
        const v = cellOut(row[j]);
        if (v === null) continue;
        const c = xr.getCell(j + 1);
        c.value = v;
        if (typeof v === 'number' && fmts[j]) c.numFmt = fmts[j]!;
        widths[j] = Math.max(widths[j] ?? 0, textWidth(v));
      }
      r++;
    }
  }
  widths.forEach((w, j) => { ws.getColumn(j + 1).width = Math.min(60, Math.max(8, w + 2)); });
  if (freeze && blocks.length === 1 && !blocks[0].title) ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
}

async function finish(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  // exceljs stamps the current time into the zip entries: normalise so bytes do not depend on the clock.
  return normalizeZip(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'xinzhi';
  wb.lastModifiedBy = 'xinzhi';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

/** Plain tables → workbook bytes, one sheet per table (bold header, frozen first row, number formats). */
export async function tablesToXlsx(tables: readonly XlsxTable[]): Promise<Uint8Array> {
  const wb = newWorkbook();
  const used = new Set<string>();
  if (!tables.length) wb.addWorksheet('empty');
  for (const t of tables) {
    const ws = wb.addWorksheet(sheetName(t.name, used));
    writeBlocks(ws, [{ columns: t.columns, rows: t.rows }], true);
  }
  return finish(wb);
}

/** Key/value rows of a nested object, keys dotted (conventions.rts, …). */
function keyValues(obj: Record<string, unknown>): unknown[][] {
  return Object.entries(flattenRow(obj)).map(([k, v]) => [k, v]);
}

/** Sheets describing one Result (rows, summary, warnings, card), for resultToXlsx and bundles. */
export function resultSheets(result: Result<any>): { name: string; blocks: Block[]; freeze: boolean }[] {
  const sheets: { name: string; blocks: Block[]; freeze: boolean }[] = [];
  const { columns, cells } = flatTable(result.rows as Record<string, unknown>[]);
  sheets.push({ name: 'rows', blocks: [{ columns: columns.length ? columns : ['(no rows)'], rows: cells }], freeze: true });
  const scalars: Record<string, unknown> = {};
  const tables: Block[] = [];
  for (const [k, v] of Object.entries(result.summary ?? {})) {
    if (Array.isArray(v) && v.length && v.every((x) => x !== null && typeof x === 'object' && !Array.isArray(x))) {
      const ft = flatTable(v as Record<string, unknown>[]);
      tables.push({ title: k, columns: ft.columns, rows: ft.cells });
    } else scalars[k] = v;
  }
  const summaryBlocks: Block[] = [];
  if (Object.keys(scalars).length) summaryBlocks.push({ columns: ['key', 'value'], rows: keyValues(scalars) });
  summaryBlocks.push(...tables);
  if (summaryBlocks.length) sheets.push({ name: 'summary', blocks: summaryBlocks, freeze: tables.length === 0 });
  if (result.warnings?.length) {
    sheets.push({
      name: 'warnings',
      blocks: [{
        columns: ['code', 'message', 'count', 'file', 'row', 'column', 'id', 'period'],
        rows: result.warnings.map((w) => [w.code, w.message, w.count ?? null, w.where?.file ?? null, w.where?.row ?? null, w.where?.column ?? null, w.where?.id ?? null, w.where?.period ?? null]),
      }],
      freeze: true,
    });
  }
  const card = result.card;
  if (card) {
    const blocks: Block[] = [{
      columns: ['key', 'value'],
      rows: [
        ['method', card.method],
        ['title.en', card.title?.en ?? null],
        ['title.zh', card.title?.zh ?? null],
        ['software', `${card.software?.name ?? 'xinzhi'} ${card.software?.version ?? ''}`.trim()],
        ...keyValues({ conventions: card.conventions ?? {} }),
        ...(card.statusCounts ? keyValues({ statusCounts: card.statusCounts }) : []),
      ],
    }];
    if (card.formulas?.length) blocks.push({ title: 'formulas', columns: ['formula'], rows: card.formulas.map((f) => [f]) });
    if (card.citations?.length) blocks.push({ title: 'citations', columns: ['citation', 'doi'], rows: card.citations.map((c) => [c.text, c.doi ?? null]) });
    if (card.data?.length) blocks.push({ title: 'data', columns: ['source', 'attribution'], rows: card.data.map((d) => [d.source, d.attribution ?? null]) });
    sheets.push({ name: 'card', blocks, freeze: false });
  }
  return sheets;
}

/** A Result → workbook bytes: sheets rows, summary, warnings (when any), card. */
export async function resultToXlsx(result: Result<any>): Promise<Uint8Array> {
  const wb = newWorkbook();
  const used = new Set<string>();
  for (const s of resultSheets(result)) writeBlocks(wb.addWorksheet(sheetName(s.name, used)), s.blocks, s.freeze);
  return finish(wb);
}
