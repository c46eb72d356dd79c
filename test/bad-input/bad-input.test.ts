// The bad-input corpus (test/bad-input/files, made by make-files.mjs): every file either loads correctly with
// a warning, or fails with a DataError of the right kind at the right place — through the library and through
// the CLI (exit code 2, message naming file, row, column). Nothing crashes, nothing yields NaN silently.
// Stata .dta cases (dta-*.dta) are asserted by the .dta reader's own tests.
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { readTableFile } from '../../src/io/read-table.js';
import { fromTable, tableColumnIndex, type TableRoles } from '../../src/core/panel/from-table.js';
import { resolveProvinces } from '../../src/core/panel/regions.js';
import { DataError, type DataLocation } from '../../src/core/errors.js';
import { runCli, repoRoot } from '../helpers.js';

const REL = 'test/bad-input/files';

interface Case {
  file: string;
  roles?: Partial<TableRoles>;
  sheet?: string;
  province?: string;
  kind: string;
  loc: DataLocation;
  /** Text the CLI message must contain besides file/row/column. */
  says?: string;
}

const roles = { id: 'id', period: 'year' };
const cases: Case[] = [
  { file: 'ragged-row.csv', roles, kind: 'ragged-row', loc: { row: 4 }, says: '3 fields but the header has 4' },
  { file: 'header-only.csv', roles, kind: 'no-rows', loc: { row: 2 } },
  { file: 'empty.csv', roles, kind: 'empty-file', loc: {} },
  { file: 'whitespace-only.csv', roles, kind: 'empty-file', loc: {} },
  { file: 'duplicate-id-period.csv', roles: { ...roles, variables: ['x'] }, kind: 'duplicate-key', loc: { row: 5, column: 'id', id: 'A', period: 2016 }, says: 'A × 2016 (rows 3, 5)' },
  { file: 'text-in-numeric.csv', roles: { ...roles, variables: ['gdp'] }, kind: 'bad-number', loc: { row: 3, column: 'gdp', text: 'n.a.' } },
  { file: 'bad-thousands.csv', roles: { ...roles, variables: ['gdp'] }, kind: 'bad-number', loc: { row: 3, column: 'gdp', text: '12,34' }, says: 'groups of exactly 3 digits' },
  { file: 'percent-in-numeric.csv', roles: { ...roles, variables: ['share'] }, kind: 'bad-number', loc: { row: 3, column: 'share', text: '13.1%' }, says: 'percent' },
  { file: 'decimal-comma.csv', roles: { ...roles, variables: ['x'] }, kind: 'bad-number', loc: { row: 2, column: 'x', text: '1,5' }, says: 'decimal commas are not accepted' },
  { file: 'period-not-year.csv', roles: { ...roles, variables: ['x'] }, kind: 'bad-period', loc: { row: 3, column: 'year', text: '2016Q1' } },
  { file: 'missing-id.csv', roles: { ...roles, variables: ['x'] }, kind: 'missing-id', loc: { row: 3, column: 'id' } },
  { file: 'blank-header.csv', roles, kind: 'blank-header', loc: { row: 1, column: '#3' } },
  { file: 'duplicate-header.csv', roles, kind: 'duplicate-header', loc: { row: 1, column: 'x' } },
  { file: 'unknown-column.csv', roles: { ...roles, variables: ['gpd'] }, kind: 'unknown-column', loc: { column: 'gpd' }, says: 'did you mean "gdp"' },
  { file: 'unterminated-quote.csv', roles, kind: 'unterminated-quote', loc: { row: 3 } },
  { file: 'text-after-quote.csv', roles, kind: 'bad-quote', loc: { row: 2, column: '#3' } },
  { file: 'not-utf8-nor-gbk.csv', roles, kind: 'bad-encoding', loc: { row: 3 } },
  { file: 'old-excel.xls', roles, kind: 'unsupported-format', loc: {}, says: 'save as .xlsx' },
  { file: 'not-a-zip.xlsx', roles, kind: 'bad-xlsx', loc: {}, says: 'not a zip' },
  { file: 'truncated-zip.xlsx', roles, kind: 'bad-xlsx', loc: {} },
  { file: 'wrong-sheet.xlsx', roles, sheet: 'data', kind: 'unknown-sheet', loc: { sheet: 'data' }, says: '1 "2015年数据", 2 "说明"' },
  { file: 'xlsx-text-in-numeric.xlsx', roles: { ...roles, variables: ['x'] }, kind: 'bad-number', loc: { sheet: 'data', row: 3, column: 'x', text: '#DIV/0!' } },
  { file: 'xlsx-stray-value.xlsx', roles, kind: 'ragged-row', loc: { sheet: 'data', row: 3, column: '#5', text: '注：估计值' } },
  { file: 'json-not-array.json', roles, kind: 'json-not-array', loc: {}, says: 'an object' },
  { file: 'json-invalid.json', roles, kind: 'bad-json', loc: {} },
  { file: 'json-mixed-types.json', roles: { ...roles, variables: ['x'] }, kind: 'bad-number', loc: { row: 3, column: 'x', text: 'abc' } },
  { file: 'json-nested-value.json', roles, kind: 'bad-json-value', loc: { row: 2, column: 'x' } },
  { file: 'json-record-not-object.json', roles, kind: 'bad-json-record', loc: { row: 2 } },
  { file: 'unknown-province.csv', roles: { id: 'province', period: 'year' }, province: 'province', kind: 'unknown-region', loc: { row: 5, column: 'province', text: '火星' } },
];

