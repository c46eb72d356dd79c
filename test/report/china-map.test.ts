// The bundled China base map (data/geo/china.json, from Apache ECharts 4.9.0): its provinces touch exactly as the
// reference neighbour list says (spdep poly2nb on CTAmap 2023, shared/fixtures/index/data/provinces_queen.json),
// it carries the South China Sea islands inset, and reports of provincial panels draw it by default.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { contiguityWeights } from '../../src/core/spatial/contiguity.js';
import type { GeoFeature } from '../../src/core/spatial/geometry.js';
import { CHINA_PROVINCES } from '../../src/core/spatial/china-provinces.js';
import { baseMapName, mapBinding, provinceCode } from '../../src/report/base-map.js';
import { readJson, repoRoot, runCli } from '../helpers.js';
import { provincialCsv } from '../web/fixture.js';

const fc = JSON.parse(readFileSync(join(repoRoot, 'data', 'geo', 'china.json'), 'utf8')) as { features: (GeoFeature & { id: string })[] };

describe('data/geo/china.json', () => {
  test('31 provinces, Taiwan, Hong Kong, Macao and the South China Sea inset, keyed by GB code', () => {
    const ids = fc.features.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...CHINA_PROVINCES.map((p) => p.code), '71', '81', '82', 'nanhai'].sort());
    for (const p of CHINA_PROVINCES) expect(fc.features.find((f) => f.id === p.code)!.properties!.name).toBe(p.name);
    const inset = fc.features.find((f) => f.id === 'nanhai')!;
    expect(inset.properties).toMatchObject({ name: '南海诸岛', inset: true });
    const pts = (inset.geometry!.coordinates as number[][][][]).flat(2) as unknown as number[][];
    // a frame east of Taiwan, clear of every province
    expect(Math.min(...pts.map((p) => p[0]))).toBeGreaterThanOrEqual(126);
    expect(Math.max(...pts.map((p) => p[0]))).toBeLessThan(132.2);
    expect(Math.min(...pts.map((p) => p[1]))).toBeGreaterThan(18.3);
    expect(Math.max(...pts.map((p) => p[1]))).toBeLessThanOrEqual(25);
    expect((inset.geometry!.coordinates as unknown[]).length).toBe(12); // frame + 11 dashes
  });

  test('queen contiguity of the mainland provinces equals the spdep reference (海南 has no land neighbour)', () => {
    const ref = readJson<Record<string, string[]>>('fixtures', 'index', 'data', 'provinces_queen.json');
    const feats = fc.features.filter((f) => /^[1-6]\d$/.test(f.id));
    const codes = feats.map((f) => f.id);
    const w = contiguityWeights(codes, feats, 'queen');
    const nameOf = (code: string) => CHINA_PROVINCES.find((p) => p.code === code)!.name;
    let links = 0;
    for (let i = 0; i < codes.length; i++) {
      const got: string[] = [];
      for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) got.push(nameOf(codes[w.neighbors[k]]));
      links += got.length;
      const name = nameOf(codes[i]);
      // the reference adds 海南–广东 by hand (documented in its README); the polygons do not touch
      const want = ref[name].filter((x) => !((name === '海南' && x === '广东') || (name === '广东' && x === '海南')));
      expect(got.sort(), name).toEqual([...want].sort());
    }
    expect(links).toBeGreaterThan(100);
  });
});

describe('base map choice and binding', () => {
  test('provinces in any spelling get the China map; other ids none; PWT the world map; spec wins', () => {
    expect(baseMapName({}, { ids: ['北京市', 'Tianjin', '13', '150000', '香港'] })).toBe('china');
    expect(baseMapName({}, { ids: ['北京', '全国'] })).toBe('none');
    expect(baseMapName({}, { ids: ['北京', '北京市'] })).toBe('none'); // duplicates: not a province panel
    expect(baseMapName({}, { ids: ['CHN', 'USA'], source: 'pwt' })).toBe('world');
    expect(baseMapName({ output: { map: 'none' } }, { ids: ['北京'] })).toBe('none');
    expect(baseMapName({ output: { geometry: { file: 'x.json', id: 'name' } } }, { ids: ['北京'] })).toBe('custom');
    expect(provinceCode('Inner Mongolia')).toBe('15');
    expect(provinceCode('澳门特别行政区')).toBe('82');
  });

  test('features are renamed to the report names; the inset is a silent frame', () => {
    const b = mapBinding('china', ['北京市', '广东省'], (id) => `<${id}>`, 'en')!;
    expect(b.nameProperty).toBe('code');
    expect(b.key('北京市')).toBe('<北京市>');
    expect(b.key('上海')).toBeUndefined();
    expect(b.nameMap!['11']).toBe('<北京市>');
    expect(b.nameMap!['31']).toBe('Shanghai');
    expect(b.nameMap!.nanhai).toBe('South China Sea Islands');
    expect(b.regions![0]).toMatchObject({ name: 'South China Sea Islands', silent: true });
    expect(b.note.zh).toContain('审图号');
  });
});

