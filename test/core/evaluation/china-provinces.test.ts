// A spec of the examples/china-nqpf.yaml shape on real provincial yearbook data (see china-fixture.ts).
// Checks: the whole chain runs through the CLI, every requested section is there, numbers are sane, and the
// bundle is complete.

import { beforeAll, describe, expect, test } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildChinaBundle } from './china-fixture.js';

describe('a china-nqpf-shaped spec on the techme provincial data', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xinzhi-china-'));
  const out = join(dir, 'bundle');
  let results: any;
  let stdout = '';

  beforeAll(async () => {
    stdout = await buildChinaBundle(dir, out);
    results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
  }, 120_000);

  test('every requested section ran', () => {
    const kinds = results.sections.map((s: any) => s.kind);
    for (const k of ['data', 'index', 'coupling', 'obstacle', 'disparity', 'kde', 'markov', 'spatialMarkov', 'convergence', 'moran', 'lisa', 'forecast']) expect(kinds).toContain(k);
    for (const f of ['report.html', 'results.xlsx', 'tables.docx', 'tables.tex', 'provenance.json']) expect(existsSync(join(out, f))).toBe(true);
    expect(stdout).toMatch(/报告/);
  });

  test('30 provinces, four NBS regions, Beijing among the leaders', () => {
    expect(results.data.ids.length).toBe(30);
    const regions = new Set(Object.values(results.data.groups.byId));
    expect([...regions].sort()).toEqual(['东北', '东部', '中部', '西部'].sort());
    const ranking = results.tables.find((t: any) => t.id === 'ranking');
    const top5 = ranking.rows.slice(0, 5).map((r: any) => r.id);
    expect(top5.some((id: string) => ['北京', '广东', '江苏', '上海'].includes(id))).toBe(true);
    for (const r of ranking.rows) if (r.score !== null) expect(r.score).toBeGreaterThanOrEqual(0);
  });

  test('decompositions add up and probabilities are probabilities', () => {
    const dagum = results.sections.find((s: any) => s.kind === 'disparity').result.rows;
    for (const r of dagum) if (r.G !== null) expect(Math.abs(r.Gw + r.Gnb + r.Gt - r.G)).toBeLessThan(1e-12);
    const markov = results.sections.find((s: any) => s.kind === 'markov').result.rows;
    for (const r of markov) if (!r.empty) expect(Math.abs(r.probabilities.reduce((a: number, b: number) => a + b, 0) - 1)).toBeLessThan(1e-12);
    const ccd = results.sections.find((s: any) => s.kind === 'coupling').result.rows;
    for (const r of ccd) if (r.D !== null) expect(r.D).toBeGreaterThanOrEqual(0);
    const grades = results.tables.find((t: any) => t.id === 'ccd-grades');
    for (const r of grades.rows) {
      const n = Object.keys(r).filter((k) => /^g\d+$/.test(k)).reduce((a, k) => a + r[k], 0);
      expect(n).toBeLessThanOrEqual(30);
    }
  });

  test('queen weights link Hainan to Guangdong (recorded in the method card)', () => {
    const moran = results.sections.find((s: any) => s.kind === 'moran').result;
    expect(JSON.stringify(moran.card)).toMatch(/海南|Hainan|islandLinks/);
    const lisa = results.sections.find((s: any) => s.kind === 'lisa').result.rows;
    expect(lisa.length).toBe(30);
  });

  test('the report is in Chinese', () => {
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toMatch(/<html lang="zh-CN">/);
    expect(html).toMatch(/排名第一/);
  });
});
