// report.html: one self-contained, offline page (no network): Apache ECharts inlined, chart options and map
// geometry embedded as JSON, summary sentences generated from the numbers, tables, and the method cards.
//
// Traceability: every number on the page is read from the results object through a Reader (refs.ts). Sentence
// numbers are <span class="num" data-path data-v>, table cells carry their table/row/column, and each chart's
// (path, value) pairs are embedded in #xinzhi-refs, so a test can check the page against results.json.
// Print: SVG renderer, no animation, charts sized in CSS, page breaks before sections; colour-blind-safe palettes
// (Okabe & Ito 2008 for categories, viridis for sequential scales).

import type { EvaluationResults, Table } from '../core/evaluation/results.js';
import type { Lang } from '../core/evaluation/spec.js';
import type { MethodCard } from '../core/result.js';
import { fmtCell, pick } from './format.js';
import { Reader } from './refs.js';
import { sectionViews, type ChartSpec } from './views.js';
import { T } from './text.js';
import { displayMap } from './geo-display.js';
import { formulaHtml } from './formula.js';

export interface HtmlOptions {
  /** The text of echarts.min.js (the CLI reads node_modules/echarts/dist/echarts.min.js). */
  echarts: string;
  /** GeoJSON FeatureCollections by map name ('world', 'china'), where geometry is available. */
  maps?: Record<string, unknown>;
  /** Rows shown per table in the page (the full tables are in results.xlsx / tables/*.csv). */
  maxRows?: number;
}

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** JSON safe inside <script>: no "</" and no U+2028/2029 surprises. */
export function scriptJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function tableHtml(results: EvaluationResults, t: Table, lang: Lang, digits: number, maxRows: number): string {
  const k = results.tables.indexOf(t);
  const rows = t.rows.slice(0, maxRows);
  const head = t.columns.map((c) => `<th class="${c.kind === 'text' ? 't' : 'n'}">${esc(pick(c.label, lang))}</th>`).join('');
  const body = rows
    .map((r, i) => {
      const cells = t.columns
        .map((c) => {
          const v = r[c.key];
          const cls = c.kind === 'text' ? 't' : 'n';
          return `<td class="${cls}" data-c="${esc(c.key)}">${esc(fmtCell(v, c, digits))}</td>`;
        })
        .join('');
      return `<tr data-r="${i}">${cells}</tr>`;
    })
    .join('\n');
  const more = t.rows.length > rows.length ? `<p class="more">${esc(T.moreRows[lang](t.rows.length - rows.length, t.id))}</p>` : '';
  const note = t.note ? `<p class="note">${esc(T.note[lang])}${esc(pick(t.note, lang))}</p>` : '';
  return `<figure class="table" id="table-${esc(t.id)}"><figcaption>${esc(pick(t.title, lang))}</figcaption>
<table class="three-line" data-t="${k}" data-id="${esc(t.id)}"><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table>${more}${note}</figure>`;
}

function cardHtml(card: MethodCard, lang: Lang): string {
  const conv = Object.entries(card.conventions ?? {})
    .filter(([, v]) => v !== undefined) // as in results.json, where JSON drops undefined
    .map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(typeof v === 'string' ? v : JSON.stringify(v))}</td></tr>`)
    .join('');
  const formulas = (card.formulas ?? []).map((f) => `<p class="formula" title="${esc(f)}">${formulaHtml(f)}</p>`).join('');
  const cites = (card.citations ?? []).map((c) => `<li>${esc(c.text)}${c.doi ? ` doi:${esc(c.doi)}` : ''}</li>`).join('');
  const data = (card.data ?? []).map((d) => `<li>${esc(d.source)}${d.attribution ? ` — ${esc(d.attribution)}` : ''}</li>`).join('');
  const statuses = card.statusCounts ? `<p class="status">${esc(T.statuses[lang])}${esc(Object.entries(card.statusCounts).map(([k, v]) => `${k} ${v}`).join(', '))}</p>` : '';
  return `<details class="card"><summary>${esc(T.methodCard[lang])}: ${esc(card.title?.[lang] ?? card.title?.en ?? card.method)} <code>${esc(card.method)}</code> · xinzhi ${esc(card.software?.version ?? '')}</summary>
