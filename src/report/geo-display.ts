// Base-map geometry for display in report.html (not for analysis). Natural Earth rings that cross the
// antimeridian (Russia's Chukotka, Fiji) jump from +180° to −180°, which a plotting library draws as a line
// across the whole map; here each ring is unwrapped (longitudes shifted by ±360° so consecutive vertices are less
// than 180° apart), so the shape extends a little past the edge instead. Antarctica is dropped (no data, and it
// dominates the frame). Coordinates are otherwise untouched.

type Ring = number[][];

function unwrap(ring: Ring): Ring {
  const out: Ring = [];
  let shift = 0;
  for (let k = 0; k < ring.length; k++) {
    const [lon, lat, ...rest] = ring[k];
    if (k > 0) {
      const prev = ring[k - 1][0] + shift;
      let cur = lon + shift;
      while (cur - prev > 180) { shift -= 360; cur -= 360; }
      while (prev - cur > 180) { shift += 360; cur += 360; }
    }
    out.push([lon + shift, lat, ...rest]);
  }
  return out;
}

/** A copy of a GeoJSON FeatureCollection ready for ECharts: unwrapped rings, without Antarctica. */
export function displayMap(fc: unknown): unknown {
  const f = fc as { type: string; features: { id?: string; properties?: Record<string, unknown>; geometry: { type: string; coordinates: unknown } | null }[] };
  if (!f || !Array.isArray(f.features)) return fc;
  return {
    type: 'FeatureCollection',
    features: f.features
      .filter((x) => x.id !== 'ATA' && x.properties?.iso3 !== 'ATA')
      .map((x) => {
        const g = x.geometry;
        if (!g) return x;
        if (g.type === 'Polygon') return { ...x, geometry: { type: 'Polygon', coordinates: (g.coordinates as Ring[]).map(unwrap) } };
        if (g.type === 'MultiPolygon') return { ...x, geometry: { type: 'MultiPolygon', coordinates: (g.coordinates as Ring[][]).map((p) => p.map(unwrap)) } };
        return x;
      }),
  };
}
