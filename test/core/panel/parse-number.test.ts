// The number rule of parse-number.ts: markers, thousands separators, full-width digits, errors with location.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseNumberText, parseNumericColumn, describeMissing } from '../../../src/core/panel/parse-number.js';
import { DataError } from '../../../src/core/errors.js';

const num = (s: string) => {
  const p = parseNumberText(s);
  return p.kind === 'number' ? p.value : p.kind;
};

describe('parseNumberText', () => {
  it('parses plain, signed, decimal and exponent numbers', () => {
    expect(num('12')).toBe(12);
    expect(num('-12.5')).toBe(-12.5);
    expect(num('+0.25')).toBe(0.25);
    expect(num('.5')).toBe(0.5);
    expect(num('5.')).toBe(5);
    expect(num('1.5e3')).toBe(1500);
    expect(num('2E-2')).toBe(0.02);
    expect(num('0.6283628940582275')).toBe(0.6283628940582275);
  });
  it('accepts thousands separators only between groups of exactly three digits', () => {
    expect(num('1,234.5')).toBe(1234.5);
    expect(num('12,345,678')).toBe(12345678);
    expect(num('-1,000')).toBe(-1000);
    expect(num('1,23')).toBe('bad');
    expect(num('1234,567')).toBe('bad');
    expect(num('1,2345')).toBe('bad');
    expect(num(',123')).toBe('bad');
    expect(num('1,,234')).toBe('bad');
  });
  it('folds full-width digits and signs (NFKC) and trims U+3000 and NBSP', () => {
    expect(num('１２３')).toBe(123);
    expect(num('－１２．５')).toBe(-12.5);
    expect(num('１，２３４')).toBe(1234);
    expect(num('\u3000 42 \u3000')).toBe(42);
    expect(num('\u00a07\t')).toBe(7);
  });
  it('recognises every missing marker', () => {
    for (const m of ['', 'NA', 'na', 'N/A', 'NaN', 'nan', 'NULL', '#N/A', '.', '..', '...', '-', '--', '—', '——', '–', '―', '…', '/', '－', '\u3000', '  ', '／']) {
      expect(parseNumberText(m).kind, JSON.stringify(m)).toBe('missing');
    }
  });
  it('rejects text, percent, units, hex and overflow', () => {
    for (const s of ['abc', '12%', '3万', '0x1A', '0b11', 'Infinity', '-Infinity', '1e400', '1.2.3', '1-2', 'e5', '+', '1 234']) {
      expect(parseNumberText(s).kind, s).toBe('bad');
    }
  });
  it('agrees with Number() on every finite double written in shortest form (property)', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
      const s = String(x);
      const p = parseNumberText(s);
      expect(p.kind).toBe('number');
      if (p.kind === 'number') expect(Object.is(p.value, x) || (p.value === 0 && x === 0)).toBe(true);
    }));
  });
  it('parses numbers with thousands separators inserted (property)', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (x) => {
      const s = x.toLocaleString('en-US');
      expect(num(s)).toBe(x);
    }));
  });
});

describe('parseNumericColumn', () => {
  it('counts missing markers per marker and keeps spreadsheet numbers', () => {
    const c = parseNumericColumn(['1', '', '—', 2.5, null, '…', '1,000', '－'], { column: 'x' });
    expect(Array.from(c.values).map((v) => (Number.isNaN(v) ? null : v))).toEqual([1, null, null, 2.5, null, null, 1000, null]);
    expect(c.missingCount).toBe(5);
    expect(c.missing).toEqual({ '': 2, '—': 1, '...': 1, '-': 1 });
    expect(describeMissing(c.missing)).toBe('"" ×2, "-" ×1, "..." ×1, "—" ×1');
  });
  it('throws bad-number naming file, row (header = row 1), column and text', () => {
    try {
      parseNumericColumn(['1', '2', 'abc'], { file: 'a.csv', column: 'gdp' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DataError);
      const d = e as DataError;
      expect(d.kind).toBe('bad-number');
      expect(d.location).toMatchObject({ file: 'a.csv', row: 4, column: 'gdp', text: 'abc' });
      expect(d.message).toContain('a.csv, row 4, column "gdp"');
    }
  });
  it('uses the given source rows and explains a bad comma', () => {
    try {
      parseNumericColumn(['1', '1,23'], { file: 'b.csv', column: 'x', rows: [5, 9] });
      expect.unreachable();
    } catch (e) {
      const d = e as DataError;
      expect(d.location.row).toBe(9);
      expect(d.message).toMatch(/groups of exactly 3 digits/);
    }
  });
  it('rejects non-finite spreadsheet numbers', () => {
    expect(() => parseNumericColumn([Infinity], { column: 'x' })).toThrow(DataError);
  });
});
