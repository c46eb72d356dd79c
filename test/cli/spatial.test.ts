import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, readJson, sharedPath, expectClose } from '../helpers.js';

// moran_2020 fixture through the CLI (--format json): 1e-9 relative, absolute floor 1e-12.
const fx = readJson('fixtures/index/expected/moran_2020.json');
const provinces: string[] = fx.result.provinces;
const values: number[] = fx.result.values;
const REL = 1e-9, ABS = 1e-12;
let dir = '';
const nbFile = sharedPath('fixtures/index/data/provinces_queen.json');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xinzhi-spatial-'));
  // two periods: 2020 (the fixture) and 2019 (with 西藏 missing)
  const lines = ['province,year,score'];
  provinces.forEach((p, i) => { lines.push(`${p},2020,${values[i]}`); lines.push(`${p},2019,${p === '西藏' ? '' : values[(i + 3) % 31]}`); });
  writeFileSync(join(dir, 'scores.csv'), lines.join('\n') + '\n');
  writeFileSync(join(dir, 'bad-weights.json'), JSON.stringify({ 北京: ['天津'], 天津: ['北京'] }));
});

const base = () => ['--data', join(dir, 'scores.csv'), '--id', 'province', '--period', 'year', '--value', 'score', '--format', 'json'];

describe('xinzhi spatial moran', () => {
  for (const weights of [[], ['--weights', nbFile]]) {
    it(`matches spdep (${weights.length ? 'fixture neighbour file' : 'bundled queen list, Hainan linked'})`, async () => {
      const r = await runCli(['spatial', 'moran', ...base(), ...weights, '--periods', '2020', '--permutations', '0']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.method).toBe('moran');
      const row = out.rows[0];
      for (const [key, block] of [['norm', row.normality], ['rand', row.randomisation]] as const) {
        const g = fx.result.global[key];
        expectClose(row.I, g.I, REL, ABS, 'I');
        expectClose(row.EI, g.expected_I, REL, ABS, 'EI');
        expectClose(block.VI, g.variance, REL, ABS, `${key} VI`);
        expectClose(block.z, g.z, REL, ABS, `${key} z`);
        expectClose(block.pGreater, g.p_greater, REL, ABS, `${key} p_greater`);
        expectClose(block.pTwoSided, g.p_two_sided, REL, ABS, `${key} p_two_sided`);
      }
      expect(row.permutation).toBeNull();
    });
  }
  it('alternative and assumption choose the row p; permutations are seeded', async () => {
    const a = JSON.parse((await runCli(['spatial', 'moran', ...base(), '--assumption', 'normality', '--alternative', 'greater', '--permutations', '199', '--seed', '3'])).stdout);
    const b = JSON.parse((await runCli(['spatial', 'moran', ...base(), '--assumption', 'normality', '--alternative', 'greater', '--permutations', '199', '--seed', '3'])).stdout);
    const row = a.rows.find((x: any) => x.period === 2020);
    expectClose(row.p, fx.result.global.norm.p_greater, REL, ABS, 'p');
    expect(a.rows.map((x: any) => x.pSim)).toEqual(b.rows.map((x: any) => x.pSim));
    expect(a.rows.map((x: any) => x.period)).toEqual([2019, 2020]);
    expect(a.rows[0].n).toBe(30);
    expect(a.warnings.some((w: any) => w.code === 'missing-values')).toBe(true);
  });
});

