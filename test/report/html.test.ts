// Every number shown in report.html equals the one in results.json (issue 7). The page marks each number:
// sentence numbers are <span class="num" data-path data-v>, table cells carry their table/row/column, and each
// chart embeds its (path, value) references. This test reads both files of the examples/pwt.yaml bundle and
// checks: every reference resolves to the same value in results.json, every shown text is that value formatted,
// and every number inside a chart's series data is one of that chart's referenced values.

import { beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers.js';
import { fmtCell, fmtNum, fmtP, fmtPercent } from '../../src/report/format.js';

function at(obj: any, path: string): unknown {
  let v = obj;
  for (const s of path.split('.')) v = v?.[s];
  return v;
}

function unescapeHtml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

function scriptJson(html: string, id: string): any {
  const m = html.match(new RegExp(`<script type="application/json" id="${id}">([\\s\\S]*?)</script>`));
  if (!m) throw new Error(`no #${id}`);
  return JSON.parse(m[1]);
}

/** Numbers inside series data (recursively), the values charts draw. */
function seriesNumbers(option: any): number[] {
  const out: number[] = [];
  const walk = (v: any) => {
    if (typeof v === 'number') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      if ('value' in v) walk(v.value);
      else if ('data' in v) walk(v.data);
    }
  };
  for (const s of option.series ?? []) walk(s.data);
  return out;
}

for (const lang of ['en', 'zh'] as const) {
  describe(`report.html numbers equal results.json (${lang})`, () => {
    let html = '';
    let results: any;
    beforeAll(async () => {
      const dir = join(mkdtempSync(join(tmpdir(), 'xinzhi-html-')), 'b');
      const r = await runCli(['evaluate', 'examples/pwt.yaml', '--out', dir, '--lang', lang, '--quiet']);
      if (r.code !== 0) throw new Error(r.stderr);
      html = readFileSync(join(dir, 'report.html'), 'utf8');
      results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
    }, 60_000);

    test('sentence numbers', () => {
      const spans = [...html.matchAll(/<span class="num" data-path="([^"]+)" data-v="([^"]+)" data-k="([^"]+)" data-d="(\d+)">([^<]*)<\/span>/g)];
      expect(spans.length).toBeGreaterThan(5);
      for (const [, path, v, kind, d, shown] of spans) {
        const value = at(results, unescapeHtml(path));
        expect(value, path).toBe(Number(v));
        const digits = Number(d);
        const expected =
          kind === 'p' ? fmtP(value as number) : kind === 'percent' ? fmtPercent(value as number, Math.max(0, digits - 2)) : kind === 'integer' ? String(value) : fmtNum(value as number, digits);
        expect(unescapeHtml(shown), path).toBe(expected);
      }
    });

    test('table cells', () => {
      const digits = results.spec.output?.digits ?? 4;
      const tables = [...html.matchAll(/<table class="three-line" data-t="(\d+)" data-id="([^"]+)">([\s\S]*?)<\/table>/g)];
      expect(tables.length).toBeGreaterThan(2);
      let cells = 0;
      for (const [, k, id, body] of tables) {
        const t = results.tables[Number(k)];
        expect(t.id).toBe(id);
        for (const [, r, row] of body.matchAll(/<tr data-r="(\d+)">([\s\S]*?)<\/tr>/g)) {
          for (const [, c, shown] of row.matchAll(/<td class="[tn]" data-c="([^"]+)">([^<]*)<\/td>/g)) {
            const column = t.columns.find((x: any) => x.key === unescapeHtml(c));
            expect(unescapeHtml(shown), `${id}[${r}].${c}`).toBe(fmtCell(t.rows[Number(r)][column.key], column, digits));
            cells++;
          }
        }
      }
      expect(cells).toBeGreaterThan(50);
    });

    test('chart data', () => {
      const charts = scriptJson(html, 'xinzhi-charts') as { id: string; option: any }[];
      const refs = scriptJson(html, 'xinzhi-refs') as { id: string; refs: [string, number][] }[];
      expect(charts.length).toBeGreaterThan(3);
      expect(refs.map((r) => r.id)).toEqual(charts.map((c) => c.id));
      charts.forEach((c, k) => {
        const allowed = new Set<number>();
        for (const [path, v] of refs[k].refs) {
          expect(at(results, path), `${c.id}: ${path}`).toBe(v);
          allowed.add(v);
        }
        const drawn = seriesNumbers(c.option);
        expect(drawn.length, c.id).toBeGreaterThan(0);
        for (const v of drawn) expect(allowed.has(v), `${c.id} draws ${v}, which is not among its references`).toBe(true);
      });
    });
  });
}
