// Framework YAML: built-ins parse and match frameworks/*.yaml byte for byte; validation errors name the
// YAML line; formulas.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from '../../helpers.js';
import { parseFramework, validateFrameworkColumns, frameworkColumns } from '../../../src/core/framework/parse.js';
import { BUILTIN_FRAMEWORK_TEXT, builtinFramework } from '../../../src/core/framework/builtin.js';
import { parseFormula, evaluateFormula, formulaColumns } from '../../../src/core/framework/formula.js';
import { DataError } from '../../../src/core/errors.js';

function dataError(fn: () => unknown): DataError {
  try { fn(); } catch (e) { if (e instanceof DataError) return e; throw e; }
  throw new Error('no error');
}

describe('built-in frameworks', () => {
  for (const name of ['nqpf', 'hqd', 'pwt'] as const) {
    it(`${name}: embedded text equals frameworks/${name}.yaml and parses`, () => {
      expect(BUILTIN_FRAMEWORK_TEXT[name]).toBe(readFileSync(resolve(repoRoot, 'frameworks', `${name}.yaml`), 'utf8'));
      const fw = builtinFramework(name);
      expect(fw.key).toBe(name);
      for (const ind of fw.indicators) {
        expect(ind.label.zh && ind.label.en, ind.key).toBeTruthy();
        expect(ind.unit, ind.key).toBeTruthy();
        expect(ind.source, ind.key).toBeTruthy();
      }
    });
  }
  it('nqpf has workers / means of labour / objects of labour with sub-dimensions; hqd the five concepts', () => {
    const n = builtinFramework('nqpf');
    expect(n.dimensions.map((d) => d.key)).toEqual(['workers', 'means_of_labour', 'objects_of_labour']);
    expect(n.dimensions.every((d) => d.children.length >= 2)).toBe(true);
    expect(builtinFramework('hqd').dimensions.map((d) => d.key)).toEqual(['innovation', 'coordination', 'green', 'openness', 'sharing']);
  });
  it('pwt reads PWT 9.1 columns only', () => {
    expect(frameworkColumns(builtinFramework('pwt')).sort()).toEqual(['csh_i', 'csh_m', 'csh_x', 'ctfp', 'emp', 'hc', 'labsh', 'pop', 'rgdpna', 'rnna', 'rtfpna']);
  });
});

const good = `framework: t
label: {zh: 测试, en: Test}
dimensions:
  - key: a
    label: {zh: 甲, en: A}
    indicators:
      - key: x
        label: {zh: 叉, en: X}
        direction: "+"
      - key: y
        direction: "-"
  - key: b
    indicators:
      - key: z
        direction: "[1,3]"
        formula: x / y
`;

describe('framework validation', () => {
  it('parses a small framework with an interval and a formula', () => {
    const fw = parseFramework(good, { file: 't.yaml' });
    expect(fw.indicators.map((i) => i.key)).toEqual(['x', 'y', 'z']);
    expect(fw.indicators[2].direction).toEqual({ interval: [1, 3] });
    expect(fw.indicators[2].line).toBe(14);
    expect(frameworkColumns(fw)).toEqual(['x', 'y']);
  });
  it('bad direction names the line', () => {
    const e = dataError(() => parseFramework(good.replace('direction: "-"', 'direction: down'), { file: 't.yaml' }));
    expect(e.kind).toBe('bad-direction');
    expect(e.location).toMatchObject({ file: 't.yaml', row: 11 });
  });
  it('duplicate indicator key names the line of the second', () => {
    const e = dataError(() => parseFramework(good.replace('- key: z', '- key: x'), { file: 't.yaml' }));
    expect(e.kind).toBe('duplicate-key');
    expect(e.location.row).toBe(14);
    expect(e.message).toMatch(/first used at line 7/);
  });
  it('duplicate mapping key (YAML level) names the line', () => {
    const e = dataError(() => parseFramework(good.replace('        direction: "+"\n', '        direction: "+"\n        direction: "-"\n')));
    expect(e.kind).toBe('duplicate-key');
    expect(e.location.row).toBe(10);
  });
  it('unknown field, bad formula, bad weight', () => {
    expect(dataError(() => parseFramework(good.replace('label: {zh: 叉, en: X}', 'lable: X'))).kind).toBe('unknown-field');
    expect(dataError(() => parseFramework(good.replace('x / y', 'x / (y'))).kind).toBe('bad-formula');
    expect(dataError(() => parseFramework(good.replace('direction: "[1,3]"', 'direction: "[1,3]"\n        weight: -1'))).kind).toBe('bad-weight');
  });
  it('unknown column: data error with the YAML line of the indicator', () => {
    const fw = parseFramework(good, { file: 't.yaml' });
    const e = dataError(() => validateFrameworkColumns(fw, ['x']));
    expect(e.kind).toBe('unknown-column');
    expect(e.location).toMatchObject({ file: 't.yaml', row: 10, column: 'y' });
  });
});

describe('formulas', () => {
  it('arithmetic, functions, lag within entity', () => {
    const cols = { a: Float64Array.of(1, 2, 4, 10, 20, 40), b: Float64Array.of(2, 2, 2, 5, 5, 0) };
    const v = evaluateFormula(parseFormula('a / b + 2^2 - -1'), cols, 6, 3);
    expect(Array.from(v)).toEqual([5.5, 6, 7, 7, 9, NaN]);
    const g = evaluateFormula(parseFormula('ln(a / lag(a))'), cols, 6, 3);
    expect(Number.isNaN(g[0]) && Number.isNaN(g[3])).toBe(true);
    expect(g[1]).toBeCloseTo(Math.log(2), 15);
    expect(g[5]).toBeCloseTo(Math.log(2), 15);
    expect([...formulaColumns(parseFormula('ln(1 + csh_x - csh_m)'))]).toEqual(['csh_x', 'csh_m']);
    expect(() => parseFormula('foo(a)')).toThrow(/unknown function/);
  });
});
