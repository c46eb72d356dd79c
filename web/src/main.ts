// The xinzhi workbench page: data → roles and checks → model → run (in a Web Worker) → dashboards → export.
// Plain TypeScript and the DOM (no UI framework): each tab is re-rendered from `state` when it changes.
// Charts are the report's own ECharts options (src/report/views.ts), so the dashboards show the same figures
// as report.html; every number comes from the results object the worker returns.

import * as echarts from 'echarts';
import { parseDocument } from 'yaml';
import { zipSync, strToU8 } from 'fflate';
import { t, METHOD_NOTES, type Lang, type Key } from './i18n.js';
import { h, type Attrs } from './form-kit.js';
import { buildSpec, customFrameworkYaml, customIndicatorCount, specYaml, CUSTOM_FRAMEWORK_FILE, type Choices, type Role } from './spec-build.js';
import type { Check, TableSummary } from './worker.js';
import { prepareControls, formEnv } from './prepare-form.js';
import { tfpFieldset } from './tfp-form.js';
import { frameworkEditor, frameworkTools, weightsExtras, WEIGHT_OPTIONS, type EditorEnv } from './framework-editor.js';
import type { EvaluationResults, Table } from '../../src/core/evaluation/results.js';
import { sectionViews, type ChartSpec } from '../../src/report/views.js';
import { Reader } from '../../src/report/refs.js';
import { fmtCell, pick } from '../../src/report/format.js';
import { tableToCsv } from '../../src/report/csv.js';
import { displayMap } from '../../src/report/geo-display.js';
import { baseMapName } from '../../src/report/base-map.js';
import pwtSpecText from '../../examples/pwt.yaml?raw';
import worldRegionsCsv from '../../data/world-regions.csv?raw';

// ---------------------------------------------------------------- state

interface State {
  lang: Lang;
  tab: 'data' | 'model' | 'results' | 'workspace';
  file?: { name: string; bytes: Uint8Array };
  isPwt: boolean;
  table?: TableSummary;
  loadError?: Check;
  checks: Check[];
  choices: Choices;
  /** The spec as YAML: generated from the choices, or imported / the demo's (then `specLocked`). */
  specText: string;
  specLocked: boolean;
  groupsFile?: { name: string; text: string };
  running: boolean;
  progress?: { index: number; total: number; label: { en: string; zh: string } };
  runError?: Check & { issues?: { line: number; column: number; path: string; message: string; hint: string }[] };
  results?: EvaluationResults;
  runSpecText?: string;
  runMs?: number;
  status?: string;
  server: boolean;
  workspace?: { datasets: { id: string; name: string; size: number; created: string }[]; specs: { id: string; name: string; updated: string }[]; runs: { id: string; name: string; created: string; files: { path: string }[] }[] };
}

const initialLang: Lang = (localStorage.getItem('xinzhi.lang') as Lang) || (navigator.language.startsWith('zh') ? 'zh' : 'en');

const state: State = {
  lang: initialLang,
  tab: 'data',
  isPwt: false,
  checks: [],
  choices: {
    dataFile: '',
    lang: initialLang,
    roles: {},
    directions: {},
    dimensions: {},
    framework: 'custom',
    normalize: 'minmax',
    weights: 'entropy',
    aggregate: 'weighted',
    analyses: { disparity: 'dagum', kde: true },
    weightsSource: 'knn:4',
  },
  specText: '',
  specLocked: false,
  running: false,
  server: false,
};

const L = (k: Key) => t(state.lang, k);

// ---------------------------------------------------------------- worker

type Pending = { resolve: (v: any) => void; reject: (e: any) => void; onProgress?: (p: any) => void };
let worker: Worker;
let nextId = 1;
const pending = new Map<number, Pending>();

function startWorker(): void {
  worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (ev: MessageEvent) => {
    const m = ev.data;
    const p = pending.get(m.id);
    if (!p) return;
    if (m.progress) return p.onProgress?.(m.progress);
    pending.delete(m.id);
    if (m.ok) p.resolve(m);
    else p.reject(m.error);
  };
}

function call(msg: Record<string, unknown>, transfer: Transferable[] = [], onProgress?: (p: any) => void): Promise<any> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, onProgress });
    worker.postMessage({ ...msg, id }, transfer);
  });
}

/** Cancel: stop the worker mid-computation and start a fresh one holding the same data. */
async function cancelRun(): Promise<void> {
  worker.terminate();
  for (const [, p] of pending) p.reject({ level: 'error', code: 'cancelled', message: L('cancelled') });
  pending.clear();
  startWorker();
  await reloadData();
}

async function reloadData(): Promise<void> {
  if (state.isPwt) {
    const gz = await (await fetch('pkg/pwt91.csv.gz')).arrayBuffer();
    await call({ type: 'pwt', gz }, [gz]);
  } else if (state.file) {
    const bytes = state.file.bytes.slice().buffer;
    await call({ type: 'load', name: state.file.name, bytes, sheet: state.choices.sheet }, [bytes]);
  }
}

// ---------------------------------------------------------------- DOM helpers


function select(value: string, options: [string, string][], onChange: (v: string) => void, attrs: Attrs = {}): HTMLSelectElement {
  const s = h('select', { ...attrs, onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value) }, ...options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
  s.value = value;
  return s;
}

