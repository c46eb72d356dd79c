// The results bundle as files (design.md "The evaluation spec and bundle"): results.json, tables/*.csv,
// results.xlsx, tables.docx, tables.tex, report.html. provenance.json (the only file with timestamps) is
// written by the CLI, which knows the input files. Deterministic: the same results give the same bytes.
// Isomorphic: returns a map of relative path → bytes; the caller writes them (atomically, in the CLI).

import type { EvaluationResults } from '../core/evaluation/results.js';
import { outputSettings } from '../core/evaluation/spec.js';
import { tableToCsv } from './csv.js';
import { tablesToLatex } from './latex.js';
import { tablesToDocx } from './docx.js';
import { tablesToWorkbook } from './xlsx.js';
import { reportHtml, type HtmlOptions } from './html.js';
import { pick } from './format.js';

export type BundleFiles = Map<string, Uint8Array>;

const enc = new TextEncoder();

export function resultsJson(results: EvaluationResults): string {
  return JSON.stringify(results, null, 1) + '\n';
}

export async function buildBundle(results: EvaluationResults, html: HtmlOptions): Promise<BundleFiles> {
  const out = outputSettings(results.spec);
  const lang = results.language;
  const title = pick(results.title, lang);
  const files: BundleFiles = new Map();
  const formats = new Set(out.formats);
  if (formats.has('json')) files.set('results.json', enc.encode(resultsJson(results)));
  if (formats.has('csv')) for (const t of results.tables) files.set(`tables/${t.id}.csv`, enc.encode(tableToCsv(t)));
  if (formats.has('xlsx')) files.set('results.xlsx', await tablesToWorkbook(results.tables, lang, out.digits));
  if (formats.has('docx')) files.set('tables.docx', await tablesToDocx(results.tables, lang, out.digits, title));
  if (formats.has('tex')) files.set('tables.tex', enc.encode(tablesToLatex(results.tables, lang, out.digits, title)));
  if (formats.has('html')) files.set('report.html', enc.encode(reportHtml(results, html).html));
  return files;
}
