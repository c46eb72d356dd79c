// The workbench's preparation (deflation, capital stock) and TFP (growth accounting, DEA, Malmquist family) choices
// → evaluation spec: every control lands in the expected spec field, options that do not apply are left out (as
// the spec validator requires), defaults equal the CLI's, the spec validates (parseSpec) and a full spec runs on a
// provincial panel (runEvaluation), giving the same numbers as the core methods called directly.
import { describe, expect, test } from 'vitest';
import { buildSpec, customFrameworkYaml, specYaml, type Choices } from '../../web/src/spec-build.js';
import { parseFramework } from '../../src/core/framework/parse.js';
import { newCapital, newDeflate, preparedColumns, CAPITAL_DEFAULTS, type CapitalChoice, type DeflateChoice } from '../../web/src/prepare-form.js';
import { DEA_DEFAULTS, GROWTH_DEFAULTS, MALMQUIST_DEFAULTS, growthNeeds, resolveMalmquist, type DeaChoice, type GrowthChoice, type MalmquistChoice } from '../../web/src/tfp-form.js';
import { parseSpec } from '../../src/core/evaluation/validate.js';
import { runEvaluation } from '../../src/core/evaluation/run.js';
import { parseCsv } from '../../src/io/csv.js';
import { fromTable } from '../../src/core/panel/from-table.js';
import { deflate } from '../../src/core/panel/deflate.js';
import { addCapitalStock } from '../../src/core/panel/capital-stock.js';
import { dea } from '../../src/core/frontier/dea.js';
import { malmquist } from '../../src/core/productivity/malmquist.js';
import type { EvaluationSpec } from '../../src/core/evaluation/spec.js';
import { tfpCsv, tfpChoices } from './tfp-fixture.js';

const base: Choices = tfpChoices({ labour: 'input', energy: 'input', rd: 'indicator', digital: 'indicator' });

const deflateGdp: DeflateChoice = { ...newDeflate(2012), columns: ['gdp'], deflator: 'gdp_deflator' };
const capitalInv: CapitalChoice = { ...newCapital([]), investment: 'invest', deflator: 'invest_price' };
/** GDP deflated and a capital stock; gdp_real the output, capital an input. */
const prepared: Choices = { ...base, deflate: [deflateGdp], capital: [capitalInv], preparedRoles: { gdp_real: 'output', capital: 'input' } };

const dea0 = (d: Partial<DeaChoice>): Choices => ({ ...prepared, tfp: { dea: { ...DEA_DEFAULTS, on: true, ...d } } });
const malm0 = (m: Partial<MalmquistChoice>, c: Choices = prepared): Choices => ({ ...c, tfp: { malmquist: { ...MALMQUIST_DEFAULTS, on: true, ...m } } });
const growth0 = (g: Partial<GrowthChoice>): Choices => ({ ...prepared, tfp: { growth: { ...GROWTH_DEFAULTS, on: true, ...g } } });
const withBads = (c: Choices): Choices => ({ ...c, roles: { ...c.roles, co2: 'undesirable' } });

/** Build, write as YAML and validate against the schema and the cross-field rules. */
function valid(c: Choices): EvaluationSpec {
  const spec = buildSpec(c);
  return parseSpec(specYaml(spec), 'spec.yaml').spec;
}