function download(name: string, bytes: Uint8Array | string, type = 'application/octet-stream'): void {
  const blob = new Blob([typeof bytes === 'string' ? bytes : (bytes as BlobPart)], { type });
  const a = h('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

function checkLine(c: Check): HTMLElement {
  const msg = state.lang === 'zh' && c.messageZh ? c.messageZh : c.message;
  const where = [c.row !== undefined ? `${L('row')} ${c.row}` : '', c.column ? `“${c.column}”` : ''].filter(Boolean).join(', ');
  return h('li', { class: `check ${c.level}` }, h('span', { class: 'badge' }, c.level === 'error' ? '✕' : c.level === 'warning' ? '!' : 'i'), where ? h('span', { class: 'where' }, where) : null, ' ', msg, c.hint ? h('div', { class: 'hint' }, '→ ', c.hint) : null);
}

// ---------------------------------------------------------------- data

const ROLE_KEYS: Role[] = ['ignore', 'id', 'period', 'name', 'group', 'indicator', 'input', 'output', 'undesirable'];

function guessRoles(tb: TableSummary): void {
  const roles: Record<string, Role> = {};
  const lower = (s: string) => s.toLowerCase();
  let id: string | undefined;
  let period: string | undefined;
  for (const c of tb.columns) {
    const n = lower(c.name);
    if (!period && (/^(year|period|年份|年度|年|时间|time)$/.test(n))) period = c.name;
    else if (!id && /^(id|province|省份|省|地区|region_id|city|城市|country|isocode|code|iso3)$/.test(n)) id = c.name;
  }
  for (const c of tb.columns) {
    if (c.name === id) roles[c.name] = 'id';
    else if (c.name === period) roles[c.name] = 'period';
    else if (c.type === 'numeric') roles[c.name] = 'indicator';
    else if (c.type === 'text' && c.distinct <= Math.max(12, tb.rows / 20)) roles[c.name] = 'group';
    else roles[c.name] = 'ignore';
  }
  // one group column at most
  const groups = Object.keys(roles).filter((k) => roles[k] === 'group');
  for (const g of groups.slice(1)) roles[g] = 'ignore';
  state.choices.roles = roles;
  state.choices.directions = {};
  state.choices.dimensions = {};
}

async function loadFile(f: File): Promise<void> {
  const bytes = new Uint8Array(await f.arrayBuffer());
  await loadBytes(f.name, bytes);
}

async function loadBytes(name: string, bytes: Uint8Array, sheet?: string): Promise<void> {
  state.file = { name, bytes };
  state.isPwt = false;
  state.loadError = undefined;
  state.results = undefined;
  state.specLocked = false;
  state.groupsFile = undefined;
  state.choices.dataFile = name;
  state.choices.sheet = sheet;
  state.status = '…';
  render();
  try {
    const copy = bytes.slice().buffer;
    const r = await call({ type: 'load', name, bytes: copy, sheet }, [copy]);
    state.table = r.table;
    if (r.table.sheets && r.table.sheets.length > 1) state.choices.sheet = r.table.sheet;
    guessRoles(r.table);
    if (state.choices.framework === 'pwt') state.choices.framework = 'custom';
    await runChecks();
  } catch (e) {
    state.table = undefined;
    state.loadError = e as Check;
  }
  state.status = undefined;
  regenerateSpec();
  render();
}

async function runChecks(): Promise<void> {
  const c = state.choices;
  const id = Object.keys(c.roles).find((k) => c.roles[k] === 'id');
  if (!state.table || !id) {
    state.checks = [];
    return;
  }
  const period = Object.keys(c.roles).find((k) => c.roles[k] === 'period');
  const labels = Object.keys(c.roles).filter((k) => c.roles[k] === 'group' || c.roles[k] === 'name');
  const variables = Object.keys(c.roles).filter((k) => ['indicator', 'input', 'output', 'undesirable'].includes(c.roles[k]));
  try {
    const r = await call({ type: 'check', roles: { id, period, labels, variables } });
    state.checks = r.checks;
  } catch (e) {
    state.checks = [e as Check];
  }
}

function regenerateSpec(): void {
  if (state.specLocked) return;
  state.choices.lang = state.lang;
  if (!state.table && !state.isPwt) {
    state.specText = '';
    return;
  }
  state.specText = specYaml(buildSpec(state.choices));
}

function renderData(): HTMLElement {
  const root = h('section', { class: 'panel', 'aria-labelledby': 'tab-data' });
  const input = h('input', { type: 'file', id: 'file-input', accept: '.csv,.tsv,.txt,.xlsx,.xlsm,.dta,.json', class: 'visually-hidden', onchange: (e: Event) => { const f = (e.target as HTMLInputElement).files?.[0]; if (f) void loadFile(f); } });
  const drop = h('label', { class: 'drop', for: 'file-input', tabindex: '0', role: 'button', onkeydown: (e: KeyboardEvent) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); input.click(); } } }, L('drop'));
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); const f = e.dataTransfer?.files?.[0]; if (f) void loadFile(f); });
  root.append(input, drop);
  if (state.loadError) root.append(h('ul', { class: 'checks' }, checkLine(state.loadError)));
  const tb = state.table;
  if (!tb) return root;
  root.append(h('p', { class: 'meta', id: 'table-meta' }, `${tb.name}: ${tb.rows.toLocaleString()} ${L('rows')} × ${tb.header.length} ${L('columns')}`, tb.encoding ? ` · ${L('encoding')} ${tb.encoding}` : '', ` · ${L('loadTime')} ${Math.round(tb.ms)} ms`));
  if (tb.sheets && tb.sheets.length > 1 && state.file) {
    root.append(h('label', { class: 'inline' }, `${L('sheet')} `, select(tb.sheet ?? tb.sheets[0], tb.sheets.map((s) => [s, s]), (v) => void loadBytes(state.file!.name, state.file!.bytes, v), { id: 'sheet-select' })));
  }
  for (const w of tb.warnings) root.append(h('ul', { class: 'checks' }, checkLine(w)));

  // Roles
  const c = state.choices;
  const rolesTable = h('table', { class: 'roles', id: 'roles' }, h('thead', {}, h('tr', {}, h('th', {}, L('column')), h('th', {}, L('type')), h('th', {}, L('missing')), h('th', {}, L('role')), h('th', {}, L('direction')), h('th', {}, L('dimension')))));
  const body = h('tbody');
  for (const col of tb.columns) {
    const role = c.roles[col.name] ?? 'ignore';
    const isInd = role === 'indicator';
    body.append(
      h('tr', {},
        h('th', { scope: 'row' }, col.name),
        h('td', {}, col.type),
        h('td', { class: 'n' }, String(col.missing)),
        h('td', {}, select(role, ROLE_KEYS.map((r) => [r, L(`r_${r}` as Key)]), (v) => {
          if (v === 'id' || v === 'period' || v === 'name' || v === 'group') for (const k of Object.keys(c.roles)) if (c.roles[k] === v) c.roles[k] = 'ignore';
          c.roles[col.name] = v as Role;
          void runChecks().then(() => { regenerateSpec(); render(); });
        }, { 'aria-label': `${L('role')}: ${col.name}`, 'data-col': col.name, class: 'role-select' })),
        h('td', {}, isInd ? select(c.directions[col.name] ?? '+', [['+', '+'], ['-', '−']], (v) => { c.directions[col.name] = v as '+' | '-'; regenerateSpec(); render(); }, { 'aria-label': `${L('direction')}: ${col.name}`, 'data-col': col.name, class: 'dir-select' }) : ''),
        h('td', {}, isInd ? h('input', { type: 'text', value: c.dimensions[col.name] ?? '', placeholder: state.lang === 'zh' ? '综合' : 'Overall', 'aria-label': `${L('dimension')}: ${col.name}`, size: 10, onchange: (e: Event) => { c.dimensions[col.name] = (e.target as HTMLInputElement).value; regenerateSpec(); } }) : ''),
      ),
    );
  }
  rolesTable.append(body);
  root.append(h('h2', {}, L('roles')), h('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': L('roles') }, rolesTable));

  // Checks
  root.append(h('h2', {}, L('checks')));
  root.append(state.checks.length ? h('ul', { class: 'checks', id: 'checks' }, ...state.checks.slice(0, 60).map(checkLine)) : h('p', { class: 'ok', id: 'checks' }, Object.values(c.roles).includes('id') ? L('checksOk') : L('needRoles')));

  // Preview
  root.append(h('h2', {}, L('preview')));
  const grid = h('table', { class: 'grid', id: 'preview' }, h('thead', {}, h('tr', {}, h('th', {}, '#'), ...tb.header.map((x) => h('th', {}, x)))));
  const gb = h('tbody');
  tb.preview.forEach((r, k) => gb.append(h('tr', {}, h('td', { class: 'rn' }, String(tb.previewRows[k])), ...r.map((v) => h('td', { class: typeof v === 'number' ? 'n' : '' }, v === null ? '' : String(v))))));
  grid.append(gb);
  root.append(h('div', { class: 'scroll grid-wrap', tabindex: '0', role: 'region', 'aria-label': L('preview') }, grid));
  return root;
}

