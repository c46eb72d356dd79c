// Spec checks of the newer evaluation options: index.weights ahp | fixed | combine with index.combine and
// index.ahp, tfp.dea, and the Malmquist family options (direction, measure, distanceRts, decomposition,
// sameReference). Schema mistakes are caught by parseSpec; combinations and framework contents by the plan,
// each at its spec line with what to write. Also: the library gives the same numbers as the evaluation run
// (runEvaluation, in process) to 1e-12.

import { describe, expect, test } from 'vitest';
import { parseSpec, SpecError, type SpecIssue } from '../../../src/core/evaluation/validate.js';
import { runEvaluation } from '../../../src/core/evaluation/run.js';
import { createPanel } from '../../../src/core/panel/panel.js';
import { parseFramework } from '../../../src/core/framework/parse.js';
import { dea } from '../../../src/core/frontier/dea.js';
import { malmquist } from '../../../src/core/productivity/malmquist.js';
import { compositeIndex } from '../../../src/core/composite/composite-index.js';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expectClose, repoRoot } from '../../helpers.js';
import { specIssues, OK_SPEC_HEAD } from './spec-helpers.js';

const schemaIssues = specIssues;
const ok = OK_SPEC_HEAD;

// 6 units × 4 periods, two inputs, one good and one bad output (deterministic, positive).
const ids = ['A', 'B', 'C', 'D', 'E', 'F'];
const periods = [2000, 2001, 2002, 2003];
const entity = ids.flatMap((id) => periods.map(() => id));
const period = ids.flatMap(() => periods);
const gen = (a: number, b: number) => entity.map((_, k) => a + ((k * 7919 + b * 104729) % 97) / 10);
const panel = createPanel({ ids, periods, entity, period, values: { K: gen(10, 1), L: gen(5, 2), Y: gen(20, 3), B: gen(3, 4), X: gen(8, 5) }, source: 'data.csv' });

const FW_AHP = `framework: t
ahp: [[1, 3], ["1/3", 1]]
dimensions:
  - key: a
    ahp: [[1, 2], ["1/2", 1]]
    indicators:
      - { key: K, direction: "+" }
      - { key: L, direction: "+" }
  - key: b
    indicators:
      - { key: Y, direction: "+" }
`;
const FW_PLAIN = FW_AHP.replace(/^\s*ahp:.*\n/gm, '');
const FW_BAD = FW_AHP.replace('[[1, 2], ["1/2", 1]]', '[[1, 9, "1/9"], ["1/9", 1, 9], [9, "1/9", 1]]').replace('      - { key: L, direction: "+" }\n', '      - { key: L, direction: "+" }\n      - { key: X, direction: "+" }\n');
const FW_NONRECIPROCAL = FW_AHP.replace('[[1, 2], ["1/2", 1]]', '[[1, 2], ["1/3", 1]]');
const fw = (text: string, file = 'fw.yaml') => parseFramework(text, { file });

async function planIssues(text: string, framework?: unknown): Promise<SpecIssue[]> {
  try {
    await runEvaluation(parseSpec(text, 'spec.yaml'), { panel, framework });
  } catch (e) {
    expect(e).toBeInstanceOf(SpecError);
    return (e as SpecError).issues;
  }
  throw new Error('expected a SpecError');
}

