// JSON (an array of records, one object per row) → RawTable.
//
// Columns are the union of the records' keys in first-appearance order; a key missing from a record is a
// missing cell. Values may be numbers, strings or null; booleans, arrays and objects are a DataError naming
// the record and key. Row numbers are record numbers, 1-based (the first record is row 1). Isomorphic.

import { DataError } from '../core/errors.js';
import { checkHeader, type RawTable, type RawCell } from '../core/panel/from-table.js';
import { decodeText } from './encoding.js';

/** JSON text → RawTable. */
export function parseJsonTable(text: string, opts: { file?: string } = {}): RawTable {
  const file = opts.file;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new DataError('empty-file', 'the file is empty', { file }, 'write an array of records: [{"id": "A", "year": 2015, "x": 1.5}, …]');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    const row = pos ? text.slice(0, Number(pos[1])).split('\n').length : undefined;
    throw new DataError('bad-json', `not valid JSON (${msg})`, { file, row }, 'check the JSON syntax (a validator shows the exact place)');
  }
  if (!Array.isArray(data)) {
    throw new DataError('json-not-array', `the JSON is ${data === null ? 'null' : typeof data === 'object' ? 'an object' : `a ${typeof data}`}, not an array of records`, { file },
      'write an array of records: [{"id": "A", "year": 2015, "x": 1.5}, …]');
  }
  if (data.length === 0) throw new DataError('no-rows', 'the JSON array has no records', { file, row: 1 }, 'add records to the array');
  const header: string[] = [];
  const index = new Map<string, number>();
  data.forEach((rec, r) => {
    if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) {
      throw new DataError('bad-json-record', `record ${r + 1} is ${Array.isArray(rec) ? 'an array' : rec === null ? 'null' : `a ${typeof rec}`}, not an object`,
        { file, row: r + 1 }, 'every element of the array must be an object {"column": value, …}');
    }
    for (const k of Object.keys(rec)) if (!index.has(k)) { index.set(k, header.length); header.push(k); }
  });
  checkHeader(header, { file, headerRow: 1 });
  const N = data.length;
  const columns: RawCell[][] = header.map(() => new Array<RawCell>(N).fill(null));
  for (let r = 0; r < N; r++) {
    const rec = data[r] as Record<string, unknown>;
    for (const [k, v] of Object.entries(rec)) {
      if (v === null || typeof v === 'number' || typeof v === 'string') columns[index.get(k)!][r] = v;
      else {
        throw new DataError('bad-json-value', `a ${Array.isArray(v) ? 'list' : typeof v} value where a number, text or null is expected`,
          { file, row: r + 1, column: k, text: JSON.stringify(v) }, 'give each field a number, a string or null');
      }
    }
  }
  return { header, columns, rows: Array.from({ length: N }, (_, r) => r + 1), source: file ?? 'json', warnings: [] };
}

/** JSON bytes (UTF-8, or detected like CSV) → RawTable. */
export function parseJsonBytes(bytes: Uint8Array, opts: { file?: string; encoding?: string } = {}): RawTable {
  if (bytes.length === 0) throw new DataError('empty-file', 'the file is empty (0 bytes)', { file: opts.file }, 'write an array of records');
  const dec = decodeText(bytes, opts);
  const t = parseJsonTable(dec.text, opts);
  t.encoding = dec.encoding;
  t.warnings.push(...dec.warnings);
  return t;
}
