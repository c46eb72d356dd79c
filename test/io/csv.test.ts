// CSV/TSV parsing (RFC 4180, delimiter sniffing, row numbers) and encoding detection.
import { describe, it, expect } from 'vitest';
import iconv from 'iconv-lite';
import { parseCsv, parseCsvBytes, sniffDelimiter } from '../../src/io/csv.js';
import { decodeText } from '../../src/io/encoding.js';
import { DataError, UsageError } from '../../src/core/errors.js';

function err(f: () => unknown): DataError {
  try { f(); } catch (e) { expect(e).toBeInstanceOf(DataError); return e as DataError; }
  throw new Error('expected a DataError');
}
const enc = (s: string) => new TextEncoder().encode(s);

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, embedded delimiters and line breaks (RFC 4180)', () => {
    const t = parseCsv('country,code,x\r\n"China, Hong Kong SAR",HKG,1\r\n"say ""hi""",X,"2\n3"\r\nA,B,\r\n', { file: 'q.csv' });
    expect(t.header).toEqual(['country', 'code', 'x']);
    expect(t.columns[0]).toEqual(['China, Hong Kong SAR', 'say "hi"', 'A']);
    expect(t.columns[2]).toEqual(['1', '2\n3', '']);
    expect(t.rows).toEqual([2, 3, 5]); // the record starting on line 3 spans lines 3–4
    expect(t.source).toBe('q.csv');
  });
  it('skips blank lines but keeps counting lines', () => {
    const t = parseCsv('a,b\n1,2\n\n3,4\n\n');
    expect(t.rows).toEqual([2, 4]);
    expect(t.columns[1]).toEqual(['2', '4']);
  });
  it('sniffs tab, semicolon and pipe', () => {
    expect(sniffDelimiter('a\tb\tc\n1,2\t3')).toBe('\t');
    expect(sniffDelimiter('a;b;c\n')).toBe(';');
    expect(sniffDelimiter('a|b\n')).toBe('|');
    expect(sniffDelimiter('"x,y";b;c\n')).toBe(';');
    expect(parseCsv('a\tb\n1,5\t2\n').columns[0]).toEqual(['1,5']);
  });
  it('strips a BOM character and trims header names', () => {
    expect(parseCsv('\ufeff id , year\u3000\n1,2\n').header).toEqual(['id', 'year']);
  });
  it('errors: ragged row, open quote, text after quote, empty, header only, duplicate/blank header', () => {
    let e = err(() => parseCsv('a,b,c\n1,2,3\n4,5\n', { file: 'r.csv' }));
    expect(e.kind).toBe('ragged-row');
    expect(e.location).toMatchObject({ file: 'r.csv', row: 3 });
    expect(e.message).toContain('2 fields but the header has 3');
    e = err(() => parseCsv('a,b\n1,"2\n3,4\n', { file: 'o.csv' }));
    expect(e.kind).toBe('unterminated-quote');
    expect(e.location.row).toBe(2);
    e = err(() => parseCsv('a,b\n1,"2"x\n'));
    expect(e.kind).toBe('bad-quote');
    expect(e.location).toMatchObject({ row: 2, column: '#2' });
    expect(err(() => parseCsv('  \n\n')).kind).toBe('empty-file');
    expect(err(() => parseCsv('a,b\n')).kind).toBe('no-rows');
    expect(parseCsv('a,b\n', { allowEmpty: true }).rows).toEqual([]);
    expect(err(() => parseCsv('a,a\n1,2\n')).kind).toBe('duplicate-header');
    expect(err(() => parseCsv('a,,c\n1,2,3\n')).kind).toBe('blank-header');
  });
});

describe('encoding', () => {
  const text = '省份,年份,值\n北京,2015,1\n';
  it('UTF-8, UTF-8 with BOM, UTF-16LE with BOM', () => {
    expect(decodeText(enc(text))).toMatchObject({ text, encoding: 'utf-8', warnings: [] });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...enc(text)]))).toMatchObject({ text, encoding: 'utf-8-bom' });
    const u16 = new Uint8Array([0xff, 0xfe, ...iconv.encode(text, 'utf-16le')]);
    expect(decodeText(u16)).toMatchObject({ text, encoding: 'utf-16le' });
  });
  it('GBK without declaration decodes as GB18030 with a warning', () => {
    const d = decodeText(new Uint8Array(iconv.encode(text, 'gbk')), { file: 'g.csv' });
    expect(d.text).toBe(text);
    expect(d.encoding).toBe('gb18030');
    expect(d.warnings[0]).toMatchObject({ code: 'encoding-detected', where: { file: 'g.csv' } });
    const t = parseCsvBytes(new Uint8Array(iconv.encode(text, 'gbk')), { file: 'g.csv' });
    expect(t.columns[0]).toEqual(['北京']);
    expect(t.encoding).toBe('gb18030');
    expect(t.warnings.map((w) => w.code)).toEqual(['encoding-detected']);
  });
  it('--encoding overrides detection; an unknown name is a usage error; wrong UTF-8 is a data error', () => {
    expect(decodeText(new Uint8Array(iconv.encode('é', 'latin1')), { encoding: 'latin1' }).text).toBe('é');
    expect(() => decodeText(enc('x'), { encoding: 'klingon' })).toThrow(UsageError);
    expect(err(() => decodeText(new Uint8Array([0x61, 0xff, 0xfe]), { encoding: 'utf-8', file: 'u.csv' })).kind).toBe('bad-encoding');
  });
  it('bytes that are neither UTF-8 nor GB18030 are a DataError with the line', () => {
    const e = err(() => decodeText(new Uint8Array([...enc('a,b\n1,2\n'), 0xff, 0x0a]), { file: 'x.csv' }));
    expect(e.kind).toBe('bad-encoding');
    expect(e.location).toMatchObject({ file: 'x.csv', row: 3 });
  });
  it('an empty byte array is empty-file', () => {
    expect(err(() => parseCsvBytes(new Uint8Array(0), { file: 'e.csv' })).kind).toBe('empty-file');
  });
});
