// xinzhi coupling through the CLI (--format json): coupling_coordination*.json at 1e-9 relative.
import { describe, it, expect } from 'vitest';
import { runCli, expectClose, sharedPath, readJson } from '../helpers.js';

const F = sharedPath('fixtures', 'index', 'data', 'index_panel.csv');
const meta = readJson('fixtures/index/data/index_panel_meta.json');
const fx = (n: string) => readJson('fixtures/index/expected', `${n}.json`);
const systems = (split: string) => {
  const groups = new Map<string, string[]>();
  for (const d of meta.indicators) groups.set(d[split], [...(groups.get(d[split]) ?? []), `${d.column}:${d.direction}`]);
  return [...groups].map(([k, v]) => `${k}=${v.join(',')}`).join(';');
};

describe('xinzhi coupling --format json', () => {
  for (const [name, split] of [['coupling_coordination', 'subsystem_2'], ['coupling_coordination_3sub', 'subsystem']] as const) {
    it(name, async () => {
      const f = fx(name);
      const r = await runCli(['coupling', '--data', F, '--id', 'province', '--period', 'year', '--systems', systems(split), '--weights', 'entropy', '--shift', '0.0001', '--format', 'json']);
      expect(r.code, r.stderr).toBe(0);
      const res = JSON.parse(r.stdout);
      expect(res.method).toBe('coupling');
      const pos = new Map<string, number>();
      f.result.rows.province.forEach((p: string, k: number) => pos.set(`${p}|${f.result.rows.year[k]}`, k));
      for (const row of res.rows) {
        const k = pos.get(`${row.id}|${row.period}`)!;
        f.result.subsystem_order.forEach((g: string, q: number) => expectClose(row.U[g], f.result.U[k][q], 1e-9, 1e-12, 'U'));
        expectClose(row.C, f.result.C[k], 1e-9, 1e-12, 'C');
        expectClose(row.T, f.result.T[k], 1e-9, 1e-12, 'T');
        expectClose(row.D, f.result.D[k], 1e-9, 1e-12, 'D');
        expect(typeof row.grade).toBe('string');
      }
      expect(res.card.conventions.variant).toBe('standard');
    });
  }
  it('zh grades, wang variant, legacy warning, errors', async () => {
    const args = ['coupling', '--data', F, '--id', 'province', '--period', 'year', '--systems', systems('subsystem_2'), '--format', 'json'];
    const zh = JSON.parse((await runCli([...args, '--lang', 'zh'])).stdout);
    expect(zh.rows[0].grade).toMatch(/失调|协调/);
    const wang = JSON.parse((await runCli([...args, '--variant', 'wang'])).stdout);
    expect(wang.rows.every((r: any) => r.C >= 0 && r.C <= 1)).toBe(true);
    const legacy = JSON.parse((await runCli([...args, '--variant', 'legacy:noMean'])).stdout);
    expect(legacy.warnings.some((w: any) => w.code === 'legacy-coupling')).toBe(true);
    expect((await runCli([...args, '--variant', 'nope'])).code).toBe(1);
    expect((await runCli(['coupling', '--data', F, '--id', 'province', '--period', 'year', '--systems', 'a=rd_intensity', '--format', 'json'])).code).toBe(2);
  });
});
