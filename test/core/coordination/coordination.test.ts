// Coupling coordination (coupling_coordination*.json) and obstacle degree (obstacle_2020.json) at 1e-9
// relative; properties of the standard C; grades; the bunching warning.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { expectClose } from '../../helpers.js';
import { couplingDegree, dGrade, cGrade, D_GRADES } from '../../../src/core/coordination/coupling.js';
import { couplingCoordination } from '../../../src/core/coordination/coupling-panel.js';
import { obstacleDegree, topObstacles } from '../../../src/core/coordination/obstacle.js';
import { obstacleAnalysis } from '../../../src/core/coordination/obstacle-panel.js';
import { loadIndexPanel, fixtureFramework, fixtureIndex, fx, COLS } from '../aggregate/index-fixture.js';

const REL = 1e-9;
const panel = loadIndexPanel();

describe('coupling coordination — fixtures', () => {
  for (const [name, split] of [['coupling_coordination', 'subsystem_2'], ['coupling_coordination_3sub', 'subsystem']] as const) {
    it(name, () => {
      const f = fx(name);
      const res = couplingCoordination(panel, { systems: fixtureFramework(split), weights: 'entropy', shift: 1e-4 });
      const order: string[] = f.result.subsystem_order;
      const pos = fixtureIndex(f);
      expect(res.rows.length).toBe(186);
      for (const r of res.rows) {
        const k = pos.get(`${r.id}|${r.period}`)!;
        order.forEach((g, q) => expectClose(r.U[g]!, f.result.U[k][q], REL, 1e-12, `U ${g}`));
        expectClose(r.C!, f.result.C[k], REL, 1e-12, 'C');
        expectClose(r.T!, f.result.T[k], REL, 1e-12, 'T');
        expectClose(r.D!, f.result.D[k], REL, 1e-12, 'D');
        expect(r.grade).toBe(dGrade(r.D!, 'en'));
      }
      const gw = res.summary.subsystemWeights as Record<string, { weight: number }[]>;
      for (const g of order) (f.result.group_weights[g].weights ?? f.result.group_weights[g]).forEach((v: number, q: number) => expectClose(gw[g][q].weight, v, REL, 0, `gw ${g}`));
    });
  }
  it('the separate-subsystem entropy equals renormalised pooled entropy', () => {
    const a = couplingCoordination(panel, { systems: fixtureFramework('subsystem'), shift: 1e-4 });
    const b = couplingCoordination(panel, { systems: fixtureFramework('subsystem'), shift: 1e-4, subsystemWeights: 'separate' });
    a.rows.forEach((r, k) => expectClose(b.rows[k].D!, r.D!, 1e-12, 0, 'D'));
  });
});

describe('coupling degree — properties and variants', () => {
  it('standard C ≤ 1, with equality iff all U are equal', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 1e-6, max: 1, noNaN: true }), { minLength: 2, maxLength: 6 }), fc.boolean(), (us, same) => {
      const u = same ? us.map(() => us[0]) : us;
      const r = couplingDegree(u.map((v) => Float64Array.of(v)));
      expect(r.C[0]).toBeLessThanOrEqual(1 + 1e-15);
      const equal = u.every((v) => v === u[0]);
      if (equal) expectClose(r.C[0], 1, 1e-12, 0, 'C=1');
      else if (Math.max(...u) - Math.min(...u) > 1e-6) expect(r.C[0]).toBeLessThan(1);
    }), { numRuns: 500 });
  });
  it('zeros, wang, fan, legacy', () => {
    expect(couplingDegree([Float64Array.of(0), Float64Array.of(0.5)]).C[0]).toBe(0);
    const z = couplingDegree([Float64Array.of(0), Float64Array.of(0)]);
    expect(z.C[0]).toBe(0);
    expect(z.allZero).toBe(1);
    // wang: n = 2, U = (0.8, 0.4): √{(1 − 0.4)·(1·0.5)^{1}} = √0.3
    expectClose(couplingDegree([Float64Array.of(0.8), Float64Array.of(0.4)], { variant: 'wang' }).C[0], Math.sqrt(0.3), 1e-12, 0, 'wang');
    // fan: 1 − 2σ_pop = 1 − 2·0.2
    expectClose(couplingDegree([Float64Array.of(0.8), Float64Array.of(0.4)], { variant: 'fan' }).C[0], 0.6, 1e-12, 0, 'fan');
    // the dropped-coefficient form caps at 1/n
    expectClose(couplingDegree([Float64Array.of(0.5), Float64Array.of(0.5)], { variant: 'legacy:noMean' }).C[0], 0.5, 1e-12, 0, 'legacy');
    expect(() => couplingDegree([Float64Array.of(1.2), Float64Array.of(0.5)])).toThrow(/\[0,1\]/);
  });
  it('grades: ten D bands (left-closed, 1.0 in the top band) and four C bands', () => {
    expect(dGrade(0)).toBe('极度失调');
    expect(dGrade(0.1)).toBe('严重失调');
    expect(dGrade(0.3)).toBe('轻度失调');
    expect(dGrade(0.5999)).toBe('勉强协调');
    expect(dGrade(1)).toBe('优质协调');
    expect(D_GRADES.length).toBe(10);
    expect(cGrade(0.29)).toBe('低水平耦合');
    expect(cGrade(0.3)).toBe('拮抗');
    expect(cGrade(0.8, 'en')).toBe('high-level coupling');
  });
  it('warns when C saturates (bunching)', () => {
    const res = couplingCoordination(panel, { systems: fixtureFramework('subsystem_2'), shift: 1e-4 });
    const share = res.summary.shareCAbove095 as number;
    expect(res.warnings.some((w) => w.code === 'ccd-bunching')).toBe(share > 0.8);
  });
});

describe('obstacle degree — obstacle_2020.json', () => {
  const f = fx('obstacle_2020');
  it('kernel on pooled x′ rows of 2020', () => {
    const res = obstacleAnalysis(panel, { framework: fixtureFramework(), shift: 1e-4, periods: [2020], top: 3 });
    (f.result.provinces as string[]).forEach((p, i) => {
      COLS.forEach((c, j) => {
        const row = res.rows.find((r) => r.id === p && r.level === 'indicator' && r.indicator === c)!;
        expectClose(row.obstacle!, f.result.obstacle[i][j], REL, 1e-12, `${p} ${c}`);
        expectClose(row.deviation!, f.result.deviation[i][j], REL, 1e-12, `dev ${p} ${c}`);
      });
      const top = (res.summary.top as { id: string; obstacles: { indicator: string }[] }[]).find((t) => t.id === p)!;
      expect(top.obstacles.map((o) => o.indicator)).toEqual(f.result.top3_by_province[p]);
      const dimRow = res.rows.find((r) => r.id === p && r.level === 'dimension')!;
      expectClose(dimRow.obstacle!, 100, 1e-12, 0, 'single dimension = 100');
    });
  });
  it('obstacleDegree kernel rows sum to 100; topObstacles is stable', () => {
    const x = [Float64Array.of(0, 1, 0.5), Float64Array.of(0, 1, 0.5)];
    const o = obstacleDegree(x, [0.5, 0.5]);
    expect(o.obstacle[0][0] + o.obstacle[1][0]).toBeCloseTo(100, 12);
    expect(Number.isNaN(o.obstacle[0][1])).toBe(true);
    expect(topObstacles(o.obstacle, 0, 1)).toEqual([0]);
  });
});
