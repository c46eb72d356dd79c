// `xinzhi dea --scale-efficiency` and `xinzhi dea --window` through the CLI (--format json).
import { describe, expect, test } from 'vitest';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers.js';
import { loadFixture } from '../core/frontier/fixtures.js';

describe('xinzhi dea --scale-efficiency', () => {
  for (const orient of ['io', 'oo'] as const) test(`fried1993 ${orient}: SE = CRS/VRS of the deaR fixtures`, async () => {
    const ccr = loadFixture(`fried1993_ccr_${orient}`), bcc = loadFixture(`fried1993_bcc_${orient}`);
    const r = await runCli(['dea', '--data', ccr.csvPath, '--id', 'DMU', '--inputs', ccr.inputs.join(','), '--outputs', ccr.goods.join(','), '--scale-efficiency', '--orientation', orient === 'io' ? 'in' : 'out', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.method).toBe('scale-efficiency');
    out.rows.forEach((row: { id: string; scale: number; rts: string }) => {
      const k = ccr.json.dmus.indexOf(row.id);
      const se = orient === 'io' ? ccr.json.efficiency[k] / bcc.json.efficiency[k] : bcc.json.efficiency[k] / ccr.json.efficiency[k];
      expect(Math.abs(row.scale - se)).toBeLessThan(1e-9);
      expect(['irs', 'crs', 'drs']).toContain(row.rts);
    });
  });
  test('DEAP eg1 classes; --rts is refused (exit 1)', async () => {
    const fx = loadFixture('coelli_1998_ccr_io');
    const base = ['dea', '--data', fx.csvPath, '--id', 'DMU', '--inputs', fx.inputs.join(','), '--outputs', fx.goods.join(','), '--scale-efficiency'];
    const out = JSON.parse((await runCli([...base, '--format', 'json'])).stdout);
    expect(out.rows.map((x: { rts: string }) => x.rts)).toEqual(['irs', 'crs', 'drs', 'irs', 'crs']);
    expect((await runCli([...base, '--rts', 'vrs'])).code).toBe(1);
  });
});

describe('xinzhi dea --window', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xinzhi-dea-window-'));
  const f = join(dir, 'panel.csv');
  // productivity y/x: A 1, 2, 1, 2.5; B 2, 1, 1.5, 2; C 3, 1, 1, 1
  writeFileSync(f, 'DMU,year,x,y\nA,2001,1,1\nA,2002,1,2\nA,2003,2,2\nA,2004,2,5\nB,2001,2,4\nB,2002,2,2\nB,2003,2,3\nB,2004,1,2\nC,2001,1,3\nC,2002,2,2\nC,2003,1,1\nC,2004,4,4\n');
  const base = ['dea', '--data', f, '--id', 'DMU', '--period', 'year', '--inputs', 'x', '--outputs', 'y'];
  test('default width 3: productivity / window max', async () => {
    const r = await runCli([...base, '--window', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.method).toBe('dea-window');
    expect(out.rows).toHaveLength(18);
    const get = (w: string, id: string, p: number) => out.rows.find((x: { window: string; id: string; period: number }) => x.window === w && x.id === id && x.period === p).efficiency;
    expect(get('2001-2003', 'A', 2002)).toBeCloseTo(2 / 3, 12);
    expect(get('2002-2004', 'A', 2002)).toBeCloseTo(0.8, 12);
    expect(out.summary.dmuSummary.find((x: { id: string }) => x.id === 'A').ldy).toBeCloseTo(0.8 - 2 / 3, 12);
  });
  test('width 2 with SBM; errors: width too large, --frontier, no --period', async () => {
    const out = JSON.parse((await runCli([...base, '--window', '2', '--model', 'sbm', '--format', 'json'])).stdout);
    expect(out.summary.windows.map((w: { window: string }) => w.window)).toEqual(['2001-2002', '2002-2003', '2003-2004']);
    expect((await runCli([...base, '--window', '5'])).code).toBe(1);
    expect((await runCli([...base, '--window', 'x'])).code).toBe(1);
    expect((await runCli([...base, '--window', '--frontier', 'pooled'])).code).toBe(1);
    const np = await runCli(['dea', '--data', f, '--id', 'DMU', '--inputs', 'x', '--outputs', 'y', '--window']);
    expect(np.code).not.toBe(0);
  });
});
