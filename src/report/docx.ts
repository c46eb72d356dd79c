// tables.docx: every table as a three-line table (三线表: a thick rule above the header, a thin rule below it,
// a thick rule below the last row, no vertical lines), the form Chinese and most economics journals use, with a
// numbered caption above ("表 1" / "Table 1") and the note below. Fonts: Times New Roman for Latin text and SimSun
// (宋体) for Chinese, 10.5 pt (五号). The zip is normalised afterwards (zip.ts) so reruns give the same bytes.

import {
  AlignmentType, BorderStyle, Document, Packer, Paragraph, Table as DocxTable, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import type { Table } from '../core/evaluation/results.js';
import type { Lang } from '../core/evaluation/spec.js';
import { fmtCell, pick } from './format.js';
import { normalizeZip } from './zip.js';

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const THICK = { style: BorderStyle.SINGLE, size: 12, color: '000000' }; // 1.5 pt
const THIN = { style: BorderStyle.SINGLE, size: 6, color: '000000' }; // 0.75 pt
const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun', cs: 'Times New Roman' };
const SIZE = 21; // half-points: 10.5 pt

// Font and size come from the document defaults; runs set only what differs (much faster to write).
function run(text: string, bold = false, size = SIZE): TextRun {
  if (!bold && size === SIZE) return new TextRun(text);
  return new TextRun({ text, bold: bold || undefined, size: size === SIZE ? undefined : size });
}

function cell(text: string, align: 'left' | 'right' | 'center', borders?: { top?: typeof THICK; bottom?: typeof THICK }, bold = false): TableCell {
  return new TableCell({
    // Only the rule cells carry borders; the table itself has none (faster to write, same look).
    ...(borders ? { borders: { top: borders.top ?? NONE, bottom: borders.bottom ?? NONE, left: NONE, right: NONE } } : {}),
    children: [
      new Paragraph({
        alignment: align === 'left' ? AlignmentType.LEFT : align === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER,
        children: [run(text, bold)],
      }),
    ],
  });
}

/** Rows per table in the document; longer tables are cut with a note (all rows are in results.xlsx). */
export const DOCX_MAX_ROWS = 60;

function docxTable(t: Table, lang: Lang, digits: number): DocxTable {
  const rows = t.rows.slice(0, DOCX_MAX_ROWS);
  const last = rows.length - 1;
  const header = new TableRow({
    tableHeader: true,
    children: t.columns.map((c) => cell(pick(c.label, lang), c.kind === 'text' ? 'left' : 'center', { top: THICK, bottom: THIN }, true)),
  });
  const body = rows.map(
    (r, k) =>
      new TableRow({
        children: t.columns.map((c) => cell(fmtCell(r[c.key], c, digits), c.kind === 'text' ? 'left' : 'right', k === last ? { bottom: THICK } : undefined)),
      }),
  );
  return new DocxTable({
    rows: [header, ...body],
    width: { size: 100, type: WidthType.PERCENTAGE },
    margins: { top: 30, bottom: 30, left: 80, right: 80 },
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
  });
}

export async function tablesToDocx(tables: readonly Table[], lang: Lang, digits: number, title: string): Promise<Uint8Array> {
  const children: (Paragraph | DocxTable)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(title, true, 28)] }),
  ];
  tables.forEach((t, k) => {
    const caption = lang === 'zh' ? `表 ${k + 1}  ${pick(t.title, lang)}` : `Table ${k + 1}. ${pick(t.title, lang)}`;
    children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 80 }, keepNext: true, children: [run(caption, true)] }));
    children.push(docxTable(t, lang, digits));
    const cut = t.rows.length > DOCX_MAX_ROWS ? (lang === 'zh' ? `仅列出前 ${DOCX_MAX_ROWS} 行，共 ${t.rows.length} 行，完整表格见 results.xlsx（工作表 ${t.id}）。` : `First ${DOCX_MAX_ROWS} of ${t.rows.length} rows; the full table is in results.xlsx (sheet ${t.id}).`) : '';
    const note = [t.note ? pick(t.note, lang) : '', cut].filter(Boolean).join(lang === 'zh' ? '' : ' ');
    if (note) children.push(new Paragraph({ spacing: { before: 60, after: 200 }, children: [run(`${lang === 'zh' ? '注：' : 'Note: '}${note}`, false, 18)] }));
  });
  const doc = new Document({
    creator: 'xinzhi',
    title,
    description: 'Tables written by xinzhi evaluate',
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [{ children }],
  });
  // toArrayBuffer works in Node and in the browser (toBuffer needs Node's Buffer).
  const buf = await Packer.toArrayBuffer(doc);
  return normalizeZip(new Uint8Array(buf));
}
