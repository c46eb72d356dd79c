// `xinzhi dea --model sbm --scale-efficiency` through the CLI (--format json): SE_SBM = ρ_CRS/ρ_VRS against the
// ratio of the deaR tone2003 SBM-with-undesirable-output fixtures (CRS and VRS, 1e-9).
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers.js';
import { loadFixture } from '../core/frontier/fixtures.js';

describe('xinzhi dea --model sbm --scale-efficiency', () => {
  test('tone2003 with an undesirable output: SE = ratio of the deaR CRS and VRS fixtures', async () => {
    const c = loadFixture('tone2003_sbm_undesirable_no_crs'), v = loadFixture('tone2003_sbm_undesirable_no_vrs');
    const r = await runCli(['dea', '--data', c.csvPath, '--id', 'DMU', '--inputs', c.inputs.join(','), '--outputs', c.goods.join(','), '--undesirable', c.bads.join(','), '--model', 'sbm', '--scale-efficiency', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.method).toBe('scale-efficiency');
    expect(out.params.model).toBe('sbm');
    expect(out.params.orientation).toBe('non');
    expect(out.rows).toHaveLength(c.json.dmus.length);
    for (const row of out.rows as { id: string; scale: number; rts: string }[]) {
      const k = c.json.dmus.indexOf(row.id);
      expect(Math.abs(row.scale - c.json.efficiency[k] / v.json.efficiency[k]), row.id).toBeLessThan(1e-9);
      expect(['irs', 'crs', 'drs']).toContain(row.rts);
    }
  });
  test('oriented SBM runs; --model ddf and a bad orientation are refused (exit 1)', async () => {
    const fx = loadFixture('tone2001_sbm_no_crs');
    const base = ['dea', '--data', fx.csvPath, '--id', 'DMU', '--inputs', fx.inputs.join(','), '--outputs', fx.goods.join(','), '--scale-efficiency'];
    const r = await runCli([...base, '--model', 'sbm', '--orientation', 'in', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).params.orientation).toBe('in');
    expect((await runCli([...base, '--model', 'ddf'])).code).toBe(1);
    expect((await runCli([...base, '--model', 'sbm', '--orientation', 'sideways'])).code).toBe(1);
  });
});
