// Independent cross-check (helper J): composite-index methods through the CLI (--format json) on
// provinces_2012_2022.csv (31 provinces × 11 years, 11 indicators, fertilizer_use a cost indicator), against
// scripts/crosscheck/make_index_refs.py (numpy; conventions of shared/fixtures/index/README.md). Closed forms: 1e-9.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, sharedPath } from '../helpers.js';
import { refJson, morePath, Mismatches } from './util.js';

const REL = 1e-9;
const ABS = 1e-12;
const ref = refJson('provinces_index.json');
const IND = ref.indicators.map((c: string, k: number) => `${c}:${ref.directions[k]}`).join(',');
const base = ['--data', morePath('provinces_2012_2022.csv'), '--id', 'province', '--period', 'year', '--format', 'json'];
const rowKey = (id: string, p: number | string) => `${id}|${p}`;

async function cli(argv: string[]): Promise<any> {
  const r = await runCli(argv);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

function compareScores(out: any, exp: number[], field = 'score', only?: number): Mismatches {
  const mm = new Mismatches();
  const rows = new Map<string, any>(out.rows.map((r: any) => [rowKey(r.id, r.period), r]));
  ref.rows.province.forEach((p: string, i: number) => {
    const y = ref.rows.year[i];
    if (only !== undefined && y !== only) return;
    const e = only !== undefined ? exp[ref.rows.province.filter((_: string, k: number) => ref.rows.year[k] === only).indexOf(p)] : exp[i];
    mm.close(rows.get(rowKey(p, y))?.[field], e, REL, `${p} ${y} ${field}`, ABS);
  });
  return mm;
}

function compareWeights(out: any, exp: number[]): Mismatches {
  const mm = new Mismatches();
  const w = new Map<string, number>(out.summary.weights.map((x: any) => [x.indicator, x.weight]));
  ref.indicators.forEach((c: string, k: number) => mm.close(w.get(c), exp[k], REL, `weight ${c}`, ABS));
  return mm;
}

describe('composite index on provinces_2012_2022 (CLI)', () => {
  it('entropy pooled, shift 0.0001 inside p, scores on unshifted x′', async () => {
    const out = await cli(['index', ...base, '--indicators', IND, '--shift', '0.0001']);
    const mm = compareWeights(out, ref.entropyPooledShift.weights);
    mm.list.push(...compareScores(out, ref.entropyPooledShift.scores).list);
    expect(mm.list, mm.report()).toEqual([]);
  });
  it('entropy pooled, no shift (0·ln0 := 0)', async () => {
    const out = await cli(['index', ...base, '--indicators', IND]);
    const mm = compareWeights(out, ref.entropyPooledNoShift.weights);
    mm.list.push(...compareScores(out, ref.entropyPooledNoShift.scores).list);
    expect(mm.list, mm.report()).toEqual([]);
  });
  it('entropy per year (min-max and k = 1/ln 31 within each year)', async () => {
    const out = await cli(['index', ...base, '--indicators', IND, '--shift', '0.0001', '--scope', 'period']);
    const mm = compareScores(out, ref.entropyYearlyShift.scores);
    expect(mm.list, mm.report()).toEqual([]);
  });
  it('CRITIC on pooled x′ (sample sd, Pearson r)', async () => {
    const out = await cli(['index', ...base, '--indicators', IND, '--weights', 'critic']);
    const mm = compareWeights(out, ref.critic.weights);
    mm.list.push(...compareScores(out, ref.critic.scores).list);
    expect(mm.list, mm.report()).toEqual([]);
  });
  it('TOPSIS: vector normalisation of the raw data, pooled ideal (default)', async () => {
    const out = await cli(['index', ...base, '--indicators', IND, '--shift', '0.0001', '--aggregate', 'topsis']);
    const mm = compareScores(out, ref.topsisPooledAll.C);
    expect(mm.list, mm.report()).toEqual([]);
  });
  it('TOPSIS 2022 cross-section: vector normalisation and ideal within the period', async () => {
    const out = await cli(['index', ...base, '--indicators', IND, '--shift', '0.0001', '--aggregate', 'topsis', '--topsis-scope', 'period', '--ideal', 'period']);
    const mm = compareScores(out, ref.topsisVector2022.C, 'score', 2022);
    expect(mm.list, mm.report()).toEqual([]);
  });
  it('GRA pooled (reference = pooled column max, global Δ), ρ = 0.5, grade Σwξ/Σw', async () => {
    const out = await cli(['index', ...base, '--indicators', IND, '--shift', '0.0001', '--aggregate', 'gra']);
    const mm = compareScores(out, ref.graPooledAll.grade);
    expect(mm.list, mm.report()).toEqual([]);
  });
  it('GRA 2022 on the pooled x′ rows (reference and Δ within the period)', async () => {
    const out = await cli(['index', ...base, '--indicators', IND, '--shift', '0.0001', '--aggregate', 'gra', '--gra-scope', 'period']);
    const mm = compareScores(out, ref.graPooledRows2022.grade, 'score', 2022);
    expect(mm.list, mm.report()).toEqual([]);
  });
  it('coupling coordination, 2 subsystems, pooled entropy weights renormalised within subsystems', async () => {
    const sys = Object.entries<string[]>(ref.coupling.systems).map(([k, cols]) => `${k}=${cols.map((c) => `${c}:${ref.directions[ref.indicators.indexOf(c)]}`).join(',')}`).join(';');
    const out = await cli(['coupling', ...base, '--systems', sys, '--shift', '0.0001']);
    const mm = new Mismatches();
    for (const f of ['C', 'T', 'D']) mm.list.push(...compareScores(out, ref.coupling[f], f).list);
    expect(mm.list, mm.report()).toEqual([]);
  });
  it('obstacle degree 2022 (pooled x′, 1(a) weights, × 100)', async () => {
    const out = await cli(['obstacle', ...base, '--indicators', IND, '--shift', '0.0001', '--periods', '2022']);
    const mm = new Mismatches();
    const got = new Map<string, number>(out.rows.filter((r: any) => r.level === 'indicator').map((r: any) => [`${r.id}|${r.indicator}`, r.obstacle]));
    ref.obstacle2022.provinces.forEach((p: string, i: number) => ref.indicators.forEach((c: string, k: number) =>
      mm.close(got.get(`${p}|${c}`), ref.obstacle2022.O[i][k], REL, `${p} ${c}`, 1e-10)));
    expect(mm.list, mm.report()).toEqual([]);
  });
});

describe('disparity, spatial and dynamics on the 1(a) scores (CLI)', () => {
  // the scores column is written next to the data in a temporary CSV
  const dir = mkdtempSync(join(tmpdir(), 'xz-crosscheck-'));
  const file = join(dir, 'scores.csv');
  writeFileSync(file, 'province,region4,year,score\n' + ref.rows.province.map((p: string, i: number) =>
    `${p},${ref.rows.region4[i]},${ref.rows.year[i]},${ref.entropyPooledShift.scores[i]}`).join('\n') + '\n');
  const sb = ['--data', file, '--id', 'province', '--period', 'year', '--value', 'score', '--format', 'json'];

  it('Dagum decomposition by region4, every year', async () => {
    const out = await cli(['disparity', 'dagum', ...sb, '--group', 'region4']);
    const mm = new Mismatches();
    const rows = new Map<string, any>(out.rows.map((r: any) => [String(r.period), r]));
    for (const [y, e] of Object.entries<any>(ref.dagum)) for (const f of ['G', 'Gw', 'Gnb', 'Gt']) mm.close(rows.get(y)?.[f], e[f], REL, `${y} ${f}`, ABS);
    expect(mm.list, mm.report()).toEqual([]);
  });
  it('Theil T by region4, every year', async () => {
    const out = await cli(['disparity', 'theil', ...sb, '--group', 'region4']);
    const mm = new Mismatches();
    const rows = new Map<string, any>(out.rows.map((r: any) => [String(r.period), r]));
    for (const [y, e] of Object.entries<any>(ref.theil)) {
      const r = rows.get(y);
      mm.close(r?.theil, e.T, REL, `${y} T`, ABS);
      mm.close(r?.within, e.Tw, REL, `${y} T within`, ABS);
      mm.close(r?.between, e.Tb, REL, `${y} T between`, ABS);
    }
    expect(mm.list, mm.report()).toEqual([]);
  });
  it("Moran's I 2022, row-standardised queen weights", async () => {
    const out = await cli(['spatial', 'moran', ...sb, '--weights', sharedPath('fixtures/index/data/provinces_queen.json'), '--periods', '2022', '--permutations', '0']);
    const r = out.rows.find((x: any) => String(x.period) === '2022');
    const m = ref.moran2022;
    const mm = new Mismatches();
    mm.close(r?.I, m.I, REL, 'I'); mm.close(r?.EI ?? r?.expected, m.EI, REL, 'E[I]');
    mm.close(r?.VI ?? r?.variance, m.varRandomisation, REL, 'Var (randomisation)');
    mm.close(r?.z, m.zRandomisation, REL, 'z (randomisation)');
    expect(mm.list, mm.report() + '\nrow: ' + JSON.stringify(r)).toEqual([]);
  });
  it('LISA 2022: I_i = (z_i/m2)·Σ_j w_ij z_j (Anselin scaling), and Σ_i I_i = S0·I', async () => {
    const out = await cli(['spatial', 'lisa', ...sb, '--weights', sharedPath('fixtures/index/data/provinces_queen.json'), '--periods', '2022', '--permutations', '0']);
    const got = new Map<string, number>(out.rows.map((r: any) => [r.id, r.Ii]));
    const mm = new Mismatches();
    ref.moran2022.provinces.forEach((p: string, i: number) => mm.close(got.get(p), ref.moran2022.localI[i], REL, `${p} Ii`, ABS));
    const sum = [...got.values()].reduce((a, b) => a + b, 0);
    mm.close(sum, 31 * ref.moran2022.I, 1e-9, 'Σ Ii = S0·I');
    expect(mm.list, mm.report()).toEqual([]);
  });
  it('spatial Markov: lag classes from pooled quartiles of W·y, conditioned on the start year', async () => {
    const out = await cli(['dynamics', 'spatial-markov', ...sb, '--weights', sharedPath('fixtures/index/data/provinces_queen.json')]);
    const s = out.summary;
    const mm = new Mismatches();
    ref.spatialMarkov.lagCutoffs.forEach((c: number, k: number) => mm.close(s.lagCutoffs?.[k], c, REL, `lag cutoff ${k}`));
    for (const g of s.regimes ?? []) if (JSON.stringify(g.counts) !== JSON.stringify(ref.spatialMarkov.counts[g.lagClass - 1])) mm.push(`lag class ${g.lagClass}: ${JSON.stringify(g.counts)}`);
    expect((s.regimes ?? []).length).toBe(4);
    expect(mm.list, mm.report()).toEqual([]);
  });
  it('Markov chain, pooled type-7 quartiles, right-closed classes', async () => {
    const out = await cli(['dynamics', 'markov', ...sb]);
    const s = out.summary ?? {};
    const mm = new Mismatches();
    const cuts = s.cutoffs ?? s.cuts;
    ref.markov.cutoffs.forEach((c: number, k: number) => mm.close(cuts?.[k], c, REL, `cutoff ${k}`));
    const counts = s.counts ?? s.transitions;
    if (JSON.stringify(counts) !== JSON.stringify(ref.markov.counts)) mm.push(`counts ${JSON.stringify(counts)} vs ${JSON.stringify(ref.markov.counts)}`);
    expect(mm.list, mm.report() + '\nsummary keys: ' + Object.keys(s).join(',')).toEqual([]);
  });
});
