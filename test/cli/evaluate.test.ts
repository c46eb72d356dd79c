// xinzhi evaluate SPEC --out DIR: the bundle's files, byte-identical reruns (provenance.json aside), refusal to
// overwrite a non-empty folder without --force, atomic replacement, spec errors with lines (exit 1).

import { describe, expect, test, beforeAll } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers.js';

function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...listFiles(join(dir, e.name), `${prefix}${e.name}/`));
    else out.push(`${prefix}${e.name}`);
  }
  return out.sort();
}

describe('evaluate examples/pwt.yaml', () => {
  const root = mkdtempSync(join(tmpdir(), 'xinzhi-eval-'));
  const a = join(root, 'a');
  const b = join(root, 'b');
  let first: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    first = await runCli(['evaluate', 'examples/pwt.yaml', '--out', a]);
    await runCli(['evaluate', 'examples/pwt.yaml', '--out', b, '--quiet']);
  }, 120_000);

  test('writes the whole bundle and prints a summary with the report path', () => {
    expect(first.code, first.stderr).toBe(0);
    const files = listFiles(a);
    for (const f of ['results.json', 'results.xlsx', 'tables.docx', 'tables.tex', 'report.html', 'provenance.json']) expect(files).toContain(f);
    expect(files.some((f) => f.startsWith('tables/') && f.endsWith('.csv'))).toBe(true);
    expect(first.stdout).toMatch(/report\.html/);
    expect(first.stderr).toBe(''); // quiet in CI: no progress bar
  });

  test('a second run gives identical bytes for every file except provenance.json', () => {
    const fa = listFiles(a);
    expect(listFiles(b)).toEqual(fa);
    for (const f of fa) {
      if (f === 'provenance.json') continue;
      expect(Buffer.compare(readFileSync(join(a, f)), readFileSync(join(b, f))), f).toBe(0);
    }
  });

  test('provenance.json records input hashes, versions, outputs and timestamps', () => {
    const p = JSON.parse(readFileSync(join(a, 'provenance.json'), 'utf8'));
    expect(p.software.name).toBe('xinzhi');
    expect(p.spec.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(p.inputs.find((i: { role: string }) => i.role === 'data').sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(p.dependencies.echarts).toMatch(/^\d+\./);
    expect(Date.parse(p.timestamps.started)).toBeLessThanOrEqual(Date.parse(p.timestamps.finished));
    const results = p.outputs.find((o: { file: string }) => o.file === 'results.json');
    expect(results.sha256).toMatch(/^[0-9a-f]{64}$/);
    // no timestamps anywhere else
    expect(readFileSync(join(a, 'results.json'), 'utf8')).not.toMatch(/20\d\d-\d\d-\d\dT\d\d:/);
  });

  test('refuses a non-empty folder without --force; --force replaces it atomically', async () => {
    const r = await runCli(['evaluate', 'examples/pwt.yaml', '--out', a, '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/exists and is not empty/);
    expect(r.stderr).toMatch(/--force/);
    writeFileSync(join(a, 'stale.txt'), 'old');
    const f = await runCli(['evaluate', 'examples/pwt.yaml', '--out', a, '--force', '--quiet']);
    expect(f.code, f.stderr).toBe(0);
    expect(existsSync(join(a, 'stale.txt'))).toBe(false); // replaced, not merged
    expect(readdirSync(root).filter((n) => n.startsWith('.'))).toEqual([]); // no temp folders left
  }, 60_000);
});

describe('evaluate errors', () => {
  const root = mkdtempSync(join(tmpdir(), 'xinzhi-eval-err-'));

  test('a spec mistake exits 1 with file:line:column and what to write', async () => {
    const spec = join(root, 'bad.yaml');
    writeFileSync(spec, 'xinzhi: 1\ndata:\n  file: pwt\nanalyses:\n  disparity: {of: hc, group: regoin}\n');
    const out = join(root, 'out');
    const r = await runCli(['evaluate', spec, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.yaml:5:\d+: analyses\.disparity\.group/);
    expect(r.stderr).toMatch(/what to write/);
    expect(existsSync(out)).toBe(false); // nothing written
  });

  test('an empty existing folder is fine without --force', async () => {
    const spec = join(root, 'ok.yaml');
    writeFileSync(spec, 'xinzhi: 1\ndata:\n  file: pwt\n  periods: {from: 2015, to: 2017}\nanalyses:\n  disparity: {of: hc, group: region}\n  \ndata_typo: 1\n');
    const r0 = await runCli(['evaluate', spec, '--out', join(root, 'x')]);
    expect(r0.code).toBe(1);
    expect(r0.stderr).toMatch(/unknown key "data_typo"/);
    writeFileSync(spec, `xinzhi: 1\ndata:\n  file: pwt\n  periods: {from: 2015, to: 2017}\n  groups: {file: ${join(process.cwd(), 'data', 'world-regions.csv')}, key: iso3, column: region}\nanalyses:\n  disparity: {of: hc, group: region}\noutput:\n  formats: [json, csv]\n`);
    const out = join(root, 'empty');
    mkdirSync(out);
    const r = await runCli(['evaluate', spec, '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(listFiles(out)).toEqual(['provenance.json', 'results.json', 'tables/dagum-hc.csv', 'tables/dagum-within-hc.csv', 'tables/descriptive.csv']);
  });

  test('output.geometry draws the maps from a user base map, recorded in provenance', async () => {
    const dir = join(root, 'geo');
    mkdirSync(dir);
    const sq = (x: number) => [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]];
    writeFileSync(join(dir, 'units.geojson'), JSON.stringify({ type: 'FeatureCollection', features: ['A', 'B', 'C', 'D'].map((id, k) => ({ type: 'Feature', properties: { code: id }, geometry: { type: 'Polygon', coordinates: sq(k) } })) }));
    const rows = ['id,year,x,region'];
    ['A', 'B', 'C', 'D'].forEach((id, k) => [2000, 2001, 2002].forEach((y) => rows.push(`${id},${y},${k + 1 + (y - 2000) * 0.5},${k < 2 ? 'e' : 'w'}`)));
    writeFileSync(join(dir, 'data.csv'), rows.join('\n') + '\n');
    writeFileSync(join(dir, 'spec.yaml'), 'xinzhi: 1\ndata: {file: data.csv, id: id, period: year, labels: [region]}\nanalyses:\n  disparity: {of: x, group: region}\n  moran: {of: x, weights: queen}\n  lisa: {of: x, weights: "knn:2", period: last}\noutput:\n  formats: [json, html]\n  geometry: {file: units.geojson, id: code}\n');
    const out = join(dir, 'out');
    const r = await runCli(['evaluate', join(dir, 'spec.yaml'), '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const p = JSON.parse(readFileSync(join(out, 'provenance.json'), 'utf8'));
    expect(p.inputs.find((i: { role: string }) => i.role === 'geometry').file).toBe('units.geojson');
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html.includes('<script type="application/json" id="xinzhi-maps">{"custom":')).toBe(true);
    expect(html.includes('id="chart-lisa-map"')).toBe(true);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    const moran = results.sections.find((x: { kind: string }) => x.kind === 'moran').result;
    expect(moran.rows[0].n).toBe(4); // queen contiguity on the user's squares: A–B–C–D in a row
  });

  test('a missing spec file is a usage error', async () => {
    const r = await runCli(['evaluate', join(root, 'nope.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/spec file not found/);
  });
});
