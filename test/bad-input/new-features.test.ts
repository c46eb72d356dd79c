// Whatever a user clicks in the workbench's DEA, Malmquist and growth-accounting forms, the spec it builds passes the
// schema and the planner's cross-field rules (the planning stage only: a deliberately unknown series makes the
// planner report its issues without running the methods, and that must be the only issue).
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { buildSpec, specYaml, type Choices } from '../../web/src/spec-build.js';
import { DEA_DEFAULTS, GROWTH_DEFAULTS, MALMQUIST_DEFAULTS, growthNeeds, type DeaChoice, type GrowthChoice, type MalmquistChoice } from '../../web/src/tfp-form.js';
import { parseSpec, SpecError } from '../../src/core/evaluation/validate.js';
import { runEvaluation } from '../../src/core/evaluation/run.js';
import { parseCsv } from '../../src/io/csv.js';
import { fromTable } from '../../src/core/panel/from-table.js';
import { tfpCsv, tfpChoices } from '../web/tfp-fixture.js';

const { panel } = fromTable(parseCsv(tfpCsv(), { file: 'tfp.csv' }), { id: '省份', period: '年份' });
const base: Choices = tfpChoices({ gdp: 'output', labour: 'input', energy: 'input' });

/** The planner's issues for the spec the form builds, apart from the sentinel. */
async function planProblems(c: Choices): Promise<string[]> {
  const yaml = specYaml(buildSpec(c)) + 'analyses:\n  convergence: {of: __sentinel__}\n';
  try {
    await runEvaluation(parseSpec(yaml, 'spec.yaml'), { panel });
  } catch (e) {
    if (!(e instanceof SpecError)) throw e;
    return e.issues.filter((i) => !String(i.path).startsWith('analyses.convergence')).map((i) => `${i.path}: ${i.message}\n${yaml}`);
  }
  return ['the sentinel issue was not reported'];
}

const pick = <T,>(xs: readonly T[]) => fc.constantFrom(...xs);
const malmquistChoice = fc.record({
  index: fc.option(pick(['malmquist', 'ml', 'gml', 'luenberger'] as const), { nil: undefined }),
  frontier: pick(['contemporaneous', 'sequential', 'global', 'biennial', 'window'] as const),
  window: fc.integer({ min: 1, max: 3 }),
  orientation: pick(['in', 'out'] as const),
  rts: pick(['crs', 'vrs'] as const),
  direction: fc.option(pick(['green', 'graph', 'input', 'output'] as const), { nil: undefined }),
  measure: pick(['radial', 'nddf'] as const),
  distanceRts: pick(['crs', 'vrs'] as const),
  decomposition: pick(['fgnz', 'rd'] as const),
  sameReference: fc.boolean(),
  bias: fc.boolean(),
});
const deaChoice = fc.record({
  model: pick(['radial', 'sbm', 'ddf', 'nddf'] as const),
  rts: pick(['crs', 'vrs', 'nirs', 'ndrs'] as const),
  orientation: fc.option(pick(['in', 'out', 'non'] as const), { nil: undefined }),
  super: fc.boolean(),
  superScore: fc.option(pick(['delta', 'composite'] as const), { nil: undefined }),
  direction: fc.option(pick(['green', 'graph', 'input', 'output'] as const), { nil: undefined }),
  frontier: pick(['period', 'pooled'] as const),
});
const growthChoice = fc.record({
  method: pick(['solow', 'tornqvist'] as const),
  alpha: fc.option(fc.double({ min: 0.05, max: 0.95, noNaN: true }), { nil: undefined }),
  alphaRegression: fc.option(pick(['pooled', 'within'] as const), { nil: undefined }),
});

describe('workbench TFP forms never build a spec the planner refuses', () => {
  test('Malmquist-family form (with and without undesirable outputs)', async () => {
    await fc.assert(fc.asyncProperty(malmquistChoice, fc.boolean(), async (m, bads) => {
      const c: Choices = { ...base, roles: { ...base.roles, co2: bads ? 'undesirable' : 'ignore' }, tfp: { malmquist: { ...MALMQUIST_DEFAULTS, ...m, on: true } as MalmquistChoice } };
      expect(await planProblems(c)).toEqual([]);
    }), { numRuns: 150, seed: 20261128 });
  });

  test('DEA form (with and without undesirable outputs)', async () => {
    await fc.assert(fc.asyncProperty(deaChoice, fc.boolean(), async (d, bads) => {
      const c: Choices = { ...base, roles: { ...base.roles, co2: bads ? 'undesirable' : 'ignore' }, tfp: { dea: { ...DEA_DEFAULTS, ...d, on: true } as DeaChoice } };
      expect(await planProblems(c)).toEqual([]);
    }), { numRuns: 150, seed: 20261128 });
  });

  // (method pwt is left out: on data without hc/avh columns the planner names them, but growthNeeds does not ask.)
  test('growth-accounting form (solow, tornqvist), when the form says it is complete', async () => {
    await fc.assert(fc.asyncProperty(growthChoice, async (g) => {
      const choice = { ...GROWTH_DEFAULTS, on: true, method: g.method, output: 'gdp', capital: 'invest', labor: 'labour', share: 'labsh', ...(g.alpha !== undefined ? { alpha: g.alpha } : {}), ...(g.alphaRegression ? { alphaRegression: g.alphaRegression } : {}) } as GrowthChoice;
      fc.pre(growthNeeds(choice).length === 0);
      const c: Choices = { ...base, tfp: { growth: choice } };
      expect(await planProblems(c)).toEqual([]);
    }), { numRuns: 80, seed: 20261128 });
  });
});
