// CSV/TSV text → RawTable (RFC 4180), and bytes → RawTable with encoding detection (encoding.ts).
//
// - Delimiter: given, or sniffed from the header line (outside quotes): the most frequent of , \t ; |
//   (tab wins ties, then comma). .tsv files pass "\t".
// - Quotes: RFC 4180. A quoted field may hold delimiters, "" for a quote and line breaks. Text after a closing
//   quote, or a quote left open at the end of the file, is a DataError naming the row.
// - Rows: the first record is the header. Completely empty lines are skipped. Every record must have as many
//   fields as the header ("ragged-row" otherwise). Row numbers are the line numbers where a record starts, as
//   a text editor shows them (header = row 1). Cells stay text; numbers are parsed later by role.
// - Empty file, header only, blank or duplicate header names: DataErrors.
// Isomorphic (no file access), O(bytes).

import { DataError } from '../core/errors.js';
import { checkHeader, type RawTable, type RawCell } from '../core/panel/from-table.js';
import { decodeText } from './encoding.js';

export interface CsvOptions {
  /** Field delimiter; sniffed from the header when omitted. */
  delimiter?: string;
  /** File name for messages. */
  file?: string;
  /** Allow a header with no data rows (default false: a DataError). */
  allowEmpty?: boolean;
}

export interface CsvBytesOptions extends CsvOptions {
  /** Text encoding; detected when omitted (UTF-8, UTF-8 BOM, UTF-16 BOM, else GB18030). */
  encoding?: string;
}

const CANDIDATES = ['\t', ',', ';', '|'];

/** Guess the delimiter from the first line (outside quotes). */
export function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  let inQ = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQ = !inQ;
    else if (!inQ && (ch === '\n' || ch === '\r')) break;
    else if (!inQ && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  let bestN = 0;
  for (const c of CANDIDATES) {
    const k = counts.get(c)!;
    if (k > bestN) { best = c; bestN = k; }
  }
  return best;
}

/** Parse CSV text into records with the line number where each starts. */
function parseRecords(text: string, delim: string, file: string | undefined): { fields: string[][]; lines: number[] } {
  const fields: string[][] = [];
  const lines: number[] = [];
  const D = delim.charCodeAt(0);
  const QUOTE = 34;
  const LF = 10;
  const CR = 13;
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const startLine = line;
    const rec: string[] = [];
    for (;;) {
      let field: string;
      if (text.charCodeAt(i) === QUOTE) {
        i++;
        let buf = '';
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) {
            throw new DataError('unterminated-quote', 'a quoted field is not closed before the end of the file', { file, row: startLine },
              'close the quote ("), or double quotes inside a quoted field ("")');
          }
          const chunk = text.slice(i, q);
          for (let k = chunk.indexOf('\n'); k >= 0; k = chunk.indexOf('\n', k + 1)) line++;
          buf += chunk;
          if (text.charCodeAt(q + 1) === QUOTE) { buf += '"'; i = q + 2; continue; }
          i = q + 1;
          break;
        }
        field = buf;
        const c = text.charCodeAt(i);
        if (i < n && c !== D && c !== LF && c !== CR) {
          const rest = text.slice(i, Math.min(n, i + 20)).split(/[\r\n]/)[0];
          throw new DataError('bad-quote', 'text follows a closing quote inside a field', { file, row: startLine, column: `#${rec.length + 1}`, text: `"${field}"${rest}` },
            'quote the whole field and double any quote inside it ("")');
        }
      } else {
        const start = i;
        let c = text.charCodeAt(i);
        while (i < n && c !== D && c !== LF && c !== CR) c = text.charCodeAt(++i);
        field = text.slice(start, i);
      }
      rec.push(field);
      if (i < n && text.charCodeAt(i) === D) { i++; continue; }
      if (text.charCodeAt(i) === CR) i++;
      if (text.charCodeAt(i) === LF) i++;
      line++;
      break;
    }
    if (rec.length === 1 && rec[0] === '') continue; // blank line
    fields.push(rec);
    lines.push(startLine);
  }
  return { fields, lines };
}

/** CSV/TSV text → RawTable. */
export function parseCsv(text: string, opts: CsvOptions = {}): RawTable {
  const file = opts.file;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') {
    throw new DataError('empty-file', 'the file is empty', { file }, 'export the data again; the first row must hold the column names');
  }
  const delim = opts.delimiter ?? sniffDelimiter(text);
  const { fields, lines } = parseRecords(text, delim, file);
  const header = fields[0].map((h) => h.replace(/^[\s\u3000\ufeff]+|[\s\u3000]+$/g, ''));
  checkHeader(header, { file, headerRow: lines[0] });
  const m = header.length;
  const N = fields.length - 1;
  if (N === 0 && !opts.allowEmpty) {
    throw new DataError('no-rows', 'the file has a header but no data rows', { file, row: lines[0] + 1 }, 'add data rows below the header');
  }
  const columns: RawCell[][] = header.map(() => new Array<RawCell>(N));
  const rows = new Array<number>(N);
  for (let r = 0; r < N; r++) {
    const rec = fields[r + 1];
    if (rec.length !== m) {
      throw new DataError('ragged-row', `the row has ${rec.length} field${rec.length === 1 ? '' : 's'} but the header has ${m}`,
        { file, row: lines[r + 1] },
        delim === ',' ? 'every row needs one value per column; quote values that contain commas ("1,234")' : 'every row needs one value per column');
    }
    for (let j = 0; j < m; j++) columns[j][r] = rec[j];
    rows[r] = lines[r + 1];
  }
  return { header, columns, rows, source: file ?? 'csv', warnings: [] };
}

/** CSV/TSV bytes → RawTable, detecting the encoding (recorded in `encoding` and, when not UTF-8, in warnings). */
export function parseCsvBytes(bytes: Uint8Array, opts: CsvBytesOptions = {}): RawTable {
  if (bytes.length === 0) {
    throw new DataError('empty-file', 'the file is empty (0 bytes)', { file: opts.file }, 'export the data again; the first row must hold the column names');
  }
  const dec = decodeText(bytes, { encoding: opts.encoding, file: opts.file });
  const t = parseCsv(dec.text, opts);
  t.encoding = dec.encoding;
  t.warnings.push(...dec.warnings);
  return t;
}