describe('preparation steps → spec.prepare', () => {
  test('untouched: no deflation or capital step; the old Malmquist checkbox keeps its meaning', () => {
    const c: Choices = { ...base, roles: { ...base.roles, gdp: 'output' }, analyses: { malmquist: true } };
    const spec = valid(c);
    expect(spec.prepare).toBeUndefined();
    expect(spec.tfp).toEqual({ malmquist: { inputs: ['labour', 'energy'], outputs: ['gdp'], index: 'malmquist', frontier: 'contemporaneous', orientation: 'in', rts: 'crs' } });
    const bads = valid(withBads(c));
    expect(bads.tfp?.malmquist).toMatchObject({ undesirable: ['co2'], index: 'ml', direction: 'green' });
    expect(bads.tfp?.malmquist?.orientation).toBeUndefined();
  });

  test('defaults equal the spec and CLI defaults', () => {
    expect(newDeflate(2012)).toEqual({ columns: [], deflator: '', base: 2012, type: 'level', suffix: '_real' });
    expect(newCapital([])).toEqual({ investment: '', deflator: '', type: 'level', delta: 0.096, base: 'steady', name: 'capital' });
    expect(newCapital([newCapital([])]).name).toBe('capital2');
    expect(CAPITAL_DEFAULTS.delta).toBe(0.096);
  });

  test('derive → interpolate → deflate → capital; interpolation covers the series the steps read', () => {
    const c: Choices = { ...prepared, derived: 'ei = energy / gdp', interpolate: true };
    const spec = valid(c);
    expect(spec.prepare).toEqual([
      { derive: { name: 'ei', formula: 'energy / gdp' } },
      { interpolate: { columns: ['rd', 'digital', 'labour', 'energy', 'gdp', 'gdp_deflator', 'invest', 'invest_price'], method: 'linear' } },
      { deflate: { columns: ['gdp'], deflator: 'gdp_deflator', base: 2012, type: 'level', suffix: '_real' } },
      { capital: { name: 'capital', investment: 'invest', deflator: 'invest_price', type: 'level', delta: 0.096, base: 'steady' } },
    ]);
    expect(preparedColumns(c)).toEqual(['gdp_real', 'capital']);
  });

  test('every deflation and capital control', () => {
    const c: Choices = {
      ...base,
      deflate: [{ columns: ['gdp', 'invest'], deflator: 'gdp_deflator', base: 2015, type: 'chain', suffix: '_c' }],
      capital: [
        { investment: 'invest_c', deflator: '', type: 'chain', delta: 0.05, base: 'ratio', name: 'K' },
        { investment: 'invest', deflator: 'invest_price', type: 'chain', delta: 0.1, base: 'steady', name: 'K2' },
      ],
    };
    expect(valid(c).prepare).toEqual([
      { deflate: { columns: ['gdp', 'invest'], deflator: 'gdp_deflator', base: 2015, type: 'chain', suffix: '_c' } },
      // no deflator: the investment is already real, and the index type does not apply
      { capital: { name: 'K', investment: 'invest_c', delta: 0.05, base: 'ratio' } },
      { capital: { name: 'K2', investment: 'invest', deflator: 'invest_price', type: 'chain', delta: 0.1, base: 'steady' } },
    ]);
    expect(preparedColumns(c)).toEqual(['gdp_c', 'invest_c', 'K', 'K2']);
    // type real; an empty suffix replaces the column (no new column)
    const r: Choices = { ...base, deflate: [{ columns: ['gdp'], deflator: 'gdp_deflator', base: 2012, type: 'real', suffix: '' }] };
    expect(valid(r).prepare).toEqual([{ deflate: { columns: ['gdp'], deflator: 'gdp_deflator', base: 2012, type: 'real', suffix: '' } }]);
    expect(preparedColumns(r)).toEqual([]);
  });

  test('incomplete steps stay out of the spec', () => {
    const c: Choices = { ...base, deflate: [newDeflate(undefined), { ...newDeflate(2012), deflator: 'gdp_deflator' }], capital: [newCapital([])] };
    expect(buildSpec(c).prepare).toBeUndefined();
    expect(preparedColumns(c)).toEqual([]);
  });

  test('roles of prepared columns feed the DEA and Malmquist variables after the data columns', () => {
    const spec = valid({ ...dea0({}), roles: { ...base.roles, energy: 'ignore' } });
    expect(spec.tfp?.dea).toMatchObject({ inputs: ['labour', 'capital'], outputs: ['gdp_real'] });
    const c = { ...prepared, preparedRoles: { gdp_real: 'undesirable' as const, capital: 'ignore' as const }, roles: { ...base.roles, gdp: 'output' as const } };
    expect(valid(malm0({}, c)).tfp?.malmquist).toMatchObject({ inputs: ['labour', 'energy'], outputs: ['gdp'], undesirable: ['gdp_real'], index: 'ml' });
  });
});

describe('prepared columns as indicators', () => {
  test('a prepared column with the indicator role joins the custom framework, and the index runs on it', async () => {
    const c: Choices = { ...prepared, framework: 'custom', preparedRoles: { gdp_real: 'indicator', capital: 'input' } };
    const fwText = customFrameworkYaml(c)!;
    const fw = parseFramework(fwText, { file: 'framework.yaml' });
    expect(fw.dimensions.flatMap((d) => d.indicators ?? []).map((i) => i.column)).toEqual(['rd', 'digital', 'gdp_real']);
    const { panel } = fromTable(parseCsv(tfpCsv(), { file: 'tfp.csv' }), { id: '省份', period: '年份' });
    const r = await runEvaluation(parseSpec(specYaml(buildSpec(c)), 'spec.yaml'), { panel, framework: fw });
    expect(r.sections.map((s) => s.kind)).toContain('index');
  });
});

