// xinzhi index through the CLI (--format json): entropy, CRITIC, CV-weighted, TOPSIS, GRA fixtures at 1e-9
// relative; errors; the PWT demo framework.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, expectClose, sharedPath, readJson } from '../helpers.js';

const F = sharedPath('fixtures', 'index', 'data', 'index_panel.csv');
const meta = readJson('fixtures/index/data/index_panel_meta.json');
const IND = meta.indicators.map((d: any) => `${d.column}:${d.direction}`).join(',');
const fx = (n: string) => readJson('fixtures/index/expected', `${n}.json`);
const REL = 1e-9;
const base = ['index', '--data', F, '--id', 'province', '--period', 'year', '--indicators', IND, '--format', 'json'];

async function json(args: string[]) {
  const r = await runCli([...base, ...args]);
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
const key = (f: any) => { const m = new Map<string, number>(); f.result.rows.province.forEach((p: string, k: number) => m.set(`${p}|${f.result.rows.year[k]}`, k)); return m; };

describe('xinzhi index --format json', () => {
  it('entropy pooled with shift 0.0001 (1a) and without (1b)', async () => {
    for (const [name, extra] of [['entropy_pooled_shift', ['--shift', '0.0001']], ['entropy_pooled_noshift', []]] as const) {
      const f = fx(name);
      const res = await json(['--weights', 'entropy', ...extra]);
      expect(res.method).toBe('index');
      res.summary.weights.forEach((w: any, j: number) => { expect(w.indicator).toBe(f.result.columns[j]); expectClose(w.weight, f.result.weights[j], REL, 0, name); });
      const pos = key(f);
      for (const r of res.rows) {
        expectClose(r.score, f.result.scores[pos.get(`${r.id}|${r.period}`)!], REL, 1e-12, `${name} ${r.id}`);
        expect(r.rank).toBe(f.result.ranks_by_year[String(r.period)][r.id]);
        expect(Object.keys(r.dimensions)).toEqual(['index']);
      }
      expect(res.card.conventions.entropyShift).toContain(name.endsWith('noshift') ? 'none' : '0.0001');
      expect(res.card.software.name).toBe('xinzhi');
    }
  });
  it('entropy per period (1c)', async () => {
    const f = fx('entropy_yearly');
    const res = await json(['--shift', '0.0001', '--scope', 'period']);
    const exp = f.result.variants['shift_0.0001']['2018'];
    res.summary.weights.filter((w: any) => w.period === 2018).forEach((w: any, j: number) => expectClose(w.weight, exp.weights[j], REL, 0, 'w'));
    exp.provinces.forEach((p: string, k: number) => expectClose(res.rows.find((r: any) => r.id === p && r.period === 2018).score, exp.scores[k], REL, 1e-12, p));
  });
  it('CRITIC and CV weights', async () => {
    const c = fx('critic_pooled');
    const res = await json(['--weights', 'critic']);
    res.summary.weights.forEach((w: any, j: number) => expectClose(w.weight, c.result.weights[j], REL, 0, 'critic'));
    const pos = key(c);
    for (const r of res.rows) expectClose(r.score, c.result.scores[pos.get(`${r.id}|${r.period}`)!], REL, 1e-12, 'critic score');
    const v = fx('cv_weights');
    const cv = await json(['--weights', 'cv']);
    cv.summary.weights.forEach((w: any, j: number) => expectClose(w.weight, v.result.pooled.weights[j], REL, 0, 'cv'));
  });
  it('TOPSIS, three variants of topsis_2020', async () => {
    const f = fx('topsis_2020');
    const variants: [string, string[]][] = [
      ['vector', ['--topsis-normalize', 'vector', '--topsis-scope', 'period', '--ideal', 'period']],
      ['minmax_cross_section', ['--topsis-normalize', 'minmax', '--topsis-scope', 'period', '--ideal', 'period']],
      ['minmax_pooled', ['--topsis-normalize', 'minmax', '--topsis-scope', 'pooled', '--ideal', 'period']],
    ];
    for (const [v, args] of variants) {
      const res = await json(['--shift', '0.0001', '--aggregate', 'topsis', ...args]);
      f.result.provinces.forEach((p: string, i: number) => {
        const r = res.rows.find((x: any) => x.id === p && x.period === 2020);
        expectClose(r.score, f.result[v].closeness[i], REL, 1e-12, `${v} ${p}`);
        expectClose(r.dMinus, f.result[v].d_minus[i], REL, 1e-12, `${v} D- ${p}`);
        expect(r.rank).toBe(f.result[v].rank[i]);
      });
    }
  });
  it('GRA (pooled x′, reference and Δ range within 2020)', async () => {
    const f = fx('gra_2020');
    const res = await json(['--shift', '0.0001', '--aggregate', 'gra', '--gra-scope', 'period']);
    f.result.provinces.forEach((p: string, i: number) => {
      const r = res.rows.find((x: any) => x.id === p && x.period === 2020);
      expectClose(r.score, f.result.minmax_pooled.grade[i], REL, 1e-12, p);
      expect(r.rank).toBe(f.result.minmax_pooled.rank[i]);
    });
  });
});

describe('xinzhi index — errors and options', () => {
  it('unknown column → data error (exit 2) naming the column', async () => {
    const r = await runCli(['index', '--data', F, '--id', 'province', '--period', 'year', '--indicators', 'nope:+,rd_intensity:+', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope/);
  });
  it('framework file: a bad direction is a data error naming file and line; a good file runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xinzhi-fw-'));
    const good = 'framework: t\ndimensions:\n  - key: tech\n    indicators:\n      - { key: rd_intensity, direction: "+" }\n      - { key: ei_papers, direction: "+" }\n  - key: agri\n    indicators:\n      - { key: pesticide_use, direction: "-" }\n';
    writeFileSync(join(dir, 'good.yaml'), good);
    writeFileSync(join(dir, 'bad.yaml'), good.replace('direction: "-"', 'direction: down'));
    const bad = await runCli(['index', '--data', F, '--id', 'province', '--period', 'year', '--framework', 'bad.yaml'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.yaml, row 9/);
    const ok = await runCli(['index', '--data', F, '--id', 'province', '--period', 'year', '--framework', 'good.yaml', '--format', 'json'], { cwd: dir });
    expect(ok.code, ok.stderr).toBe(0);
    expect(Object.keys(JSON.parse(ok.stdout).rows[0].dimensions)).toEqual(['tech', 'agri']);
  });
  it('bad direction and missing indicators → usage error (exit 1)', async () => {
    expect((await runCli(['index', '--data', F, '--id', 'province', '--period', 'year', '--indicators', 'rd_intensity:up'])).code).toBe(1);
    expect((await runCli(['index', '--data', F, '--id', 'province', '--period', 'year'])).code).toBe(1);
  });
  it('same input → same bytes', async () => {
    const a = await runCli([...base, '--shift', '0.0001', '--sensitivity', '10']);
    const b = await runCli([...base, '--shift', '0.0001', '--sensitivity', '10']);
    expect(a.stdout).toBe(b.stdout);
  });
  it('other aggregators and weights run and give finite scores', async () => {
    for (const args of [['--aggregate', 'vikor'], ['--aggregate', 'rsr'], ['--weights', 'pca'], ['--weights', 'sd'], ['--weights', 'entropy+critic', '--combine', 'game'], ['--normalize', 'zscore', '--weights', 'equal'], ['--sensitivity', '20', '--seed', '7']]) {
      const res = await json(args);
      expect(res.rows.every((r: any) => Number.isFinite(r.score) && r.rank >= 1)).toBe(true);
    }
  });
});

describe('xinzhi index --data pwt --framework pwt', () => {
  it('ranks economies with a method card and the PWT attribution; incomplete rows are reported', async () => {
    const r = await runCli(['index', '--data', 'pwt', '--framework', 'pwt', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const res = JSON.parse(r.stdout);
    const y2017 = res.rows.filter((x: any) => x.period === 2017 && x.status === 'ok');
    expect(y2017.length).toBeGreaterThan(100);
    expect(new Set(y2017.map((x: any) => x.rank)).size).toBe(y2017.length);
    expect(res.rows.some((x: any) => x.status === 'insufficient_data' && x.score === null && /missing/.test(x.reason))).toBe(true);
    expect(res.card.data[0].attribution).toMatch(/CC BY 4\.0/);
    expect(res.card.conventions.missing).toMatch(/insufficient_data/);
    expect(Object.keys(y2017[0].dimensions)).toEqual(['workers', 'means_of_labour', 'efficiency']);
  });
});
