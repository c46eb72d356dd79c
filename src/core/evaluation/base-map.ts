// Which base map an evaluation draws, and whether its unit ids fit it (isomorphic: the CLI and the workbench's
// worker add the same warnings to results.json). Display details (feature renaming, the inset frame) are in
// src/report/base-map.ts.
//
// Choice (the first that applies): output.geometry → the user's map ('custom'); output.map when given; 'world' for
// the bundled PWT data; 'china' when every id is a distinct Chinese province (any spelling the region table knows:
// 北京, 北京市, Beijing, 11, 110000; Hong Kong, Macao and Taiwan too); otherwise none.

import { chinaProvinceIndex, CHINA_PROVINCES } from '../spatial/china-provinces.js';
import type { Warning } from '../result.js';

export type BaseMapName = 'world' | 'china' | 'custom' | 'none';

interface SpecLike { output?: { map?: string; geometry?: { file: string; id: string } } }

/** The base map for a spec and the data's ids ('none' when there is nothing to draw). */
export function baseMapName(spec: SpecLike, data: { ids: readonly string[]; source?: string }): BaseMapName {
  if (spec.output?.geometry) return 'custom';
  const m = spec.output?.map;
  if (m === 'world' || m === 'china' || m === 'none' || m === 'custom') return m;
  if (data.source === 'pwt') return 'world';
  if (looksLikeProvinces(data.ids)) return 'china';
  return 'none';
}

/** True when every id is a distinct province of the bundled map (31 mainland + 香港, 澳门, 台湾). */
function looksLikeProvinces(ids: readonly string[]): boolean {
  if (!ids.length) return false;
  const seen = new Set<string>();
  for (const id of ids) {
    const c = provinceCode(id);
    if (!c || seen.has(c)) return false;
    seen.add(c);
  }
  return true;
}

/**
 * Why the China map will not show every unit: ids that are not provinces (全国, cities, ISO3 codes) or a province
 * under two spellings, when output.map is china; or, with no map chosen, provinces mixed with such ids (no map is
 * then drawn). Empty when nothing is amiss.
 */
export function baseMapWarnings(spec: SpecLike, data: { ids: readonly string[]; source?: string }): Warning[] {
  if (spec.output?.geometry || data.source === 'pwt') return [];
  const m = spec.output?.map;
  if (m !== undefined && m !== 'china') return [];
  const codes = data.ids.map((id) => provinceCode(id));
  const others = data.ids.filter((_, j) => !codes[j]);
  const repeats = data.ids.filter((_, j) => codes[j] && codes.indexOf(codes[j]) < j);
  if (!others.length && !repeats.length) return [];
  const list = (xs: readonly string[], sep: string) => xs.slice(0, 8).join(sep) + (xs.length > 8 ? ' …' : '');
  const is = (k: number, one: string, many: string) => `${k} ${k === 1 ? `is ${one}` : `are ${many}`}`;
  const en = [others.length ? `${is(others.length, 'not a province', 'not provinces')} (${list(others, ', ')})` : '', repeats.length ? `${is(repeats.length, 'a second spelling of a province', 'second spellings of provinces')} (${list(repeats, ', ')})` : ''].filter(Boolean).join('; ');
  const zh = [others.length ? `${others.length} 个不是省级单位（${list(others, '、')}）` : '', repeats.length ? `${repeats.length} 个是重复写法的省份（${list(repeats, '、')}）` : ''].filter(Boolean).join('；');
  if (m === 'china') {
    const none = others.length === data.ids.length;
    return [{
      code: 'map-not-provinces',
      message: `output.map: china draws China's provinces, and of the ${data.ids.length} ids ${en}: ${none ? 'the map is empty; write output.map: world for ISO3 country ids, none, or give output.geometry' : 'they are left off the map; drop them with data.exclude'}`,
      messageZh: `output.map: china 绘制省级地图，${data.ids.length} 个单位中 ${zh}：${none ? '地图为空；ISO3 国家代码请用 output.map: world，或写 none，或提供 output.geometry' : '这些单位不在地图上；可用 data.exclude 排除'}`,
      count: others.length + repeats.length,
    }];
  }
  // No map chosen: warn only when the ids are mostly provinces (a 全国 row or a city among them).
  if (codes.filter(Boolean).length * 2 < data.ids.length || codes.filter(Boolean).length < 2) return [];
  return [{
    code: 'map-mixed-ids',
    message: `no map is drawn: the ids mix China's provinces with other units (${en}); drop those with data.exclude, or write output.map: china to draw the provinces`,
    messageZh: `未绘制地图：单位中混有非省级单位（${zh}）；可用 data.exclude 排除，或写 output.map: china 只绘制省份`,
    count: others.length + repeats.length,
  }];
}

/** Hong Kong, Macao and Taiwan: names and accepted spellings (the region table covers the 31 mainland units). */
export const SAR_NAMES: Record<string, { zh: string; en: string; aliases: string[] }> = {
  '71': { zh: '台湾', en: 'Taiwan', aliases: ['台湾', '台湾省', '臺灣', '臺灣省', 'taiwan', 'taiwan province', 'taiwan, china', '71', '710000'] },
  '81': { zh: '香港', en: 'Hong Kong', aliases: ['香港', '香港特别行政区', '香港特別行政區', 'hong kong', 'hongkong', 'hong kong sar', 'hksar', 'hong kong, china', '81', '810000'] },
  '82': { zh: '澳门', en: 'Macao', aliases: ['澳门', '澳门特别行政区', '澳門', '澳門特別行政區', 'macao', 'macau', 'macao sar', 'macau sar', 'macao, china', '82', '820000'] },
};

/** Two-digit GB/T 2260 code of a province id, or undefined. */
export function provinceCode(id: string): string | undefined {
  const k = chinaProvinceIndex(id);
  if (k >= 0) return CHINA_PROVINCES[k].code;
  const s = id.trim().toLowerCase();
  for (const [code, r] of Object.entries(SAR_NAMES)) if (r.aliases.includes(s)) return code;
  return undefined;
}

