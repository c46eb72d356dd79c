// The workbench's choices → spec YAML and custom framework YAML: what it writes is a valid spec (parseSpec),
// names the roles as given, and the framework parses with the directions and dimensions chosen.
import { describe, expect, test } from 'vitest';
import { buildSpec, customFrameworkYaml, specYaml, type Choices } from '../../web/src/spec-build.js';
import { parseSpec } from '../../src/core/evaluation/validate.js';
import { parseFramework } from '../../src/core/framework/parse.js';
import { parseCsv } from '../../src/io/csv.js';
import { fromTable } from '../../src/core/panel/from-table.js';
import { runEvaluation } from '../../src/core/evaluation/run.js';
import { provincialCsv } from './fixture.js';

const base: Choices = {
  dataFile: 'provinces.csv',
  lang: 'zh',
  roles: { 省份: 'id', 年份: 'period', 地区: 'group', 研发强度: 'indicator', 能耗强度: 'indicator', gdp: 'indicator', k: 'input', y: 'output', note: 'ignore' },
  directions: { 能耗强度: '-' },
  dimensions: { 研发强度: '创新', 能耗强度: '绿色', gdp: '创新' },
  framework: 'custom',
  normalize: 'minmax',
  weights: 'entropy',
  aggregate: 'topsis',
  analyses: { disparity: 'dagum', kde: true, moran: true, malmquist: true },
  weightsSource: 'knn:4',
};

describe('spec builder', () => {
  test('a valid spec with the roles, index choices and analyses', () => {
    const spec = buildSpec(base);
    const parsed = parseSpec(specYaml(spec), 'spec.yaml');
    expect(parsed.spec.data).toEqual({ file: 'provinces.csv', id: '省份', period: '年份', labels: ['地区'] });
    expect(parsed.spec.index).toEqual({ framework: 'framework.yaml', normalize: 'minmax', weights: 'entropy', aggregate: 'topsis' });
    expect(parsed.spec.analyses?.disparity).toEqual({ of: 'index', group: '地区', method: 'dagum' });
    expect(parsed.spec.analyses?.kde).toEqual({ of: 'index' });
    expect(parsed.spec.analyses?.moran).toEqual({ of: 'index', weights: 'knn:4' });
    expect(parsed.spec.tfp?.malmquist).toMatchObject({ inputs: ['k'], outputs: ['y'] });
    expect(parsed.spec.output?.language).toBe('zh');
  });

  test('the custom framework keeps dimensions, directions and columns; keys are identifiers', () => {
    const fw = parseFramework(customFrameworkYaml(base)!, { file: 'framework.yaml' });
    expect(fw.dimensions.map((d) => d.label.zh)).toEqual(['创新', '绿色']);
    const inds = fw.dimensions.flatMap((d) => d.indicators ?? []);
    expect(inds.map((i) => i.column)).toEqual(['研发强度', 'gdp', '能耗强度']);
    expect(inds.map((i) => i.key)).toEqual(['x1', 'gdp', 'x3']);
    expect(JSON.stringify(inds.find((i) => i.column === '能耗强度'))).toContain('-');
  });

  test('preparation: derived indicators (with direction) and linear interpolation of the indicator columns', () => {
    const c = { ...base, interpolate: true, derived: 'rd_gdp = 研发强度 / gdp\n-ei = 能耗强度 * 2\nnot a formula' };
    const spec = parseSpec(specYaml(buildSpec(c)), 'spec.yaml').spec;
    expect(spec.prepare).toEqual([
      { derive: { name: 'rd_gdp', formula: '研发强度 / gdp' } },
      { derive: { name: 'ei', formula: '能耗强度 * 2' } },
      { interpolate: { columns: ['研发强度', '能耗强度', 'gdp', 'k', 'y'], method: 'linear' } },
    ]);
    const fw = parseFramework(customFrameworkYaml(c)!, { file: 'framework.yaml' });
    const inds = fw.dimensions.flatMap((d) => d.indicators ?? []);
    expect(inds.map((i) => i.column)).toEqual(expect.arrayContaining(['rd_gdp', 'ei']));
    expect(JSON.stringify(inds.find((i) => i.column === 'ei'))).toContain('"-"');
  });

  test('a spec built from the fixture runs: derived + interpolation + entropy-TOPSIS + Dagum by region + KDE', async () => {
    const table = parseCsv(provincialCsv().text, { file: 'p.csv' });
    const c: Choices = {
      ...base,
      dataFile: 'p.csv',
      roles: { 省份: 'id', 年份: 'period', 地区: 'group', 研发强度: 'indicator', 专利授权: 'indicator', 数字经济: 'indicator', 能耗强度: 'indicator', 人均GDP: 'indicator' },
      directions: { 能耗强度: '-' },
      dimensions: {},
      analyses: { disparity: 'dagum', kde: true },
      interpolate: true,
      derived: 'rd2 = 研发强度 * 2',
    };
    const parsed = parseSpec(specYaml(buildSpec(c)), 'spec.yaml');
    const fw = parseFramework(customFrameworkYaml(c)!, { file: 'framework.yaml' });
    const { panel } = fromTable(table, { id: '省份', period: '年份', labels: ['地区'] });
    const r = await runEvaluation(parsed, { panel, framework: fw });
    expect(r.sections.map((x) => x.kind)).toEqual(expect.arrayContaining(['prepare', 'index', 'disparity', 'kde']));
  });

  test('no group column: no disparity block; no index: no analyses of the index', () => {
    const noGroup = buildSpec({ ...base, roles: { ...base.roles, 地区: 'ignore' } });
    expect(noGroup.analyses?.disparity).toBeUndefined();
    const noIndex = buildSpec({ ...base, framework: 'none' });
    expect(noIndex.index).toBeUndefined();
    expect(noIndex.analyses).toBeUndefined();
    expect(customFrameworkYaml({ ...base, roles: { 省份: 'id' } })).toBeUndefined();
  });
});

describe('spatial Markov from the workbench', () => {
  test('the checkbox writes analyses.spatialMarkov with the chosen spatial weights, and the spec validates', () => {
    const spec = buildSpec({ ...base, analyses: { spatialMarkov: true }, weightsSource: 'queen' });
    const parsed = parseSpec(specYaml(spec), 'spec.yaml');
    expect(parsed.spec.analyses?.spatialMarkov).toEqual({ of: 'index', weights: 'queen' });
    expect(buildSpec({ ...base, analyses: {} }).analyses?.spatialMarkov).toBeUndefined();
  });
});
