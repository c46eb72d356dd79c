import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { malmquist, type MalmquistRow } from '../../../src/core/productivity/malmquist.js';
import type { DistancesFn } from '../../../src/core/frontier/types.js';
import { readJson, sharedPath, expectClose } from '../../helpers.js';
import { csvPanel } from './fixture-panel.js';
import { loadHighsDistances } from './highs-distances.js';

let kernel: DistancesFn;
beforeAll(async () => { kernel = await loadHighsDistances(); });

const fixtures = [
  'grifell_lovell_1999_malmquist_io_crs',
  'grifell_lovell_1999_malmquist_io_vrs',
  'grifell_lovell_1999_malmquist_oo_crs',
  'grifell_lovell_1999_malmquist_oo_vrs',
  'economy_long_malmquist_io_crs',
  'economy_long_malmquist_io_vrs',
];

describe('Malmquist vs deaR/productivity fixtures (1e-6)', () => {
  // The production kernel (frontier/distance.ts) on every fixture; the HiGHS oracle on the small ones as a cross-check.
  const cases = [...fixtures.map((f) => [f, 'engine']), ...fixtures.filter((f) => f.startsWith('grifell')).map((f) => [f, 'highs'])];
  for (const [name, which] of cases) {
    it(`${name} (${which})`, () => {
      const fx = readJson('fixtures', 'malmquist', `${name}.json`);
      const panel = csvPanel(['fixtures', 'malmquist', fx.data_file], 'DMU', 'Period');
      const res = malmquist(panel, {
        inputs: fx.inputs, outputs: fx.outputs,
        orientation: fx.orientation === 'input' ? 'in' : 'out', rts: fx.rts, distances: which === 'highs' ? kernel : undefined,
      });
      const find = (id: string, from: number) => res.rows.find((r) => r.id === id && r.from === from) as MalmquistRow;
      fx.transitions.forEach((_: string, ti: number) => {
        fx.dmus.forEach((id: string, j: number) => {
          const row = find(id, fx.periods[ti]);
          expect(row.status).toBe('ok');
          expectClose(row.tfpch as number, fx.mi[ti][j], 1e-6, 0, `${name} mi ${id}`);
          expectClose(row.techch as number, fx.tc[ti][j], 1e-6, 0, `${name} tc ${id}`);
          if (fx.ec) expectClose(row.effch as number, fx.ec[ti][j], 1e-6, 0, `${name} ec ${id}`);
          if (fx.pech) {
            expectClose(row.pech as number, fx.pech[ti][j], 1e-6, 0, `${name} pech ${id}`);
            expectClose(row.sech as number, fx.sech[ti][j], 1e-6, 0, `${name} sech ${id}`);
          } else expect(row.pech).toBeUndefined();
        });
      });
      expect(res.card.conventions.distanceRts).toBe('crs');
    });
  }
});
