// The workbench's framework tree (web/src/framework-model.ts): edits keep AHP judgements with their children,
// tree → YAML → the core's parser → tree is the identity, the built-in frameworks survive the trip, the AHP
// figures and global weights shown are the core's, fixed weights are the normalised path products, and a spec
// with AHP / fixed / combined weights built from the tree validates and runs.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  SAATY_SCALE, addDimension, addIndicator, ahpMatrix, allIndicators, emptyTree, walkNodes, frameworkToTree, frameworkToYaml, globalWeights, missingColumns, moveIndicator,
  moveNode, nodeAhp, removeIndicator, removeNode, scaleText, seedTree, setJudgement, syncTree, treeToFramework, treeToYaml, type RoleSeed, type Tree,
} from '../../web/src/framework-model.js';
import { buildSpec, customFrameworkYaml, customTree, specYaml, type Choices } from '../../web/src/spec-build.js';
import { parseFramework } from '../../src/core/framework/parse.js';
import { builtinFramework } from '../../src/core/framework/builtin.js';
import type { Framework } from '../../src/core/framework/types.js';
import { ahpWeights } from '../../src/core/weights/ahp.js';
import { ahpFrameworkWeights, fixedFrameworkWeights } from '../../src/core/composite/weighting.js';
import { parseSpec } from '../../src/core/evaluation/validate.js';
import { parseCsv } from '../../src/io/csv.js';
import { fromTable } from '../../src/core/panel/from-table.js';
import { runEvaluation } from '../../src/core/evaluation/run.js';
import { provincialCsv, INDICATORS } from './fixture.js';

const seed: RoleSeed = {
  indicators: ['研发强度', '专利授权', '数字经济', '能耗强度', '人均GDP'],
  derived: [],
  directions: { 能耗强度: '-' },
  dimensions: { 研发强度: '创新', 专利授权: '创新', 数字经济: '数字', 能耗强度: '绿色', 人均GDP: '数字' },
  lang: 'zh',
};

/** A framework without the parser's bookkeeping (lines, source). */
function bare(fw: Framework): unknown {
  return JSON.parse(JSON.stringify(fw, (k, v) => (k === 'line' || k === 'source' ? undefined : v)));
}

/** A two-level tree with sub-dimensions, a formula, fixed weights and AHP judgements at every level. */
function sampleTree(): Tree {
  const t = seedTree(seed);
  t.followRoles = false;
  const [innov, digital, green] = t.dimensions;
  innov.en = 'Innovation';
  digital.en = 'Digital';
  green.en = 'Green';
  innov.weight = 0.5;
  digital.weight = 0.3;
  green.weight = 0.2;
  for (const i of allIndicators(t)) i.weight = 1;
  allIndicators(t)[0].weight = 3;
  addIndicator(t, green.id, { formula: '能耗强度 / 人均GDP', zh: '能耗比', en: 'Energy ratio', direction: '-' });
  setJudgement(t.pairs, innov.id, digital.id, 3);
  setJudgement(t.pairs, innov.id, green.id, 5);
  setJudgement(t.pairs, green.id, digital.id, 1 / 2);
  setJudgement(innov.pairs, innov.indicators[0].id, innov.indicators[1].id, 2);
  setJudgement(digital.pairs, digital.indicators[1].id, digital.indicators[0].id, 4);
  setJudgement(green.pairs, green.indicators[0].id, green.indicators[1].id, 1 / 3);
  return t;
}