describe('DEA → spec.tfp.dea', () => {
  test('defaults are the CLI’s: radial, crs, input-oriented, period frontier', () => {
    expect(valid(dea0({})).tfp?.dea).toEqual({ inputs: ['labour', 'energy', 'capital'], outputs: ['gdp_real'], model: 'radial', rts: 'crs', orientation: 'in', frontier: 'period' });
  });

  test('each control', () => {
    expect(valid(dea0({ rts: 'vrs', orientation: 'out' })).tfp?.dea).toMatchObject({ model: 'radial', rts: 'vrs', orientation: 'out' });
    for (const rts of ['nirs', 'ndrs'] as const) expect(valid(dea0({ rts })).tfp?.dea?.rts).toBe(rts);
    expect(valid(dea0({ super: true })).tfp?.dea?.super).toBe(true);
    expect(valid(dea0({ frontier: 'pooled' })).tfp?.dea?.frontier).toBe('pooled');
    // sbm: non-oriented by default, in/out allowed, super-SBM
    expect(valid(dea0({ model: 'sbm' })).tfp?.dea).toMatchObject({ model: 'sbm', orientation: 'non' });
    expect(valid(dea0({ model: 'sbm', orientation: 'out', super: true })).tfp?.dea).toMatchObject({ model: 'sbm', orientation: 'out', super: true });
    // radial cannot be non-oriented: falls back to its default
    expect(valid(dea0({ orientation: 'non' })).tfp?.dea?.orientation).toBe('in');
    // ddf/nddf: a direction instead of an orientation; no super-efficiency
    for (const model of ['ddf', 'nddf'] as const) {
      const d = valid(dea0({ model, orientation: 'out', super: true })).tfp!.dea!;
      expect(d).toMatchObject({ model, direction: 'graph' });
      expect(d.orientation).toBeUndefined();
      expect(d.super).toBeUndefined();
      for (const direction of ['green', 'graph', 'input', 'output'] as const) expect(valid(dea0({ model, direction })).tfp?.dea?.direction).toBe(direction);
    }
    // direction is dropped for radial and sbm
    expect(valid(dea0({ direction: 'input' })).tfp?.dea?.direction).toBeUndefined();
  });

  test('undesirable outputs: radial becomes SBM (radial needs a translation); ddf direction defaults to green', () => {
    expect(valid(withBads(dea0({}))).tfp?.dea).toMatchObject({ model: 'sbm', orientation: 'non', undesirable: ['co2'] });
    expect(valid(withBads(dea0({ model: 'ddf' }))).tfp?.dea).toMatchObject({ model: 'ddf', direction: 'green', undesirable: ['co2'] });
  });

  test('super-SBM score: composite is written only for super-SBM; δ* (the CLI default) writes nothing', () => {
    expect(valid(dea0({ model: 'sbm', super: true, superScore: 'composite' })).tfp?.dea).toMatchObject({ model: 'sbm', super: true, superScore: 'composite' });
    expect(valid(dea0({ model: 'sbm', super: true })).tfp?.dea).not.toHaveProperty('superScore');
    expect(valid(dea0({ model: 'radial', super: true, superScore: 'composite' })).tfp?.dea).not.toHaveProperty('superScore');
    expect(valid(dea0({ model: 'sbm', super: false, superScore: 'composite' })).tfp?.dea).not.toHaveProperty('superScore');
  });

  test('no inputs or no outputs: no DEA block', () => {
    expect(buildSpec({ ...dea0({}), preparedRoles: {} }).tfp).toBeUndefined();
  });
});