describe('schema: the new fields', () => {
  test('weights names the new methods', () => {
    const [i] = schemaIssues(ok + 'index:\n  framework: f.yaml\n  weights: ahpp\n');
    expect(i).toMatchObject({ kind: 'bad-value', path: 'index.weights', line: 8 });
    expect(i.hint).toMatch(/did you mean "ahp"\?/);
    expect(i.hint).toMatch(/fixed, combine/);
  });

  test('combine needs two methods from the list; rule names', () => {
    const [a] = schemaIssues(ok + 'index:\n  framework: f.yaml\n  weights: combine\n  combine: {methods: [ahp]}\n');
    expect(a).toMatchObject({ kind: 'empty-list', path: 'index.combine.methods', line: 9 });
    const [b] = schemaIssues(ok + 'index:\n  framework: f.yaml\n  weights: combine\n  combine:\n    methods: [ahp, entropy]\n    rule: gaem\n');
    expect(b).toMatchObject({ kind: 'bad-value', path: 'index.combine.rule', line: 11 });
    expect(b.hint).toMatch(/did you mean "game"/);
    const [c] = schemaIssues(ok + 'index:\n  framework: f.yaml\n  weights: combine\n  combine:\n    methods: [ahp, combine]\n');
    expect(c.path).toBe('index.combine.methods.1');
  });

  test('ahp block: unknown key and method', () => {
    const [a] = schemaIssues(ok + 'index:\n  framework: f.yaml\n  weights: ahp\n  ahp: {forse: true}\n');
    expect(a).toMatchObject({ kind: 'unknown-key', path: 'index.ahp.forse', line: 9 });
    expect(a.hint).toMatch(/did you mean "force"/);
    const [b] = schemaIssues(ok + 'index:\n  framework: f.yaml\n  weights: ahp\n  ahp: {method: eigenvector}\n');
    expect(b).toMatchObject({ kind: 'bad-value', path: 'index.ahp.method' });
  });

  test('tfp.dea: required keys, enums, typos, types', () => {
    const [a] = schemaIssues(ok + 'tfp:\n  dea:\n    inputs: [K]\n');
    expect(a).toMatchObject({ kind: 'missing-key', path: 'tfp.dea', line: 7 });
    expect(a.hint).toMatch(/outputs/);
    const [b] = schemaIssues(ok + 'tfp:\n  dea:\n    inputs: [K]\n    outputs: [Y]\n    model: ccr\n');
    expect(b).toMatchObject({ kind: 'bad-value', path: 'tfp.dea.model', line: 10 });
    expect(b.hint).toMatch(/radial, sbm, ddf, nddf/);
    const [c] = schemaIssues(ok + 'tfp:\n  dea:\n    inputs: [K]\n    outputs: [Y]\n    orientaton: out\n');
    expect(c).toMatchObject({ kind: 'unknown-key', path: 'tfp.dea.orientaton', line: 10 });
    expect(c.hint).toMatch(/did you mean "orientation"/);
    const [d] = schemaIssues(ok + 'tfp:\n  dea:\n    inputs: [K]\n    outputs: [Y]\n    super: yes please\n');
    expect(d).toMatchObject({ kind: 'bad-type', path: 'tfp.dea.super' });
    expect(d.hint).toMatch(/true or false/);
    const [e] = schemaIssues(ok + 'tfp:\n  dea:\n    inputs: [K]\n    outputs: [Y]\n    rts: drs\n');
    expect(e.hint).toMatch(/crs.*vrs.*nirs.*ndrs/);
  });

  test('tfp.malmquist: the new keys', () => {
    const [a] = schemaIssues(ok + 'tfp:\n  malmquist:\n    inputs: [K]\n    outputs: [Y]\n    direction: gren\n');
    expect(a).toMatchObject({ kind: 'bad-value', path: 'tfp.malmquist.direction', line: 10 });
    expect(a.hint).toMatch(/did you mean "green"/);
    const [b] = schemaIssues(ok + 'tfp:\n  malmquist:\n    inputs: [K]\n    outputs: [Y]\n    sameReference: 1\n');
    expect(b).toMatchObject({ kind: 'bad-type', path: 'tfp.malmquist.sameReference' });
    const [c] = schemaIssues(ok + 'tfp:\n  malmquist:\n    inputs: [K]\n    outputs: [Y]\n    decompositon: rd\n');
    expect(c.hint).toMatch(/did you mean "decomposition"/);
    const [d] = schemaIssues(ok + 'tfp:\n  malmquist:\n    inputs: [K]\n    outputs: [Y]\n    measure: sbm\n');
    expect(d.hint).toMatch(/radial, nddf/);
  });

  test('examples/pwt-efficiency.yaml parses', () => {
    const f = 'examples/pwt-efficiency.yaml';
    expect(parseSpec(readFileSync(resolve(repoRoot, f), 'utf8'), f).spec.tfp?.dea?.rts).toBe('vrs');
  });

  test('a spec using every new field parses', () => {
    expect(() =>
      parseSpec(
        ok +
          'index:\n  framework: f.yaml\n  weights: combine\n  combine: {methods: [ahp, entropy], rule: linear, alpha: [0.4, 0.6]}\n  ahp: {method: eigen, ri: saaty, force: false}\n' +
          'tfp:\n  dea: {inputs: [K, L], outputs: [Y], undesirable: [B], model: nddf, rts: vrs, direction: green, frontier: pooled, periods: {from: 2000, to: 2002}}\n' +
          '  malmquist: {inputs: [K, L], outputs: [Y], undesirable: [B], index: luenberger, measure: nddf, direction: green, sameReference: true}\n' +
          'analyses:\n  convergence: {of: dea}\n',
        'spec.yaml',
      ),
    ).not.toThrow();
  });
});