describe('framework tree', () => {
  test('seeded from the roles: dimensions by their free-text name, keys identifiers, directions', () => {
    const t = seedTree(seed);
    expect(t.dimensions.map((d) => d.zh)).toEqual(['创新', '数字', '绿色']);
    expect(t.dimensions.map((d) => d.indicators.map((i) => i.column))).toEqual([['研发强度', '专利授权'], ['数字经济', '人均GDP'], ['能耗强度']]);
    expect(allIndicators(t).find((i) => i.column === '能耗强度')!.direction).toBe('-');
    const fw = parseFramework(treeToYaml(t), { file: 'framework.yaml' });
    expect(fw.indicators.map((i) => i.key)).toEqual(['x1', 'x2', 'x3', 'x4', 'x5']);
  });

  test('a role-following tree keeps up with the roles; removed indicators stay out', () => {
    const t = seedTree(seed);
    moveIndicator(t, allIndicators(t)[4].id, { nodeId: t.dimensions[0].id });
    syncTree(t, { ...seed, indicators: ['研发强度', '专利授权', '数字经济', '人均GDP'], directions: { 人均GDP: '-' }, derived: [{ name: 'rd2', direction: '-' }] });
    // 能耗强度 left (its dimension, created from the roles, went with it); rd2 joined; the move survived
    expect(t.dimensions.map((d) => d.zh)).toEqual(['创新', '数字', '综合']);
    expect(t.dimensions[0].indicators.map((i) => i.column)).toEqual(['研发强度', '专利授权']);
    expect(t.dimensions[1].indicators.map((i) => [i.column, i.direction])).toEqual([['数字经济', '+'], ['人均GDP', '-']]);
    expect(t.dimensions[2].indicators.map((i) => [i.column, i.direction])).toEqual([['rd2', '-']]);
    removeIndicator(t, t.dimensions[0].indicators[1].id);
    syncTree(t, seed);
    expect(allIndicators(t).map((i) => i.column)).not.toContain('专利授权');
    // an imported tree does not follow the roles
    const imported = frameworkToTree(builtinFramework('pwt'));
    const before = treeToYaml(imported);
    syncTree(imported, seed);
    expect(treeToYaml(imported)).toBe(before);
  });

  test('edits: reorder and delete dimensions, sub-dimensions take over indicators, AHP judgements follow the children', () => {
    const t = sampleTree();
    const [a, b, c] = t.dimensions;
    const before = ahpMatrix(t.pairs, [a.id, b.id, c.id]);
    moveNode(t, c.id, -1);
    expect(t.dimensions.map((d) => d.id)).toEqual([a.id, c.id, b.id]);
    const after = ahpMatrix(t.pairs, t.dimensions.map((d) => d.id));
    expect(after[0][1]).toBe(before[0][2]);
    expect(after[1][2]).toBe(before[2][1]);
    expect(after[1][2]).toBe(1 / 2);
    // sub-dimension: the node's indicators move into it
    const sub = addDimension(t, { zh: '投入', en: 'Input' }, a.id);
    expect(a.indicators).toEqual([]);
    expect(sub.indicators.map((i) => i.column)).toEqual(['研发强度', '专利授权']);
    const sub2 = addDimension(t, { zh: '产出', en: 'Output' }, a.id);
    moveIndicator(t, sub.indicators[1].id, { nodeId: sub2.id });
    const fw = parseFramework(treeToYaml(t), { file: 'f.yaml' });
    expect(fw.dimensions[0].children.map((n) => n.indicators.map((i) => i.column))).toEqual([['研发强度'], ['专利授权']]);
    // deleting a dimension hands its indicators to the nearest other leaf; the only leaf cannot go
    expect(removeNode(t, c.id)).toBe(true);
    expect(allIndicators(t).map((i) => i.column)).toContain('能耗强度');
    const single = seedTree({ ...seed, dimensions: {} });
    expect(removeNode(single, single.dimensions[0].id)).toBe(false);
  });

  test('tree → YAML → core parser → tree is the identity (labels, directions, formula, weights, AHP)', () => {
    const t = sampleTree();
    const yaml = treeToYaml(t, { ahp: true });
    expect(yaml).toContain('label: { zh: 创新, en: Innovation }');
    expect(yaml).toMatch(/ahp:\n\s+- \[ 1, 3, 5 \]\n\s+- \[ 1\/3, 1, 2 \]\n\s+- \[ 1\/5, 1\/2, 1 \]/);
    const fw = parseFramework(yaml, { file: 'framework.yaml' });
    expect(bare(fw)).toEqual(bare(treeToFramework(t, { ahp: true })));
    const back = frameworkToTree(fw);
    expect(treeToYaml(back, { ahp: true })).toBe(yaml);
    expect(fw.dimensions[2].indicators[1]).toMatchObject({ formula: '能耗强度 / 人均GDP', direction: '-', label: { zh: '能耗比', en: 'Energy ratio' } });
    expect(fw.ahp![2][1]).toBe(1 / 2);
    expect(fw.dimensions[1].ahp).toEqual([[1, 1 / 4], [4, 1]]);
  });

  test('nqpf, hqd and pwt open in the editor and are written back unchanged', () => {
    for (const name of ['nqpf', 'hqd', 'pwt'] as const) {
      const fw = builtinFramework(name);
      const again = parseFramework(frameworkToYaml(treeToFramework(frameworkToTree(fw))), { file: 'x.yaml' });
      expect(bare(again)).toEqual(bare(fw));
    }
  });

  test('AHP figures shown are the core ahpWeights of the matrix written; global weights the core pipeline', () => {
    const t = sampleTree();
    const shown = nodeAhp(t);
    const fw = parseFramework(treeToYaml(t, { ahp: true }));
    const core = ahpWeights(fw.ahp!);
    expect(shown.result!.CR).toBe(core.CR);
    expect(shown.result!.lambdaMax).toBe(core.lambdaMax);
    expect(Array.from(shown.result!.weights)).toEqual(Array.from(core.weights));
    expect(core.CR).toBeGreaterThan(0);
    expect(core.CR).toBeLessThan(0.1);
    const g = globalWeights(t, 'ahp');
    const ref = ahpFrameworkWeights(fw).weights;
    expect(fw.indicators.map((_, k) => g.weights.get(allIndicators(t)[k].id))).toEqual(Array.from(ref));
    // an inconsistent matrix: CR ≥ 0.1 reported
    const u = sampleTree();
    const [a, b, c] = u.dimensions;
    setJudgement(u.pairs, a.id, b.id, 9);
    setJudgement(u.pairs, b.id, c.id, 9);
    setJudgement(u.pairs, c.id, a.id, 9);
    expect(nodeAhp(u).result!.CR).toBeGreaterThanOrEqual(0.1);
    expect(nodeAhp(u).result!.status).toBe('inconsistent');
  });

  test('fixed weights: normalised products along the path, empty weights count as 1', () => {
    const t = sampleTree();
    const g = globalWeights(t, 'fixed');
    // innovation 0.5 × (3, 1); digital 0.3 × (1, 1); green 0.2 × (1, 1 (empty))
    const raw = [1.5, 0.5, 0.3, 0.3, 0.2, 0.2];
    const s = raw.reduce((a, b) => a + b, 0);
    const got = allIndicators(t).map((i) => g.weights.get(i.id)!);
    got.forEach((w, k) => expect(w).toBeCloseTo(raw[k] / s, 15));
    const fw = parseFramework(treeToYaml(t, { fixed: true }));
    expect(got).toEqual(Array.from(fixedFrameworkWeights(fw)));
    expect(fw.indicators.every((i) => i.weight !== undefined)).toBe(true);
  });

  test('AHP over sub-dimensions (nqpf copied): global weights are the core pipeline on the YAML written', () => {
    const t = frameworkToTree(builtinFramework('nqpf'));
    let k = 0;
    walkNodes(t, (n) => {
      const kids = n.children.length ? n.children.map((c) => c.id) : n.indicators.map((i) => i.id);
      if (kids.length >= 2) setJudgement(n.pairs, kids[0], kids[1], SAATY_SCALE[(k++ * 5) % SAATY_SCALE.length]);
    });
    setJudgement(t.pairs, t.dimensions[0].id, t.dimensions[2].id, 3);
    const fw = parseFramework(treeToYaml(t, { ahp: true }));
    // some matrices here are inconsistent (CR ≥ 0.1): the editor shows the forced weights, as the core gives them
    expect(() => ahpFrameworkWeights(fw)).toThrow(/inconsistent/);
    const ref = ahpFrameworkWeights(fw, { force: true }).weights;
    const g = globalWeights(t, 'ahp');
    expect(allIndicators(t).map((i) => g.weights.get(i.id))).toEqual(Array.from(ref));
    expect(ref.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
  });

  test('property: random trees (labels, directions, weights, Saaty judgements) survive tree → YAML → parser → tree', () => {
    const label = fc.string({ minLength: 1, maxLength: 8 }).filter((x) => x.trim() === x && x.length > 0);
    const ind = fc.record({ zh: label, en: label, direction: fc.constantFrom('+', '-', '[1,2]', '=0.5'), column: fc.constantFrom('a', 'b', 'c', '研发'), weight: fc.option(fc.double({ min: 0, max: 10, noNaN: true }), { nil: undefined }) });
    const dim = fc.record({ zh: label, en: label, weight: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }), inds: fc.array(ind, { minLength: 1, maxLength: 4 }) });
    fc.assert(fc.property(fc.array(dim, { minLength: 1, maxLength: 4 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...SAATY_SCALE)), { maxLength: 8 }), (dims, judgements) => {
      const t = emptyTree();
      for (const d of dims) {
        const n = addDimension(t, { zh: d.zh, en: d.en });
        n.weight = d.weight;
        for (const i of d.inds) { const x = addIndicator(t, n.id, { column: i.column, zh: i.zh, en: i.en, direction: i.direction }); x.weight = i.weight; }
      }
      for (const [a, b, v] of judgements) {
        const ids = t.dimensions.map((d) => d.id);
        if (ids[a % ids.length] !== ids[b % ids.length]) setJudgement(t.pairs, ids[a % ids.length], ids[b % ids.length], v);
      }
      const yaml = treeToYaml(t, { ahp: true });
      const fw = parseFramework(yaml);
      expect(bare(fw)).toEqual(bare(treeToFramework(t, { ahp: true })));
      expect(treeToYaml(frameworkToTree(fw), { ahp: true })).toBe(yaml);
    }), { numRuns: 150, seed: 20261128 });
  });

  test('columns the data lacks are flagged (formula inputs too); Saaty values print as fractions', () => {
    const t = sampleTree();
    expect(missingColumns(t, INDICATORS)).toEqual([]);
    const miss = missingColumns(t, ['研发强度', '专利授权', '数字经济', '人均GDP']);
    expect(miss.map((m) => m.missing)).toEqual([['能耗强度'], ['能耗强度']]);
    expect(scaleText(1 / 7)).toBe('1/7');
    expect(scaleText(5)).toBe('5');
  });
});

