// compositeIndex against the entropy, CRITIC fixtures (1e-9 relative; exact ranks).
import { describe, it, expect } from 'vitest';
import { expectClose } from '../../helpers.js';
import { compositeIndex } from '../../../src/core/composite/composite-index.js';
import { loadIndexPanel, fixtureFramework, fixtureIndex, fx, COLS } from './index-fixture.js';

const panel = loadIndexPanel();
const REL = 1e-9;

describe('compositeIndex — entropy fixtures', () => {
  for (const [name, shift] of [['entropy_pooled_shift', 1e-4], ['entropy_pooled_noshift', 0]] as const) {
    it(`${name}: weights, scores and per-year ranks`, () => {
      const f = fx(name);
      const res = compositeIndex(panel, { framework: fixtureFramework(), weights: 'entropy', shift });
      const w = res.summary.weights as { indicator: string; weight: number }[];
      expect(w.map((x) => x.indicator)).toEqual(COLS);
      w.forEach((x, j) => expectClose(x.weight, f.result.weights[j], REL, 0, `w ${x.indicator}`));
      const det = res.summary.weightDetails as { entropy: number[] };
      det.entropy.forEach((e, j) => expectClose(e, f.result.entropy[j], REL, 0, 'e'));
      const pos = fixtureIndex(f);
      expect(res.rows.length).toBe(186);
      for (const r of res.rows) {
        const k = pos.get(`${r.id}|${r.period}`)!;
        expectClose(r.score!, f.result.scores[k], REL, 1e-12, `score ${r.id} ${r.period}`);
        expect(r.rank).toBe(f.result.ranks_by_year[String(r.period)][r.id]);
        expect(r.status).toBe('ok');
      }
      // rows sorted by period then id
      const keys = res.rows.map((r) => [r.period, r.id] as const);
      expect([...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))).toEqual(keys);
    });
  }

  it('entropy_yearly: per-period normalisation and weights, both variants', () => {
    const f = fx('entropy_yearly');
    for (const [variant, shift] of [['shift_0.0001', 1e-4], ['no_shift_0ln0_is_0', 0]] as const) {
      const res = compositeIndex(panel, { framework: fixtureFramework(), weights: 'entropy', shift, scope: 'period' });
      expect(res.warnings.map((w) => w.code)).toContain('period-scope');
      const w = res.summary.weights as { indicator: string; weight: number; period: number }[];
      for (const [year, exp] of Object.entries<any>(f.result.variants[variant])) {
        const wy = w.filter((x) => x.period === Number(year));
        wy.forEach((x, j) => expectClose(x.weight, exp.weights[j], REL, 0, `${variant} ${year} w${j}`));
        exp.provinces.forEach((p: string, k: number) => {
          const row = res.rows.find((r) => r.id === p && r.period === Number(year))!;
          expectClose(row.score!, exp.scores[k], REL, 1e-12, `${variant} ${year} ${p}`);
          expect(row.rank).toBe(exp.ranks[k]);
        });
      }
    }
  });
});

describe('compositeIndex — CRITIC fixture', () => {
  it('critic_pooled: weights and scores', () => {
    const f = fx('critic_pooled');
    const res = compositeIndex(panel, { framework: fixtureFramework(), weights: 'critic' });
    (res.summary.weights as { weight: number }[]).forEach((x, j) => expectClose(x.weight, f.result.weights[j], REL, 0, `w${j}`));
    const det = res.summary.weightDetails as { sigma: number[]; C: number[]; correlation: number[][] };
    det.sigma.forEach((s, j) => expectClose(s, f.result.sigma[j], REL, 0, 'sigma'));
    det.C.forEach((s, j) => expectClose(s, f.result.C[j], REL, 0, 'C'));
    det.correlation.forEach((row, j) => row.forEach((r, k) => expectClose(r, f.result.correlation[j][k], REL, 1e-12, 'r')));
    const pos = fixtureIndex(f);
    for (const r of res.rows) expectClose(r.score!, f.result.scores[pos.get(`${r.id}|${r.period}`)!], REL, 1e-12, 'score');
  });
});
