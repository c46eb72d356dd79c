// Capital share from a regression (methods.md G1 option alphaFromRegression) on all PWT 9.1 country-years:
// α, its classical and cluster-by-country SEs, R², n and units against numpy (scripts/crosscheck/make_alpha_refs.py:
// pooled OLS by lstsq, within by LSDV country dummies) at 1e-10 relative — library and CLI (--format json).
import { describe, expect, test } from 'vitest';
import { estimateCapitalShare, tfpGrowth } from '../../src/core/productivity/index.js';
import { pwtPanel } from '../core/productivity/pwt-data.js';
import { expectClose, runCli } from '../helpers.js';
import { refJson } from './util.js';

const ref = refJson('pwt_alpha_regression.json');
type Fit = { alpha: number; se: number; seCluster: number; r2: number; n: number; units: number; df: number; intercept?: number; seIntercept?: number };

function compare(got: Record<string, unknown>, exp: Fit, what: string): void {
  for (const key of ['alpha', 'se', 'seCluster', 'r2'] as const) expectClose(got[key] as number, exp[key], 1e-10, 0, `${what} ${key}`);
  if (exp.intercept !== undefined) {
    expectClose(got.intercept as number, exp.intercept, 1e-10, 0, `${what} intercept`);
    expectClose(got.seIntercept as number, exp.seIntercept!, 1e-10, 0, `${what} seIntercept`);
  } else expect(got.intercept).toBeNull();
  expect(got.n).toBe(exp.n);
  expect(got.units).toBe(exp.units);
  expect(got.df).toBe(exp.df);
}

describe('α by regression on PWT 9.1 (rgdpna, rnna, emp [· hc]) against numpy', () => {
  for (const name of ['emp', 'emp_hc'] as const) {
    for (const effects of ['pooled', 'within'] as const) {
      test(`${name} ${effects}`, () => {
        const c = ref.cases[name];
        const e = estimateCapitalShare(pwtPanel(), { output: 'rgdpna', capital: 'rnna', labor: c.labor, humanCapital: c.humanCapital, effects });
        compare(e as unknown as Record<string, unknown>, c[effects], `${name} ${effects}`);
        expect(e.dropped).toBe(c.dropped);
        expect(e.beta).toBe(1 - e.alpha);
        expect(e.outsideUnitInterval).toBe(false);
      });
    }
  }

  test('tfpGrowth solow with alpha regression equals the residual with the estimated α', () => {
    const p = pwtPanel();
    const est = tfpGrowth(p, { method: 'solow', output: 'rgdpna', capital: 'rnna', labor: 'emp', alpha: 'regression:within', base: 2000 });
    const a = ref.cases.emp.within.alpha;
    expectClose(est.card.conventions.alpha as number, a, 1e-10, 0, 'alpha');
    const given = tfpGrowth(p, { method: 'solow', output: 'rgdpna', capital: 'rnna', labor: 'emp', alpha: est.card.conventions.alpha as number, base: 2000 });
    expect(est.rows.map((r) => r.growth)).toEqual(given.rows.map((r) => r.growth));
    expect(est.rows.map((r) => r.tfp)).toEqual(given.rows.map((r) => r.tfp));
    expect(String(est.card.conventions.alphaSource)).toMatch(/within .*check item/);
    expect(est.warnings.find((w) => w.code === 'dropped-observations')?.count).toBe(ref.cases.emp.dropped);
  });

  test('CLI: xinzhi tfp growth --method solow --alpha regression[:within] --data pwt', async () => {
    for (const effects of ['pooled', 'within'] as const) {
      const r = await runCli(['tfp', 'growth', '--data', 'pwt', '--method', 'solow', '--output', 'rgdpna', '--capital', 'rnna', '--labor', 'emp', '--alpha', effects === 'pooled' ? 'regression' : 'regression:within', '--format', 'json']);
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout);
      compare(out.summary.alphaEstimate, ref.cases.emp[effects], `CLI ${effects}`);
      expect(out.summary.alphaEstimate.effects).toBe(effects);
      expect(out.params.alpha).toBe(effects === 'pooled' ? 'regression' : 'regression:within');
    }
    const bad = await runCli(['tfp', 'growth', '--data', 'pwt', '--method', 'solow', '--output', 'rgdpna', '--capital', 'rnna', '--labor', 'emp', '--alpha', 'ols']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/regression:within/);
  });
});