describe('xinzhi evaluate on a provincial panel', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xinzhi-china-map-'));
  writeFileSync(join(dir, 'prov.csv'), provincialCsv().gbk);
  const spec = (map?: string) => [
    'xinzhi: 1',
    'data: {file: prov.csv, id: 省份, period: 年份}',
    'index: {framework: fw.yaml}',
    'analyses: {lisa: {of: index, weights: queen}}',
    `output: {language: zh, formats: [html]${map ? `, map: ${map}` : ''}}`,
  ].join('\n');
  writeFileSync(join(dir, 'fw.yaml'), [
    'framework: t',
    'dimensions:',
    '  - key: d1',
    '    label: 创新',
    '    indicators:',
    '      - {key: rd, label: 研发强度, column: 研发强度, direction: "+"}',
    '      - {key: pat, label: 专利授权, column: 专利授权, direction: "+"}',
    '      - {key: en, label: 能耗强度, column: 能耗强度, direction: "-"}',
  ].join('\n'));

  test('the report embeds the China map with the inset and draws the index and LISA maps on it', async () => {
    writeFileSync(join(dir, 'a.yaml'), spec());
    const r = await runCli(['evaluate', 'a.yaml', '--out', 'out-a', '--quiet'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(dir, 'out-a', 'report.html'), 'utf8');
    const maps = JSON.parse(html.match(/<script type="application\/json" id="xinzhi-maps">([\s\S]*?)<\/script>/)![1].replace(/\\u003c/g, '<'));
    expect(Object.keys(maps)).toEqual(['china']);
    expect(maps.china.features.some((f: { id: string }) => f.id === 'nanhai')).toBe(true);
    expect(html).toContain('"nameProperty":"code"');
    expect(html).toContain('南海诸岛');
    expect(html).toContain('审图号');
  });

  test('output.map: none leaves the map out', async () => {
    writeFileSync(join(dir, 'b.yaml'), spec('none'));
    const r = await runCli(['evaluate', 'b.yaml', '--out', 'out-b', '--quiet'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(dir, 'out-b', 'report.html'), 'utf8');
    expect(html).not.toContain('"nameProperty":"code"');
  });
});

describe('map warnings come from the core run (the workbench worker and the CLI give the same results.json)', () => {
  test('provinces mixed with 全国: map-mixed-ids in runEvaluation results; clean provinces: none', async () => {
    const { runEvaluation } = await import('../../src/core/evaluation/run.js');
    const { parseSpec } = await import('../../src/core/evaluation/validate.js');
    const { createPanel } = await import('../../src/core/panel/panel.js');
    const make = (ids: string[]) => {
      const periods = [2020, 2021];
      const entity = ids.flatMap((id) => periods.map(() => id));
      const period = ids.flatMap(() => periods);
      return createPanel({ ids, periods, entity, period, values: { x: entity.map((_, k) => 1 + k) }, source: 'd.csv' });
    };
    const spec = parseSpec('xinzhi: 1\ndata: {file: d.csv, id: id, period: year}\noutput: {formats: [json]}\n', 's.yaml');
    const mixed = await runEvaluation(spec, { panel: make(['北京', '天津', '河北', '全国']) });
    expect(mixed.warnings.map((w) => w.code)).toContain('map-mixed-ids');
    expect(mixed.warnings.find((w) => w.code === 'map-mixed-ids')!.message).toContain('全国');
    const clean = await runEvaluation(spec, { panel: make(['北京', '天津', '河北']) });
    expect(clean.warnings.map((w) => w.code)).not.toContain('map-mixed-ids');
  });
});
