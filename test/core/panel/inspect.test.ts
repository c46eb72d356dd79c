// inspectTable: types, missing markers, ranges, entities/periods/balance/duplicates.
import { describe, it, expect } from 'vitest';
import { inspectTable } from '../../../src/core/panel/inspect.js';
import type { RawTable } from '../../../src/core/panel/from-table.js';
import { DataError } from '../../../src/core/errors.js';

function table(header: string[], rows: (string | number | null)[][]): RawTable {
  return { header, columns: header.map((_, j) => rows.map((r) => r[j])), rows: rows.map((_, r) => r + 2), source: 'i.csv', encoding: 'utf-8', warnings: [] };
}

describe('inspectTable', () => {
  const t = table(['id', 'year', 'gdp', 'note', 'empty'], [
    ['A', 2015, '1,000', 'x', '—'], ['A', 2016, '—', 'y', ''], ['B', 2015, 3, 'x', 'NA'], ['B', 2016, '-2.5', null, '…'],
  ]);
  it('types, counts, ranges, markers', () => {
    const r = inspectTable(t, { id: 'id', period: 'year' });
    expect(r.rows.map((x) => [x.column, x.role, x.type, x.nonMissing, x.missing, x.min, x.max, x.distinct])).toEqual([
      ['id', 'id', 'text', 4, 0, null, null, 2],
      ['year', 'period', 'numeric', 4, 0, 2015, 2016, 2],
      ['gdp', 'variable', 'numeric', 3, 1, -2.5, 1000, 3],
      ['note', 'variable', 'text', 3, 1, null, null, 2],
      ['empty', 'variable', 'empty', 0, 4, null, null, 0],
    ]);
    expect(r.rows[4].markers).toBe('"" ×1, "..." ×1, "NA" ×1, "—" ×1');
    expect(r.rows.filter((x) => x.min === null).every((x) => x.status === 'undefined' && x.reason)).toBe(true);
    expect(r.summary).toMatchObject({ rows: 4, variables: 5, entities: 2, periods: 2, firstPeriod: 2015, lastPeriod: 2016, balanced: true, duplicates: 0, missingCells: 6 });
    expect(r.summary.missingMarkers).toEqual({ '—': 2, '': 2, NA: 1, '...': 1 });
    expect(r.card.data).toEqual([{ source: 'i.csv' }]);
    expect(r.card.statusCounts).toEqual({ undefined: 3, ok: 2 });
  });
  it('unbalanced and non-contiguous periods', () => {
    const u = table(['id', 'year', 'x'], [['A', 2015, 1], ['A', 2017, 2], ['B', 2015, 3]]);
    expect(inspectTable(u, { id: 'id', period: 'year' }).summary).toMatchObject({ cells: 3, expectedCells: 4, balanced: false, contiguousPeriods: false });
  });
  it('without roles only column statistics; with variables strict', () => {
    expect(inspectTable(t).summary.entities).toBeUndefined();
    expect(() => inspectTable(t, { id: 'id', period: 'year', variables: ['note'] })).toThrow(DataError);
    expect(inspectTable(t, { id: 'id', period: 'year', variables: ['gdp'] }).warnings[0]).toMatchObject({ code: 'missing-values', count: 1 });
  });
});