describe('Malmquist family → spec.tfp.malmquist', () => {
  test('defaults are the CLI’s: malmquist, contemporaneous, input-oriented, crs', () => {
    expect(valid(malm0({})).tfp?.malmquist).toEqual({ inputs: ['labour', 'energy', 'capital'], outputs: ['gdp_real'], index: 'malmquist', frontier: 'contemporaneous', orientation: 'in', rts: 'crs' });
  });

  test('frontiers, window half-width, orientation and RTS', () => {
    for (const frontier of ['sequential', 'global', 'biennial'] as const) expect(valid(malm0({ frontier })).tfp?.malmquist?.frontier).toBe(frontier);
    expect(valid(malm0({ frontier: 'window', window: 2 })).tfp?.malmquist?.frontier).toBe('window:2');
    expect(valid(malm0({ orientation: 'out', rts: 'vrs' })).tfp?.malmquist).toMatchObject({ orientation: 'out', rts: 'vrs' });
    expect(valid(malm0({ sameReference: true })).tfp?.malmquist?.sameReference).toBe(true);
  });

  test('the bias split is written for the radial index with CRS distances on adjacent-period frontiers only', () => {
    expect(valid(malm0({ bias: true })).tfp?.malmquist?.bias).toBe(true);
    expect(valid(malm0({ bias: true, frontier: 'sequential', rts: 'vrs' })).tfp?.malmquist?.bias).toBe(true);
    expect(valid(malm0({ bias: true, frontier: 'global' })).tfp?.malmquist).not.toHaveProperty('bias');
    expect(valid(malm0({ bias: true, rts: 'vrs', distanceRts: 'vrs' })).tfp?.malmquist).not.toHaveProperty('bias');
    expect(valid(malm0({ bias: true, rts: 'vrs', decomposition: 'rd' })).tfp?.malmquist).not.toHaveProperty('bias');
    expect(valid(malm0({ bias: true, index: 'ml' })).tfp?.malmquist).not.toHaveProperty('bias');
    expect(valid(malm0({})).tfp?.malmquist).not.toHaveProperty('bias');
  });

  test('distance RTS and decomposition apply to the radial Malmquist with VRS only', () => {
    expect(valid(malm0({ rts: 'vrs', distanceRts: 'vrs' })).tfp?.malmquist?.distanceRts).toBe('vrs');
    expect(valid(malm0({ rts: 'crs', distanceRts: 'vrs' })).tfp?.malmquist?.distanceRts).toBeUndefined();
    expect(valid(malm0({ rts: 'vrs', decomposition: 'rd' })).tfp?.malmquist?.decomposition).toBe('rd');
    expect(valid(malm0({ rts: 'vrs', decomposition: 'rd', frontier: 'global' })).tfp?.malmquist?.decomposition).toBeUndefined();
    expect(valid(malm0({ rts: 'vrs', decomposition: 'rd', distanceRts: 'vrs' })).tfp?.malmquist?.decomposition).toBeUndefined();
    expect(valid(malm0({ index: 'ml', rts: 'vrs', decomposition: 'rd', distanceRts: 'vrs' })).tfp?.malmquist).not.toHaveProperty('decomposition');
  });

  test('ML, GML and Luenberger: direction (default graph, green with bads), no orientation; GML on the global frontier; measure for Luenberger', () => {
    const ml = valid(malm0({ index: 'ml', frontier: 'sequential', orientation: 'out' })).tfp!.malmquist!;
    expect(ml).toMatchObject({ index: 'ml', frontier: 'sequential', direction: 'graph' });
    expect(ml.orientation).toBeUndefined();
    for (const direction of ['green', 'graph', 'input', 'output'] as const) expect(valid(malm0({ index: 'luenberger', direction })).tfp?.malmquist?.direction).toBe(direction);
    expect(valid(malm0({ index: 'gml', frontier: 'sequential' })).tfp?.malmquist).toMatchObject({ index: 'gml', frontier: 'global' });
    expect(valid(malm0({ index: 'luenberger', measure: 'nddf' })).tfp?.malmquist?.measure).toBe('nddf');
    expect(valid(malm0({ index: 'ml', measure: 'nddf' })).tfp?.malmquist?.measure).toBeUndefined();
    expect(valid(withBads(malm0({ index: 'gml' }))).tfp?.malmquist).toMatchObject({ index: 'gml', direction: 'green', undesirable: ['co2'] });
    // the radial index takes no undesirable outputs: with bads it becomes ML
    expect(resolveMalmquist({ ...MALMQUIST_DEFAULTS, index: 'malmquist' }, true).index).toBe('ml');
  });
});

describe('growth accounting: α by regression', () => {
  test('Solow with α estimated (pooled or within) writes alphaRegression, not alpha, and needs no α', () => {
    expect(valid(growth0({ method: 'solow', output: 'gdp', capital: 'capital', labor: 'labour', alpha: 0.4, alphaRegression: 'within' })).tfp?.growth).toEqual({ method: 'solow', output: 'gdp', capital: 'capital', labor: 'labour', alphaRegression: 'within' });
    expect(growthNeeds({ ...GROWTH_DEFAULTS, on: true, method: 'solow', output: 'gdp', capital: 'capital', labor: 'labour', alphaRegression: 'pooled' })).toEqual([]);
    expect(growthNeeds({ ...GROWTH_DEFAULTS, on: true, method: 'solow', output: 'gdp', capital: 'capital', labor: 'labour' })).toEqual(['tf_alpha']);
  });
});

