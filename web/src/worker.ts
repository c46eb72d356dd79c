/// <reference lib="webworker" />
// The workbench's compute worker: every byte→table parse, data check, evaluation run and bundle build happens
// here, on the same isomorphic code as the CLI (src/io parsers, src/core/evaluation runner, src/report bundle
// writers), so the page stays responsive and the numbers are the CLI's. Cancel = the page terminates this worker.
//
// Loading mirrors `xinzhi evaluate` (src/cli/load.ts + commands/evaluate.ts): the table is read under the file
// name the spec gives (`data.file`), the panel built by fromTable with the spec's id/period and its label columns
// (every other column a variable), built-in frameworks carry source `builtin:<name>`, a custom framework the
// name of its file next to the spec, and reading notes other than missing-value counts are appended to the
// results' warnings as `data:<code>`. That is what makes the exported results.json equal the CLI's.

import { parseCsvBytes } from '../../src/io/csv.js';
import { pwtTableFromGzip } from '../../src/io/pwt-bytes.js';
import { parseJsonBytes } from '../../src/io/json.js';
import { parseXlsx, xlsxSheetNames } from '../../src/io/xlsx-read.js';
import { readDta } from '../../src/io/dta-read.js';
import { fromTable, type RawTable } from '../../src/core/panel/from-table.js';
import { inspectTable } from '../../src/core/panel/inspect.js';
import { BUILTIN_FRAMEWORK_TEXT, isBuiltinFramework } from '../../src/core/framework/builtin.js';
import { parseFramework } from '../../src/core/framework/parse.js';
import { parseSpec } from '../../src/core/evaluation/validate.js';
import { runEvaluation } from '../../src/core/evaluation/run.js';
import type { EvaluationResults } from '../../src/core/evaluation/results.js';
import { buildBundle } from '../../src/report/bundle.js';
import { DataError } from '../../src/core/errors.js';
import { dataChecks, errorInfo, type Check } from './checks.js';

declare const self: DedicatedWorkerGlobalScope;

export type { Check } from './checks.js';

export interface TableSummary {
  name: string;
  header: string[];
  rows: number;
  preview: (string | number | null)[][];
  previewRows: number[];
  sheets?: string[];
  sheet?: string;
  encoding?: string;
  /** Per column: numeric share among non-missing cells, distinct count, missing count. */
  columns: { name: string; type: 'numeric' | 'text' | 'empty'; distinct: number; missing: number }[];
  warnings: Check[];
  ms: number;
}

export type Request =
  | { id: number; type: 'load'; name: string; bytes: ArrayBuffer; sheet?: string; encoding?: string }
  | { id: number; type: 'pwt'; gz: ArrayBuffer }
  | { id: number; type: 'check'; roles: { id: string; period?: string; labels: string[]; variables: string[] } }
  | { id: number; type: 'run'; yaml: string; framework?: { text: string; file: string }; groups?: { name: string; text: string } }
  | { id: number; type: 'bundle'; echarts: string; maps: Record<string, unknown> };

let table: RawTable | undefined;
let tableName = '';
let tableIsPwt = false;
let lastResults: EvaluationResults | undefined;
let panelCache: { t: RawTable; key: string; loaded: ReturnType<typeof fromTable> } | undefined;

function post(msg: unknown, transfer: Transferable[] = []): void {
  self.postMessage(msg, transfer);
}

function summarize(t: RawTable, ms: number, sheets?: string[]): TableSummary {
  const n = Math.min(100, t.rows.length);
  const preview: (string | number | null)[][] = [];
  for (let r = 0; r < n; r++) preview.push(t.columns.map((c) => c[r]));
  const insp = inspectTable(t);
  return {
    name: t.source,
    header: t.header,
    rows: t.rows.length,
    preview,
    previewRows: t.rows.slice(0, n),
    sheets,
    sheet: t.sheet,
    encoding: t.encoding,
    columns: insp.rows.map((r) => ({ name: r.column, type: r.type, distinct: r.distinct, missing: r.missing })),
    warnings: t.warnings.map((w) => ({ level: 'info', code: w.code, message: w.message, messageZh: w.messageZh })),
    ms,
  };
}