describe('spec with AHP, fixed and combined weights', () => {
  const choices = (over: Partial<Choices>): Choices => ({
    dataFile: 'p.csv',
    lang: 'zh',
    roles: { 省份: 'id', 年份: 'period', 地区: 'group', 研发强度: 'indicator', 专利授权: 'indicator', 数字经济: 'indicator', 能耗强度: 'indicator', 人均GDP: 'indicator' },
    directions: { 能耗强度: '-' },
    dimensions: seed.dimensions,
    framework: 'custom',
    normalize: 'minmax',
    weights: 'ahp',
    aggregate: 'weighted',
    analyses: {},
    weightsSource: 'knn:4',
    ...over,
  });

  test('ahp / fixed / combine specs validate and run; the index uses the tree', async () => {
    const table = parseCsv(provincialCsv().text, { file: 'p.csv' });
    const { panel } = fromTable(table, { id: '省份', period: '年份', labels: ['地区'] });
    const tree = sampleTree();
    const scores: Record<string, number> = {};
    for (const over of [{ weights: 'ahp' }, { weights: 'fixed' }, { weights: 'combine', combine: { methods: ['ahp', 'entropy'], rule: 'game' } }, { weights: 'ahp', ahpForce: true }] as Partial<Choices>[]) {
      const c = choices({ ...over, tree });
      const spec = buildSpec(c);
      if (over.weights === 'combine') expect(spec.index).toMatchObject({ weights: 'combine', combine: { methods: ['ahp', 'entropy'], rule: 'game' } });
      if (over.ahpForce) expect(spec.index?.ahp).toEqual({ force: true });
      const parsed = parseSpec(specYaml(spec), 'spec.yaml');
      const fw = parseFramework(customFrameworkYaml(c)!, { file: 'framework.yaml' });
      expect(fw.indicators).toHaveLength(6);
      const r = await runEvaluation(parsed, { panel, framework: fw });
      const idx = r.sections.find((s) => s.kind === 'index')!;
      const w = idx.result.summary.weights as { indicator: string; weight: number }[];
      const ref = over.weights === 'fixed' ? fixedFrameworkWeights(fw) : over.weights === 'ahp' ? ahpFrameworkWeights(fw).weights : undefined;
      if (ref) w.forEach((x, k) => expect(x.weight).toBeCloseTo(ref[k], 14));
      scores[String(over.weights)] = (idx.result.rows[0] as { score: number }).score;
    }
    expect(new Set(Object.values(scores)).size).toBe(3);
  });

  test('the custom tree follows the roles until edited; an edited tree is kept', () => {
    const c = choices({ weights: 'entropy' });
    expect(customTree(c).dimensions.map((d) => d.zh)).toEqual(['创新', '数字', '绿色']);
    const t = customTree(c);
    t.dimensions[0].zh = 'Innovation 创新';
    const c2 = { ...c, tree: t, roles: { ...c.roles, 专利授权: 'ignore' as const } };
    const t2 = customTree(c2);
    expect(t2.dimensions[0].zh).toBe('Innovation 创新');
    expect(allIndicators(t2).map((i) => i.column)).not.toContain('专利授权');
    expect(allIndicators(c2.tree!).map((i) => i.column)).toContain('专利授权'); // customTree copies
  });
});

describe('AHP matrices on import', () => {
  const yaml = (row2: string) => [
    'framework: t',
    'ahp: [[1, 3], ' + row2 + ']',
    'dimensions:',
    '  - key: a',
    '    label: A',
    '    indicators: [{key: x, column: x, direction: "+"}]',
    '  - key: b',
    '    label: B',
    '    indicators: [{key: y, column: y, direction: "+"}]',
  ].join('\n');

  test('a non-reciprocal matrix is refused with the file, as xinzhi evaluate refuses it', async () => {
    const { checkAhpMatrices } = await import('../../web/src/framework-model.js');
    const bad = parseFramework(yaml('[0.5, 1]'), { file: 'fw.yaml' });
    expect(() => checkAhpMatrices(bad)).toThrow(/not reciprocal/);
    try {
      checkAhpMatrices(bad);
    } catch (e) {
      expect((e as { kind: string }).kind).toBe('ahp-not-reciprocal');
      expect((e as { location: { file?: string } }).location.file).toBe('fw.yaml');
    }
    expect(() => checkAhpMatrices(parseFramework(yaml('["1/3", 1]'), { file: 'fw.yaml' }))).not.toThrow();
  });
});
