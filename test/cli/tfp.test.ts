import { describe, it, expect } from 'vitest';
import { runCli } from '../helpers.js';
import { pwtPanel } from '../core/productivity/pwt-data.js';

describe('xinzhi tfp growth', () => {
  it('--data pwt --method pwt reproduces every published rtfpna (6,006) to 1e-6 and nothing else', async () => {
    const r = await runCli(['tfp', 'growth', '--data', 'pwt', '--method', 'pwt', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout);
    const p = pwtPanel();
    const T = p.periods.length;
    const idx = new Map(p.ids.map((id, i) => [id, i]));
    let published = 0;
    let matched = 0;
    let extra = 0;
    for (const row of res.rows) {
      expect(Object.keys(row).slice(0, 4)).toEqual(['id', 'period', 'tfp', 'growth']);
      const ref = p.columns.rtfpna[idx.get(row.id)! * T + p.periods.indexOf(row.period)];
      if (Number.isFinite(ref)) {
        published++;
        if (row.tfp !== null && Math.abs(row.tfp - ref) <= 1e-6 * Math.abs(ref)) matched++;
      } else if (row.tfp !== null) extra++;
    }
    expect(published).toBe(6006);
    expect(matched).toBe(6006);
    expect(extra).toBe(0);
    expect(res.card.data[0].attribution).toMatch(/CC BY 4.0/);
    expect(res.card.conventions.base).toBe(2011);
  });

  it('solow without --alpha is a usage error (no silent default)', async () => {
    const r = await runCli(['tfp', 'growth', '--data', 'pwt', '--method', 'solow', '--output', 'rgdpna', '--capital', 'rkna', '--labor', 'emp', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/capital share/);
  });

  it('solow with --alpha and --base on pwt', async () => {
    const r = await runCli(['tfp', 'growth', '--data', 'pwt', '--method', 'solow', '--output', 'rgdpna', '--capital', 'rkna', '--labor', 'emp', '--alpha', '0.35', '--base', '2000', '--format', 'json']);
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout);
    const usa = res.rows.find((x: any) => x.id === 'USA' && x.period === 2000);
    expect(usa.tfp).toBe(1);
    expect(res.card.conventions.alpha).toBe(0.35);
  });
});

describe('xinzhi tfp growth --multilateral', () => {
  it('gives ctfp-style levels with USA = 1', async () => {
    const r = await runCli(['tfp', 'growth', '--data', 'pwt', '--method', 'pwt', '--multilateral', '--format', 'json']);
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout);
    const usa = res.rows.filter((x: any) => x.id === 'USA' && x.tfp !== null);
    expect(usa.length).toBeGreaterThan(60);
    for (const u of usa) expect(u.tfp).toBeCloseTo(1, 12);
    expect(res.card.conventions.method).toMatch(/multilateral/);
  });
});
