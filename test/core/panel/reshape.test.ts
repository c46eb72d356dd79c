// Long ↔ wide: wide yearbook tables, the (id, period, variable, value) pivot, and a round trip.
import { describe, it, expect } from 'vitest';
import { wideToLong, pivotLonger, panelToWide, parsePeriodHeader } from '../../../src/core/panel/reshape.js';
import { fromTable, type RawTable } from '../../../src/core/panel/from-table.js';
import { DataError } from '../../../src/core/errors.js';

function table(header: string[], rows: (string | number | null)[][]): RawTable {
  return { header, columns: header.map((_, j) => rows.map((r) => r[j])), rows: rows.map((_, r) => r + 2), source: 'w.csv', warnings: [] };
}
function err(f: () => unknown): DataError {
  try { f(); } catch (e) { expect(e).toBeInstanceOf(DataError); return e as DataError; }
  throw new Error('expected a DataError');
}

describe('wide headers', () => {
  it('parse 2015, 2015年, Y2015 and full-width to integers', () => {
    expect(['2015', '2015年', 'Y2015', 'y2016', '２０１７年', ' 2018 '].map(parsePeriodHeader)).toEqual([2015, 2015, 2015, 2016, 2017, 2018]);
    expect(parsePeriodHeader('gdp')).toBeNull();
    expect(parsePeriodHeader('2015Q1')).toBeNull();
  });
});

describe('wideToLong', () => {
  const w = table(['地区', '区域', '2016年', '2015年'], [['北京', '东部', '2,000', '1,900'], ['河北', '东部', '—', 800]]);
  it('turns one column per period into long rows, sorted by period within each source row', () => {
    const long = wideToLong(w, { id: '地区', variable: 'gdp', keep: ['区域'] });
    expect(long.header).toEqual(['地区', 'period', 'gdp', '区域']);
    expect(long.columns[0]).toEqual(['北京', '北京', '河北', '河北']);
    expect(long.columns[1]).toEqual([2015, 2016, 2015, 2016]);
    expect(long.columns[2]).toEqual(['1,900', '2,000', 800, '—']);
    expect(long.rows).toEqual([2, 2, 3, 3]);
    const { panel } = fromTable(long, { id: '地区', period: 'period', variables: ['gdp'], labels: ['区域'] });
    expect(panel.periods).toEqual([2015, 2016]);
    expect(Array.from(panel.columns.gdp).slice(0, 3)).toEqual([1900, 2000, 800]);
  });
  it('refuses a column that is neither a period nor kept', () => {
    const e = err(() => wideToLong(w, { id: '地区', variable: 'gdp' }));
    expect(e.kind).toBe('not-a-period-column');
    expect(e.location).toMatchObject({ file: 'w.csv', row: 1, column: '区域' });
  });
  it('refuses two columns for the same period', () => {
    const d = table(['id', '2015', 'Y2015'], [['A', 1, 2]]);
    expect(err(() => wideToLong(d, { id: 'id', variable: 'x' })).kind).toBe('duplicate-period-column');
  });
});

describe('pivotLonger', () => {
  const ll = table(['province', 'year', 'variables', 'value'], [
    ['北京', '2023', 'rd', '2,947.1'], ['北京', '2023', 'gdp', 43760.7], ['天津', '2023', 'rd', '…'], ['天津', '2023', 'gdp', '16737.3'], ['北京', '2022', 'rd', 2843.3],
  ]);
  it('makes one column per variable, numbers parsed, missing as null', () => {
    const t = pivotLonger(ll, { id: 'province', period: 'year', variable: 'variables', value: 'value' });
    expect(t.header).toEqual(['province', 'year', 'rd', 'gdp']);
    expect(t.columns[0]).toEqual(['北京', '天津', '北京']);
    expect(t.columns[2]).toEqual([2947.1, null, 2843.3]);
    expect(t.columns[3]).toEqual([43760.7, 16737.3, null]);
    expect(t.rows).toEqual([2, 4, 6]);
    expect(t.warnings[0]).toMatchObject({ code: 'missing-values', count: 1 });
    const { panel } = fromTable(t, { id: 'province', period: 'year', variables: ['rd', 'gdp'] });
    expect(panel.periods).toEqual([2022, 2023]);
  });
  it('lists repeated id–period–variable triples with rows; bad values name their own row', () => {
    const d = table(['id', 'year', 'v', 'x'], [['A', 2015, 'gdp', 1], ['A', 2015, 'gdp', 2]]);
    const e = err(() => pivotLonger(d, { id: 'id', period: 'year', variable: 'v', value: 'x' }));
    expect(e.kind).toBe('duplicate-key');
    expect(e.message).toContain('A × 2015 × gdp (rows 2, 3)');
    const b = table(['id', 'year', 'v', 'x'], [['A', 2015, 'gdp', 1], ['A', 2016, 'gdp', 'abc']]);
    expect(err(() => pivotLonger(b, { id: 'id', period: 'year', variable: 'v', value: 'x' })).location).toMatchObject({ row: 3, column: 'x', text: 'abc' });
  });
});

describe('panelToWide', () => {
  it('round-trips long → wide → long', () => {
    const long = table(['id', 'year', 'x'], [['A', 2015, 1], ['A', 2016, 2], ['B', 2016, 4]]);
    const { panel } = fromTable(long, { id: 'id', period: 'year', variables: ['x'] });
    const wide = panelToWide(panel, 'x');
    expect(wide.header).toEqual(['id', '2015', '2016']);
    expect(wide.columns).toEqual([['A', 'B'], [1, null], [2, 4]]);
    const back = fromTable(wideToLong(wide, { id: 'id', variable: 'x', periodName: 'year' }), { id: 'id', period: 'year', variables: ['x'] }).panel;
    expect(back.ids).toEqual(panel.ids);
    expect(Array.from(back.columns.x).map((v) => (Number.isNaN(v) ? null : v))).toEqual([1, 2, null, 4]);
    expect(() => panelToWide(panel, 'nope')).toThrow(DataError);
  });
});
