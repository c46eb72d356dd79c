// China's 31 provincial-level units (mainland; Hong Kong, Macao and Taiwan not included) for spatial weights:
// GB/T 2260 codes, short and English names, queen contiguity and a representative point (the provincial capital)
// for distance and k-NN weights. Used when the user's ids are Chinese provinces and no geometry file is given.
//
// Contiguity: queen contiguity of the 2023 provincial boundaries (CTAmap 2023 by Rui Cheng via the
// BarbarossaWang/cn-atlas redistribution), computed with spdep::poly2nb and checked with libpysal Queen, as
// documented in the project's reference fixtures (shared/fixtures/index/data/provinces_queen.json). Rook
// contiguity gives the same list on those boundaries. Stored here WITHOUT the manual 海南–广东 link: 海南 has
// no land neighbour, and the island rule (methods.md L1) decides what to do with it.
// Capitals: approximate coordinates (±0.05°) of the provincial capitals, WGS84; a common choice for geographic
// distance weights between provinces in the Chinese literature (省会城市间距离).

import { UsageError } from '../errors.js';
import { canonicalProvince } from '../panel/regions.js';
import { weightsFromLists, addWeightLinks, islandIds } from './weights.js';
import { haversineKm } from './geometry.js';
import type { SpatialWeights } from './types.js';

export interface ChinaProvince {
  code: string;          // GB/T 2260 two-digit code
  name: string;          // short name as in the yearbooks: 北京, 内蒙古 …
  fullName: string;      // 北京市, 内蒙古自治区 …
  en: string;
  capital: { name: string; lon: number; lat: number };
}

export const CHINA_PROVINCES: readonly ChinaProvince[] = [
  { code: '11', name: '北京', fullName: '北京市', en: 'Beijing', capital: { name: '北京', lon: 116.40, lat: 39.90 } },
  { code: '12', name: '天津', fullName: '天津市', en: 'Tianjin', capital: { name: '天津', lon: 117.20, lat: 39.13 } },
  { code: '13', name: '河北', fullName: '河北省', en: 'Hebei', capital: { name: '石家庄', lon: 114.51, lat: 38.04 } },
  { code: '14', name: '山西', fullName: '山西省', en: 'Shanxi', capital: { name: '太原', lon: 112.55, lat: 37.87 } },
  { code: '15', name: '内蒙古', fullName: '内蒙古自治区', en: 'Inner Mongolia', capital: { name: '呼和浩特', lon: 111.75, lat: 40.84 } },
  { code: '21', name: '辽宁', fullName: '辽宁省', en: 'Liaoning', capital: { name: '沈阳', lon: 123.43, lat: 41.80 } },
  { code: '22', name: '吉林', fullName: '吉林省', en: 'Jilin', capital: { name: '长春', lon: 125.32, lat: 43.82 } },
  { code: '23', name: '黑龙江', fullName: '黑龙江省', en: 'Heilongjiang', capital: { name: '哈尔滨', lon: 126.53, lat: 45.80 } },
  { code: '31', name: '上海', fullName: '上海市', en: 'Shanghai', capital: { name: '上海', lon: 121.47, lat: 31.23 } },
  { code: '32', name: '江苏', fullName: '江苏省', en: 'Jiangsu', capital: { name: '南京', lon: 118.80, lat: 32.06 } },
  { code: '33', name: '浙江', fullName: '浙江省', en: 'Zhejiang', capital: { name: '杭州', lon: 120.16, lat: 30.27 } },
  { code: '34', name: '安徽', fullName: '安徽省', en: 'Anhui', capital: { name: '合肥', lon: 117.23, lat: 31.82 } },
  { code: '35', name: '福建', fullName: '福建省', en: 'Fujian', capital: { name: '福州', lon: 119.30, lat: 26.08 } },
  { code: '36', name: '江西', fullName: '江西省', en: 'Jiangxi', capital: { name: '南昌', lon: 115.86, lat: 28.68 } },
  { code: '37', name: '山东', fullName: '山东省', en: 'Shandong', capital: { name: '济南', lon: 117.12, lat: 36.65 } },
  { code: '41', name: '河南', fullName: '河南省', en: 'Henan', capital: { name: '郑州', lon: 113.63, lat: 34.75 } },
  { code: '42', name: '湖北', fullName: '湖北省', en: 'Hubei', capital: { name: '武汉', lon: 114.31, lat: 30.59 } },
  { code: '43', name: '湖南', fullName: '湖南省', en: 'Hunan', capital: { name: '长沙', lon: 112.94, lat: 28.23 } },
  { code: '44', name: '广东', fullName: '广东省', en: 'Guangdong', capital: { name: '广州', lon: 113.26, lat: 23.13 } },
  { code: '45', name: '广西', fullName: '广西壮族自治区', en: 'Guangxi', capital: { name: '南宁', lon: 108.37, lat: 22.82 } },
  { code: '46', name: '海南', fullName: '海南省', en: 'Hainan', capital: { name: '海口', lon: 110.35, lat: 20.02 } },
  { code: '50', name: '重庆', fullName: '重庆市', en: 'Chongqing', capital: { name: '重庆', lon: 106.55, lat: 29.56 } },
  { code: '51', name: '四川', fullName: '四川省', en: 'Sichuan', capital: { name: '成都', lon: 104.07, lat: 30.57 } },
  { code: '52', name: '贵州', fullName: '贵州省', en: 'Guizhou', capital: { name: '贵阳', lon: 106.63, lat: 26.65 } },
  { code: '53', name: '云南', fullName: '云南省', en: 'Yunnan', capital: { name: '昆明', lon: 102.83, lat: 24.88 } },
  { code: '54', name: '西藏', fullName: '西藏自治区', en: 'Tibet', capital: { name: '拉萨', lon: 91.13, lat: 29.65 } },
  { code: '61', name: '陕西', fullName: '陕西省', en: 'Shaanxi', capital: { name: '西安', lon: 108.94, lat: 34.34 } },
  { code: '62', name: '甘肃', fullName: '甘肃省', en: 'Gansu', capital: { name: '兰州', lon: 103.83, lat: 36.06 } },
  { code: '63', name: '青海', fullName: '青海省', en: 'Qinghai', capital: { name: '西宁', lon: 101.78, lat: 36.62 } },
  { code: '64', name: '宁夏', fullName: '宁夏回族自治区', en: 'Ningxia', capital: { name: '银川', lon: 106.23, lat: 38.49 } },
  { code: '65', name: '新疆', fullName: '新疆维吾尔自治区', en: 'Xinjiang', capital: { name: '乌鲁木齐', lon: 87.62, lat: 43.83 } },
];