// ---------------------------------------------------------------- model

function note(key: string): HTMLElement {
  const n = METHOD_NOTES[key];
  return h('p', { class: 'note' }, n ? n[state.lang] : '');
}

function renderModel(): HTMLElement {
  const c = state.choices;
  const root = h('section', { class: 'panel' });
  if (!state.table && !state.isPwt) {
    root.append(h('p', {}, L('needData')));
    return root;
  }
  const change = () => { state.specLocked = false; regenerateSpec(); render(); };
  const fw = h('fieldset', {}, h('legend', {}, L('framework')),
    select(c.framework, (['custom', 'nqpf', 'hqd', 'pwt', 'none'] as const).map((f) => [f, L(`fw_${f}` as Key)]), (v) => { c.framework = v as Choices['framework']; change(); }, { id: 'framework', 'aria-label': L('framework') }));
  const fe: EditorEnv = { lang: state.lang, choices: c, columns: state.table?.header ?? [], change, download: (n, text, type) => download(n, text, type) };
  fw.append(frameworkTools(fe));
  const idx = h('fieldset', {}, h('legend', {}, `${L('normalize')} · ${L('weights')} · ${L('aggregate')}`),
    h('label', {}, L('normalize'), ' ', select(c.normalize, [['minmax', 'min–max'], ['zscore', 'z-score'], ['vector', 'vector']], (v) => { c.normalize = v as Choices['normalize']; change(); }, { id: 'normalize' })), note(c.normalize),
    h('label', {}, L('weights'), ' ', select(c.weights, WEIGHT_OPTIONS.map(([v, zh, en]) => [v, state.lang === 'zh' ? zh : en]), (v) => { c.weights = v as Choices['weights']; change(); }, { id: 'weights' })), note(c.weights), weightsExtras(fe),
    h('label', {}, L('aggregate'), ' ', select(c.aggregate, [['weighted', state.lang === 'zh' ? '线性加权' : 'weighted sum'], ['topsis', 'TOPSIS'], ['gra', state.lang === 'zh' ? '灰色关联' : 'grey relational'], ['vikor', 'VIKOR'], ['rsr', state.lang === 'zh' ? '秩和比' : 'rank-sum ratio']], (v) => { c.aggregate = v as Choices['aggregate']; change(); }, { id: 'aggregate' })), note(c.aggregate),
  );
  const box = (key: keyof Choices['analyses'], label: Key, noteKey: string, extra?: HTMLElement) =>
    h('div', { class: 'analysis' },
      h('label', {}, h('input', { type: 'checkbox', id: `a-${key}`, checked: Boolean(c.analyses[key]), onchange: (e: Event) => { const on = (e.target as HTMLInputElement).checked; (c.analyses as any)[key] = key === 'disparity' ? (on ? 'dagum' : false) : on; change(); } }), ' ', L(label)),
      extra ?? null, note(noteKey));
  const grouping = c.analyses.disparity ? select(c.grouping ?? 'column', [['column', L('g_column')], ['nbs4', L('g_nbs4')], ['three', L('g_three')], ['belts', L('g_belts')]], (v) => { c.grouping = v as Choices['grouping']; change(); }, { id: 'grouping', 'aria-label': L('grouping') }) : undefined;
  const disparityMethod = c.analyses.disparity ? select(c.analyses.disparity, [['dagum', 'Dagum'], ['theil', 'Theil'], ['gini', 'Gini']], (v) => { c.analyses.disparity = v as 'dagum'; change(); }, { id: 'disparity-method', 'aria-label': L('method') }) : undefined;
  const ws = (c.analyses.moran || c.analyses.lisa || c.analyses.spatialMarkov) ? h('label', {}, ` ${L('weightsSource')} `, select(c.weightsSource, [['knn:4', 'k-NN (k=4)'], ['knn:6', 'k-NN (k=6)'], ['queen', 'queen'], ['rook', 'rook'], ['distance', 'distance']], (v) => { c.weightsSource = v; change(); })) : undefined;
  const env = formEnv(c, state.lang, state.table, change);
  const prep = h('fieldset', {}, h('legend', {}, L('prepare')),
    h('label', {}, h('input', { type: 'checkbox', id: 'interpolate', checked: Boolean(c.interpolate), onchange: (e: Event) => { c.interpolate = (e.target as HTMLInputElement).checked; change(); } }), ' ', L('interpolate')),
    h('p', { class: 'note' }, L('interpolateNote')),
    h('label', { for: 'derived' }, L('derived')),
    h('textarea', { id: 'derived', rows: 3, spellcheck: false, placeholder: 'rd_gdp = rd / gdp\n-energy_gdp = energy / gdp', onchange: (e: Event) => { c.derived = (e.target as HTMLTextAreaElement).value; change(); } }, c.derived ?? ''),
    h('p', { class: 'note' }, L('derivedNote')),
    prepareControls(env));
  const an = h('fieldset', {}, h('legend', {}, L('analyses')),
    box('disparity', 'a_disparity', c.analyses.disparity || 'dagum', disparityMethod ? h('span', {}, ' ', disparityMethod, ' ', grouping ?? '') : undefined),
    box('kde', 'a_kde', 'kde'),
    box('convergence', 'a_convergence', 'convergence'),
    box('markov', 'a_markov', 'markov'),
    box('spatialMarkov', 'a_spatialMarkov', 'spatialMarkov'),
    box('moran', 'a_moran', 'moran', ws),
    box('lisa', 'a_lisa', 'lisa'),
    box('obstacle', 'a_obstacle', 'obstacle'),
    box('coupling', 'a_coupling', 'coupling'),
    box('forecast', 'a_forecast', 'forecast'),
  );
  const ta = h('textarea', { id: 'spec-yaml', rows: 18, spellcheck: false, 'aria-label': L('spec'), oninput: (e: Event) => { state.specText = (e.target as HTMLTextAreaElement).value; state.specLocked = true; } }, state.specText);
  const imp = h('input', { type: 'file', accept: '.yaml,.yml', class: 'visually-hidden', id: 'spec-import', onchange: async (e: Event) => { const f = (e.target as HTMLInputElement).files?.[0]; if (f) { state.specText = await f.text(); state.specLocked = true; render(); } } });
  root.append(h('div', { class: 'cols' }, h('div', {}, prep, fw, idx, tfpFieldset(env), an), h('div', {}, h('h2', {}, L('spec')), ta, h('p', {}, imp, h('label', { for: 'spec-import', class: 'button', tabindex: '0', role: 'button' }, L('importSpec')), ' ', h('button', { type: 'button', id: 'run-2', onclick: () => { state.tab = 'results'; void doRun(); } }, L('run'))))));
  if (c.framework === 'custom') root.append(frameworkEditor(fe));
  return root;
}

