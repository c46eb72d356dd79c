// Bad .dta files of the shared bad-input corpus (test/bad-input/files/dta-*.dta): each must fail with a
// DataError of the stated kind that names the file and, where it applies, the byte offset and section.
// The files were made from small tables written by writeDta, then damaged: cut short, release number
// changed, a tag misspelt, a type code out of range, a strL pointer redirected; plus an old (114) header,
// a CSV renamed to .dta, and an empty file.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readDta, writeDta } from '../../src/io/dta.js';
import { DataError } from '../../src/core/errors.js';
import { repoRoot } from '../helpers.js';

function failure(file: string): DataError {
  const bytes = readFileSync(resolve(repoRoot, 'test/bad-input/files', file));
  try {
    readDta(bytes, file);
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    return e as DataError;
  }
  throw new Error(`${file} was read without error`);
}

const cases: [file: string, kind: string, section: string | null, message: RegExp][] = [
  ['dta-truncated.dta', 'dta-truncated', 'data', /data section needs \d+ bytes/],
  ['dta-empty.dta', 'dta-truncated', 'header', /empty/],
  ['dta-release-114.dta', 'dta-unsupported-release', 'header', /format 114/],
  ['dta-release-120.dta', 'dta-unsupported-release', 'header', /format 120/],
  ['dta-bad-magic.dta', 'dta-bad-magic', 'header', /does not start with <stata_dta>/],
  ['dta-corrupt-tag.dta', 'dta-corrupt', 'varnames', /expected <varnames>/],
  ['dta-bad-type.dta', 'dta-corrupt', 'variable_types', /unknown variable type code 40000 for variable 1/],
  ['dta-dangling-strl.dta', 'dta-corrupt', 'strls', /not in the <strls> section/],
];

describe('bad .dta files', () => {
  for (const [file, kind, section, message] of cases) {
    test(file, () => {
      const e = failure(file);
      expect(e.kind).toBe(kind);
      expect(e.location.file).toBe(file);
      expect(e.message).toMatch(message);
      expect(e.message).toContain(file);
      expect(e.hint).toBeTruthy();
      const d = e.details as { offset: number; section: string } | undefined;
      if (section) {
        expect(d?.section).toBe(section);
        expect(e.message).toMatch(/byte offset \d+/);
        expect(typeof d?.offset).toBe('number');
      }
    });
  }

  test('every dta-* file in the corpus has a case here', async () => {
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(resolve(repoRoot, 'test/bad-input/files')).filter((f) => f.startsWith('dta-'));
    expect(files.sort()).toEqual(cases.map((c) => c[0]).sort());
  });

  test('fuzz: damaged or cut files never crash — they read or fail with a DataError', () => {
    const table = {
      header: ['province', 'year', 'gdp', 'code', 'note'],
      columns: [['北京', '天津', 'Hebei'], [2019, 2019, 2019], [35371.3, null, 35104.5], [1, 2, 3], ['', 'y'.repeat(2100), 'z']],
      valueLabels: { code: { 1: 'a', 2: 'b' } },
      missingCodes: { gdp: { 1: '.b' } },
      variableLabels: { gdp: '地区生产总值' },
    };
    const goods = ([117, 118, 119] as const).flatMap((release) => (['LSF', 'MSF'] as const).map((byteOrder) => writeDta(table, { release, byteOrder })));
    fc.assert(
      fc.property(
        fc.nat(goods.length - 1),
        fc.array(fc.record({ at: fc.nat(7000), byte: fc.integer({ min: 0, max: 255 }) }), { maxLength: 6 }),
        fc.option(fc.nat(7000), { nil: undefined }),
        (which, flips, cut) => {
          const good = goods[which];
          const b = good.slice(0, cut ?? good.length);
          for (const f of flips) if (f.at < b.length) b[f.at] = f.byte;
          try {
            readDta(b, 'fuzz.dta');
          } catch (e) {
            expect(e, String(e)).toBeInstanceOf(DataError);
          }
        },
      ),
      { numRuns: 400, seed: 2026 },
    );
  });
});
