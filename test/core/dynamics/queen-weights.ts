// Binary queen-contiguity SpatialWeights from the fixture neighbour map (shared/fixtures/index/data/provinces_queen.json),
// built locally so the dynamics tests do not depend on the spatial module's builders.
import { readJson } from '../../helpers.js';
import type { SpatialWeights } from '../../../src/core/spatial/types.js';

export function queenWeights(): SpatialWeights {
  const map: Record<string, string[]> = readJson('fixtures/index/data/provinces_queen.json');
  const ids = Object.keys(map);
  const index = new Map(ids.map((id, i) => [id, i]));
  const offsets = new Int32Array(ids.length + 1);
  const nb: number[] = [];
  ids.forEach((id, i) => {
    for (const j of map[id]) nb.push(index.get(j)!);
    offsets[i + 1] = nb.length;
  });
  return {
    ids, offsets, neighbors: Int32Array.from(nb), weights: new Float64Array(nb.length).fill(1), style: 'B',
    islands: [], card: { type: 'queen', source: 'provinces_queen.json' },
  };
}