// ---------------------------------------------------------------- run

async function doRun(): Promise<void> {
  if (state.running) return;
  const c = state.choices;
  if (!state.specLocked && c.framework === 'custom' && customIndicatorCount(c) < 2) {
    state.runError = { level: 'error', code: 'need-indicators', message: L('needIndicators') };
    render();
    return;
  }
  state.running = true;
  state.runError = undefined;
  state.progress = undefined;
  render();
  const t0 = performance.now();
  try {
    const fwText = customFrameworkYaml(c);
    const r = await call({ type: 'run', yaml: state.specText, framework: fwText ? { text: fwText, file: CUSTOM_FRAMEWORK_FILE } : undefined, groups: state.groupsFile }, [], (p) => { state.progress = p; renderProgress(); });
    state.results = r.results;
    state.runSpecText = state.specText;
    state.runMs = performance.now() - t0;
    const w = window as any;
    w.__xinzhi = { runMs: state.runMs, workerMs: r.ms, panelMs: r.panelMs, runs: (w.__xinzhi?.runs ?? 0) + 1, echarts };
  } catch (e) {
    state.runError = e as State['runError'];
  }
  state.running = false;
  render();
}

function renderProgress(): void {
  const el = document.getElementById('progress');
  if (!el || !state.progress) return;
  const p = state.progress;
  (el.querySelector('progress') as HTMLProgressElement).value = p.index / p.total;
  (el.querySelector('.step') as HTMLElement).textContent = `${p.index + 1}/${p.total} ${state.lang === 'zh' ? p.label.zh : p.label.en}`;
}

