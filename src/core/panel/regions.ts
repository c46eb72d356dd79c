// Chinese province names: any spelling → one province key (GB/T 2260 code), methods.md A6.
//
// Steps, in this order:
//   1. NFKC (folds full-width letters and the ideographic space U+3000);
//   2. strip all whitespace (the yearbook files contain 上   海 and 黑龙 江);
//   3. strip one administrative suffix, longest first: 维吾尔自治区, 壮族自治区, 回族自治区, 自治区,
//      特别行政区, 省, 市 (Latin names: …autonomous region, special administrative region, SAR, province,
//      municipality, city; compared case-insensitively without spaces, hyphens, apostrophes or dots);
//   4. look the result up in the alias table (regions-data.ts): short and full Chinese names, pinyin,
//      English, Wade–Giles/postal spellings, and the exact OCR misreadings of methods.md A6.
// Shanxi (山西, 14) and Shaanxi (陕西, 61) are distinct keys and never confused: no fuzzy matching is
// applied to lookups; edit distance is used only to suggest names in the error for unknown ones.
// Aggregates (全国, 东部/中部/西部/东北地区, the OCR form 尔部地区) are tagged `aggregate` so analyses can drop them.
// Lookup is O(length of the name) after a one-time table build.

import { DataError } from '../errors.js';
import { AGGREGATE_RECORDS, GROUPINGS, PROVINCE_RECORDS, type AggregateKey, type GroupDef, type GroupingName, type ProvinceRecord } from './regions-data.js';

export { GROUPINGS, PROVINCE_RECORDS, AGGREGATE_RECORDS, type AggregateKey, type GroupDef, type GroupingName, type ProvinceRecord };

export interface ProvinceMatch {
  kind: 'province';
  code: string;
  zh: string;
  full: string;
  en: string;
  pinyin: string;
}

export interface AggregateMatch {
  kind: 'aggregate';
  key: AggregateKey;
  zh: string;
  en: string;
}

export type RegionMatch = ProvinceMatch | AggregateMatch;

const ZH_SUFFIXES = ['维吾尔自治区', '壮族自治区', '回族自治区', '自治区', '特别行政区', '省', '市'];
const LATIN_SUFFIXES = [
  'uyghurautonomousregion', 'uighurautonomousregion', 'uygurautonomousregion', 'zhuangautonomousregion',
  'specialadministrativeregion', 'huiautonomousregion', 'autonomousregion', 'municipality', 'province', 'city', 'sar',
].sort((a, b) => b.length - a.length);
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

