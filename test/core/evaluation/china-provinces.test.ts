// A spec of the examples/china-nqpf.yaml shape on real provincial yearbook data (../shared/data/china-provinces,
// techme, MIT; tests only, not bundled). The nqpf indicators are not all in that data, so the test writes a
// framework of the same shape (workers / means of labour / objects of labour) from the variables it has, and a
// wide CSV assembled from the long techme tables (province names canonicalised, 全国 and regional totals dropped).
// Checks: the whole chain runs through the CLI, every requested section is there, numbers are sane, and the
// bundle is complete.

import { beforeAll, describe, expect, test } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, sharedPath } from '../../helpers.js';
import { parseCsv } from '../../../src/io/csv.js';
import { canonicalProvince } from '../../../src/core/panel/regions.js';

const VARIABLES: Record<string, [string, string]> = {
  rd_fte: ['RDLaborHour.csv', 'v4_zh_qsdl_hj'],
  researchers: ['RDLaborHour.csv', 'v4_zh_qsdl_yjry'],
  rd_intensity: ['RDIntense.csv', 'v4_ztr_qd_RD'],
  tech_market: ['MarketPull.csv', 'v4_cg_jssr_je'],
  science_budget: ['PublicBudget.csv', 'v6_cz_yszc_kxjs'],
  invention_patents: ['RDPatentAuthority.csv', 'v4_cg_zlsq2_fm'],
  valid_patents: ['RDPatentValid.csv', 'v4_cg_zlsyx_fm'],
  sci_papers: ['RDPaperInternational.csv', 'v4_cg_gwlw_pssci'],
};

const FRAMEWORK = `framework: nqpf-test
label: {zh: 新质生产力（测试）, en: New quality productive forces (test)}
dimensions:
  - key: workers
    label: {zh: 新质劳动者, en: Workers}
    indicators:
      - {key: rd_fte, label: {zh: R&D 人员全时当量, en: R&D personnel FTE}, direction: "+"}
      - {key: researchers, label: {zh: 研究人员全时当量, en: Researchers FTE}, direction: "+"}
  - key: means_of_labour
    label: {zh: 新质劳动资料, en: Means of labour}
    indicators:
      - {key: rd_intensity, label: {zh: R&D 强度, en: R&D intensity}, direction: "+"}
      - {key: tech_market, label: {zh: 技术市场成交额, en: Technology market turnover}, direction: "+"}
      - {key: science_budget, label: {zh: 科学技术支出, en: Public spending on science}, direction: "+"}
  - key: objects_of_labour
    label: {zh: 新质劳动对象, en: Objects of labour}
    indicators:
      - {key: invention_patents, label: {zh: 发明专利授权数, en: Invention patents granted}, direction: "+"}
      - {key: valid_patents, label: {zh: 有效发明专利数, en: Valid invention patents}, direction: "+"}
      - {key: sci_papers, label: {zh: SCI 论文数, en: SCI papers}, direction: "+"}
`;

function buildCsv(): string {
  const cells = new Map<string, Record<string, number>>();
  for (const [name, [file, code]] of Object.entries(VARIABLES)) {
    const t = parseCsv(readFileSync(sharedPath('data', 'china-provinces', file), 'utf8'), { file });
    const col = (h: string) => t.columns[t.header.indexOf(h)];
    const prov = col('province');
    const year = col('year');
    const value = col('value');
    const vars = col('variables');
    for (let r = 0; r < prov.length; r++) {
      if (vars[r] !== code) continue;
      const m = canonicalProvince(String(prov[r]));
      if (!m || m.kind !== 'province' || m.code === '54' || Number(m.code) > 65) continue; // 30 provinces: no Tibet, HK, Macao, Taiwan
      const y = Number(year[r]);
      if (y < 2011 || y > 2022) continue;
      const v = Number(value[r]);
      if (value[r] === null || value[r] === '' || !Number.isFinite(v)) continue;
      const key = `${m.zh}\u0000${y}`;
      if (!cells.has(key)) cells.set(key, {});
      if (cells.get(key)![name] === undefined) cells.get(key)![name] = v;
    }
  }
  const names = Object.keys(VARIABLES);
  const lines = [['province', 'year', ...names].join(',')];
  for (const key of [...cells.keys()].sort()) {
    const [p, y] = key.split('\u0000');
    lines.push([p, y, ...names.map((n) => cells.get(key)![n] ?? '')].join(','));
  }
  return lines.join('\n') + '\n';
}

describe('a china-nqpf-shaped spec on the techme provincial data', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xinzhi-china-'));
  const out = join(dir, 'bundle');
  let results: any;
  let stdout = '';

  beforeAll(async () => {
    writeFileSync(join(dir, 'provinces.csv'), buildCsv());
    writeFileSync(join(dir, 'nqpf-test.yaml'), FRAMEWORK);
    // The example spec with the test's data and framework swapped in.
    const spec = readFileSync(join(process.cwd(), 'examples', 'china-nqpf.yaml'), 'utf8')
      .replace('file: china-nqpf-template.csv', 'file: provinces.csv')
      .replace(/framework: nqpf\b/, 'framework: nqpf-test.yaml');
    writeFileSync(join(dir, 'spec.yaml'), spec);
    const r = await runCli(['evaluate', join(dir, 'spec.yaml'), '--out', out]);
    if (r.code !== 0) throw new Error(`evaluate failed (${r.code}): ${r.stderr}`);
    stdout = r.stdout;
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