// ---------------------------------------------------------------- results

let charts: echarts.ECharts[] = [];
const mapsRegistered = new Map<string, Promise<boolean>>();
const mapJson = new Map<string, Promise<unknown>>();

/** The bundled base map (world, china) as served by `xinzhi serve`, or undefined. */
function fetchMap(name: string): Promise<unknown> {
  if (!mapJson.has(name)) mapJson.set(name, fetch(`pkg/${name}.json`).then((r) => (r.ok ? r.json() : undefined)).catch(() => undefined));
  return mapJson.get(name)!;
}

function ensureMap(name: string): Promise<boolean> {
  if (!mapsRegistered.has(name)) {
    mapsRegistered.set(name, fetchMap(name).then((fc) => {
      if (!fc) return false;
      echarts.registerMap(name, displayMap(fc) as any);
      return true;
    }));
  }
  return mapsRegistered.get(name)!;
}

/** The bundled base map a run's report draws ('world' | 'china'), if any. */
function bundledMap(res: EvaluationResults): string | undefined {
  const m = baseMapName(res.spec, res.data);
  return m === 'world' || m === 'china' ? m : undefined;
}

function tableView(tb: Table, digits: number): HTMLElement {
  const lang = state.lang;
  const rows = tb.rows.slice(0, 50);
  const tbl = h('table', { class: 'grid result-table', 'data-table': tb.id },
    h('thead', {}, h('tr', {}, ...tb.columns.map((c) => h('th', {}, pick(c.label, lang))))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...tb.columns.map((c) => h('td', { class: c.kind === 'text' ? '' : 'n' }, fmtCell(r[c.key], c, digits)))))));
  const copy = h('button', { type: 'button', onclick: async () => {
    const text = [tb.columns.map((c) => pick(c.label, lang)).join('\t'), ...tb.rows.map((r) => tb.columns.map((c) => fmtCell(r[c.key], c, digits)).join('\t'))].join('\n');
    try { await navigator.clipboard.writeText(text); copy.textContent = L('copied'); } catch { download(`${tb.id}.tsv`, text, 'text/tab-separated-values'); }
  } }, L('copy'));
  const csv = h('button', { type: 'button', onclick: () => download(`${tb.id}.csv`, tableToCsv(tb), 'text/csv') }, L('csv'));
  return h('details', { class: 'table-block', open: rows.length <= 12 }, h('summary', {}, pick(tb.title, lang), ` (${tb.rows.length})`), h('div', { class: 'tools' }, copy, ' ', csv), h('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': pick(tb.title, lang) }, tbl), tb.note ? h('p', { class: 'note' }, pick(tb.note, lang)) : null);
}

/** Chart options carry number formats as {$fmt: 'fixed', digits, index?} (src/report/palette.ts), since functions
 *  cannot travel as JSON; report.html revives them in its page script, and so does this. */
function revive(o: unknown): unknown {
  if (Array.isArray(o)) return o.map(revive);
  if (o && typeof o === 'object') {
    const r = o as Record<string, unknown>;
    if (r.$fmt === 'fixed') {
      const d = Number(r.digits);
      const i = r.index as number | undefined;
      return (p: unknown) => {
        let v = p && typeof p === 'object' && 'value' in (p as object) ? (p as { value: unknown }).value : p;
        if (i !== undefined && Array.isArray(v)) v = v[i];
        return typeof v === 'number' && Number.isFinite(v) ? v.toFixed(d) : v === null || v === undefined ? '—' : String(v);
      };
    }
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(r)) out[k] = revive(r[k]);
    return out;
  }
  return o;
}

