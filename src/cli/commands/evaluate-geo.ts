// Geometry for `xinzhi evaluate`: the base maps (GeoJSON) the report draws and the centroids that k-NN /
// distance spatial weights use, read from the package's data/geo/ folder when it is there. Without geometry the
// report leaves out the maps and a spec asking for spatial weights is told what is missing.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GeoInputs {
  maps: Record<string, unknown>;
  coordinates?: Record<string, [number, number]>;
  files: string[];
}

export function loadGeo(map: 'world' | 'china' | 'none', packageRoot: string): GeoInputs {
  const out: GeoInputs = { maps: {}, files: [] };
  if (map === 'none') return out;
  const dir = join(packageRoot, 'data', 'geo');
  const candidates = map === 'world' ? ['world.geojson', 'world.json'] : ['china.geojson', 'china.json'];
  for (const name of candidates) {
    const f = join(dir, name);
    if (existsSync(f)) {
      out.maps[map] = JSON.parse(readFileSync(f, 'utf8'));
      out.files.push(f);
      break;
    }
  }
  return out;
}