/** Queen contiguity by GB code, without the 海南–广东 link (see header). Symmetric. */
const QUEEN: Readonly<Record<string, readonly string[]>> = {
  '11': ['12', '13'],
  '12': ['11', '13'],
  '13': ['11', '12', '14', '15', '21', '37', '41'],
  '14': ['13', '15', '41', '61'],
  '15': ['13', '14', '21', '22', '23', '61', '62', '64'],
  '21': ['13', '15', '22'],
  '22': ['15', '21', '23'],
  '23': ['15', '22'],
  '31': ['32', '33'],
  '32': ['31', '33', '34', '37'],
  '33': ['31', '32', '34', '35', '36'],
  '34': ['32', '33', '36', '37', '41', '42'],
  '35': ['33', '36', '44'],
  '36': ['33', '34', '35', '42', '43', '44'],
  '37': ['13', '32', '34', '41'],
  '41': ['13', '14', '34', '37', '42', '61'],
  '42': ['34', '36', '41', '43', '50', '61'],
  '43': ['36', '42', '44', '45', '50', '52'],
  '44': ['35', '36', '43', '45'],
  '45': ['43', '44', '52', '53'],
  '46': [],
  '50': ['42', '43', '51', '52', '61'],
  '51': ['50', '52', '53', '54', '61', '62', '63'],
  '52': ['43', '45', '50', '51', '53'],
  '53': ['45', '51', '52', '54'],
  '54': ['51', '53', '63', '65'],
  '61': ['14', '15', '41', '42', '50', '51', '62', '64'],
  '62': ['15', '51', '61', '63', '64', '65'],
  '63': ['51', '54', '62', '65'],
  '64': ['15', '61', '62'],
  '65': ['54', '62', '63'],
};

const ALIASES: Map<string, number> = (() => {
  const m = new Map<string, number>();
  const extra: Record<string, string[]> = {
    '15': ['inner mongolia', 'nei mongol', 'neimenggu'], '54': ['xizang', 'tibet'], '45': ['guangxi zhuang'],
    '64': ['ningxia hui'], '65': ['xinjiang uygur', 'xinjiang uyghur'], '61': ['shaanxi'], '14': ['shanxi'],
  };
  CHINA_PROVINCES.forEach((p, i) => {
    for (const a of [p.code, `${p.code}0000`, p.name, p.fullName, p.en.toLowerCase(), ...(extra[p.code] ?? [])]) m.set(a, i);
  });
  return m;
})();

const CODE_INDEX = new Map(CHINA_PROVINCES.map((p, i) => [p.code, i]));

/**
 * Index into CHINA_PROVINCES for an id (any spelling the panel's region table knows: short/full Chinese name,
 * pinyin, English, GB code 2- or 6-digit), or −1 (also for Hong Kong, Macao, Taiwan and aggregates like 全国).
 */
export function chinaProvinceIndex(id: string): number {
  const m = canonicalProvince(id);
  if (m) return m.kind === 'province' ? CODE_INDEX.get(m.code) ?? -1 : -1;
  const s = id.trim();
  return ALIASES.get(s) ?? ALIASES.get(s.toLowerCase()) ?? -1;
}

/** True when every id resolves to a distinct Chinese province. */
export function looksLikeChinaProvinces(ids: readonly string[]): boolean {
  if (ids.length === 0) return false;
  const seen = new Set<number>();
  for (const id of ids) {
    const k = chinaProvinceIndex(id);
    if (k < 0 || seen.has(k)) return false;
    seen.add(k);
  }
  return true;
}