function chartBlock(spec: ChartSpec): HTMLElement {
  const div = h('div', { class: `chart ${spec.size ?? ''}`, 'data-chart': spec.id, role: 'img', 'aria-label': spec.title });
  const png = h('button', { type: 'button', onclick: () => { const ch = drawChart(div, spec); if (ch) { const url = ch.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }); fetch(url).then((r) => r.arrayBuffer()).then((b) => download(`${spec.id}.png`, new Uint8Array(b), 'image/png')); } } }, L('savePng'));
  const svg = h('button', { type: 'button', onclick: () => {
    const tmp = h('div', { style: 'position:absolute;left:-9999px;width:900px;height:500px' });
    document.body.append(tmp);
    const ch = echarts.init(tmp, undefined, { renderer: 'svg', width: 900, height: spec.size === 'tall' ? 700 : 500 });
    ch.setOption({ ...(revive(spec.option) as object), animation: false });
    download(`${spec.id}.svg`, ch.renderToSVGString(), 'image/svg+xml');
    ch.dispose();
    tmp.remove();
  } }, L('saveSvg'));
  return h('figure', { class: 'chart-block' }, h('figcaption', {}, spec.title, h('span', { class: 'tools' }, png, ' ', svg)), div, spec.note ? h('p', { class: 'note' }, spec.note) : null);
}

function renderResults(): HTMLElement {
  const root = h('section', { class: 'panel' });
  const runBar = h('div', { class: 'runbar' },
    h('button', { type: 'button', id: 'run', class: 'primary', disabled: state.running || !state.specText, onclick: () => void doRun() }, L('run')),
    state.running ? h('button', { type: 'button', id: 'cancel', onclick: () => void cancelRun() }, L('cancel')) : null,
    state.running ? h('span', { id: 'progress', role: 'status' }, h('progress', { max: 1, value: 0 }), ' ', h('span', { class: 'step' }, L('running'))) : null,
    !state.running && state.runMs !== undefined && state.results ? h('span', { id: 'run-done', role: 'status' }, `${L('done')} · ${L('runTime')} ${(state.runMs / 1000).toFixed(2)} s`) : null,
  );
  root.append(runBar);
  if (state.runError) {
    const e = state.runError;
    root.append(h('div', { class: 'error', id: 'run-error', role: 'alert' }, e.issues?.length ? h('ul', { class: 'checks' }, ...e.issues.map((i) => h('li', { class: 'check error' }, `spec.yaml:${i.line}:${i.column} ${i.path}: ${i.message}`, h('div', { class: 'hint' }, '→ ', i.hint)))) : h('ul', { class: 'checks' }, checkLine(e))));
  }
  const res = state.results;
  if (!res) {
    if (!state.running) root.append(h('p', {}, L('noResults')));
    return root;
  }
  const exp = h('div', { class: 'exports' },
    h('button', { type: 'button', id: 'export-bundle', onclick: () => void exportBundle() }, L('exportBundle')), ' ',
    h('button', { type: 'button', id: 'export-spec', onclick: () => exportSpec() }, L('exportSpec')), ' ',
    state.server ? h('button', { type: 'button', id: 'save-run', onclick: () => void saveRun() }, L('saveRun')) : null,
    state.status ? h('span', { class: 'status', role: 'status' }, ' ', state.status) : null);
  root.append(exp);
  const view: EvaluationResults = { ...res, language: state.lang };
  const lang = state.lang;
  root.append(h('h2', { id: 'results-title' }, pick(res.title, lang)), h('p', { class: 'meta' }, `${res.data.ids.length} × ${res.data.periods[0]}–${res.data.periods[res.data.periods.length - 1]}`));
  const maps: string[] = [];
  const want = bundledMap(res);
  if (want) maps.push(want);
  const views = sectionViews(new Reader(view), view, { maps });
  const digits = res.spec.output?.digits ?? 4;
  const dash = h('div', { id: 'dashboards' });
  const pendingCharts: [HTMLElement, ChartSpec][] = [];
  for (const v of views) {
    const sec = h('section', { class: 'dash', id: v.id }, h('h3', {}, v.title));
    if (v.sentences.length) sec.append(h('p', { class: 'sentences', html: v.sentences.join(' ') }));
    const grid = h('div', { class: 'charts' });
    for (const c of v.charts) {
      const b = chartBlock(c);
      grid.append(b);
      pendingCharts.push([b.querySelector('.chart') as HTMLElement, c]);
    }
    sec.append(grid);
    for (const id of v.tables) {
      const tb = res.tables.find((x) => x.id === id);
      if (tb) sec.append(tableView(tb, digits));
    }
    for (const card of v.cards) {
      sec.append(h('details', { class: 'card' }, h('summary', {}, `${L('methodCard')}: ${card.method ?? ''}`), h('pre', {}, JSON.stringify(card, null, 1))));
    }
    dash.append(sec);
  }
  if (res.warnings.length) {
    dash.append(h('details', { class: 'warnings' }, h('summary', {}, `${L('warnings')} (${res.warnings.length})`), h('ul', { class: 'checks' }, ...res.warnings.slice(0, 100).map((w) => checkLine({ level: 'warning', code: w.code, message: w.message, messageZh: (w as any).messageZh })))));
  }
  root.append(dash);
  // Draw after the panel is in the document (sizes known), and only the charts near the viewport: a long
  // dashboard (the PWT demo has about 20 charts) would otherwise block the page for most of a second.
  requestAnimationFrame(async () => {
    for (const name of new Set(pendingCharts.map(([, c]) => c.map).filter((x): x is string => Boolean(x)))) await ensureMap(name);
    chartObserver?.disconnect();
    if (typeof IntersectionObserver === 'undefined') {
      for (const [el, c] of pendingCharts) if (el.isConnected) drawChart(el, c);
      return;
    }
    const specOf = new Map<Element, ChartSpec>(pendingCharts);
    const observer = new IntersectionObserver((entries) => {
      for (const e of entries) {
        const c = specOf.get(e.target);
        if (!e.isIntersecting || !c || !e.target.isConnected) continue;
        observer.unobserve(e.target);
        drawChart(e.target as HTMLElement, c);
      }
    }, { rootMargin: '400px 0px' });
    chartObserver = observer;
    for (const [el] of pendingCharts) observer.observe(el);
  });
  return root;
}

