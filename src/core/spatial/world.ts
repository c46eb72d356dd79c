// Countries by ISO 3166-1 alpha-3 code: representative points for k-NN and distance weights on cross-country
// data such as the Penn World Table (methods.md L1). Points come from Natural Earth (see world-centroids.ts).

import { UsageError } from '../errors.js';
import { WORLD_CENTROIDS, WORLD_COUNTRY_NAMES } from './world-centroids.js';
import type { SpatialPoint } from './distance.js';

export { WORLD_CENTROIDS, WORLD_COUNTRY_NAMES };

/** True when every id is an ISO3 code with a bundled point. */
export function looksLikeIso3Countries(ids: readonly string[]): boolean {
  return ids.length > 0 && ids.every((id) => Object.prototype.hasOwnProperty.call(WORLD_CENTROIDS, id.trim().toUpperCase()));
}

/** Representative points of the countries with these ISO3 ids (order kept). */
export function worldCountryPoints(ids: readonly string[]): SpatialPoint[] {
  const unknown = ids.filter((id) => !Object.prototype.hasOwnProperty.call(WORLD_CENTROIDS, id.trim().toUpperCase()));
  if (unknown.length) {
    throw new UsageError('unknown-country', `no bundled location for: ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ' …' : ''}`,
      'ids must be ISO 3166-1 alpha-3 codes (CHN, USA …), or give geometry with --geo FILE or a weights file');
  }
  return ids.map((id) => {
    const [lon, lat] = WORLD_CENTROIDS[id.trim().toUpperCase()];
    return { id, lon, lat };
  });
}
