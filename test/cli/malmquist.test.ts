import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { runCli, sharedPath, readJson, expectClose } from '../helpers.js';

function readCsv(name: string): Record<string, string>[] {
  const lines = readFileSync(sharedPath('fixtures', 'gtfpch', name), 'utf8').split(/\r?\n/).filter((l) => l.length);
  const unq = (s: string) => s.replace(/^"(.*)"$/, '$1');
  const head = lines[0].split(',').map(unq);
  return lines.slice(1).map((l) => { const f = l.split(',').map(unq); return Object.fromEntries(head.map((h, i) => [h, f[i]])); });
}

describe('xinzhi malmquist', () => {
  it('reproduces the deaR Economy fixture (input, VRS → FGNZ PECH·SECH) through --format json', async () => {
    const fx = readJson('fixtures', 'malmquist', 'economy_long_malmquist_io_vrs.json');
    const r = await runCli(['malmquist', '--data', sharedPath('fixtures', 'malmquist', fx.data_file), '--id', 'DMU', '--period', 'Period',
      '--inputs', 'Capital,Labor', '--outputs', 'GIOV', '--orientation', 'in', '--rts', 'vrs', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout);
    expect(res.method).toBe('malmquist');
    expect(Object.keys(res.rows[0])).toEqual(['id', 'from', 'to', 'tfpch', 'effch', 'techch', 'pech', 'sech', 'status']);
    fx.transitions.forEach((_: string, ti: number) => fx.dmus.forEach((id: string, j: number) => {
      const row = res.rows.find((x: any) => x.id === id && x.from === fx.periods[ti]);
      expectClose(row.tfpch, fx.mi[ti][j], 1e-6, 0, `mi ${id}`);
      expectClose(row.techch, fx.tc[ti][j], 1e-6, 0, `tc ${id}`);
      expectClose(row.pech, fx.pech[ti][j], 1e-6, 0, `pech ${id}`);
      expectClose(row.sech, fx.sech[ti][j], 1e-6, 0, `sech ${id}`);
    }));
    expect(res.card.conventions).toMatchObject({ index: 'malmquist', frontier: 'contemporaneous', orientation: 'in', rts: 'vrs', distanceRts: 'crs' });
    // rows sorted by period, then id (code-point order)
    const keys = res.rows.map((x: any) => [x.from, x.id]);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    expect(keys).toEqual(sorted);
  });

  it('gtfpch ex3: --index gml --undesirable CO2 --convention gtfpch', async () => {
    const r = await runCli(['malmquist', '--data', sharedPath('fixtures', 'gtfpch', 'example.csv'), '--id', 'Province', '--period', 'year',
      '--inputs', 'K,L', '--outputs', 'Y', '--undesirable', 'CO2', '--index', 'gml', '--convention', 'gtfpch', '--format', 'json']);
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout);
    for (const ref of readCsv('ex3result.csv')) {
      const row = res.rows.find((x: any) => x.id === ref.Province && x.Pdwise === ref.Pdwise);
      for (const f of ['TFPCH', 'TECH', 'TECCH']) expectClose(row[f], Number(ref[f]), 1e-6, 0, `${ref.Province} ${ref.Pdwise} ${f}`);
    }
  });

  it('gtfpch ex1: teddf direction (−K,−L,Y,−CO2) per year via --index luenberger --direction graph --detail', async () => {
    const r = await runCli(['malmquist', '--data', sharedPath('fixtures', 'gtfpch', 'example.csv'), '--id', 'Province', '--period', 'year',
      '--inputs', 'K,L', '--outputs', 'Y', '--undesirable', 'CO2', '--index', 'luenberger', '--direction', 'graph', '--detail', '--format', 'json']);
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout);
    expect(Object.keys(res.rows[0])).toContain('ltfp');
    for (const ref of readCsv('ex1result.csv')) {
      const y = Number(ref.year);
      const row = res.rows.find((x: any) => x.id === ref.Province && (y < 2015 ? x.from === y : x.to === y));
      expectClose(row.distances[`D^${y}(${y})`], Number(ref.Dv), 1e-6, 1e-7, `${ref.Province} ${y}`);
    }
  });

  it('usage and data errors exit 1 and 2 with a message', async () => {
    const data = sharedPath('fixtures', 'gtfpch', 'example.csv');
    const a = await runCli(['malmquist', '--data', data, '--id', 'Province', '--period', 'year', '--inputs', 'K', '--outputs', 'Y', '--frontier', 'weekly', '--format', 'json']);
    expect(a.code).toBe(1);
    expect(a.stderr).toMatch(/unknown frontier "weekly"/);
    const b = await runCli(['malmquist', '--data', data, '--id', 'Province', '--period', 'year', '--inputs', 'K,Nope', '--outputs', 'Y', '--format', 'json']);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/Nope/);
  });
});