describe('growth accounting → spec.tfp.growth', () => {
  test('each method and column', () => {
    expect(valid(growth0({})).tfp?.growth).toEqual({ method: 'pwt' });
    expect(valid(growth0({ method: 'solow', output: 'gdp_real', capital: 'capital', labor: 'labour', alpha: 0.4, share: 'labsh', base: 2015 })).tfp?.growth)
      .toEqual({ method: 'solow', output: 'gdp_real', capital: 'capital', labor: 'labour', alpha: 0.4, base: 2015 });
    expect(valid(growth0({ method: 'tornqvist', output: 'gdp_real', capital: 'capital', labor: 'labour', share: 'labsh', alpha: 0.4, humanCapital: 'rd', hours: 'digital' })).tfp?.growth)
      .toEqual({ method: 'tornqvist', output: 'gdp_real', capital: 'capital', labor: 'labour', humanCapital: 'rd', hours: 'digital', share: 'labsh' });
  });

  test('what is still missing is named (the runner would refuse the spec)', () => {
    expect(growthNeeds({ ...GROWTH_DEFAULTS, on: true })).toEqual([]);
    expect(growthNeeds({ ...GROWTH_DEFAULTS, on: true, method: 'solow' })).toEqual(['tf_output', 'tf_capital', 'tf_labor', 'tf_alpha']);
    expect(growthNeeds({ ...GROWTH_DEFAULTS, on: true, method: 'tornqvist', output: 'y', capital: 'k', labor: 'l' })).toEqual(['tf_share']);
  });
});

describe('YAML', () => {
  test('DEA and Malmquist on the same variables are written out in full (no YAML anchors)', () => {
    const c: Choices = { ...prepared, tfp: { dea: { ...DEA_DEFAULTS, on: true }, malmquist: { ...MALMQUIST_DEFAULTS, on: true } } };
    const y = specYaml(buildSpec(c));
    expect(y).not.toMatch(/[&*]a\d/);
    expect(parseSpec(y).spec.tfp?.malmquist?.inputs).toEqual(['labour', 'energy', 'capital']);
  });
});

describe('a full spec runs and matches the core methods', () => {
  test('deflate + capital → DEA (VRS, output) + sequential ML + Solow; same numbers as the core calls', async () => {
    const c: Choices = {
      ...withBads(prepared),
      tfp: {
        dea: { ...DEA_DEFAULTS, on: true, model: 'sbm', rts: 'vrs', orientation: 'out' },
        malmquist: { ...MALMQUIST_DEFAULTS, on: true, index: 'ml', frontier: 'sequential' },
        growth: { ...GROWTH_DEFAULTS, on: true, method: 'solow', output: 'gdp_real', capital: 'capital', labor: 'labour', alpha: 0.4 },
      },
    };
    const parsed = parseSpec(specYaml(buildSpec(c)), 'spec.yaml');
    const { panel } = fromTable(parseCsv(tfpCsv(), { file: 'tfp.csv' }), { id: '省份', period: '年份' });
    const r = await runEvaluation(parsed, { panel });
    expect(r.sections.map((s) => s.kind)).toEqual(expect.arrayContaining(['prepare', 'dea', 'malmquist', 'growth']));
    expect(r.data.variables).toEqual(expect.arrayContaining(['gdp_real', 'capital']));

    let p = deflate(panel, { variables: ['gdp'], index: 'gdp_deflator', base: 2012 }).panel;
    p = addCapitalStock(p, { investment: 'invest', deflator: 'invest_price' }).panel;
    const vars = { inputs: ['labour', 'energy', 'capital'], outputs: ['gdp_real'], undesirable: ['co2'] };
    const d = dea(p, { ...vars, model: 'sbm', rts: 'vrs', orientation: 'out' });
    const m = malmquist(p, { ...vars, index: 'ml', frontier: 'sequential' });
    const dSec = r.sections.find((s) => s.kind === 'dea')!;
    const mSec = r.sections.find((s) => s.kind === 'malmquist')!;
    expect(JSON.stringify(dSec.result.rows)).toBe(JSON.stringify(d.rows));
    expect(JSON.stringify(mSec.result.rows)).toBe(JSON.stringify(m.rows));
    expect(d.rows.some((x) => typeof x.efficiency === 'number' && x.efficiency < 1)).toBe(true);
  });
});
