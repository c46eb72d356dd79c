// The spec validator: each kind of mistake gives an issue that names the spec line (and column) and says what to
// write instead. Schema-level mistakes are caught by parseSpec; data-dependent ones (unknown column, series not
// computed, reversed range, unknown period, grouping missing) by runEvaluation's plan, before any computation.

import { describe, expect, test } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseSpec, SpecError, nearest, type SpecIssue } from '../../../src/core/evaluation/validate.js';
import { runEvaluation } from '../../../src/core/evaluation/run.js';
import { EVALUATION_SCHEMA } from '../../../src/core/evaluation/schema.js';
import { createPanel } from '../../../src/core/panel/panel.js';
import { repoRoot } from '../../helpers.js';
import { specIssues, OK_SPEC_HEAD, planIssues as planIssuesOn } from './spec-helpers.js';

const issuesOf = specIssues;
const ok = OK_SPEC_HEAD;

describe('schema mistakes (parseSpec)', () => {
  test('a valid minimal spec parses', () => {
    expect(parseSpec(ok, 'spec.yaml').spec.data.file).toBe('data.csv');
  });

  test('1 YAML syntax error: names the line', () => {
    const [i] = issuesOf('xinzhi: 1\ndata:\n  file: [a, b\n  id: x\n');
    expect(i.kind).toBe('yaml-syntax');
    expect(i.line).toBeGreaterThanOrEqual(3);
    expect(i.hint).toMatch(/indentation|brackets/);
  });

  test('2 tab indentation', () => {
    const [i] = issuesOf('xinzhi: 1\ndata:\n\tfile: pwt\n');
    expect(i.line).toBe(3);
    expect(i.hint).toMatch(/spaces, not tabs/);
  });

  test('3 duplicate key', () => {
    const [i] = issuesOf('xinzhi: 1\ndata:\n  file: pwt\n  file: other.csv\n');
    expect(i.kind).toBe('duplicate-key');
    expect(i.line).toBe(4);
  });

  test('4 misspelt top-level key suggests the right one', () => {
    const [i] = issuesOf(ok + 'analyses:\n  kde: {of: x}\noutptu:\n  language: zh\n');
    expect(i).toMatchObject({ kind: 'unknown-key', path: 'outptu', line: 8, column: 1 });
    expect(i.hint).toMatch(/did you mean "output"/);
  });

  test('5 misspelt nested key', () => {
    const [i] = issuesOf(ok + 'analyses:\n  convergance: {of: x}\n');
    expect(i).toMatchObject({ kind: 'unknown-key', path: 'analyses.convergance', line: 7, column: 3 });
    expect(i.hint).toMatch(/did you mean "convergence"/);
  });

  test('6 value not in the allowed list suggests the nearest', () => {
    const [i] = issuesOf(ok + 'index:\n  framework: nqpf\n  weights: entrpy\n');
    expect(i).toMatchObject({ kind: 'bad-value', path: 'index.weights', line: 8, column: 12 });
    expect(i.hint).toMatch(/did you mean "entropy"/);
    expect(i.hint).toMatch(/critic/);
  });

  test('7 missing required key', () => {
    const [i] = issuesOf('xinzhi: 1\ndata:\n  id: region\n');
    expect(i).toMatchObject({ kind: 'missing-key', line: 2 });
    expect(i.message).toMatch(/"file"/);
    expect(i.hint).toMatch(/add `file: …`/);
  });

  test('8 wrong type: a single column where a list is needed', () => {
    const [i] = issuesOf(ok + 'tfp:\n  malmquist:\n    inputs: rnna\n    outputs: [rgdpna]\n');
    expect(i).toMatchObject({ kind: 'bad-type', path: 'tfp.malmquist.inputs', line: 8 });
    expect(i.hint).toMatch(/list of column names/);
  });

  test('9 empty list', () => {
    const [i] = issuesOf(ok + 'tfp:\n  malmquist:\n    inputs: []\n    outputs: [rgdpna]\n');
    expect(i).toMatchObject({ kind: 'empty-list', path: 'tfp.malmquist.inputs', line: 8 });
  });

  test('10 wrong form of spatial weights', () => {
    const [i] = issuesOf(ok + 'analyses:\n  moran: {of: x, weights: knn:0}\n');
    expect(i).toMatchObject({ kind: 'bad-value', path: 'analyses.moran.weights', line: 7 });
    expect(i.hint).toMatch(/knn:6/);
  });

  test('11 unsupported spec version', () => {
    const [i] = issuesOf(ok.replace('xinzhi: 1', 'xinzhi: 2'));
    expect(i).toMatchObject({ kind: 'bad-value', path: 'xinzhi', line: 1, column: 9 });
    expect(i.hint).toMatch(/xinzhi: 1/);
  });

  test('12 number out of range', () => {
    const [i] = issuesOf(ok + 'prepare:\n  - capital: {investment: inv, delta: 1.5}\n');
    expect(i).toMatchObject({ kind: 'out-of-range', path: 'prepare.0.capital.delta', line: 7 });
    expect(i.hint).toMatch(/0\.096/);
  });

  test('13 two steps in one list item', () => {
    const [i] = issuesOf(ok + 'prepare:\n  - derive: {name: a, formula: b * c}\n    interpolate: {columns: [a]}\n');
    expect(i).toMatchObject({ kind: 'bad-step', path: 'prepare.0', line: 7 });
    expect(i.hint).toMatch(/one step per list item/);
  });

  test('14 empty spec', () => {
    const [i] = issuesOf('# nothing\n');
    expect(i.kind).toBe('empty-spec');
    expect(i.hint).toMatch(/xinzhi: 1/);
  });

  test('15 output language', () => {
    const [i] = issuesOf(ok + 'output:\n  language: cn\n');
    expect(i).toMatchObject({ kind: 'bad-value', path: 'output.language', line: 7 });
    expect(i.hint).toMatch(/en, zh/);
  });

  test('several problems are all reported, in line order, and the message shows file:line:column', () => {
    try {
      parseSpec(ok + 'index:\n  framework: nqpf\n  weights: entrpy\noutptu: {}\n', 'my.yaml');
      throw new Error('no error');
    } catch (e) {
      const err = e as SpecError;
      expect(err.issues.map((i) => i.line)).toEqual([8, 9]);
      expect(err.message).toMatch(/my\.yaml:8:12: index\.weights/);
      expect(err.message).toMatch(/what to write: did you mean "entropy"/);
      expect(err.kind).toBe('bad-spec');
    }
  });

  test('nearest() suggests only plausible typos', () => {
    expect(nearest('entrpy', ['entropy', 'critic'])).toBe('entropy');
    expect(nearest('zzz', ['entropy', 'critic'])).toBeUndefined();
  });
});

