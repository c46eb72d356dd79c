// xinzhi evaluate with index.weights ahp | fixed | combine (framework AHP matrices and weight: fields): the index
// section equals `xinzhi index --framework FILE --weights …` on the index fixture panel (31 provinces ×
// 2015–2020) to 1e-12, and AHP weights equal the product of the local eigenvector weights; spec errors name the
// framework file.

import { describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, sharedPath, expectClose } from '../helpers.js';
import { ahpWeights } from '../../src/core/weights/ahp.js';

const DATA = sharedPath('fixtures', 'index', 'data', 'index_panel.csv');
const root = mkdtempSync(join(tmpdir(), 'xinzhi-eval-weights-'));
const FW = join(root, 'ahp-fw.yaml');
writeFileSync(FW, `framework: ahp-test
ahp: [[1, 3], ["1/3", 1]]
dimensions:
  - key: tech
    weight: 2
    ahp: [[1, 2, 4], ["1/2", 1, 2], ["1/4", "1/2", 1]]
    indicators:
      - { key: researcher_fte, direction: "+", weight: 1 }
      - { key: rd_intensity, direction: "+", weight: 3 }
      - { key: ei_papers, direction: "+", weight: 1 }
  - key: agri
    weight: 1
    ahp: [[1, "1/2"], [2, 1]]
    indicators:
      - { key: pesticide_use, direction: "-", weight: 1 }
      - { key: agri_machinery_power, direction: "+", weight: 2 }
`);
const PLAIN = join(root, 'plain-fw.yaml');
writeFileSync(PLAIN, readFileSync(FW, 'utf8').replace(/^\s*ahp:.*\n/gm, '').replace(/, weight: \d/g, ''));

let counter = 0;
async function evaluate(indexBlock: string, framework = 'ahp-fw.yaml'): Promise<{ code: number; stderr: string; results?: any }> {
  const dir = join(root, `run${++counter}`);
  const spec = join(root, `spec${counter}.yaml`);
  writeFileSync(spec, `xinzhi: 1\ndata:\n  file: ${JSON.stringify(DATA)}\n  id: province\n  period: year\nindex:\n  framework: ${framework}\n${indexBlock}output:\n  formats: [json]\n`);
  const r = await runCli(['evaluate', spec, '--out', dir, '--quiet']);
  return { code: r.code, stderr: r.stderr, results: r.code === 0 ? JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) : undefined };
}

const CASES: { name: string; yaml: string; argv: string[] }[] = [
  { name: 'ahp (eigen, saaty)', yaml: '  weights: ahp\n', argv: ['--weights', 'ahp'] },
  { name: 'ahp geometric, cn random index', yaml: '  weights: ahp\n  ahp: {method: geometric, ri: cn}\n', argv: ['--weights', 'ahp', '--ahp-method', 'geometric', '--ahp-ri', 'cn'] },
  { name: 'fixed', yaml: '  weights: fixed\n', argv: ['--weights', 'fixed'] },
  { name: 'combine ahp + entropy, game', yaml: '  weights: combine\n  combine: {methods: [ahp, entropy], rule: game}\n', argv: ['--weights', 'ahp+entropy', '--combine', 'game'] },
  { name: 'combine fixed + critic, linear α', yaml: '  weights: combine\n  combine: {methods: [fixed, critic], alpha: [0.3, 0.7]}\n', argv: ['--weights', 'fixed+critic', '--alpha', '0.3,0.7'] },
  { name: 'combine ahp + entropy + cv, geometric mean, per period', yaml: '  weights: combine\n  scope: period\n  combine: {methods: [ahp, entropy, cv], rule: geometricMean}\n', argv: ['--weights', 'ahp+entropy+cv', '--combine', 'geometricMean', '--scope', 'period'] },
];

describe('index weights equal xinzhi index', () => {
  for (const c of CASES) {
    test(c.name, async () => {
      const ev = await evaluate(c.yaml);
      expect(ev.code, ev.stderr).toBe(0);
      const r = await runCli(['index', '--data', DATA, '--id', 'province', '--period', 'year', '--framework', FW, ...c.argv, '--format', 'json']);
      expect(r.code, r.stderr).toBe(0);
      const cli = JSON.parse(r.stdout);
      const s = ev.results.sections.find((x: any) => x.kind === 'index');
      expect(s.result.params.weights).toBe(cli.params.weights);
      const wGot = s.result.summary.weights;
      expect(wGot.length).toBe(cli.summary.weights.length);
      wGot.forEach((w: any, j: number) => {
        expect([w.indicator, w.period]).toEqual([cli.summary.weights[j].indicator, cli.summary.weights[j].period]);
        expectClose(w.weight, cli.summary.weights[j].weight, 1e-12, 1e-15, `weight ${w.indicator}`);
      });
      expect(s.result.rows.length).toBe(cli.rows.length);
      s.result.rows.forEach((row: any, k: number) => {
        const e = cli.rows[k];
        expect([row.id, row.period, row.rank, row.status]).toEqual([e.id, e.period, e.rank, e.status]);
        expectClose(row.score, e.score, 1e-12, 1e-15, `score ${row.id} ${row.period}`);
      });
      expect(s.result.card.conventions.ahp).toEqual(cli.card.conventions.ahp);
    }, 60_000);
  }

  test('AHP weights are the products of the local eigenvector weights', async () => {
    const ev = await evaluate('  weights: ahp\n');
    const w = ev.results.sections.find((x: any) => x.kind === 'index').result.summary.weights.map((x: any) => x.weight);
    const d = ahpWeights([[1, 3], [1 / 3, 1]]).weights;
    const t = ahpWeights([[1, 2, 4], [1 / 2, 1, 2], [1 / 4, 1 / 2, 1]]).weights;
    const a = ahpWeights([[1, 1 / 2], [2, 1]]).weights;
    [d[0] * t[0], d[0] * t[1], d[0] * t[2], d[1] * a[0], d[1] * a[1]].forEach((v, j) => expectClose(w[j], v, 1e-12, 0, `w${j}`));
    // fixed: 2·(1, 3, 1), 1·(1, 2), normalised by 13
    const fx = await evaluate('  weights: fixed\n');
    const wf = fx.results.sections.find((x: any) => x.kind === 'index').result.summary.weights.map((x: any) => x.weight);
    [2, 6, 2, 1, 2].forEach((v, j) => expectClose(wf[j], v / 13, 1e-12, 0, `fixed w${j}`));
  });
});

describe('spec errors name the framework file', () => {
  test('weights: ahp with a framework without ahp matrices', async () => {
    const ev = await evaluate('  weights: ahp\n', 'plain-fw.yaml');
    expect(ev.code).toBe(1);
    expect(ev.stderr).toMatch(/spec\d+\.yaml:8:\d+: index\.weights: AHP weights need pairwise matrices, and the framework file plain-fw\.yaml has no `ahp:` matrices/);
    expect(ev.stderr).toMatch(/what to write: add `ahp:/);
  });

  test('weights: fixed with a framework without weight fields (in a combination)', async () => {
    const ev = await evaluate('  weights: combine\n  combine: {methods: [entropy, fixed]}\n', 'plain-fw.yaml');
    expect(ev.code).toBe(1);
    expect(ev.stderr).toMatch(/index\.combine\.methods\.1: fixed weights from the framework file plain-fw\.yaml \(line \d+\): indicator "researcher_fte" has no fixed weight/);
  });
});
