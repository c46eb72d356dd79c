// Which base map a report draws, and how the units' ids are matched to its features.
//
// The choice of map and the id checks are in src/core/evaluation/base-map.ts (re-exported here). The bundled China map (data/geo/china.json, from Apache
// ECharts 4.9.0, Apache-2.0; see data/geo/README.md) keys provinces by their two-digit GB/T 2260 code and carries
// the South China Sea islands inset as the feature 'nanhai', which is drawn as a frame (no fill, no tooltip).
// Matching: ECharts matches data items to features by name; for China the features are renamed (series nameMap)
// to the units' display names, so tooltips read as the report's names; provinces without data keep their
// Chinese or English short name.

import { CHINA_PROVINCES } from '../core/spatial/china-provinces.js';
import { provinceCode, SAR_NAMES, type BaseMapName } from '../core/evaluation/base-map.js';

export { baseMapName, baseMapWarnings, provinceCode, type BaseMapName } from '../core/evaluation/base-map.js';

export interface MapBinding {
  name: string;
  nameProperty: string;
  /** The data item name of a unit id (undefined: the unit is not on the map). */
  key(id: string): string | undefined;
  /** Series nameMap (feature name → shown name), when features are renamed. */
  nameMap?: Record<string, string>;
  /** Per-region styles (the inset frame). */
  regions?: Record<string, unknown>[];
  note: { zh: string; en: string };
}

const NATURAL_EARTH_NOTE = {
  zh: '灰色：无数据。底图为 Natural Earth 事实边界，不代表对任何边界的立场。',
  en: 'Grey: no data. Base map: Natural Earth de facto boundaries; no position on any boundary is implied.',
};

/** How the units of a report are drawn on base map `name`. */
export function mapBinding(name: BaseMapName, ids: readonly string[], display: (id: string) => string, lang: 'zh' | 'en', customId = 'name'): MapBinding | undefined {
  if (name === 'none') return undefined;
  if (name === 'world') return { name, nameProperty: 'iso3', key: (id) => id, note: NATURAL_EARTH_NOTE };
  if (name === 'custom') return { name, nameProperty: customId, key: (id) => id, note: { zh: '灰色：无数据。底图由用户提供。', en: 'Grey: no data. Base map supplied by the user.' } };
  const nameMap: Record<string, string> = {};
  for (const p of CHINA_PROVINCES) nameMap[p.code] = lang === 'zh' ? p.name : p.en;
  for (const [code, r] of Object.entries(SAR_NAMES)) nameMap[code] = lang === 'zh' ? r.zh : r.en;
  const byId = new Map<string, string>();
  for (const id of ids) {
    const c = provinceCode(id);
    if (c) {
      nameMap[c] = display(id);
      byId.set(id, display(id));
    }
  }
  const inset = lang === 'zh' ? '南海诸岛' : 'South China Sea Islands';
  nameMap.nanhai = inset;
  return {
    name,
    nameProperty: 'code',
    key: (id) => byId.get(id),
    nameMap,
    regions: [{ name: inset, silent: true, itemStyle: { areaColor: 'rgba(0,0,0,0)', borderColor: '#666', borderWidth: 0.6 }, emphasis: { disabled: true }, select: { disabled: true }, tooltip: { show: false }, label: { show: false } }],
    note: {
      zh: '灰色：无数据。底图：Apache ECharts 4.9.0 中国地图（Apache-2.0），含南海诸岛插图；示意图，非自然资源部审图号标准地图，正式出版请换用标准地图（output.geometry）。',
      en: 'Grey: no data. Base map: the Apache ECharts 4.9.0 map of China (Apache-2.0) with the South China Sea islands inset; a schematic, not the officially reviewed standard map (审图号): for publication in China supply the standard map via output.geometry.',
    },
  };
}