async function load(c: Case) {
  const t = await readTableFile(join(REL, c.file), { cwd: repoRoot, sheet: c.sheet });
  if (c.province) {
    const j = tableColumnIndex(t, c.province);
    resolveProvinces(t.columns[j].map((x) => String(x ?? '')), { file: t.source, column: c.province, rows: t.rows });
  }
  return fromTable(t, { id: c.roles?.id ?? 'id', period: c.roles?.period, variables: c.roles?.variables, labels: c.roles?.labels });
}

function cliArgs(c: Case): string[] {
  const a = ['data', 'inspect', join(REL, c.file), '--format', 'json'];
  if (c.roles?.id) a.push('--id', c.roles.id);
  if (c.roles?.period) a.push('--period', c.roles.period);
  if (c.roles?.variables) a.push('--variables', c.roles.variables.join(','));
  if (c.sheet) a.push('--sheet', c.sheet);
  if (c.province) a.push('--province', c.province);
  return a;
}

describe('bad-input corpus: library', () => {
  it('has at least 20 failing cases', () => expect(cases.length).toBeGreaterThanOrEqual(20));
  for (const c of cases) {
    it(`${c.file} → ${c.kind}`, async () => {
      let caught: unknown;
      try { await load(c); } catch (e) { caught = e; }
      expect(caught, 'must throw').toBeInstanceOf(DataError);
      const e = caught as DataError;
      expect(e.kind).toBe(c.kind);
      expect(e.location.file).toBe(join(REL, c.file));
      expect(e.location).toMatchObject(c.loc);
      if (c.says) expect(e.message).toContain(c.says);
      expect(e.message).not.toContain('undefined');
    });
  }
});

describe('bad-input corpus: CLI (exit 2, file/row/column named)', () => {
  for (const c of cases) {
    it(`xinzhi data inspect ${c.file}`, async () => {
      const r = await runCli(cliArgs(c));
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`data error [${c.kind}]`);
      expect(r.stderr).toContain(join(REL, c.file));
      if (c.loc.row !== undefined) expect(r.stderr).toContain(`row ${c.loc.row}`);
      if (c.loc.column !== undefined) expect(r.stderr).toContain(`column "${c.loc.column}"`);
      if (c.loc.sheet !== undefined) expect(r.stderr).toContain(`[sheet ${c.loc.sheet}]`);
      if (c.loc.text !== undefined) expect(r.stderr).toContain(JSON.stringify(c.loc.text));
      if (c.says) expect(r.stderr).toContain(c.says);
      expect(r.stderr).toContain('what to do');
      expect(r.stderr).not.toContain('internal error');
    });
  }
});

describe('bad-input corpus: files that must still load', () => {
  const expectGood = (panel: Awaited<ReturnType<typeof load>>['panel']) => {
    expect(panel.ids).toEqual(['北京', '河北']);
    expect(panel.periods).toEqual([2015, 2016]);
    expect(Array.from(panel.columns.gdp)).toEqual([24779.1, 27041.2, 29806.1, 32070.5]);
    expect(panel.labels.region).toEqual(['东部', '东部', '东部', '东部']);
  };
  it('GBK without declaration: decoded as GB18030, with a warning', async () => {
    const t = await readTableFile(join(REL, 'gbk-no-declaration.csv'), { cwd: repoRoot });
    expect(t.encoding).toBe('gb18030');
    const { panel, warnings } = fromTable(t, { id: '省份', period: '年份', variables: ['gdp'], labels: ['region'] });
    expectGood(panel);
    expect(warnings.map((w) => w.code)).toEqual(['encoding-detected']);
    const r = await runCli(['data', 'inspect', join(REL, 'gbk-no-declaration.csv'), '--id', '省份', '--period', '年份', '--format', 'json']);
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout);
    expect(res.summary).toMatchObject({ encoding: 'gb18030', entities: 2, periods: 2, balanced: true });
    expect(res.warnings[0].code).toBe('encoding-detected');
  });
  it('UTF-8 with BOM: the first header name is clean', async () => {
    const t = await readTableFile(join(REL, 'utf8-bom.csv'), { cwd: repoRoot });
    expect(t.encoding).toBe('utf-8-bom');
    expect(t.header[0]).toBe('省份');
    expectGood(fromTable(t, { id: '省份', period: '年份', variables: ['gdp'], labels: ['region'] }).panel);
  });
  it('full-width digits, 2015年/Y2015 periods, thousands separators and yearbook markers', async () => {
    const t = await readTableFile(join(REL, 'fullwidth-and-markers.csv'), { cwd: repoRoot });
    const { panel, warnings } = fromTable(t, { id: '省份', period: '年份', variables: ['gdp', 'rd'] });
    expect(panel.periods).toEqual([2015, 2016]);
    expect(Array.from(panel.columns.gdp)).toEqual([24779.1, 27041.2, 29806.1, 32070.5]);
    expect(Array.from(panel.columns.rd).every(Number.isNaN)).toBe(true);
    expect(warnings).toEqual([expect.objectContaining({ code: 'missing-values', count: 4, where: { file: join(REL, 'fullwidth-and-markers.csv'), column: 'rd' } })]);
    expect(warnings[0].message).toContain('"—" ×1');
    const r = await runCli(['data', 'inspect', join(REL, 'fullwidth-and-markers.csv'), '--id', '省份', '--period', '年份', '--format', 'json']);
    const res = JSON.parse(r.stdout);
    expect(res.summary.missingMarkers).toEqual({ '—': 1, '...': 1, NA: 1, '/': 1 });
    expect(res.rows[3]).toMatchObject({ column: 'rd', type: 'empty', missing: 4, min: null, max: null, status: 'undefined', reason: 'no values' });
  });
});
