// dea() against every reference fixture in ../shared/fixtures/dea (deaR 1.5.3, cross-checked with Benchmarking 0.33):
// scores, slacks and targets to 1e-6 relative (abs 1e-6 near zero, per the fixture README); lambdas compared where
// the reference optimum is unique (checked by reproducing the targets from our own λ otherwise).
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { sharedPath, readJson } from '../../helpers.js';
import { dea } from '../../../src/core/frontier/index.js';
import { FIXTURES, loadFixture, optionsFor, checkFixtureRows } from './fixtures.js';

describe('dea() reproduces the deaR/Benchmarking fixtures', () => {
  for (const name of FIXTURES) {
    test(name, () => {
      const fx = loadFixture(name);
      const res = dea(fx.data, optionsFor(fx) as never);
      expect(res.rows.length).toBe(fx.json.dmus.length);
      checkFixtureRows(name, res.rows);
    });
  }
});

describe('dea() on the n = 2,000 timing data (Benchmarking 0.33 references)', () => {
  test('CCR and BCC input orientation: efficiencies and max-slack sums', () => {
    const lines = readFileSync(sharedPath('bench/dea/perf_n2000.csv'), 'utf8').trim().split('\n');
    const head = lines[0].split(',');
    const ids: string[] = [];
    const columns: Record<string, number[]> = {};
    head.slice(1).forEach((h) => (columns[h] = []));
    for (const l of lines.slice(1)) { const c = l.split(','); ids.push(c[0]); head.slice(1).forEach((h, k) => columns[h].push(Number(c[k + 1]))); }
    const ref = readJson('bench/dea/perf_n2000.json');
    for (const rts of ['crs', 'vrs'] as const) {
      const res = dea({ ids, columns }, { inputs: ['x1', 'x2', 'x3'], outputs: ['y1', 'y2'], rts, slackObjective: 'raw' });
      expect((res.summary.frameSizes as number[])[0]).toBeGreaterThanOrEqual(ref.n_efficient[`${rts}_in`]);
      res.rows.forEach((row, k) => {
        expect(Math.abs((row.efficiency as number) - ref.efficiency[`${rts}_in`][k])).toBeLessThan(1e-9);
        const ss = Object.values(row.slacks ?? {}).reduce((a, b) => a + b, 0);
        expect(Math.abs(ss - ref.slack_sum[`${rts}_in`][k])).toBeLessThan(1e-6 * Math.max(1, ref.slack_sum[`${rts}_in`][k]));
      });
    }
  });
});
