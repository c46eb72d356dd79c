// xinzhi index options of methods.md B7/C3/C5 through the library pipeline and the CLI (--format json), against
// the numpy references of scripts/index-options/make_references.py (test/fixtures/index-options), 1e-9 relative.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { runCli, expectClose, sharedPath, readJson } from '../helpers.js';

const F = sharedPath('fixtures', 'index', 'data', 'index_panel.csv');
const meta = readJson('fixtures/index/data/index_panel_meta.json');
const IND = meta.indicators.map((d: any) => `${d.column}:${d.direction}`).join(',');
const BEN = meta.indicators.filter((d: any) => d.direction === '+').map((d: any) => `${d.column}:+`).join(',');
const ref = JSON.parse(readFileSync(new URL('../fixtures/index-options/references.json', import.meta.url), 'utf8'));
const pos = new Map<string, number>(ref.rows.province.map((p: string, k: number) => [`${p}|${ref.rows.year[k]}`, k]));
const REL = 1e-9;

async function json(args: string[], ind = IND) {
  const r = await runCli(['index', '--data', F, '--id', 'province', '--period', 'year', '--indicators', ind, '--format', 'json', ...args]);
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

describe('xinzhi index: PCA variants', () => {
  for (const [variant, rotate, key] of [['mathmodels', 'none', 'mathmodels'], ['mathmodelsSquared', 'varimax', 'mathmodelsSquaredVarimax'], ['mathmodels', 'varimax', 'mathmodelsVarimax']] as const) {
    it(`--pca-variant ${variant} --pca-rotate ${rotate}`, async () => {
      const res = await json(['--weights', 'pca', '--pca-variant', variant, '--pca-rotate', rotate]);
      res.summary.weights.forEach((w: any, j: number) => expectClose(w.weight, ref.pca[key][j], REL, 0, `${key} ${j}`));
      expect(res.card.conventions.pca.variant).toBe(variant);
      expect(res.card.conventions.pca.rotation).toContain(rotate === 'varimax' ? 'varimax' : 'none');
    });
  }
  it('--pca-variant compositeScore gives the Stata composite F', async () => {
    const res = await json(['--weights', 'pca', '--pca-variant', 'compositeScore']);
    for (const r of res.rows) expectClose(r.score, ref.pca.compositeScore[pos.get(`${r.id}|${r.period}`)!], REL, 1e-12, `F ${r.id} ${r.period}`);
    expect(res.card.conventions.pca.score).toContain('Stata');
    const ranks = res.rows.filter((r: any) => r.period === 2020).map((r: any) => r.rank).sort((a: number, b: number) => a - b);
    expect(ranks[0]).toBe(1);
  });
  it('compositeScore with another aggregator is a usage error (exit 1)', async () => {
    const r = await runCli(['index', '--data', F, '--id', 'province', '--period', 'year', '--indicators', IND, '--weights', 'pca', '--pca-variant', 'compositeScore', '--aggregate', 'topsis']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/aggregate weighted/);
  });
});

describe('xinzhi index: RSR grading', () => {
  for (const reg of ['distinct', 'rows'] as const) {
    it(`--aggregate rsr --weights equal --rsr-grade --rsr-regression ${reg}`, async () => {
      const res = await json(['--aggregate', 'rsr', '--weights', 'equal', '--rsr-grade', '--rsr-regression', reg]);
      const g = ref.rsr.grading[reg];
      for (const r of res.rows) {
        const q = pos.get(`${r.id}|${r.period}`)!;
        expectClose(r.score, ref.rsr.values[q], 1e-12, 0, 'rsr');
        expectClose(r.probit, g.probit[q], 1e-12, 0, 'probit');
        expectClose(r.rsrFitted, g.fitted[q], REL, 0, 'fitted');
        expect(r.grade).toBe(g.grade[q]);
      }
      expect(res.summary.aggregate.grading).toHaveLength(6);
      expect(res.card.conventions.rsr.grading.probit).toBe('5 + Φ⁻¹(f)');
    });
  }
});

describe('xinzhi index: GRA preprocessing', () => {
  for (const pre of ['mean', 'initial'] as const) {
    it(`--aggregate gra --weights equal --gra-preprocess ${pre} (benefit indicators)`, async () => {
      const res = await json(['--aggregate', 'gra', '--weights', 'equal', '--gra-preprocess', pre], BEN);
      for (const r of res.rows) expectClose(r.score, ref.gra[pre][pos.get(`${r.id}|${r.period}`)!], 1e-12, 0, `${pre} ${r.id}`);
      expect(res.card.conventions.gra.preprocess).toContain(pre === 'mean' ? '均值化' : '初值化');
    });
  }
  it('mean preprocessing with a cost indicator is a usage error', async () => {
    const r = await runCli(['index', '--data', F, '--id', 'province', '--period', 'year', '--indicators', IND, '--aggregate', 'gra', '--gra-preprocess', 'mean']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/benefit/);
  });
});

describe('xinzhi index: per-period scope with nested hierarchy and sensitivity', () => {
  it('--scope period --hierarchy nested --sensitivity 20 runs and reports W_d per period', async () => {
    const IND2 = meta.indicators.map((d: any) => `${d.column}:${d.direction}`).join(',');
    const res = await json(['--scope', 'period', '--hierarchy', 'nested', '--dimension-weights', 'equal', '--sensitivity', '20', '--seed', '3'], IND2);
    expect(res.summary.dimensionWeights.every((w: any) => typeof w.period === 'number')).toBe(true);
    expect(res.rows.every((r: any) => typeof r.rankMedian === 'number')).toBe(true);
    expect(res.card.conventions.sensitivity.distribution).toContain('seed + t');
  });
});
