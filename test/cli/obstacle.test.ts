// xinzhi obstacle through the CLI (--format json): obstacle_2020.json at 1e-9 relative, top-3 exact.
import { describe, it, expect } from 'vitest';
import { runCli, expectClose, sharedPath, readJson } from '../helpers.js';

const F = sharedPath('fixtures', 'index', 'data', 'index_panel.csv');
const meta = readJson('fixtures/index/data/index_panel_meta.json');
const IND = meta.indicators.map((d: any) => `${d.column}:${d.direction}`).join(',');
const f = readJson('fixtures/index/expected/obstacle_2020.json');

describe('xinzhi obstacle --format json', () => {
  it('obstacle_2020: indicator obstacles and top 3', async () => {
    const r = await runCli(['obstacle', '--data', F, '--id', 'province', '--period', 'year', '--indicators', IND, '--shift', '0.0001', '--periods', '2020', '--top', '3', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const res = JSON.parse(r.stdout);
    expect(res.method).toBe('obstacle');
    expect(res.rows.every((x: any) => x.period === 2020)).toBe(true);
    f.result.provinces.forEach((p: string, i: number) => {
      f.result.columns.forEach((c: string, j: number) => {
        const row = res.rows.find((x: any) => x.id === p && x.level === 'indicator' && x.indicator === c);
        expectClose(row.obstacle, f.result.obstacle[i][j], 1e-9, 1e-12, `${p} ${c}`);
      });
      expect(res.summary.top.find((t: any) => t.id === p).obstacles.map((o: any) => o.indicator)).toEqual(f.result.top3_by_province[p]);
      const ranks = res.rows.filter((x: any) => x.id === p && x.level === 'indicator').sort((a: any, b: any) => a.rank - b.rank).slice(0, 3).map((x: any) => x.indicator);
      expect(ranks).toEqual(f.result.top3_by_province[p]);
    });
  });
  it('bad --top is a usage error', async () => {
    const r = await runCli(['obstacle', '--data', F, '--id', 'province', '--period', 'year', '--indicators', IND, '--top', '0']);
    expect(r.code).toBe(1);
  });
});