describe('xinzhi spatial lisa', () => {
  for (const [key, variance] of [['cond', 'conditional'], ['total', 'total']] as const) {
    it(`${key}: Ii, E, Var, Z, p and quadrants match spdep`, async () => {
      const r = await runCli(['spatial', 'lisa', ...base(), '--weights', nbFile, '--periods', '2020', '--variance', variance, '--permutations', '0']);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      const exp = fx.result.local[key];
      expect(out.rows.length).toBe(31);
      for (const row of out.rows) {
        const i = provinces.indexOf(row.id);
        expectClose(row.Ii, exp.Ii[i], REL, ABS, `${row.id} Ii`);
        expectClose(row.EIi, exp.E_Ii[i], REL, ABS, `${row.id} E`);
        expectClose(row.VIi, exp.Var_Ii[i], REL, ABS, `${row.id} Var`);
        expectClose(row.z, exp.Z_Ii[i], REL, ABS, `${row.id} Z`);
        expectClose(row.p, exp.p_two_sided[i], REL, ABS, `${row.id} p`);
        expect(row.quadrant).toBe(exp.quadrant_pysal[i].split('-').map((s: string) => s[0]).join(''));
      }
      expect(out.card.conventions.variance).toMatch(variance === 'conditional' ? /conditional/ : /Anselin/);
    });
  }
  it('mean-centred quadrants as spdep "mean"', async () => {
    const out = JSON.parse((await runCli(['spatial', 'lisa', ...base(), '--periods', '2020', '--quadrant', 'mean', '--permutations', '0'])).stdout);
    for (const row of out.rows) expect(row.quadrant).toBe(fx.result.local.cond.quadrant_mean[provinces.indexOf(row.id)].split('-').map((s: string) => s[0]).join(''));
  });
});

describe('xinzhi spatial geary and weights', () => {
  it('geary: spdep value (row-standardised queen)', async () => {
    const out = JSON.parse((await runCli(['spatial', 'geary', ...base(), '--periods', '2020', '--permutations', '0'])).stdout);
    expectClose(out.rows[0].C, 0.91346335952300273, REL, 0, 'C');
    expectClose(out.rows[0].z, 0.63601361976565363, REL, 0, 'z rand');
  });
  it('weights: bundled queen list with the Hainan link recorded; isolate leaves an island', async () => {
    const out = JSON.parse((await runCli(['spatial', 'weights', '--data', join(dir, 'scores.csv'), '--id', 'province', '--period', 'year', '--format', 'json'])).stdout);
    expect(out.rows.find((r: any) => r.id === '海南').neighbours).toEqual(['广东']);
    expect(out.card.conventions.islandLinks[0]).toMatchObject({ from: '海南', to: '广东' });
    const iso = JSON.parse((await runCli(['spatial', 'weights', '--data', join(dir, 'scores.csv'), '--id', 'province', '--period', 'year', '--islands', 'isolate', '--format', 'json'])).stdout);
    expect(iso.summary.islands).toEqual(['海南']);
    const knn = JSON.parse((await runCli(['spatial', 'weights', '--data', join(dir, 'scores.csv'), '--id', 'province', '--period', 'year', '--weights', 'knn:3', '--format', 'json'])).stdout);
    expect(knn.rows.every((r: any) => r.cardinality === 3)).toBe(true);
  });
  it('errors: unknown ids in a weights file (exit 2), bad spec (exit 1), missing --value (exit 1)', async () => {
    const r1 = await runCli(['spatial', 'moran', ...base(), '--weights', join(dir, 'bad-weights.json')]);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toMatch(/not in the weights file/);
    const r2 = await runCli(['spatial', 'moran', ...base(), '--weights', 'octopus']);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/queen, rook, knn/);
    const r3 = await runCli(['spatial', 'lisa', '--data', join(dir, 'scores.csv'), '--id', 'province', '--period', 'year']);
    expect(r3.code).toBe(1);
    expect(r3.stderr).toMatch(/--value/);
  });
  it('PWT countries: default k-NN on bundled country points', async () => {
    const r = await runCli(['spatial', 'moran', '--data', 'pwt', '--value', 'hc', '--periods', '2017', '--permutations', '0', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.card.conventions.weights).toMatchObject({ type: 'knn', k: 4, builtPerPeriod: 'on the units observed in each period' });
    expect(out.rows[0].n).toBeLessThan(182); // economies without hc in 2017 are left out and k-NN is rebuilt
    expect(out.rows[0].I).toBeGreaterThan(0.3); // human capital clusters strongly across neighbouring countries
  });
});
