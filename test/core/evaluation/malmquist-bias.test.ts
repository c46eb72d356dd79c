// tfp.malmquist.bias: the schema accepts it, the plan reports the combinations the core refuses at their spec line,
// and the run gives the library's rows with matech/obtech/ibtech columns in the period and unit tables.

import { describe, expect, test } from 'vitest';
import { parseSpec, SpecError, type SpecIssue } from '../../../src/core/evaluation/validate.js';
import { runEvaluation } from '../../../src/core/evaluation/run.js';
import { createPanel } from '../../../src/core/panel/panel.js';
import { malmquist } from '../../../src/core/productivity/malmquist.js';
import { specIssues, OK_SPEC_HEAD, planIssues as planIssuesOn } from './spec-helpers.js';

const ids = ['A', 'B', 'C', 'D', 'E', 'F'];
const periods = [2000, 2001, 2002, 2003];
const entity = ids.flatMap((id) => periods.map(() => id));
const period = ids.flatMap(() => periods);
const gen = (a: number, b: number) => entity.map((_, k) => a + ((k * 7919 + b * 104729) % 97) / 10);
const panel = createPanel({ ids, periods, entity, period, values: { K: gen(10, 1), L: gen(5, 2), Y: gen(20, 3), Z: gen(9, 6), B: gen(3, 4) }, source: 'data.csv' });
const mq0 = OK_SPEC_HEAD + 'tfp:\n  malmquist:\n    inputs: [K, L]\n    outputs: [Y, Z]\n';

const planIssues = (text: string): Promise<SpecIssue[]> => planIssuesOn(text, panel);

describe('tfp.malmquist.bias', () => {
  test('schema: a boolean', () => {
    const [i] = specIssues(mq0 + '    bias: yes please\n');
    expect(i.path).toBe('tfp.malmquist.bias');
  });

  test.each([
    ['with ml', '    undesirable: [B]\n    index: ml\n    bias: true\n', /index: malmquist/],
    ['with distanceRts vrs', '    rts: vrs\n    distanceRts: vrs\n    bias: true\n', /distanceRts: vrs/],
    ['with Ray–Desli', '    rts: vrs\n    decomposition: rd\n    bias: true\n', /decomposition: fgnz/],
    ['with a global frontier', '    frontier: global\n    bias: true\n', /contemporaneous/],
  ])('plan refuses bias %s at its line', async (_n, extra, hint) => {
    const issues = await planIssues(mq0 + extra);
    const i = issues.find((x) => x.path === 'tfp.malmquist.bias')!;
    expect(i, JSON.stringify(issues)).toBeDefined();
    expect(i.kind).toBe('bad-combination');
    expect(i.line).toBeGreaterThan(6);
    expect(i.hint).toMatch(hint);
  });

  test('run: rows equal the library; period and unit tables show matech, obtech, ibtech', async () => {
    const res = await runEvaluation(parseSpec(mq0 + '    rts: vrs\n    bias: true\n', 'spec.yaml'), { panel });
    const lib = malmquist(panel, { inputs: ['K', 'L'], outputs: ['Y', 'Z'], rts: 'vrs', bias: true });
    const s = res.sections.find((x) => x.kind === 'malmquist')!;
    expect(s.result.rows).toEqual(lib.rows);
    expect(s.result.card.conventions).toEqual(lib.card.conventions);
    const byPeriod = (lib.summary as any).byPeriod;
    for (const id of ['malmquist-periods', 'malmquist-units']) {
      const t = res.tables.find((x) => x.id === id)!;
      expect(t.columns.map((c) => c.key)).toEqual(expect.arrayContaining(['tfpch', 'effch', 'techch', 'pech', 'sech', 'matech', 'obtech', 'ibtech']));
    }
    const per = res.tables.find((x) => x.id === 'malmquist-periods')!;
    per.rows.forEach((row, k) => {
      for (const f of ['matech', 'obtech', 'ibtech']) expect(row[f]).toBe(byPeriod[k][f]);
    });
    expect(per.note!.en).toMatch(/matech × obtech × ibtech/);
    // Without bias the columns are absent.
    const plain = await runEvaluation(parseSpec(mq0, 'spec.yaml'), { panel });
    expect(plain.tables.find((x) => x.id === 'malmquist-periods')!.columns.map((c) => c.key)).not.toContain('obtech');
  });
});