async function parseBytes(name: string, bytes: Uint8Array, sheet?: string, encoding?: string): Promise<{ t: RawTable; sheets?: string[] }> {
  const ext = (/\.[^.]+$/.exec(name)?.[0] ?? '').toLowerCase();
  switch (ext) {
    case '.csv':
    case '.txt':
      return { t: parseCsvBytes(bytes, { file: name, encoding }) };
    case '.tsv':
    case '.tab':
      return { t: parseCsvBytes(bytes, { file: name, encoding, delimiter: '\t' }) };
    case '.xlsx':
    case '.xlsm': {
      const sheets = await xlsxSheetNames(bytes, name);
      return { t: await parseXlsx(bytes, { file: name, sheet }), sheets };
    }
    case '.json':
      return { t: parseJsonBytes(bytes, { file: name, encoding }) };
    case '.dta': {
      const d = readDta(bytes, name, encoding ? { encoding } : {});
      if (d.nobs === 0) throw new DataError('no-rows', 'the .dta file has no observations', { file: name }, 'save the data with observations');
      return { t: { header: d.header, columns: d.columns, rows: Array.from({ length: d.nobs }, (_, r) => r + 1), source: name, encoding: d.encoding, warnings: [...d.warnings] } };
    }
    case '.xls':
      throw new DataError('unsupported-format', 'old Excel .xls files are not read', { file: name }, 'open it in Excel or WPS and save as .xlsx (or CSV)');
    default:
      throw new DataError('unsupported-format', `unknown data file type "${ext || '(no extension)'}"`, { file: name }, 'use .csv .tsv .txt .xlsx .json or .dta');
  }
}

/** The panel for a table and roles, cached (a rerun after a language switch or an export reuses it). */
function panelFor(t: RawTable, source: (string | undefined)[], id: string, period: string | undefined, labels: string[]): ReturnType<typeof fromTable> {
  const key = JSON.stringify([...source, id, period, labels]);
  if (panelCache?.t === t && panelCache.key === key) return panelCache.loaded;
  const loaded = fromTable(t, { id, period, labels });
  panelCache = { t, key, loaded };
  return loaded;
}

let lastLoad: { name: string; bytes: Uint8Array; sheet?: string; encoding?: string } | undefined;

