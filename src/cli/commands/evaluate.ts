// xinzhi evaluate SPEC --out DIR: one YAML spec in, a reproducible results bundle out (design.md "The evaluation
// spec and bundle"). Thin: read the spec and the files it names, call runEvaluation (core) and buildBundle
// (report), write the folder atomically, print a short summary and the report's path.
//
// Atomic: the bundle is written into a temporary folder beside DIR and renamed into place; with --force an
// existing DIR is first renamed aside and removed after the swap. A non-empty DIR is refused without --force.
// Reproducible: every file but provenance.json (input hashes, versions, timestamps) is byte-identical on rerun.

import type { Command } from 'commander';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import cliProgress from 'cli-progress';
import type { CliContext } from '../context.js';
import { UsageError, DataError } from '../../core/errors.js';
import { parseSpec } from '../../core/evaluation/validate.js';
import { runEvaluation } from '../../core/evaluation/run.js';
import type { EvaluationResults } from '../../core/evaluation/results.js';
import { baseMapName } from '../../report/base-map.js';
import type { RunInputs } from '../../core/evaluation/context.js';
import { buildBundle } from '../../report/bundle.js';
import { fmtCell, pick } from '../../report/format.js';
import { loadPanelForCli } from '../load.js';
import { readTableFile } from '../../io/read-table.js';
import { PWT_PATH } from '../../io/pwt.js';
import { loadGeo } from './evaluate-geo.js';
import { SOFTWARE } from '../../core/version.js';
import { parseFramework } from '../../core/framework/index.js';

const require = createRequire(import.meta.url);
const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface EvaluateOptions {
  out?: string;
  force?: boolean;
  lang?: string;
  quiet?: boolean;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('evaluate')
    .description('run an evaluation spec (YAML) and write the results bundle: report.html, results.xlsx, tables.docx, tables.tex, tables/*.csv, results.json, provenance.json')
    .argument('<spec>', 'the evaluation spec, e.g. examples/pwt.yaml')
    .option('--out <dir>', 'bundle folder (default: xinzhi-out/<spec name>)')
    .option('--force', 'replace DIR if it exists and is not empty')
    .option('--lang <lang>', 'zh | en: report language (overrides output.language in the spec)')
    .option('--quiet', 'no progress and no summary on stdout')
    .action(async (specPath: string, opts: EvaluateOptions) => {
      await evaluateCommand(specPath, opts, ctx);
    });
}

function sha256(bytes: Uint8Array | Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function depVersion(name: string): string | null {
  try {
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    return null;
  }
}

function builtinFrameworks(): string[] {
  const dir = join(PACKAGE_ROOT, 'frameworks');
  return existsSync(dir) ? readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).map((f) => f.replace(/\.ya?ml$/, '')).sort() : [];
}

/** A framework file: a path relative to the spec, else a built-in frameworks/<name>.yaml. */
function resolveFramework(name: string, specDir: string): string | undefined {
  const local = resolve(specDir, name);
  if (existsSync(local) && statSync(local).isFile()) return local;
  for (const ext of ['.yaml', '.yml']) {
    const f = join(PACKAGE_ROOT, 'frameworks', name + ext);
    if (existsSync(f)) return f;
  }
  return undefined;
}

function isNonEmptyDir(path: string): boolean {
  return existsSync(path) && (!statSync(path).isDirectory() || readdirSync(path).length > 0);
}