let chartObserver: IntersectionObserver | undefined;

/** The chart in `el`, initialised with its option on first use (scrolled into view, or saved as PNG). */
function drawChart(el: HTMLElement, c: ChartSpec): echarts.ECharts {
  const existing = echarts.getInstanceByDom(el);
  if (existing) return existing;
  const ch = echarts.init(el, undefined, { renderer: 'canvas' });
  ch.setOption(revive(c.option) as echarts.EChartsOption);
  charts.push(ch);
  return ch;
}

// ---------------------------------------------------------------- export

let echartsText: Promise<string> | undefined;

async function bundleFiles(): Promise<Record<string, Uint8Array>> {
  // The bundle is built from a run of the current spec (language included): rerun when it changed.
  if (!state.results || state.runSpecText !== state.specText) await doRun();
  if (!state.results) throw new Error('run failed');
  echartsText ??= fetch('pkg/echarts.min.js').then((r) => (r.ok ? r.text() : ''));
  const maps: Record<string, unknown> = {};
  const want = bundledMap(state.results);
  if (want) {
    const fc = await fetchMap(want);
    if (fc) maps[want] = fc;
  }
  const r = await call({ type: 'bundle', echarts: await echartsText, maps });
  return r.files;
}

async function exportBundle(): Promise<void> {
  state.status = '…';
  render();
  try {
    const files = await bundleFiles();
    const zip = zipSync({ ...files, 'spec.yaml': strToU8(state.specText) }, { level: 6 });
    download('xinzhi-bundle.zip', zip, 'application/zip');
    state.status = L('done');
  } catch (e) {
    state.status = String((e as Error)?.message ?? (e as Check).message ?? e);
  }
  render();
}

/** spec.yaml + the data file it names + the framework and group files: unzip and run `xinzhi evaluate spec.yaml`. */
function specZip(): Uint8Array {
  const files: Record<string, Uint8Array> = { 'spec.yaml': strToU8(state.specText) };
  const doc = parseDocument(state.specText).toJS() as { data?: { file?: string; groups?: { file?: string } }; index?: { framework?: string } };
  const dataFile = doc.data?.file;
  if (dataFile && dataFile !== 'pwt' && state.file) files[dataFile] = state.file.bytes;
  if (doc.index?.framework === CUSTOM_FRAMEWORK_FILE) {
    const fw = customFrameworkYaml(state.choices);
    if (fw) files[CUSTOM_FRAMEWORK_FILE] = strToU8(fw);
  }
  if (doc.data?.groups?.file && state.groupsFile && doc.data.groups.file === state.groupsFile.name) files[state.groupsFile.name] = strToU8(state.groupsFile.text);
  return zipSync(files, { level: 6 });
}

function exportSpec(): void {
  download('xinzhi-spec.zip', specZip(), 'application/zip');
}