async function handle(msg: Request): Promise<void> {
  switch (msg.type) {
    case 'load': {
      const t0 = performance.now();
      const bytes = new Uint8Array(msg.bytes);
      const { t, sheets } = await parseBytes(msg.name, bytes, msg.sheet, msg.encoding);
      table = t;
      tableName = msg.name;
      tableIsPwt = false;
      lastLoad = { name: msg.name, bytes, sheet: msg.sheet, encoding: msg.encoding };
      post({ id: msg.id, ok: true, table: summarize(t, performance.now() - t0, sheets) });
      return;
    }
    case 'pwt': {
      const t0 = performance.now();
      const t = pwtTableFromGzip(new Uint8Array(msg.gz));
      table = t;
      tableName = 'pwt';
      tableIsPwt = true;
      lastLoad = undefined;
      // Build the panel with PWT's usual roles now (id isocode, period year, country names), as the CLI's
      // loader does once per process; a spec with these roles (examples/pwt.yaml) then starts computing at once.
      panelFor(t, ['pwt', undefined, undefined], 'isocode', 'year', ['country']);
      post({ id: msg.id, ok: true, table: summarize(t, performance.now() - t0) });
      return;
    }
    case 'check': {
      if (!table) throw new Error('no data loaded');
      post({ id: msg.id, ok: true, ...dataChecks(table, msg.roles) });
      return;
    }
    case 'run': {
      const t0 = performance.now();
      const parsed = parseSpec(msg.yaml, 'spec.yaml');
      const spec = parsed.spec;
      if (!table) throw new Error('no data loaded');
      // Re-read the table when the spec names another sheet or encoding than the loaded one.
      let t = table;
      if (spec.data.file === 'pwt' && !tableIsPwt) throw new DataError('no-pwt', 'the spec names the bundled PWT data, but another file is loaded', {}, 'open the PWT demo, or set data.file to the loaded file');
      if (!tableIsPwt && lastLoad) {
        if ((spec.data.sheet ?? undefined) !== lastLoad.sheet || (spec.data.encoding ?? undefined) !== lastLoad.encoding || spec.data.file !== tableName) {
          t = (await parseBytes(spec.data.file, lastLoad.bytes, spec.data.sheet, spec.data.encoding)).t;
        }
      }
      const labels = [...new Set([...(spec.data.labels ?? []), ...(spec.data.name ? [spec.data.name] : [])])];
      const id = spec.data.id ?? (spec.data.file === 'pwt' ? 'isocode' : undefined);
      const period = spec.data.period ?? (spec.data.file === 'pwt' ? 'year' : undefined);
      if (!id) throw new DataError('no-id', 'the spec names no id column (data.id)', {}, 'assign the id role to a column');
      const tPanel = performance.now();
      const loaded = panelFor(t, [spec.data.file, spec.data.sheet, spec.data.encoding], id, period, labels);
      const panelMs = performance.now() - tPanel;
      let framework: unknown;
      if (spec.index) {
        const name = spec.index.framework;
        if (msg.framework && msg.framework.file === name) {
          framework = parseFramework(msg.framework.text, { file: name });
          (framework as { source?: string }).source = name;
        } else if (isBuiltinFramework(name)) {
          framework = parseFramework(BUILTIN_FRAMEWORK_TEXT[name], { file: `frameworks/${name}.yaml` });
          (framework as { source?: string }).source = `builtin:${name}`;
        }
      }
      // Grouping lookup (data.groups), read as `xinzhi evaluate` reads it: key → label, null for empty cells.
      let groups: Record<string, string | null> | undefined;
      const g = spec.data.groups;
      if (g && typeof g === 'object' && msg.groups && msg.groups.name === g.file) {
        const gt = parseCsvBytes(new TextEncoder().encode(msg.groups.text), { file: g.file });
        const kj = gt.header.indexOf(g.key);
        const cj = gt.header.indexOf(g.column);
        if (kj < 0 || cj < 0) throw new DataError('unknown-column', `no column "${kj < 0 ? g.key : g.column}" in the group table`, { file: g.file }, `columns are: ${gt.header.join(', ')}`);
        groups = {};
        gt.columns[kj].forEach((k, r) => {
          if (k !== null) groups![String(k)] = gt.columns[cj][r] === null ? null : String(gt.columns[cj][r]);
        });
      }
      const results = await runEvaluation(parsed, {
        panel: loaded.panel,
        framework,
        groups,
        onProgress: (step) => post({ id: msg.id, progress: { index: step.index, total: step.total, label: step.label } }),
      });
      for (const w of loaded.warnings) if (w.code !== 'missing-values') results.warnings.push({ ...w, code: `data:${w.code}` });
      lastResults = results;
      post({ id: msg.id, ok: true, results, ms: performance.now() - t0, panelMs });
      return;
    }
    case 'bundle': {
      if (!lastResults) throw new Error('run the evaluation first');
      const t0 = performance.now();
      const files = await buildBundle(lastResults, { echarts: msg.echarts, maps: msg.maps });
      const out: Record<string, Uint8Array> = {};
      for (const [k, v] of files) out[k] = v;
      post({ id: msg.id, ok: true, files: out, ms: performance.now() - t0 }, Object.values(out).map((b) => b.buffer as ArrayBuffer));
      return;
    }
  }
}

self.onmessage = (ev: MessageEvent<Request>) => {
  handle(ev.data).catch((e) => post({ id: ev.data.id, ok: false, error: errorInfo(e) }));
};
