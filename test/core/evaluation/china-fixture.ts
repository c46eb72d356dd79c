// Test fixture: a spec of the examples/china-nqpf.yaml shape on real provincial yearbook data
// (../shared/data/china-provinces, techme, MIT; tests only, not bundled). The nqpf indicators are not all in that
// data, so this writes a framework of the same shape (workers / means of labour / objects of labour) from the
// variables it has, and a wide CSV assembled from the long techme tables (province names canonicalised; 全国,
// regional totals, Tibet, Hong Kong, Macao and Taiwan dropped), then runs `xinzhi evaluate`.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, runCli, sharedPath } from '../../helpers.js';
import { parseCsv } from '../../../src/io/csv.js';
import { canonicalProvince } from '../../../src/core/panel/regions.js';

export const chinaDataAvailable = existsSync(sharedPath('data', 'china-provinces', 'RDIntense.csv'));

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

export function buildChinaCsv(): string {
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


/** Write data, framework and spec into `dir` and run the spec into `out`; returns stdout. */
export async function buildChinaBundle(dir: string, out: string, extraArgs: string[] = []): Promise<string> {
  writeFileSync(join(dir, 'provinces.csv'), buildChinaCsv());
  writeFileSync(join(dir, 'nqpf-test.yaml'), FRAMEWORK);
  // The example spec with the test's data and framework swapped in.
  const spec = readFileSync(join(repoRoot, 'examples', 'china-nqpf.yaml'), 'utf8')
    .replace('file: china-nqpf-template.csv', 'file: provinces.csv')
    .replace(/framework: nqpf\b/, 'framework: nqpf-test.yaml');
  writeFileSync(join(dir, 'spec.yaml'), spec);
  const r = await runCli(['evaluate', join(dir, 'spec.yaml'), '--out', out, ...extraArgs]);
  if (r.code !== 0) throw new Error(`evaluate failed (${r.code}): ${r.stderr}`);
  return r.stdout;
}
