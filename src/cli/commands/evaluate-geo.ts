// Geometry for `xinzhi evaluate`: the base maps (GeoJSON) the report draws and the centroids that k-NN /
// distance spatial weights use, read from the package's data/geo/ folder when it is there. Without geometry the
// report leaves out the maps and a spec asking for spatial weights is told what is missing.

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readGeometryFile } from '../../io/geo.js';
import { geometryCentroid, type GeoFeature } from '../../core/spatial/geometry.js';

export interface GeoInputs {
  maps: Record<string, unknown>;
  /** Area centroids of a user base map by unit id (for knn/distance weights). */
  coordinates?: Record<string, [number, number]>;
  /** The user base map's features by unit id (for queen/rook contiguity). */
  features?: Record<string, GeoFeature>;
  files: string[];
}

export function loadGeo(map: 'world' | 'china' | 'none' | 'custom', packageRoot: string, custom?: { file: string; id: string }, specDir = '.'): GeoInputs {
  const out: GeoInputs = { maps: {}, files: [] };
  if (map === 'none') return out;
  if (map === 'custom' && custom) {
    const fc = readGeometryFile(custom.file, { cwd: specDir });
    out.maps.custom = fc;
    out.files.push(resolve(specDir, custom.file));
    out.coordinates = {};
    out.features = {};
    for (const f of fc.features) {
      const id = f.properties?.[custom.id];
      if (id === undefined || id === null) continue;
      out.features[String(id)] = f;
      const c = geometryCentroid(f.geometry);
      if (c) out.coordinates[String(id)] = c;
    }
    return out;
  }
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