${formulas}${conv ? `<table class="conv">${conv}</table>` : ''}${statuses}${cites ? `<ol class="cites">${cites}</ol>` : ''}${data ? `<ul class="data">${data}</ul>` : ''}</details>`;
}

const CSS = `
:root{--ink:#1a1a1a;--muted:#555;--rule:#1a1a1a;--bg:#fff;--accent:#0072B2}
*{box-sizing:border-box}
body{margin:0;font:15px/1.55 "Noto Sans","Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;color:var(--ink);background:var(--bg)}
header,main,footer{max-width:1100px;margin:0 auto;padding:0 20px}
header{padding-top:28px;border-bottom:2px solid var(--rule)}
h1{font-size:26px;margin:0 0 6px}h2{font-size:21px;margin:34px 0 10px;border-bottom:1px solid #bbb;padding-bottom:4px}
h3{font-size:16px;margin:22px 0 6px}
.meta{color:var(--muted);margin:4px 0 14px}
nav ol{columns:2;margin:10px 0 18px;padding-left:20px}nav a{color:var(--accent);text-decoration:none}
.summary li{margin:4px 0}
.num{font-variant-numeric:tabular-nums;font-weight:600}
.chart{width:100%;height:420px;margin:8px 0 4px;break-inside:avoid}
.chart.tall{height:560px}.chart.short{height:320px}
.chart-title{font-weight:600;margin:18px 0 0}
.chart-note{color:var(--muted);font-size:13px;margin:0 0 12px}
figure.table{margin:16px 0;overflow-x:auto}figcaption{font-weight:600;text-align:center;margin-bottom:4px}
table.three-line{border-collapse:collapse;margin:0 auto;font-size:13.5px;font-variant-numeric:tabular-nums}
table.three-line thead tr{border-top:2px solid var(--rule);border-bottom:1px solid var(--rule)}
table.three-line tbody tr:last-child{border-bottom:2px solid var(--rule)}
table.three-line th,table.three-line td{padding:3px 10px}
th.n,td.n{text-align:right}th.t,td.t{text-align:left}
.note,.more{font-size:12.5px;color:var(--muted);margin:4px 0}
details.card{border:1px solid #ccc;border-radius:4px;padding:6px 12px;margin:10px 0;background:#fafafa}
details.card summary{cursor:pointer;font-weight:600}
p.formula{background:#fff;border-left:3px solid var(--accent);padding:6px 10px;margin:6px 0;font:15px/1.7 "Cambria Math","STIX Two Math","Latin Modern Math","Times New Roman",serif}
table.conv{font-size:12.5px;border-collapse:collapse}table.conv th{text-align:left;padding:2px 10px 2px 0;color:var(--muted);font-weight:normal;vertical-align:top}
.warn{color:#8a4b00}
footer{color:var(--muted);font-size:12.5px;border-top:1px solid #bbb;margin-top:40px;padding:12px 20px 30px}
@media print{body{font-size:11pt}nav{display:none}section{break-before:page}section#summary{break-before:auto}details.card{break-inside:avoid}details.card>*{display:block}.chart{height:360px}}
`;

const INIT = `
(function(){
  // Number formats cannot travel as JSON functions: {"$fmt": "fixed", "digits": d, "index": i} becomes a
  // function that shows the value (or value[i]) with d decimals.
  function fixed(v, d) { return (typeof v === 'number' && isFinite(v)) ? v.toFixed(d) : (v == null ? '—' : String(v)); }
  function revive(o) {
    if (Array.isArray(o)) return o.map(revive);
    if (o && typeof o === 'object') {
      if (o.$fmt === 'fixed') {
        var d = o.digits, i = o.index;
        return function (p) {
          var v = (p && typeof p === 'object' && 'value' in p) ? p.value : p;
          if (i !== undefined && Array.isArray(v)) v = v[i];
          return fixed(v, d);
        };
      }
      var out = {};
      Object.keys(o).forEach(function (k) { out[k] = revive(o[k]); });
      return out;
    }
    return o;
  }
  var charts = revive(JSON.parse(document.getElementById('xinzhi-charts').textContent));
  var maps = JSON.parse(document.getElementById('xinzhi-maps').textContent);
  Object.keys(maps).forEach(function(name){ echarts.registerMap(name, maps[name]); });
  var inst = [];
  charts.forEach(function(c){
    var el = document.getElementById(c.id);
    if (!el) return;
    var ch = echarts.init(el, null, {renderer: 'svg'});
    ch.setOption(c.option);
    inst.push(ch);
  });
  window.addEventListener('resize', function(){ inst.forEach(function(ch){ ch.resize(); }); });
  window.addEventListener('beforeprint', function(){ document.querySelectorAll('details').forEach(function(d){ d.open = true; }); inst.forEach(function(ch){ ch.resize(); }); });
  window.__xinzhiCharts = inst.length;
})();
`;

export interface HtmlReport {
  html: string;
  charts: ChartSpec[];
}

export function reportHtml(results: EvaluationResults, opts: HtmlOptions): HtmlReport {
  const lang = results.language;
  const digits = results.spec.output?.digits ?? 4;
  const maxRows = opts.maxRows ?? 25;
  const reader = new Reader(results);
  const views = sectionViews(reader, results, { maps: Object.keys(opts.maps ?? {}) });
  const charts = views.flatMap((v) => v.charts);
  const usedMaps: Record<string, unknown> = {};
  for (const c of charts) if (c.map && opts.maps?.[c.map]) usedMaps[c.map] = displayMap(opts.maps[c.map]);

  const title = pick(results.title, lang);
  const nav = views.map((v) => `<li><a href="#${esc(v.id)}">${esc(v.title)}</a></li>`).join('');
  const summary = views.flatMap((v) => v.sentences.slice(0, 2));
  const sectionHtml = views
    .map((v) => {
      const parts: string[] = [`<section id="${esc(v.id)}"><h2>${esc(v.title)}</h2>`];
      if (v.sentences.length) parts.push(`<ul class="summary">${v.sentences.map((s) => `<li>${s}</li>`).join('')}</ul>`);
      for (const c of v.charts) {
        parts.push(`<p class="chart-title">${esc(c.title)}</p><div class="chart${c.size ? ` ${c.size}` : ''}" id="${esc(c.id)}" role="img" aria-label="${esc(c.title)}"></div>`);
        if (c.note) parts.push(`<p class="chart-note">${esc(c.note)}</p>`);
      }
      for (const id of v.tables) {
        const t = results.tables.find((x) => x.id === id);
        if (t) parts.push(tableHtml(results, t, lang, digits, maxRows));
      }
      for (const card of v.cards) parts.push(cardHtml(card, lang));
      parts.push('</section>');
      return parts.join('\n');
    })
    .join('\n');
  // Repeated warnings of one kind (one per period, say) are shown twice and counted; results.json has them all.
  const byCode = new Map<string, typeof results.warnings>();
  for (const w of results.warnings) {
    if (!byCode.has(w.code)) byCode.set(w.code, []);
    byCode.get(w.code)!.push(w);
  }
  const warnItems = [...byCode.values()].flatMap((ws) => {
    const shown = ws.slice(0, 2).map((w) => `<li class="warn">${esc(lang === 'zh' && w.messageZh ? w.messageZh : w.message)}</li>`);
    if (ws.length > 2) shown.push(`<li class="warn">${esc(T.moreWarnings[lang](ws.length - 2))}</li>`);
    return shown;
  });
  const warnings = warnItems.length ? `<section id="warnings"><h2>${esc(T.warnings[lang])}</h2><ul>${warnItems.join('')}</ul></section>` : '';
  const sample = `${results.data.ids.length} ${T.units[lang]} · ${results.data.periods[0]}–${results.data.periods[results.data.periods.length - 1]}`;
  const refs = charts.map((c) => ({ id: c.id, refs: c.refs }));
  const html = `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="xinzhi ${esc(results.software.version)}">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${esc(title)}</h1>
<p class="meta">${esc(T.dataLabel[lang])}: ${esc(results.data.source === 'pwt' ? 'Penn World Table 9.1' : results.data.source)} · ${esc(sample)} · xinzhi ${esc(results.software.version)}</p>
<nav><ol>${nav}</ol></nav>
</header>
<main>
<section id="summary"><h2>${esc(T.summary[lang])}</h2>
<ul class="summary">${summary.map((s) => `<li>${s}</li>`).join('')}</ul>
</section>
${sectionHtml}
${warnings}
</main>
<footer>${esc(T.footer[lang])}</footer>
<script type="application/json" id="xinzhi-charts">${scriptJson(charts.map((c) => ({ id: c.id, option: c.option })))}</script>
<script type="application/json" id="xinzhi-refs">${scriptJson(refs)}</script>
<script type="application/json" id="xinzhi-maps">${scriptJson(usedMaps)}</script>
<script>${opts.echarts}</script>
<script>${INIT}</script>
</body>
</html>
`;
  return { html, charts };
}
