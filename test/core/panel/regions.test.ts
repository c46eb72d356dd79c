import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { canonicalProvince, closestRegions, provinceByCode, provinceGroup, regionKey, resolveProvinces, GROUPINGS, PROVINCE_RECORDS } from '../../../src/core/panel/regions.js';
import { DataError } from '../../../src/core/errors.js';
import { sharedPath } from '../../helpers.js';

const code = (s: string) => {
  const m = canonicalProvince(s);
  return m?.kind === 'province' ? m.code : m?.kind === 'aggregate' ? `agg:${m.key}` : null;
};

describe('canonicalProvince', () => {
  test('full, short, pinyin, English, codes', () => {
    const cases: [string, string][] = [
      ['北京市', '11'], ['北京', '11'], ['Beijing', '11'], ['BEIJING', '11'], ['11', '11'], ['110000', '11'],
      ['内蒙古自治区', '15'], ['内蒙古', '15'], ['Inner Mongolia', '15'], ['Neimenggu', '15'], ['Nei Mongol', '15'], ['inner-mongolia', '15'],
      ['广西壮族自治区', '45'], ['Guangxi Zhuang Autonomous Region', '45'], ['Guangxi Zhuang', '45'],
      ['宁夏回族自治区', '64'], ['Ningxia Hui', '64'], ['Ningxia Hui Autonomous Region', '64'],
      ['新疆维吾尔自治区', '65'], ['Xinjiang Uygur', '65'], ['Xinjiang Uyghur Autonomous Region', '65'],
      ['西藏自治区', '54'], ['Tibet', '54'], ['Xizang', '54'],
      ['Hong Kong', '81'], ['Hong Kong SAR', '81'], ['香港特别行政区', '81'], ['Macao', '82'], ['Macau', '82'], ['澳门', '82'], ['Taiwan', '71'], ['台湾省', '71'],
      ['重庆市', '50'], ['Chongqing Municipality', '50'], ['Heilongjiang Province', '23'],
    ];
    for (const [name, c] of cases) expect(code(name), name).toBe(c);
  });

  test('Shanxi and Shaanxi are never swapped', () => {
    expect(code('Shanxi')).toBe('14');
    expect(code('山西')).toBe('14');
    expect(code('shanxi province')).toBe('14');
    expect(code('Shaanxi')).toBe('61');
    expect(code('陕西省')).toBe('61');
    expect(code('SHAANXI')).toBe('61');
    expect(code('Shan xi')).toBe('14');
  });

  test('whitespace (incl. U+3000), full-width letters and OCR variants', () => {
    expect(code('上   海')).toBe('31');
    expect(code('黑龙 江')).toBe('23');
    expect(code('\u3000广东\u3000')).toBe('44');
    expect(code('ＢＥＩＪＩＮＧ')).toBe('11');
    const ocr: [string, string][] = [['两藏', '54'], ['四藏', '54'], ['内蒙占', '15'], ['山两', '14'], ['江两', '36'], ['江四', '36'], ['浙汀', '33']];
    for (const [s, c] of ocr) expect(code(s), s).toBe(c);
  });

  test('aggregates are tagged', () => {
    expect(code('全国')).toBe('agg:national');
    expect(code('全   国')).toBe('agg:national');
    expect(code('东部地区')).toBe('agg:east');
    expect(code('尔部地区')).toBe('agg:east');
    expect(code('中部地区')).toBe('agg:central');
    expect(code('西部地区')).toBe('agg:west');
    expect(code('东北地区')).toBe('agg:northeast');
    expect(code('东北')).toBe('agg:northeast');
  });

  test('names per province and suffix stripping', () => {
    expect(PROVINCE_RECORDS).toHaveLength(34);
    for (const r of PROVINCE_RECORDS) {
      expect(code(r.zh)).toBe(r.code);
      expect(code(r.full)).toBe(r.code);
      expect(code(r.en)).toBe(r.code);
      expect(code(r.pinyin)).toBe(r.code);
    }
    expect(regionKey('新疆维吾尔自治区')).toBe('新疆');
    expect(provinceByCode('15')?.en).toBe('Inner Mongolia');
  });
});

describe('resolveProvinces', () => {
  test('one error lists every unknown name with rows and closest matches', () => {
    try {
      resolveProvinces(['北京', '江三', 'Shanxii', '江三', '火星'], { file: 'p.csv', column: 'province', rows: [2, 3, 4, 5, 6] });
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(DataError);
      const d = e as DataError;
      expect(d.kind).toBe('unknown-region');
      expect(d.location).toMatchObject({ file: 'p.csv', column: 'province', row: 3, text: '江三' });
      expect(d.message).toContain('"江三" (rows 3, 5)');
      expect(d.message).toContain('"Shanxii" (row 4)');
      expect(d.message).toContain('"火星" (row 6)');
      expect(d.message).toContain('3 region names');
      const unknown = (d.details as { unknown: { name: string; closest: string[] }[] }).unknown;
      expect(unknown.find((u) => u.name === 'Shanxii')!.closest[0]).toBe('Shanxi (山西, 14)');
      expect(unknown.find((u) => u.name === '江三')!.closest.some((s) => s.startsWith('江'))).toBe(true);
    }
    expect(closestRegions('Shaanxii')[0]).toBe('Shaanxi (陕西, 61)');
  });

  test('every province name in shared/data/china-provinces resolves (or is an aggregate)', () => {
    const dir = sharedPath('data', 'china-provinces');
    const files = readdirSync(dir).filter((f) => f.endsWith('.csv') && f !== 'varsList.csv');
    expect(files.length).toBeGreaterThan(15);
    let n = 0;
    const seen = new Set<string>();
    for (const f of files) {
      const lines = readFileSync(`${dir}/${f}`, 'utf8').replace(/\r/g, '').trim().split('\n');
      const header = lines[0].split(',').map((h) => h.replace(/"/g, ''));
      for (const col of ['province', 'province_clean']) {
        const j = header.indexOf(col);
        if (j < 0) continue;
        const names = lines.slice(1).map((l) => (l.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? [])[j]?.replace(/,$/, '').replace(/^"|"$/g, '') ?? '');
        const res = resolveProvinces(names, { file: f, column: col, rows: names.map((_, r) => r + 2) });
        n += res.length;
        for (const m of res) seen.add(m.kind === 'province' ? m.code : m.key);
      }
    }
    expect(n).toBeGreaterThan(10000);
    // all 31 mainland provinces and the national aggregate occur
    for (const r of PROVINCE_RECORDS.filter((p) => Number(p.code) < 70)) expect(seen.has(r.code), r.zh).toBe(true);
    expect(seen.has('national')).toBe(true);
  });
});

describe('groupings', () => {
  test('nbs4, three and belts partition the 31 mainland provinces', () => {
    const mainland = PROVINCE_RECORDS.filter((p) => Number(p.code) < 70).map((p) => p.code).sort();
    for (const g of ['nbs4', 'three', 'belts'] as const) {
      const all = GROUPINGS[g].flatMap((d) => d.codes).sort();
      expect(all, g).toEqual(mainland);
    }
    expect(GROUPINGS.nbs4.map((g) => g.codes.length)).toEqual([10, 6, 12, 3]);
    expect(provinceGroup('21')?.key).toBe('northeast');
    expect(provinceGroup('15', 'three')?.key).toBe('west');
    expect(provinceGroup('45', 'three')?.key).toBe('west');
    expect(provinceGroup('45', 'belts')?.key).toBe('east');
    expect(provinceGroup('81')).toBeNull();
  });
});