/** Write all files into a temp folder beside `dir`, then swap it into place. */
export function writeBundleAtomic(dir: string, files: Map<string, Uint8Array>, force: boolean): void {
  if (isNonEmptyDir(dir) && !force) {
    throw new UsageError('exists', `${dir} exists and is not empty`, 'pass --force to replace it, or choose another --out');
  }
  const parent = dirname(dir);
  mkdirSync(parent, { recursive: true });
  const tmp = join(parent, `.${basename(dir)}.tmp-${process.pid}-${Date.now()}`);
  mkdirSync(tmp);
  try {
    for (const [rel, bytes] of files) {
      const full = join(tmp, rel);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, bytes);
    }
    if (existsSync(dir)) {
      const old = join(parent, `.${basename(dir)}.old-${process.pid}-${Date.now()}`);
      renameSync(dir, old);
      renameSync(tmp, dir);
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(tmp, dir);
    }
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

interface Progress {
  onProgress: RunInputs['onProgress'];
  /** A step outside the run (writing the bundle). */
  extra(label: string): Promise<void>;
  stop(): void;
}

/**
 * A progress bar on stderr, only on a terminal outside CI, and only once the evaluation has run for more than a
 * second (fast runs print nothing). Core steps report through onProgress; writing the bundle is one more step.
 */
function progressReporter(ctx: CliContext, quiet: boolean): Progress {
  const ci = ctx.env.CI === 'true' || ctx.env.CI === '1';
  if (quiet || ci || !ctx.isTTY) return { onProgress: undefined, extra: async () => {}, stop() {} };
  const start = Date.now();
  let bar: cliProgress.SingleBar | undefined;
  let total = 1;
  let index = 0;
  const show = async (label: string) => {
    if (!bar && Date.now() - start > 1000) {
      bar = new cliProgress.SingleBar(
        { format: '  {bar} {value}/{total}  {step}', hideCursor: true, clearOnComplete: false, stopOnComplete: false, stream: process.stderr, fps: 5, barsize: 30 },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, index, { step: label });
    }
    if (bar) {
      bar.setTotal(total);
      bar.update(index, { step: label });
      bar.render();
    }
    await new Promise((r) => setTimeout(r, 0));
  };
  return {
    onProgress: async (step) => {
      total = step.total + 1; // + writing the bundle
      index = step.index;
      await show(step.label.en);
    },
    extra: async (label) => {
      index = total - 1;
      await show(label);
    },
    stop() {
      if (bar) {
        bar.update(total, { step: 'done' });
        bar.stop();
      }
    },
  };
}

export async function evaluateCommand(specPath: string, opts: EvaluateOptions, ctx: CliContext): Promise<EvaluationResults> {
  const started = new Date();
  const specFull = resolve(ctx.cwd, specPath);
  if (!existsSync(specFull)) throw new UsageError('no-spec', `spec file not found: ${specFull}`, 'give the path of a YAML spec, e.g. examples/pwt.yaml');
  const specBytes = readFileSync(specFull);
  const specName = relative(ctx.cwd, specFull) || specPath;
  const parsed = parseSpec(specBytes.toString('utf8'), specName);
  const spec = parsed.spec;
  if (opts.lang !== undefined) {
    if (opts.lang !== 'zh' && opts.lang !== 'en') throw new UsageError('bad-lang', `--lang must be zh or en (got "${opts.lang}")`);
    spec.output = { ...(spec.output ?? {}), language: opts.lang };
  }
  const outDir = resolve(ctx.cwd, opts.out ?? join('xinzhi-out', basename(specFull).replace(/\.ya?ml$/i, '')));
  if (isNonEmptyDir(outDir) && !opts.force) {
    throw new UsageError('exists', `${outDir} exists and is not empty`, 'pass --force to replace it, or choose another --out');
  }
  const specDir = dirname(specFull);
  const dataCtx: CliContext = { ...ctx, cwd: specDir };
  const inputsHash: { role: string; file: string; sha256: string }[] = [];

  // Data.
  const labels = [...new Set([...(spec.data.labels ?? []), ...(spec.data.name ? [spec.data.name] : [])])];
  const loaded = await loadPanelForCli({ data: spec.data.file, id: spec.data.id, period: spec.data.period, sheet: spec.data.sheet, encoding: spec.data.encoding }, dataCtx, { labels });
  if (spec.data.file === 'pwt') inputsHash.push({ role: 'data', file: 'pwt (data/pwt91.csv.gz)', sha256: sha256(readFileSync(PWT_PATH)) });
  else inputsHash.push({ role: 'data', file: spec.data.file, sha256: sha256(readFileSync(resolve(specDir, spec.data.file))) });

  // Grouping lookup.
  let groups: Record<string, string | null> | undefined;
  if (spec.data.groups && typeof spec.data.groups === 'object') {
    const g = spec.data.groups;
    const table = await readTableFile(g.file, { cwd: specDir, name: g.file });
    const kj = table.header.indexOf(g.key);
    const cj = table.header.indexOf(g.column);
    if (kj < 0 || cj < 0) {
      const missing = kj < 0 ? g.key : g.column;
      throw new DataError('unknown-column', `no column "${missing}" in the group table`, { file: g.file, column: missing }, `columns are: ${table.header.join(', ')}; fix data.groups in ${specName} (line ${parsed.locate(['data', 'groups', kj < 0 ? 'key' : 'column']).line})`);
    }
    groups = {};
    table.columns[kj].forEach((k, r) => {
      if (k !== null) groups![String(k)] = table.columns[cj][r] === null ? null : String(table.columns[cj][r]);
    });
    inputsHash.push({ role: 'groups', file: g.file, sha256: sha256(readFileSync(resolve(specDir, g.file))) });
  }

  // Framework (built-in name or a YAML file next to the spec).
  let framework: unknown;
  if (spec.index) {
    const f = resolveFramework(spec.index.framework, specDir);
    if (!f) {
      const line = parsed.locate(['index', 'framework']).line;
      throw new UsageError('unknown-framework', `${specName}:${line}: no framework "${spec.index.framework}" (neither a file next to the spec nor a built-in one)`, `use one of ${builtinFrameworks().join(', ') || '(none bundled)'}, or a framework YAML file`);
    }
    framework = parseFramework(readFileSync(f, 'utf8'), { file: relative(ctx.cwd, f) || f });
    (framework as { source?: string }).source = f.startsWith(join(PACKAGE_ROOT, 'frameworks') + sep) ? `builtin:${basename(f).replace(/\.ya?ml$/, '')}` : relative(specDir, f);
    inputsHash.push({ role: 'framework', file: relative(PACKAGE_ROOT, f).startsWith('..') ? f : relative(PACKAGE_ROOT, f), sha256: sha256(readFileSync(f)) });
  }

  // Geometry and centroids for maps and spatial weights.
  // A user base map is read first (its contiguity and centroids feed spatial weights); a bundled display map is
  // chosen after the run, on the ids the analysis kept (data.include/exclude applied), as the report does.
  let geo = loadGeo(spec.output?.geometry ? 'custom' : 'none', PACKAGE_ROOT, spec.output?.geometry, specDir);

  const progress = progressReporter(ctx, opts.quiet ?? false);
  let results: EvaluationResults;
  let files: Map<string, Uint8Array>;
  try {
    results = await runEvaluation(parsed, { panel: loaded.panel, groups, framework, coordinates: geo.coordinates, features: geo.features, onProgress: progress.onProgress });
    // Reading notes: missing-cell counts per column go to provenance.json (they describe the file, not the
    // analysis); anything else (text columns, encoding guesses) is shown with the results too.
    for (const w of loaded.warnings) if (w.code !== 'missing-values') results.warnings.push({ ...w, code: `data:${w.code}` });
    if (!spec.output?.geometry) geo = loadGeo(baseMapName(spec, { ids: results.data.ids, source: results.data.source }), PACKAGE_ROOT, undefined, specDir);
    await progress.extra('Writing the bundle');
    files = await buildBundle(results, { echarts: readFileSync(require.resolve('echarts/dist/echarts.min.js'), 'utf8'), maps: geo.maps });
  } finally {
    progress.stop();
  }

  const finished = new Date();
  const provenance = {
    software: SOFTWARE,
    spec: { file: specName, sha256: sha256(specBytes), text: specBytes.toString('utf8') },
    inputs: [...inputsHash, ...geo.files.map((f) => ({ role: 'geometry', file: f.startsWith(PACKAGE_ROOT) ? relative(PACKAGE_ROOT, f) : relative(specDir, f), sha256: sha256(readFileSync(f)) }))],
    outputs: [...files.entries()].map(([name, bytes]) => ({ file: name, sha256: sha256(bytes) })).sort((a, b) => (a.file < b.file ? -1 : 1)),
    dependencies: Object.fromEntries(['echarts', 'docx', 'exceljs', 'fflate', 'yaml', 'ajv', 'cli-progress', 'commander', 'iconv-lite'].map((d) => [d, depVersion(d)])),
    runtime: { node: process.versions.node, platform: process.platform, arch: process.arch },
    command: ['xinzhi', 'evaluate', specPath, ...(opts.out ? ['--out', opts.out] : []), ...(opts.force ? ['--force'] : []), ...(opts.lang ? ['--lang', opts.lang] : [])],
    timestamps: { started: started.toISOString(), finished: finished.toISOString() },
    dataAttribution: loaded.data,
    readingNotes: loaded.warnings,
  };
  files.set('provenance.json', new TextEncoder().encode(JSON.stringify(provenance, null, 2) + '\n'));
  writeBundleAtomic(outDir, files, opts.force ?? false);

  if (!opts.quiet) ctx.stdout(summaryText(results, outDir, ctx.cwd));
  return results;
}

/** A short table for the terminal: the top of the ranking when there is an index, then where the report is. */
export function summaryText(results: EvaluationResults, outDir: string, cwd: string): string {
  const lang = results.language;
  const lines: string[] = [];
  lines.push(`${pick(results.title, lang)} — ${results.data.ids.length} units, ${results.data.periods[0]}–${results.data.periods[results.data.periods.length - 1]}`);
  const t = results.tables.find((x) => x.id === 'ranking') ?? results.tables[0];
  if (t) {
    lines.push('', pick(t.title, lang));
    const digits = results.spec.output?.digits ?? 4;
    const rows = t.rows.slice(0, 10).map((r) => t.columns.map((c) => fmtCell(r[c.key], c, digits)));
    const head = t.columns.map((c) => pick(c.label, lang));
    const width = head.map((h, j) => Math.max(strWidth(h), ...rows.map((r) => strWidth(r[j]))));
    const pad = (s: string, w: number, right: boolean) => (right ? ' '.repeat(w - strWidth(s)) + s : s + ' '.repeat(w - strWidth(s)));
    const right = t.columns.map((c) => c.kind !== 'text');
    lines.push(head.map((h, j) => pad(h, width[j], right[j])).join('  '));
    lines.push(width.map((w) => '─'.repeat(w)).join('  '));
    for (const r of rows) lines.push(r.map((v, j) => pad(v, width[j], right[j])).join('  '));
    if (t.rows.length > 10) lines.push(`… ${t.rows.length - 10} more`);
  }
  const rel = relative(cwd, outDir) || '.';
  lines.push('', `${lang === 'zh' ? '报告' : 'Report'}: ${join(rel, 'report.html')}`, `${lang === 'zh' ? '结果包' : 'Bundle'}: ${rel}/ (results.json, results.xlsx, tables.docx, tables.tex, tables/*.csv, provenance.json)`);
  return lines.join('\n') + '\n';
}

function strWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