const dea0 = ok + 'tfp:\n  dea:\n    inputs: [K, L]\n    outputs: [Y]\n';
const mq0 = ok + 'tfp:\n  malmquist:\n    inputs: [K, L]\n    outputs: [Y]\n';

describe('plan: option combinations (tfp.dea)', () => {
  test.each([
    ['radial + undesirable', '    undesirable: [B]\n', 'tfp.dea.undesirable', /model: sbm/],
    ['radial + orientation non', '    orientation: non\n', 'tfp.dea.orientation', /in or out/],
    ['ddf + orientation', '    model: ddf\n    orientation: in\n', 'tfp.dea.orientation', /direction/],
    ['nddf + super', '    model: nddf\n    super: true\n', 'tfp.dea.super', /remove super/],
    ['sbm + direction', '    model: sbm\n    direction: green\n', 'tfp.dea.direction', /model: ddf/],
    ['reversed periods', '    periods: {from: 2002, to: 2000}\n', 'tfp.dea.periods', /from: 2000, to: 2002/],
  ])('%s', async (_n, extra, path, hint) => {
    const [i] = await planIssues(dea0 + extra);
    expect(i.path).toBe(path);
    expect(i.line).toBeGreaterThan(6);
    expect(i.hint).toMatch(hint);
  });

  test('unknown column and duplicate role', async () => {
    const [a] = await planIssues(ok + 'tfp:\n  dea:\n    inputs: [K, LL]\n    outputs: [Y]\n');
    expect(a).toMatchObject({ kind: 'unknown-column', path: 'tfp.dea.inputs.1', line: 8 });
    expect(a.hint).toMatch(/did you mean "L"/);
    const [b] = await planIssues(ok + 'tfp:\n  dea:\n    inputs: [K, Y]\n    outputs: [Y]\n');
    expect(b.kind).toBe('duplicate-column');
  });

  test('of: dea without a tfp.dea block', async () => {
    const [i] = await planIssues(ok + 'analyses:\n  convergence: {of: dea}\n');
    expect(i.kind).toBe('series-not-computed');
    expect(i.hint).toMatch(/tfp: dea:/);
  });
});

describe('plan: option combinations (tfp.malmquist)', () => {
  test.each([
    ['direction with index malmquist', '    direction: green\n', 'tfp.malmquist.direction', /index: ml/],
    ['measure with ml', '    undesirable: [B]\n    index: ml\n    measure: nddf\n', 'tfp.malmquist.measure', /luenberger/],
    ['distanceRts with luenberger', '    index: luenberger\n    distanceRts: vrs\n', 'tfp.malmquist.distanceRts', /rts/],
    ['distanceRts vrs without rts vrs', '    distanceRts: vrs\n', 'tfp.malmquist.distanceRts', /rts: vrs/],
    ['decomposition with gml', '    index: gml\n    decomposition: fgnz\n', 'tfp.malmquist.decomposition', /remove/],
    ['rd under crs', '    decomposition: rd\n', 'tfp.malmquist.decomposition', /rts: vrs/],
    ['rd with a global frontier', '    rts: vrs\n    decomposition: rd\n    frontier: global\n', 'tfp.malmquist.frontier', /contemporaneous/],
    ['undesirable with index malmquist', '    undesirable: [B]\n', 'tfp.malmquist.undesirable', /index: ml/],
    ['gml with a sequential frontier', '    index: gml\n    frontier: sequential\n', 'tfp.malmquist.frontier', /gml uses global/],
  ])('%s', async (_n, extra, path, hint) => {
    const [i] = await planIssues(mq0 + extra);
    expect(i.path).toBe(path);
    expect(i.line).toBeGreaterThan(6);
    expect(i.hint).toMatch(hint);
  });
});

