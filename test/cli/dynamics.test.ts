import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, readJson, expectClose, sharedPath } from '../helpers.js';
import { writeScoresCsv } from '../core/disparity/index-fixture.js';

let dir: string;
let csv: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xinzhi-dynamics-'));
  csv = writeScoresCsv(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base = () => ['--data', csv, '--id', 'province', '--period', 'year', '--value', 'score', '--format', 'json'];
const REL = 1e-9;
const closeOrZero = (g: number, e: number, what: string) => expectClose(g, e, REL, e === 0 ? 1e-12 : 0, what);

async function json(argv: string[]) {
  const r = await runCli(argv);
  expect(r.stderr.replace(/^.*warning.*$/gim, '')).not.toMatch(/error/i);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('xinzhi dynamics (CLI, --format json)', () => {
  it('kde reproduces kde_2020.json (exact 1e-9; R density 5e-3 absolute)', async () => {
    const fx = readJson('fixtures/index/expected/kde_2020.json').result;
    const res = await json(['dynamics', 'kde', ...base(), '--periods', '2020', '--grid-points', '64']);
    const row = res.rows[0];
    expectClose(row.bandwidth, fx.bandwidth, REL, 0, 'h');
    res.summary.grid.forEach((x: number, i: number) => expectClose(x, fx.grid[i], REL, 1e-12, 'grid'));
    row.density.forEach((d: number, i: number) => {
      expectClose(d, fx.density_exact[i], REL, 0, `exact ${i}`);
      expectClose(d, fx.density_r[i], 0, 5e-3, `R ${i}`);
    });
    expect(res.card.method).toBe('kde');
  });

  it('markov reproduces markov_quartile.json (counts exact, P 1e-9)', async () => {
    const fx = readJson('fixtures/index/expected/markov_quartile.json').result;
    const res = await json(['dynamics', 'markov', ...base()]);
    expect(res.summary.counts).toEqual(fx.counts);
    expect(res.summary.classMatrix.classes).toEqual(fx.class_matrix);
    res.summary.cutoffs.forEach((c: number, i: number) => expectClose(c, fx.cutoffs[i], REL, 0, 'cutoff'));
    res.summary.probabilities.forEach((r: number[], i: number) => r.forEach((p, j) => closeOrZero(p, fx.probabilities[i][j], 'P')));
    res.summary.steadyState.forEach((p: number, i: number) => closeOrZero(p, fx.steady_state[i], 'pi'));
  });

  it('spatial-markov with the fixture queen neighbour file reproduces the conditional matrices', async () => {
    const fx = readJson('fixtures/index/expected/markov_quartile.json').result;
    const res = await json(['dynamics', 'spatial-markov', ...base(), '--weights', sharedPath('fixtures/index/data/provinces_queen.json')]);
    expect(res.summary.regimes.map((r: any) => r.counts)).toEqual(fx.spatial.counts);
    expect(res.summary.lagMatrix.lagClasses).toEqual(fx.spatial.lag_class_matrix);
    res.summary.lagCutoffs.forEach((c: number, i: number) => expectClose(c, fx.spatial.lag_cutoffs[i], REL, 0, 'lag cutoff'));
    res.summary.regimes.forEach((r: any, l: number) => r.probabilities.forEach((row: number[], i: number) => {
      const e = fx.spatial.probabilities[l][i];
      if (e === null) expect(r.emptyRows).toContain(i + 1);
      else row.forEach((p, j) => closeOrZero(p, e[j], 'P_l'));
    }));
    expect(typeof res.summary.homogeneity.Q).toBe('number');
    // The bundled queen contiguity of China's provinces (海南–广东 linked) gives the same matrices.
    const bundled = await json(['dynamics', 'spatial-markov', ...base(), '--weights', 'queen']);
    expect(bundled.summary.regimes.map((r: any) => r.counts)).toEqual(fx.spatial.counts);
  });

  it('convergence reproduces convergence.json (σ and pooled OLS β at 1e-9)', async () => {
    const fx = readJson('fixtures/index/expected/convergence.json').result;
    const res = await json(['dynamics', 'convergence', ...base(), '--sigma', 'cv_sample']);
    for (const row of res.rows) {
      expectClose(row.sigma, fx.sigma[String(row.period)].cv_sample, REL, 0, 'cv_sample');
      expectClose(row.cv_pop, fx.sigma[String(row.period)].cv_pop, REL, 0, 'cv_pop');
    }
    for (const k of ['alpha', 'beta', 'se_alpha', 'se_beta', 't_alpha', 't_beta', 'p_alpha', 'p_beta', 'r_squared', 'adj_r_squared', 'residual_se', 'F', 'speed']) {
      expectClose(res.summary.beta[k], fx.beta[k], REL, 0, k);
    }
    const fe = await json(['dynamics', 'convergence', ...base(), '--effects', 'twoway']);
    expect(fe.summary.beta.vcov).toBe('cluster');
    expect(fe.summary.beta.clusters).toBe(31);
  });

  it('bad options are usage errors (exit 1)', async () => {
    const r = await runCli(['dynamics', 'kde', ...base(), '--kernel', 'box']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--kernel/);
    const w = await runCli(['dynamics', 'spatial-markov', ...base(), '--weights', 'nowhere.json']);
    expect(w.code).toBeGreaterThan(0);
    expect(w.stderr).toMatch(/nowhere\.json/);
  });
});
