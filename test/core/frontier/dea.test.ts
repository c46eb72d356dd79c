// dea() against every reference fixture in ../shared/fixtures/dea (deaR 1.5.3, cross-checked with Benchmarking 0.33):
// scores, slacks and targets to 1e-6 relative (abs 1e-6 near zero, per the fixture README); lambdas compared where
// the reference optimum is unique (checked by reproducing the targets from our own λ otherwise).
import { describe, expect, test } from 'vitest';
import { dea } from '../../../src/core/frontier/index.js';
import { FIXTURES, loadFixture, optionsFor, checkFixtureRows } from './fixtures.js';

describe('dea() reproduces the deaR/Benchmarking fixtures', () => {
  for (const name of FIXTURES) {
    test(name, () => {
      const fx = loadFixture(name);
      const res = dea(fx.data, optionsFor(fx) as never);
      expect(res.rows.length).toBe(fx.json.dmus.length);
      checkFixtureRows(name, res.rows);
    });
  }
});
