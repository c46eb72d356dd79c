// RawTable + explicit roles → Panel: ids, periods, numeric variables, labels, duplicates, unknown columns.
import { describe, it, expect } from 'vitest';
import { fromTable, parsePeriodCell, closestColumnNames, checkHeader, type RawTable } from '../../../src/core/panel/from-table.js';
import { isBalanced } from '../../../src/core/panel/panel.js';
import { DataError } from '../../../src/core/errors.js';

function table(header: string[], rows: (string | number | null)[][], source = 't.csv'): RawTable {
  return { header, columns: header.map((_, j) => rows.map((r) => r[j])), rows: rows.map((_, r) => r + 2), source, warnings: [] };
}

function err(f: () => unknown): DataError {
  try { f(); } catch (e) { expect(e).toBeInstanceOf(DataError); return e as DataError; }
  throw new Error('expected a DataError');
}

describe('fromTable', () => {
  const t = table(['prov', 'year', 'gdp', 'region'], [
    ['北京', '2015年', '1,000', '东部'],
    ['北京', 2016, '1,100.5', '东部'],
    ['河北', 'Y2015', '—', '东部'],
    ['山西', '２０１６', '300', '中部'],
  ]);
  it('builds a panel with ids in first-appearance order, sorted periods, NaN for markers and warnings', () => {
    const { panel, warnings } = fromTable(t, { id: 'prov', period: 'year', variables: ['gdp'], labels: ['region'] });
    expect(panel.ids).toEqual(['北京', '河北', '山西']);
    expect(panel.periods).toEqual([2015, 2016]);
    const g = Array.from(panel.columns.gdp);
    expect(g.slice(0, 2)).toEqual([1000, 1100.5]);
    expect(Number.isNaN(g[2])).toBe(true);
    expect(Number.isNaN(g[3])).toBe(true); // absent row 河北 2016
    expect(g[5]).toBe(300);
    expect(Array.from(panel.present)).toEqual([1, 1, 1, 0, 0, 1]);
    expect(isBalanced(panel)).toBe(false);
    expect(panel.labels.region).toEqual(['东部', '东部', '东部', null, null, '中部']);
    expect(Array.from(panel.sourceRow!)).toEqual([2, 3, 4, 0, 0, 5]);
    expect(panel.source).toBe('t.csv');
    expect(warnings).toEqual([expect.objectContaining({ code: 'missing-values', count: 1, where: { file: 't.csv', column: 'gdp' } })]);
  });
  it('without variables, numeric columns become variables and text columns labels (with a warning)', () => {
    const { panel, warnings } = fromTable(t, { id: 'prov', period: 'year' });
    expect(Object.keys(panel.columns)).toEqual(['gdp']);
    expect(Object.keys(panel.labels)).toEqual(['region']);
    expect(warnings.map((w) => w.code)).toEqual(['missing-values', 'text-columns']);
  });
  it('without a period column gives a cross-section with period 0', () => {
    const c = table(['dmu', 'x', 'y'], [['A', 1, 2], ['B', 3, 4]]);
    const { panel } = fromTable(c, { id: 'dmu', variables: ['x', 'y'] });
    expect(panel.periods).toEqual([0]);
    expect(Array.from(panel.columns.y)).toEqual([2, 4]);
  });
  it('numeric ids become text without ".0"', () => {
    const c = table(['id', 'year', 'x'], [[11, 2015, 1], [12.5, 2015, 2]]);
    expect(fromTable(c, { id: 'id', period: 'year' }).panel.ids).toEqual(['11', '12.5']);
  });
  it('lists every duplicate id–period with its rows', () => {
    const d = table(['id', 'year', 'x'], [['A', 2015, 1], ['B', 2015, 2], ['A', 2015, 3], ['B', 2015, 4], ['A', 2015, 5]]);
    const e = err(() => fromTable(d, { id: 'id', period: 'year', variables: ['x'] }));
    expect(e.kind).toBe('duplicate-key');
    expect(e.location).toMatchObject({ file: 't.csv', row: 4, column: 'id', id: 'A', period: 2015 });
    expect(e.message).toContain('A × 2015 (rows 2, 4, 6)');
    expect(e.message).toContain('B × 2015 (rows 3, 5)');
    expect((e.details as unknown[]).length).toBe(2);
  });
  it('names an unknown column with the closest match and all columns', () => {
    const e = err(() => fromTable(t, { id: 'prov', period: 'year', variables: ['gpd'] }));
    expect(e.kind).toBe('unknown-column');
    expect(e.location.column).toBe('gpd');
    expect(e.message).toContain('did you mean "gdp"');
    expect(e.message).toContain('Columns are: prov, year, gdp, region');
  });
  it('rejects a period that is not an integer year, with row and text', () => {
    const b = table(['id', 'year', 'x'], [['A', '2015', 1], ['A', '2016Q1', 2]]);
    const e = err(() => fromTable(b, { id: 'id', period: 'year' }));
    expect(e.kind).toBe('bad-period');
    expect(e.location).toMatchObject({ row: 3, column: 'year', text: '2016Q1' });
  });
  it('rejects an empty id and a text cell in a named variable', () => {
    const b = table(['id', 'year', 'x'], [['A', 2015, 1], ['  ', 2016, 2]]);
    expect(err(() => fromTable(b, { id: 'id', period: 'year' })).kind).toBe('missing-id');
    const c = table(['id', 'year', 'x'], [['A', 2015, 1], ['A', 2016, 'n.a.']]);
    const e = err(() => fromTable(c, { id: 'id', period: 'year', variables: ['x'] }));
    expect(e.kind).toBe('bad-number');
    expect(e.location).toMatchObject({ file: 't.csv', row: 3, column: 'x', text: 'n.a.' });
  });
  it('rejects a column named in two roles and a table without rows', () => {
    expect(err(() => fromTable(t, { id: 'prov', period: 'year', variables: ['year'] })).kind).toBe('role-conflict');
    expect(err(() => fromTable(table(['a', 'b'], []), { id: 'a' })).kind).toBe('no-rows');
  });
});

describe('helpers', () => {
  it('parsePeriodCell', () => {
    expect(parsePeriodCell(2015)).toBe(2015);
    expect(parsePeriodCell('2015年')).toBe(2015);
    expect(parsePeriodCell('Y2015')).toBe(2015);
    expect(parsePeriodCell(' ２０１５ ')).toBe(2015);
    expect(parsePeriodCell('2015.0')).toBe(2015);
    expect(parsePeriodCell(2015.5)).toBeNull();
    expect(parsePeriodCell('2015-01')).toBeNull();
    expect(parsePeriodCell(null)).toBeNull();
  });
  it('closestColumnNames', () => {
    expect(closestColumnNames('GDP', ['gdp', 'pop', 'year'])[0]).toBe('gdp');
    expect(closestColumnNames('zzzzzz', ['gdp'])).toEqual([]);
  });
  it('checkHeader rejects blank and duplicate names', () => {
    expect(err(() => checkHeader(['a', ' ', 'b'], { file: 'f' })).location).toMatchObject({ file: 'f', row: 1, column: '#2' });
    const e = err(() => checkHeader(['a', 'b', 'a'], { file: 'f' }));
    expect(e.kind).toBe('duplicate-header');
    expect(e.location.column).toBe('a');
  });
});