describe('data-dependent mistakes (plan)', () => {
  const panel = createPanel({
    ids: ['A', 'B', 'C', 'D'],
    periods: [2000, 2001, 2002],
    entity: ['A', 'A', 'A', 'B', 'B', 'B', 'C', 'C', 'C', 'D', 'D', 'D'],
    period: [2000, 2001, 2002, 2000, 2001, 2002, 2000, 2001, 2002, 2000, 2001, 2002],
    values: { gdp: [1, 2, 3, 2, 3, 4, 3, 4, 5, 4, 5, 6] },
    labels: { region: ['e', 'e', 'e', 'e', 'e', 'e', 'w', 'w', 'w', 'w', 'w', 'w'] },
    source: 'data.csv',
  });

  const planIssues = (text: string): Promise<SpecIssue[]> => planIssuesOn(text, panel);

  test('16 unknown column suggests the nearest', async () => {
    const [i] = await planIssues(ok + 'analyses:\n  disparity: {of: gdpp, group: region}\n');
    expect(i).toMatchObject({ kind: 'unknown-series', path: 'analyses.disparity.of', line: 7 });
    expect(i.hint).toMatch(/did you mean "gdp"/);
  });

  test('17 a series no section computes', async () => {
    const [i] = await planIssues(ok + 'analyses:\n  disparity: {of: index, group: region}\n');
    expect(i.kind).toBe('series-not-computed');
    expect(i.hint).toMatch(/index:/);
  });

  test('18 reversed period range', async () => {
    const [i] = await planIssues(ok.replace('period: year\n', 'period: year\n  periods: {from: 2002, to: 2000}\n'));
    expect(i).toMatchObject({ kind: 'reversed-range', path: 'data.periods', line: 6 });
    expect(i.hint).toMatch(/from: 2000, to: 2002/);
  });

  test('19 unknown group column', async () => {
    const [i] = await planIssues(ok + 'analyses:\n  disparity: {of: gdp, group: province}\n');
    expect(i).toMatchObject({ kind: 'unknown-group', path: 'analyses.disparity.group', line: 7 });
    expect(i.hint).toMatch(/region/);
  });

  test('20 unknown ids in include', async () => {
    const [i] = await planIssues(ok + '  include: [A, Z]\n');
    expect(i).toMatchObject({ kind: 'unknown-id', path: 'data.include', line: 6 });
    expect(i.message).toMatch(/Z/);
  });

  test('21 a period outside the sample', async () => {
    const [i] = await planIssues(ok + 'analyses:\n  lisa: {of: gdp, weights: knn:2, period: 1990}\n');
    expect(i.path === 'analyses.lisa.period' || i.path === 'analyses.lisa.weights').toBe(true);
  });
});

test('the published schema file equals the schema in code', () => {
  const file = resolve(repoRoot, 'schema', 'evaluation.schema.json');
  // After changing schema.ts: XINZHI_WRITE_SCHEMA=1 npx vitest run test/core/evaluation/validate.test.ts
  if (process.env.XINZHI_WRITE_SCHEMA === '1') writeFileSync(file, JSON.stringify(EVALUATION_SCHEMA, null, 2) + '\n');
  const published = JSON.parse(readFileSync(file, 'utf8'));
  expect(published).toEqual(JSON.parse(JSON.stringify(EVALUATION_SCHEMA)));
});

test('the examples validate', () => {
  for (const f of ['examples/pwt.yaml', 'examples/china-nqpf.yaml']) {
    const text = readFileSync(resolve(repoRoot, f), 'utf8');
    expect(() => parseSpec(text, f)).not.toThrow();
  }
});

test('the spec in docs/evaluation.md validates', () => {
  const md = readFileSync(resolve(repoRoot, 'docs', 'evaluation.md'), 'utf8');
  const block = [...md.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]).find((b) => b.includes('xinzhi: 1'));
  expect(block).toBeDefined();
  expect(() => parseSpec(block!, 'docs/evaluation.md')).not.toThrow();
});
