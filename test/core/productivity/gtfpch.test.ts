// Kerry Du's Stata teddf/gtfpch on 30 provinces 2013–2015 (fixtures/gtfpch): stored as float32 → 1e-6 relative.
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { malmquist } from '../../../src/core/productivity/malmquist.js';
import type { DistancesFn } from '../../../src/core/frontier/types.js';
import { sharedPath, expectClose } from '../../helpers.js';
import { csvPanel } from './fixture-panel.js';
import { loadHighsDistances } from './highs-distances.js';

let kernel: DistancesFn;
beforeAll(async () => { kernel = await loadHighsDistances(); });

function readCsv(name: string): Record<string, string>[] {
  const lines = readFileSync(sharedPath('fixtures', 'gtfpch', name), 'utf8').split(/\r?\n/).filter((l) => l.length);
  const unq = (s: string) => s.replace(/^"(.*)"$/, '$1');
  const head = lines[0].split(',').map(unq);
  return lines.slice(1).map((l) => { const f = l.split(',').map(unq); return Object.fromEntries(head.map((h, i) => [h, f[i]])); });
}

const panel = () => csvPanel(['fixtures', 'gtfpch', 'example.csv'], 'Province', 'year');

describe('gtfpch ex3: global Malmquist–Luenberger, direction (0, 0, Y, −CO2)', () => {
  it('TFPCH, TECH, TECCH match at 1e-6 relative (gtfpch field names)', () => {
    const res = malmquist(panel(), { inputs: ['K', 'L'], outputs: ['Y'], undesirable: ['CO2'], index: 'gml', convention: 'gtfpch' });
    const ref = readCsv('ex3result.csv');
    expect(ref.length).toBe(60);
    for (const r of ref) {
      const [from, to] = r.Pdwise.split('~').map(Number);
      const row = res.rows.find((x) => x.id === r.Province && x.from === from && x.to === to)!;
      expect(row.Pdwise).toBe(r.Pdwise);
      expect(row.status).toBe('ok');
      for (const f of ['TFPCH', 'TECH', 'TECCH']) expectClose(row[f] as number, Number(r[f]), 1e-6, 0, `${r.Province} ${r.Pdwise} ${f}`);
    }
    expect(res.rows.length).toBe(60);
    expect(res.card.conventions.frontier).toBe('global');
  });
});

describe('gtfpch ex1: teddf radial DDF per year, direction (−K, −L, Y, −CO2)', () => {
  it.each(['engine', 'highs'])('own-period distances β (contemporaneous, CRS) match at 1e-6 relative (abs 1e-7 near 0) [%s kernel]', (which) => {
    const res = malmquist(panel(), { inputs: ['K', 'L'], outputs: ['Y'], undesirable: ['CO2'], index: 'luenberger', direction: 'graph', detail: true, distances: which === 'highs' ? kernel : undefined });
    const ref = readCsv('ex1result.csv');
    expect(ref.length).toBe(90);
    for (const r of ref) {
      const y = Number(r.year);
      const row = y < 2015
        ? res.rows.find((x) => x.id === r.Province && x.from === y)!
        : res.rows.find((x) => x.id === r.Province && x.to === y)!;
      const dist = row.distances as Record<string, number>;
      const got = dist[`D^${y}(${y})`];
      expectClose(got, Number(r.Dv), 1e-6, 1e-7, `${r.Province} ${y}`);
    }
  });
});
