// xinzhi evaluate with tfp.growth method solow and alphaRegression: pooled | within (gtfpch example: 30
// provinces × 2013–2015, Y, K, L): the section's α and SEs equal `xinzhi tfp growth --alpha regression[:within]`
// to 1e-12 (the tfp-alpha table), and the validator refuses other values, alpha with alphaRegression, and either
// with a method other than solow.
import { describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, sharedPath, expectClose } from '../helpers.js';
import { specIssues, OK_SPEC_HEAD } from '../core/evaluation/spec-helpers.js';

const DATA = sharedPath('fixtures', 'gtfpch', 'example.csv');
const root = mkdtempSync(join(tmpdir(), 'xinzhi-eval-alpha-'));

describe('evaluate: tfp.growth alpha by regression', () => {
  for (const [how, alpha] of [['pooled', 'regression'], ['within', 'regression:within']] as const) {
    test(`alphaRegression: ${how} = --alpha ${alpha}`, async () => {
      const spec = join(root, `${alpha.replace(':', '-')}.yaml`), dir = join(root, alpha.replace(':', '-'));
      writeFileSync(spec, `xinzhi: 1\ndata:\n  file: ${JSON.stringify(DATA)}\n  id: Province\n  period: year\ntfp:\n  growth:\n    method: solow\n    output: Y\n    capital: K\n    labor: L\n    alphaRegression: ${how}\noutput:\n  formats: [json]\n`);
      const r = await runCli(['evaluate', spec, '--out', dir, '--quiet']);
      expect(r.code, r.stderr).toBe(0);
      const res = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
      const cli = await runCli(['tfp', 'growth', '--method', 'solow', '--output', 'Y', '--capital', 'K', '--labor', 'L', '--alpha', alpha, '--data', DATA, '--id', 'Province', '--period', 'year', '--format', 'json']);
      expect(cli.code, cli.stderr).toBe(0);
      const want = JSON.parse(cli.stdout).summary.alphaEstimate;
      const table = res.tables.find((t: { id: string }) => t.id === 'tfp-alpha');
      expect(table, 'tfp-alpha table').toBeDefined();
      const row = table.rows[0];
      for (const k of ['alpha', 'se', 'seCluster', 'r2'] as const) expectClose(row[k], want[k], 1e-12, 1e-15, k);
      expect(row.n).toBe(90);
      expect(row.units).toBe(30);
      expect(want.effects).toBe(alpha === 'regression' ? 'pooled' : 'within');
      const sec = res.sections.find((s: { kind: string }) => s.kind === 'growth');
      expect(sec).toBeDefined();
    });
  }

  test('the spec validator refuses other values; alpha with alphaRegression, or with tornqvist, is a plan issue', async () => {
    for (const [key, bad] of [['alphaRegression', 'ols'], ['alphaRegression', 'twoway'], ['alpha', 'regression'], ['alpha', '1.2']]) {
      const issues = specIssues(`${OK_SPEC_HEAD}tfp:\n  growth:\n    method: solow\n    output: Y\n    capital: K\n    labor: L\n    ${key}: ${bad}\n`);
      expect(issues.map((i) => i.path), bad).toContain(`tfp.growth.${key}`);
    }
    const both = join(root, 'both.yaml');
    writeFileSync(both, `xinzhi: 1\ndata:\n  file: ${JSON.stringify(DATA)}\n  id: Province\n  period: year\ntfp:\n  growth:\n    method: solow\n    output: Y\n    capital: K\n    labor: L\n    alpha: 0.4\n    alphaRegression: within\noutput:\n  formats: [json]\n`);
    const rb = await runCli(['evaluate', both, '--out', join(root, 'both'), '--quiet']);
    expect(rb.code).not.toBe(0);
    expect(rb.stderr).toMatch(/not both/);
    const spec = join(root, 'tornqvist.yaml');
    writeFileSync(spec, `xinzhi: 1\ndata:\n  file: ${JSON.stringify(DATA)}\n  id: Province\n  period: year\ntfp:\n  growth:\n    method: tornqvist\n    output: Y\n    capital: K\n    labor: L\n    share: E\n    alphaRegression: pooled\noutput:\n  formats: [json]\n`);
    const r = await runCli(['evaluate', spec, '--out', join(root, 'tq'), '--quiet']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/alphaRegression applies to the Solow residual only/);
  });
});