describe('plan: index weights against the framework', () => {
  const idx = ok + 'index:\n  framework: fw.yaml\n';
  test('ahp with a framework without matrices names the file', async () => {
    const [i] = await planIssues(idx + '  weights: ahp\n', fw(FW_PLAIN, 'frameworks/mine.yaml'));
    expect(i).toMatchObject({ kind: 'framework-no-ahp', path: 'index.weights', line: 8 });
    expect(i.message).toMatch(/framework file frameworks\/mine\.yaml has no `ahp:` matrices/);
  });

  test('an inconsistent AHP matrix suggests force; force: true runs', async () => {
    const [i] = await planIssues(idx + '  weights: ahp\n', fw(FW_BAD));
    expect(i.kind).toBe('ahp-inconsistent');
    expect(i.message).toMatch(/fw\.yaml/);
    expect(i.hint).toMatch(/force: true/);
    const res = await runEvaluation(parseSpec(idx + '  weights: ahp\n  ahp: {force: true}\n', 'spec.yaml'), { panel, framework: fw(FW_BAD) });
    const s = res.sections.find((x) => x.kind === 'index')!;
    expect(s.result.rows.every((r: any) => r.status === 'inconsistent' || r.status === 'insufficient_data')).toBe(true);
  });

  test('a matrix that is not reciprocal', async () => {
    const [i] = await planIssues(idx + '  weights: ahp\n', fw(FW_NONRECIPROCAL));
    expect(i.kind).toBe('ahp-not-reciprocal');
    expect(i.message).toMatch(/^AHP weights from the framework file fw\.yaml: /);
  });

  test('combine without its block, a block without combine, an unused ahp block', async () => {
    const [a] = await planIssues(idx + '  weights: combine\n', fw(FW_AHP));
    expect(a).toMatchObject({ kind: 'missing-key', path: 'index.weights' });
    expect(a.hint).toMatch(/combine: \{methods/);
    const [b] = await planIssues(idx + '  weights: entropy\n  combine: {methods: [ahp, entropy]}\n', fw(FW_AHP));
    expect(b).toMatchObject({ kind: 'unused-key', path: 'index.combine', line: 9 });
    const [c] = await planIssues(idx + '  weights: critic\n  ahp: {force: true}\n', fw(FW_AHP));
    expect(c).toMatchObject({ kind: 'unused-key', path: 'index.ahp' });
  });

  test('alpha: one per method, only for the linear rule; signed only for game', async () => {
    const [a] = await planIssues(idx + '  weights: combine\n  combine: {methods: [ahp, entropy, critic], alpha: [0.5, 0.5]}\n', fw(FW_AHP));
    expect(a).toMatchObject({ kind: 'bad-value', path: 'index.combine.alpha' });
    expect(a.hint).toMatch(/one coefficient per method/);
    const [b] = await planIssues(idx + '  weights: combine\n  combine: {methods: [ahp, entropy], rule: game, alpha: [0.5, 0.5]}\n', fw(FW_AHP));
    expect(b).toMatchObject({ kind: 'unused-key', path: 'index.combine.alpha' });
    const [c] = await planIssues(idx + '  weights: combine\n  combine: {methods: [ahp, entropy], signed: true}\n', fw(FW_AHP));
    expect(c).toMatchObject({ kind: 'unused-key', path: 'index.combine.signed' });
  });

  test('the index section equals compositeIndex with the same weight options', async () => {
    const res = await runEvaluation(parseSpec(idx + '  weights: combine\n  combine: {methods: [ahp, entropy], rule: game}\n  ahp: {method: geometric}\n', 'spec.yaml'), { panel, framework: fw(FW_AHP) });
    const lib = compositeIndex(panel, { framework: fw(FW_AHP), weights: { method: 'combine', combine: { methods: ['ahp', 'entropy'], rule: 'game' }, ahp: { method: 'geometric' } } });
    const s = res.sections.find((x) => x.kind === 'index')!;
    lib.rows.forEach((r, k) => {
      expect(s.result.rows[k].id).toBe(r.id);
      if (r.score === null) expect(s.result.rows[k].score).toBeNull();
      else expectClose(s.result.rows[k].score, r.score, 1e-12, 0, `score ${r.id}`);
    });
  });
});

describe('runs equal the library', () => {
  test('tfp.dea (sbm, undesirable, vrs) rows and the dea series', async () => {
    const res = await runEvaluation(parseSpec(ok + 'tfp:\n  dea: {inputs: [K, L], outputs: [Y], undesirable: [B], model: sbm, rts: vrs}\n', 'spec.yaml'), { panel });
    const lib = dea(panel, { inputs: ['K', 'L'], outputs: ['Y'], undesirable: ['B'], model: 'sbm', rts: 'vrs' });
    const s = res.sections.find((x) => x.kind === 'dea')!;
    expect(s.result.rows).toEqual(lib.rows);
    const t = res.tables.find((x) => x.id === 'dea')!;
    lib.rows.forEach((r, k) => expect(t.rows[k].efficiency).toBe(r.efficiency));
    const units = res.tables.find((x) => x.id === 'dea-units')!;
    for (const u of units.rows) {
      const v = lib.rows.filter((r) => r.id === u.id).map((r) => r.efficiency as number);
      expectClose(u.mean as number, v.reduce((a, b) => a + b, 0) / v.length, 1e-12, 0, `mean ${u.id}`);
    }
    // ranks follow the means
    const means = units.rows.map((u) => u.mean as number);
    expect([...means].sort((a, b) => b - a)).toEqual(means);
  });

  test('tfp.dea on one period (a cross-section) and the dea series in a later analysis', async () => {
    const res = await runEvaluation(parseSpec(ok + 'tfp:\n  dea: {inputs: [K, L], outputs: [Y], rts: vrs, orientation: out, periods: {from: 2003, to: 2003}}\nanalyses:\n  kde: {of: dea}\n', 'spec.yaml'), { panel });
    const s = res.sections.find((x) => x.kind === 'dea')!;
    expect(s.result.rows.length).toBe(ids.length);
    expect(res.tables.find((x) => x.id === 'dea')!.rows.map((r) => r.period)).toEqual(ids.map(() => 2003));
    const per = res.tables.find((x) => x.id === 'dea-periods')!;
    expect(per.rows.map((r) => r.period)).toEqual([2003]);
    expect(res.sections.find((x) => x.kind === 'kde')!.of).toBe('dea');
    const desc = res.sections.find((x) => x.kind === 'data')!.result.rows.find((r: any) => r.variable === 'dea');
    expect(desc.n).toBe(ids.length); // NaN outside 2003: only the scored cells are described
  });

  test('tfp.malmquist with the new options', async () => {
    const res = await runEvaluation(parseSpec(mq0 + '    rts: vrs\n    decomposition: rd\n    sameReference: true\n', 'spec.yaml'), { panel });
    const lib = malmquist(panel, { inputs: ['K', 'L'], outputs: ['Y'], rts: 'vrs', decomposition: 'rd', sameReference: true });
    const s = res.sections.find((x) => x.kind === 'malmquist')!;
    expect(s.result.rows).toEqual(lib.rows);
    expect(s.result.card.conventions).toEqual(lib.card.conventions);
  });
});
