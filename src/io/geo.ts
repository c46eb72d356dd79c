// Reading geometry (GeoJSON/TopoJSON) and user spatial-weights files from disk (Node side of geo-parse.ts).
// Files are decoded with the same encoding detection as data files (UTF-8, BOM, else GB18030).

import { readFileSync, existsSync } from 'node:fs';
import { resolve, extname } from 'node:path';
import { DataError } from '../core/errors.js';
import type { SpatialWeights } from '../core/spatial/types.js';
import type { GeoFeatureCollection } from '../core/spatial/geometry.js';
import { decodeText } from './encoding.js';
import { parseGeometry, parseWeightsJson, parseWeightsCsv, parseGeoDaWeights, geometryToWgs84 } from './geo-parse.js';

function readText(path: string, cwd: string, encoding?: string): { text: string; file: string } {
  const full = resolve(cwd, path);
  if (!existsSync(full)) throw new DataError('file-not-found', `no such file: ${path}`, { file: path }, 'check the path (relative paths start from the current folder)');
  return { text: decodeText(readFileSync(full), { encoding, file: path }).text, file: path };
}

/** Read a GeoJSON or TopoJSON file; `crs: 'gcj02'` converts GCJ-02 coordinates (DataV, AMap) to WGS84. */
export function readGeometryFile(path: string, options: { cwd?: string; encoding?: string; object?: string; crs?: 'wgs84' | 'gcj02' } = {}): GeoFeatureCollection {
  const { text, file } = readText(path, options.cwd ?? '.', options.encoding);
  return geometryToWgs84(parseGeometry(text, { file, object: options.object }), options.crs ?? 'wgs84');
}

export const WEIGHTS_EXTENSIONS = ['.json', '.csv', '.tsv', '.txt', '.gal', '.gwt'];

/** Read a user weights file (.json neighbour list/matrix, .csv/.tsv matrix or edge list, GeoDa .gal/.gwt). */
export function readWeightsFile(path: string, options: { cwd?: string; encoding?: string } = {}): SpatialWeights {
  const ext = extname(path).toLowerCase();
  if (!WEIGHTS_EXTENSIONS.includes(ext)) {
    throw new DataError('weights-format', `cannot read weights from "${ext || path}" files`, { file: path }, `use one of ${WEIGHTS_EXTENSIONS.join(' ')}`);
  }
  const { text, file } = readText(path, options.cwd ?? '.', options.encoding);
  if (ext === '.json') return parseWeightsJson(text, file);
  if (ext === '.gal' || ext === '.gwt') return parseGeoDaWeights(text, file, ext.slice(1) as 'gal' | 'gwt');
  return parseWeightsCsv(text, file);
}
