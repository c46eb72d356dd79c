// Per-period scope with the nested hierarchy and with weight sensitivity: each period must give exactly what the
// (fixture-tested) pooled path gives on a panel holding that period alone (within-dimension weights and W_d
// from that period's rows; sensitivity draws on seed + t), plus a numpy check of the nested weights.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { expectClose } from '../../helpers.js';
import { compositeIndex } from '../../../src/core/composite/composite-index.js';
import { createPanel, type Panel } from '../../../src/core/panel/panel.js';
import { loadIndexPanel, fixtureFramework, COLS } from './index-fixture.js';

const panel = loadIndexPanel();
const fw = fixtureFramework('subsystem');
const ref = JSON.parse(readFileSync(new URL('../../fixtures/index-options/references.json', import.meta.url), 'utf8'));

function onePeriod(p: Panel, t: number): Panel {
  const T = p.periods.length;
  const values: Record<string, number[]> = {};
  for (const c of COLS) values[c] = p.ids.map((_, i) => p.columns[c][i * T + t]);
  return createPanel({ ids: [...p.ids], periods: [p.periods[t]], entity: [...p.ids], period: p.ids.map(() => p.periods[t]), values });
}

describe('nested hierarchy with per-period scope', () => {
  for (const how of ['sum', 'rerun', 'equal'] as const) {
    it(`W_d by ${how}: every period equals the pooled run on that period alone`, () => {
      const all = compositeIndex(panel, { framework: fw, scope: 'period', hierarchy: 'nested', dimensionWeights: how, weights: 'entropy' });
      const dw = all.summary.dimensionWeights as { dimension: string; weight: number; period: number }[];
      panel.periods.forEach((year, t) => {
        const one = compositeIndex(onePeriod(panel, t), { framework: fw, hierarchy: 'nested', dimensionWeights: how, weights: 'entropy' });
        const rowsT = all.rows.filter((r) => r.period === year);
        one.rows.forEach((r, k) => {
          expect(rowsT[k].id).toBe(r.id);
          expectClose(rowsT[k].score!, r.score!, 1e-12, 1e-15, `${how} ${year} ${r.id}`);
          for (const d of Object.keys(r.dimensions)) expectClose(rowsT[k].dimensions[d]!, r.dimensions[d]!, 1e-12, 1e-15, `${d}`);
          expect(rowsT[k].rank).toBe(r.rank);
        });
        (one.summary.dimensionWeights as { weight: number }[]).forEach((w, d) => expectClose(dw.filter((x) => x.period === year)[d].weight, w.weight, 1e-12, 0, 'W_d'));
      });
      expect(all.card.conventions.hierarchy).toContain('separately for each period');
    });
  }
  it('within-dimension entropy weights and W_d (sum) match numpy for every year', () => {
    const all = compositeIndex(panel, { framework: fw, scope: 'period', hierarchy: 'nested', dimensionWeights: 'sum', weights: 'entropy' });
    const w = all.summary.weights as { indicator: string; weight: number; period: number }[];
    for (const [year, exp] of Object.entries(ref.nestedPerPeriod.global as Record<string, number[]>)) {
      const got = w.filter((x) => x.period === Number(year));
      exp.forEach((v, j) => expectClose(got[j].weight, v, 1e-9, 1e-15, `${year} w${j}`));
    }
  });
});

describe('weight sensitivity with per-period weights', () => {
  it('each period equals the pooled sensitivity of that period alone on seed + t', () => {
    const s = { draws: 40, concentration: 100, seed: 7 };
    const all = compositeIndex(panel, { framework: fw, scope: 'period', weights: 'critic', sensitivity: s });
    panel.periods.forEach((year, t) => {
      const one = compositeIndex(onePeriod(panel, t), { framework: fw, weights: 'critic', sensitivity: { ...s, seed: 7 + t } });
      const rowsT = all.rows.filter((r) => r.period === year);
      one.rows.forEach((r, k) => { expect(rowsT[k].rankMedian).toBe(r.rankMedian); expect(rowsT[k].rankP05).toBe(r.rankP05); expect(rowsT[k].rankP95).toBe(r.rankP95); });
    });
    const sm = (all.summary.sensitivity as any).spearman;
    expect(sm.min).toBeGreaterThan(0.5);
    expect(sm.median).toBeLessThanOrEqual(1);
    expect(all.card.conventions.sensitivity).toBeDefined();
  });
});