async function saveRun(): Promise<void> {
  state.status = '…';
  render();
  try {
    let datasetId: string | undefined;
    if (state.file) {
      const d = await (await fetch(`api/datasets?name=${encodeURIComponent(state.file.name)}`, { method: 'POST', body: state.file.bytes as BodyInit })).json();
      datasetId = d.id;
    }
    const s = await (await fetch('api/specs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: pick(state.results!.title, state.lang), yaml: state.specText, dataset: datasetId }) })).json();
    const files = await bundleFiles();
    const zip = zipSync({ ...files, 'spec.yaml': strToU8(state.specText) }, { level: 6 });
    const r = await fetch(`api/runs?name=${encodeURIComponent(pick(state.results!.title, state.lang))}&spec=${s.id}`, { method: 'POST', body: zip as BodyInit });
    if (!r.ok) throw new Error((await r.json()).error?.message ?? r.statusText);
    state.status = L('saved');
  } catch (e) {
    state.status = String((e as Error)?.message ?? e);
  }
  render();
}

// ---------------------------------------------------------------- workspace

async function refreshWorkspace(): Promise<void> {
  try {
    const [datasets, specs, runs] = await Promise.all(['datasets', 'specs', 'runs'].map((c) => fetch(`api/${c}`).then((r) => { if (!r.ok) throw new Error(); return r.json(); })));
    state.workspace = { datasets, specs, runs };
    state.server = true;
  } catch {
    state.server = false;
  }
}

function renderWorkspace(): HTMLElement {
  const root = h('section', { class: 'panel' });
  if (!state.server || !state.workspace) {
    root.append(h('p', {}, L('noServer')));
    return root;
  }
  const w = state.workspace;
  const del = (coll: string, id: string) => h('button', { type: 'button', onclick: async () => { await fetch(`api/${coll}/${id}`, { method: 'DELETE' }); await refreshWorkspace(); render(); } }, L('del'));
  root.append(
    h('h2', {}, L('datasets')),
    h('ul', { class: 'ws' }, ...w.datasets.map((d) => h('li', {}, `${d.name} (${(d.size / 1024).toFixed(1)} KB) `, h('button', { type: 'button', onclick: async () => { const b = new Uint8Array(await (await fetch(`api/datasets/${d.id}/data`)).arrayBuffer()); state.tab = 'data'; await loadBytes(d.name, b); } }, L('open')), ' ', del('datasets', d.id)))),
    h('h2', {}, L('specs')),
    h('ul', { class: 'ws' }, ...w.specs.map((s) => h('li', {}, `${s.name} `, h('button', { type: 'button', onclick: async () => { const r = await (await fetch(`api/specs/${s.id}`)).json(); state.specText = r.yaml; state.specLocked = true; state.tab = 'model'; render(); } }, L('open')), ' ', del('specs', s.id)))),
    h('h2', {}, L('runs')),
    h('ul', { class: 'ws' }, ...w.runs.map((r) => h('li', {}, `${r.name} · ${r.created.slice(0, 19).replace('T', ' ')} `, h('a', { href: `api/runs/${r.id}/files/report.html`, target: '_blank' }, 'report.html'), ' ', h('a', { href: `api/runs/${r.id}/bundle.zip` }, 'zip'), ' ', del('runs', r.id)))),
  );
  return root;
}

// ---------------------------------------------------------------- demo

async function openDemo(): Promise<void> {
  state.tab = 'results';
  state.isPwt = true;
  state.file = undefined;
  state.results = undefined;
  state.loadError = undefined;
  state.status = undefined;
  const doc = parseDocument(pwtSpecText);
  doc.setIn(['data', 'groups', 'file'], 'world-regions.csv');
  doc.setIn(['output', 'language'], state.lang);
  state.specText = doc.toString();
  state.specLocked = true;
  state.groupsFile = { name: 'world-regions.csv', text: worldRegionsCsv };
  state.choices.dataFile = 'pwt';
  state.choices.framework = 'pwt';
  state.running = true;
  render();
  const gz = await (await fetch('pkg/pwt91.csv.gz')).arrayBuffer();
  const r = await call({ type: 'pwt', gz }, [gz]);
  state.table = r.table;
  (window as any).__xinzhiPwtLoadMs = r.table.ms;
  state.running = false;
  await doRun();
}

// ---------------------------------------------------------------- shell

function setLang(lang: Lang): void {
  state.lang = lang;
  localStorage.setItem('xinzhi.lang', lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  if (state.specLocked && state.specText) {
    try {
      const doc = parseDocument(state.specText);
      doc.setIn(['output', 'language'], lang);
      state.specText = doc.toString();
    } catch {
      // leave a spec that does not parse as it is; the run reports it
    }
  }
  regenerateSpec();
  render();
}

function render(): void {
  chartObserver?.disconnect();
  chartObserver = undefined;
  for (const c of charts) c.dispose();
  charts = [];
  const app = document.getElementById('app')!;
  document.title = L('title');
  const tabs: [State['tab'], Key][] = [['data', 'tabData'], ['model', 'tabModel'], ['results', 'tabResults'], ['workspace', 'tabWorkspace']];
  const header = h('header', {},
    h('div', {}, h('h1', {}, L('title')), h('p', { class: 'sub' }, L('subtitle'))),
    h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'demo', onclick: () => void openDemo() }, L('demo')), ' ',
      h('button', { type: 'button', id: 'lang', 'aria-label': `${L('langSwitch')} (language / 语言)`, onclick: () => setLang(state.lang === 'zh' ? 'en' : 'zh') }, L('langSwitch'))));
  const nav = h('nav', { role: 'tablist' }, ...tabs.map(([k, label]) => h('button', { type: 'button', role: 'tab', id: `tab-${k}`, 'aria-selected': String(state.tab === k), class: state.tab === k ? 'active' : '', onclick: async () => { state.tab = k; if (k === 'workspace') await refreshWorkspace(); render(); } }, L(label))));
  const body = state.tab === 'data' ? renderData() : state.tab === 'model' ? renderModel() : state.tab === 'results' ? renderResults() : renderWorkspace();
  const focused = document.activeElement?.id;
  app.replaceChildren(header, nav, h('main', {}, body));
  if (focused) document.getElementById(focused)?.focus();
}

window.addEventListener('resize', () => { for (const c of charts) c.resize(); });
startWorker();
document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
render();
(window as any).__xinzhiFirstRender = performance.now();
void refreshWorkspace().then(() => { if (state.tab === 'workspace') render(); else if (state.results) render(); });
