import { describe, it, expect } from 'vitest';
import { readJson, expectClose } from '../../helpers.js';
import { kde } from '../../../src/core/dynamics/kde.js';
import { bandwidth } from '../../../src/core/dynamics/bandwidth.js';
import { densityExact, densityBinned, linearGrid } from '../../../src/core/dynamics/kernel-density.js';
import { densityFeatures } from '../../../src/core/dynamics/density-features.js';
import { createPanel } from '../../../src/core/panel/panel.js';
import { createRng } from '../../../src/core/random.js';
import { indexPanel } from '../disparity/index-fixture.js';

const fx = readJson('fixtures/index/expected/kde_2020.json');

describe('KDE (kde_2020.json)', () => {
  it('bw.nrd0, the 64-point grid and the exact density match at 1e-9 relative; R density at 5e-3 absolute', () => {
    const res = kde(indexPanel(), { value: 'score', periods: [2020], gridPoints: 64 });
    const row = res.rows[0];
    expect(row.period).toBe(2020);
    expect(row.n).toBe(31);
    expectClose(row.bandwidth!, fx.result.bandwidth, 1e-9, 0, 'h');
    const grid = res.summary.grid as number[];
    expect(grid).toHaveLength(64);
    grid.forEach((x, i) => expectClose(x, fx.result.grid[i], 1e-9, 1e-12, `grid ${i}`));
    row.density!.forEach((d, i) => expectClose(d, fx.result.density_exact[i], 1e-9, 0, `exact ${i}`));
    row.density!.forEach((d, i) => expectClose(d, fx.result.density_r[i], 0, 5e-3, `R ${i}`));
    expect(row.method).toBe('exact');
    expect(row.features!.modeDensity).toBeGreaterThan(2.8);
    expect(row.features!.peakCount).toBeGreaterThanOrEqual(1);
  });

  it('the binned fast path stays within 5e-3 of R and within 1e-4·peak of the exact sums', () => {
    const res = kde(indexPanel(), { value: 'score', periods: [2020], gridPoints: 64, method: 'binned' });
    const d = res.rows[0].density!;
    expect(res.rows[0].method).toBe('binned');
    let worst = 0;
    d.forEach((v, i) => {
      expectClose(v, fx.result.density_r[i], 0, 5e-3, `R ${i}`);
      worst = Math.max(worst, Math.abs(v - fx.result.density_exact[i]));
    });
    expect(worst).toBeLessThan(1e-4 * Math.max(...fx.result.density_exact));
  });

  it('binned error on a large bimodal sample, all three kernels', () => {
    const rng = createRng(7);
    const x = Float64Array.from({ length: 5000 }, (_, i) => (i % 3 === 0 ? 3 + 0.5 * rng.normal() : rng.normal()));
    const h = bandwidth(x, 'silverman');
    const grid = linearGrid(-4, 6, 512);
    for (const k of ['gaussian', 'epanechnikov', 'epan2'] as const) {
      const e = densityExact(x, grid, h, k);
      const b = densityBinned(x, grid, h, k);
      const peak = Math.max(...e);
      let worst = 0;
      for (let i = 0; i < grid.length; i++) worst = Math.max(worst, Math.abs(e[i] - b[i]));
      expect(worst / peak, k).toBeLessThan(1e-3);
      const f = densityFeatures(grid, e, x);
      expect(f.peakCount, k).toBe(2);
    }
  });

  it('bandwidth rules and fallbacks', () => {
    const x = [1, 2, 3, 4, 10];
    const sdv = Math.sqrt(x.reduce((s, v) => s + (v - 4) ** 2, 0) / 4);
    const iqr = 4 - 2;
    expect(bandwidth(x, 'silverman')).toBeCloseTo(0.9 * Math.min(sdv, iqr / 1.34) * 5 ** -0.2, 14);
    expect(bandwidth(x, 'scott')).toBeCloseTo(1.06 * Math.min(sdv, iqr / 1.34) * 5 ** -0.2, 14);
    expect(bandwidth(x, 'scipy')).toBeCloseTo(sdv * 5 ** -0.2, 14);
    // IQR 0 → falls back to sd (R bw.nrd0)
    const y = [1, 1, 1, 1, 1, 1, 5];
    const sdy = Math.sqrt(y.reduce((s, v) => s + (v - 11 / 7) ** 2, 0) / 6);
    expect(bandwidth(y, 'silverman')).toBeCloseTo(0.9 * sdy * 7 ** -0.2, 14);
  });

  it('kernels integrate to 1 and the SD-scaled Epanechnikov has unit variance', () => {
    const grid = linearGrid(-8, 8, 32001);
    const dx = grid[1] - grid[0];
    for (const k of ['gaussian', 'epanechnikov', 'epan2'] as const) {
      const d = densityExact([0], grid, 1, k);
      let s = 0; let v = 0;
      for (let i = 0; i < grid.length; i++) { s += d[i] * dx; v += d[i] * grid[i] ** 2 * dx; }
      expect(s, k).toBeCloseTo(1, 6);
      if (k !== 'epan2') expect(v, k).toBeCloseTo(1, 5);
    }
  });

  it('constant or single-value periods are insufficient_data with null density; common grid across periods', () => {
    const p = createPanel({
      ids: ['a', 'b', 'c'], periods: [1, 2], entity: ['a', 'b', 'c', 'a', 'b', 'c'], period: [1, 1, 1, 2, 2, 2],
      values: { y: [1, 1, 1, 1, 2, 4] },
    });
    const r = kde(p, { value: 'y', gridPoints: 16 });
    expect(r.rows[0]).toMatchObject({ period: 1, status: 'insufficient_data', density: null });
    expect(r.rows[1].status).toBe('ok');
    expect(r.rows[1].density).toHaveLength(16);
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });
});

describe('KDE options', () => {
  it('pooled bandwidth, user grid, Epanechnikov kernel', () => {
    const r = kde(indexPanel(), { value: 'score', bandwidthScope: 'pooled', grid: [0, 0.1, 0.2, 0.3, 0.4], kernel: 'epanechnikov' });
    const hs = new Set(r.rows.map((x) => x.bandwidth));
    expect(hs.size).toBe(1);
    expect(r.summary.grid).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    expect(r.rows[0].density).toHaveLength(5);
    expect(r.card.conventions.kernel).toBe('epanechnikov');
    expect(() => kde(indexPanel(), { value: 'score', grid: [0, 0] })).toThrow(/ascending/);
  });
});