/** The lookup key of a name (steps 1–3 of the file header). */
export function regionKey(name: string): string {
  let s = name.normalize('NFKC').replace(/[\s\u3000\u00a0\ufeff]+/gu, '');
  if (CJK.test(s)) {
    for (const suf of ZH_SUFFIXES) {
      if (s.length > suf.length && s.endsWith(suf)) {
        s = s.slice(0, -suf.length);
        break;
      }
    }
    return s;
  }
  s = s.toLowerCase().replace(/['’‘`.\-_,()]/gu, '');
  for (const suf of LATIN_SUFFIXES) {
    if (s.length > suf.length && s.endsWith(suf)) {
      s = s.slice(0, -suf.length);
      break;
    }
  }
  return s;
}

let table: Map<string, RegionMatch> | null = null;
let byCode: Map<string, ProvinceMatch> | null = null;

function build(): Map<string, RegionMatch> {
  if (table) return table;
  const t = new Map<string, RegionMatch>();
  const add = (alias: string, m: RegionMatch) => {
    const k = regionKey(alias);
    const prev = t.get(k);
    if (prev && (prev.kind !== m.kind || (prev.kind === 'province' ? prev.code !== (m as ProvinceMatch).code : prev.key !== (m as AggregateMatch).key))) {
      throw new Error(`region alias table: "${alias}" maps to two regions`);
    }
    t.set(k, m);
  };
  byCode = new Map();
  for (const r of PROVINCE_RECORDS) {
    const m: ProvinceMatch = { kind: 'province', code: r.code, zh: r.zh, full: r.full, en: r.en, pinyin: r.pinyin };
    byCode.set(r.code, m);
    for (const a of [r.zh, r.full, r.pinyin, r.en, r.code, ...r.aliases]) add(a, m);
  }
  for (const a of AGGREGATE_RECORDS) {
    const m: AggregateMatch = { kind: 'aggregate', key: a.key, zh: a.zh, en: a.en };
    for (const s of [a.zh, a.en, ...a.aliases]) add(s, m);
  }
  table = t;
  return t;
}

/** Province or aggregate for any spelling, or null when unknown. */
export function canonicalProvince(name: string): RegionMatch | null {
  const key = regionKey(String(name));
  // six-digit division codes of a province (110000) name the province
  const k = /^\d{2}0000$/.test(key) ? key.slice(0, 2) : key;
  return build().get(k) ?? null;
}

/** The province with a GB/T 2260 code ("11" … "65", "71", "81", "82"). */
export function provinceByCode(code: string): ProvinceMatch | null {
  build();
  return byCode!.get(code) ?? null;
}

/** The group of a province in a grouping (default nbs4); null for 71/81/82 or unknown codes. */
export function provinceGroup(code: string, grouping: GroupingName = 'nbs4'): GroupDef | null {
  const defs = GROUPINGS[grouping];
  if (!defs) throw new Error(`unknown grouping "${grouping}"`);
  return defs.find((g) => g.codes.includes(code)) ?? null;
}

export interface ResolveWhere {
  file?: string;
  column?: string;
  /** Source row number of each name (same order), for the error message. */
  rows?: readonly number[];
}

/**
 * Resolve every name; unknown names raise ONE DataError (`unknown-region`) listing each distinct unknown
 * spelling with its rows and the closest known names.
 */
export function resolveProvinces(names: readonly string[], where: ResolveWhere = {}): RegionMatch[] {
  const out: RegionMatch[] = new Array(names.length);
  const unknown = new Map<string, number[]>();
  for (let k = 0; k < names.length; k++) {
    const m = canonicalProvince(names[k]);
    if (m) out[k] = m;
    else {
      const rows = unknown.get(names[k]) ?? [];
      rows.push(where.rows ? where.rows[k] : k + 1);
      unknown.set(names[k], rows);
    }
  }
  if (unknown.size) {
    const list = [...unknown.entries()].map(([name, rows]) => ({ name, rows, closest: closestRegions(name) }));
    const text = list
      .map((u) => `${JSON.stringify(u.name)} (row${u.rows.length > 1 ? 's' : ''} ${u.rows.slice(0, 5).join(', ')}${u.rows.length > 5 ? ', …' : ''})${u.closest.length ? ` — closest: ${u.closest.join(', ')}` : ''}`)
      .join('; ');
    throw new DataError(
      'unknown-region',
      `${unknown.size} region name${unknown.size > 1 ? 's are' : ' is'} not a known Chinese province or aggregate: ${text}`,
      { file: where.file, column: where.column, row: list[0].rows[0], text: list[0].name },
      'correct the spelling, or rename the rows to a province name (北京, 内蒙古, Inner Mongolia, Neimenggu …)',
      { unknown: list },
    );
  }
  return out;
}

/** Up to `k` known names closest to `name` by edit distance on the lookup key. */
export function closestRegions(name: string, k = 3): string[] {
  const key = regionKey(name);
  const latin = !CJK.test(key);
  const scored: { label: string; d: number }[] = [];
  const seen = new Set<string>();
  for (const [alias, m] of build()) {
    if (CJK.test(alias) === latin) continue; // suggest in the script the user wrote
    const label = m.kind === 'province' ? (latin ? `${m.en} (${m.zh}, ${m.code})` : `${m.zh} (${m.code})`) : latin ? m.en : m.zh;
    const d = editDistance(key, alias);
    scored.push({ label, d });
  }
  scored.sort((a, b) => a.d - b.d || (a.label < b.label ? -1 : 1));
  const out: string[] = [];
  const len = [...key].length;
  const limit = latin ? Math.max(2, Math.ceil(len / 3)) : Math.max(1, Math.floor(len / 2));
  for (const s of scored) {
    if (s.d > limit || out.length >= k) break;
    if (seen.has(s.label)) continue;
    seen.add(s.label);
    out.push(s.label);
  }
  return out;
}

/** Levenshtein distance over code points. */
export function editDistance(a: string, b: string): number {
  const A = [...a];
  const B = [...b];
  let prev = Array.from({ length: B.length + 1 }, (_, j) => j);
  for (let i = 1; i <= A.length; i++) {
    const cur = [i];
    for (let j = 1; j <= B.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (A[i - 1] === B[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[B.length];
}
