// The workbench's inline data checks (web/src/checks.ts): yearbook missing markers counted, a bad number and
// duplicate id–period rows reported with row and column, unknown province names with suggestions, 全国 flagged.
import { describe, expect, test } from 'vitest';
import { parseCsv } from '../../src/io/csv.js';
import { dataChecks } from '../../web/src/checks.js';

const roles = { id: '省份', period: '年份', labels: [], variables: ['x'] };

describe('data checks', () => {
  test('missing markers, unknown province with a suggestion, variants, duplicates spellings, the national aggregate', () => {
    const t = parseCsv('省份,年份,x\n北京,2020,1\n北京,2021,—\n湖比,2020,2\n湖比,2021,3\n全国,2020,9\n全国,2021,..\n上海,2020,4\n上海,2021,5\n江四,2020,1\n上海市,2020,1\n', { file: 'p.csv' });
    const { checks, ids } = dataChecks(t, roles);
    expect(ids).toHaveLength(6);
    const unknown = checks.find((c) => c.code === 'unknown-province');
    expect(unknown?.message).toContain('湖比');
    expect(unknown?.message).toMatch(/湖北|湖南/);
    expect(unknown?.row).toBe(4);
    expect(checks.find((c) => c.code === 'province-variant' && c.message.includes('江四'))?.message).toContain('江西');
    expect(checks.find((c) => c.code === 'same-province')?.message).toContain('上海市');
    expect(checks.find((c) => c.code === 'aggregate-row')?.message).toContain('全国');
    const missing = checks.find((c) => c.code === 'missing-values');
    expect(missing?.message).toMatch(/—/);
  });

  test('a bad number and duplicate rows are errors naming row and column', () => {
    const bad = dataChecks(parseCsv('省份,年份,x\n北京,2020,1\n北京,2021,abc\n上海,2020,2\n', { file: 'p.csv' }), roles).checks[0];
    expect(bad.level).toBe('error');
    expect(bad.row).toBe(3);
    expect(bad.column).toBe('x');
    const dup = dataChecks(parseCsv('省份,年份,x\n北京,2020,1\n北京,2020,2\n上海,2020,2\n', { file: 'p.csv' }), roles).checks;
    expect(dup[0].level).toBe('error');
    expect(dup[0].code).toBe('duplicate-key');
    expect(dup[0].message).toContain('北京');
  });
});
