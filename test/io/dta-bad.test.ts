// Bad .dta files of the shared bad-input corpus (test/bad-input/files/dta-*.dta): each must fail with a
// DataError of the stated kind that names the file and, where it applies, the byte offset and section.
// The files were made from small tables written by writeDta, then damaged: cut short, release number
// changed, a tag misspelt, a type code out of range, a strL pointer redirected; plus an old (114) header,
// a CSV renamed to .dta, and an empty file.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readDta } from '../../src/io/dta.js';
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
});