function resolveAll(ids: readonly string[]): number[] {
  const unknown: string[] = [];
  const idx = ids.map((id) => {
    const k = chinaProvinceIndex(id);
    if (k < 0) unknown.push(id);
    return k;
  });
  if (unknown.length) {
    throw new UsageError('unknown-province', `not recognised as Chinese provinces: ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ' …' : ''}`,
      'use short names (北京, 内蒙古), full names, GB codes (11 or 110000) or English names, or give a weights file (--weights FILE)');
  }
  return idx;
}

export type IslandRule = 'link' | 'isolate' | 'knn';

export interface IslandLink { from: string; to: string; rule: string }

/**
 * Apply the island rule (methods.md L1). `link`: 海南 (Hainan) gets a symmetric link to 广东 (Guangdong) when both
 * are present; other islands stay islands. `knn`: every island is linked symmetrically to its nearest unit by
 * great-circle distance between `points` (lon/lat per unit, same order as w.ids). `isolate`: nothing changes.
 * The links added are recorded in `card.islandLinks`.
 */
export function applyIslandRule(w: SpatialWeights, rule: IslandRule, points?: readonly { lon: number; lat: number }[]): SpatialWeights {
  const before = islandIds(w);
  if (rule === 'isolate' || before.length === 0) {
    return { ...w, islands: before, card: { ...w.card, islandRule: rule, islandLinks: [] } };
  }
  const index = new Map<string, number>();
  w.ids.forEach((id, i) => index.set(id, i));
  const pairs: [number, number][] = [];
  const links: IslandLink[] = [];
  if (rule === 'link') {
    const hainan = w.ids.findIndex((id) => CHINA_PROVINCES[chinaProvinceIndex(id)]?.code === '46');
    const guangdong = w.ids.findIndex((id) => CHINA_PROVINCES[chinaProvinceIndex(id)]?.code === '44');
    if (hainan >= 0 && guangdong >= 0 && before.includes(w.ids[hainan])) {
      pairs.push([hainan, guangdong]);
      links.push({ from: w.ids[hainan], to: w.ids[guangdong], rule: 'Hainan–Guangdong link (symmetric)' });
    }
  } else {
    if (!points || points.length !== w.ids.length) {
      throw new UsageError('island-knn-needs-points', 'the knn island rule needs a location for every unit', 'give geometry (--geo FILE) or use --islands link|isolate');
    }
    for (const id of before) {
      const i = index.get(id)!;
      let best = -1, bestD = Infinity;
      for (let j = 0; j < w.ids.length; j++) {
        if (j === i) continue;
        const d = haversineKm(points[i].lon, points[i].lat, points[j].lon, points[j].lat);
        if (d < bestD || (d === bestD && best >= 0 && w.ids[j] < w.ids[best])) { bestD = d; best = j; }
      }
      if (best >= 0) { pairs.push([i, best]); links.push({ from: id, to: w.ids[best], rule: `nearest unit (${bestD.toFixed(1)} km)` }); }
    }
  }
  const value = w.style === 'B' ? 1 : (() => { let m = 0; for (const x of w.weights) m = Math.max(m, x); return m || 1; })();
  const out = pairs.length ? addWeightLinks(w, pairs, value, true) : w;
  return { ...out, islands: islandIds(out), card: { ...w.card, islandRule: rule, islandLinks: links } };
}

export interface ChinaWeightsOptions {
  /** 'queen' (default) or 'rook' contiguity. */
  type?: 'queen' | 'rook';
  islands?: IslandRule;
}

/** Binary contiguity weights for the given province ids (any accepted spelling; order kept). */
export function chinaProvinceWeights(ids: readonly string[], options: ChinaWeightsOptions = {}): SpatialWeights {
  const type = options.type ?? 'queen';
  const idx = resolveAll(ids);
  const seen = new Map<number, string>();
  idx.forEach((k, r) => {
    if (seen.has(k)) throw new UsageError('duplicate-province', `"${ids[r]}" and "${seen.get(k)}" are the same province`);
    seen.set(k, ids[r]);
  });
  const pos = new Map<string, number>();
  idx.forEach((k, r) => pos.set(CHINA_PROVINCES[k].code, r));
  const lists = idx.map((k) => (QUEEN[CHINA_PROVINCES[k].code] ?? []).map((c) => pos.get(c)).filter((r): r is number => r !== undefined));
  const points = idx.map((k) => CHINA_PROVINCES[k].capital);
  const card: Record<string, unknown> = {
    type, source: 'bundled neighbour list of China\'s 31 provinces (2023 boundaries, CTAmap via cn-atlas; spdep::poly2nb)',
  };
  if (type === 'rook') card.note = 'rook contiguity equals queen contiguity on these boundaries';
  const w = weightsFromLists(ids, lists, undefined, { style: 'B', card });
  return applyIslandRule(w, options.islands ?? 'link', points);
}

/** Capital-city points for the given province ids (for k-NN / distance weights). */
export function chinaProvincePoints(ids: readonly string[]): { id: string; lon: number; lat: number }[] {
  return resolveAll(ids).map((k, r) => ({ id: ids[r], lon: CHINA_PROVINCES[k].capital.lon, lat: CHINA_PROVINCES[k].capital.lat }));
}
