// Read and validate a framework YAML (schema in docs/index.md and frameworks/*.yaml).
//
// Errors are DataErrors naming the file and the YAML line: YAML syntax and duplicate mapping keys (from the
// `yaml` parser), unknown fields, missing keys/labels, bad directions, duplicate indicator or dimension keys,
// bad fixed weights, malformed AHP matrices, and (validateFrameworkColumns) columns or formula inputs that
// the data does not have.

import { parseDocument, LineCounter } from 'yaml';
import { DataError } from '../errors.js';
import type { Framework, FrameworkIndicator, FrameworkNode, Label } from './types.js';
import { parseDirection } from '../normalize/direction.js';
import { parseFormula, formulaColumns, FormulaError } from './formula.js';

const TOP_FIELDS = new Set(['framework', 'key', 'label', 'description', 'references', 'ahp', 'dimensions', 'version', 'notes']);
const NODE_FIELDS = new Set(['key', 'label', 'weight', 'ahp', 'subdimensions', 'indicators', 'description', 'notes']);
const IND_FIELDS = new Set(['key', 'label', 'unit', 'direction', 'column', 'formula', 'weight', 'source', 'note', 'notes', 'interval']);

export interface ParseFrameworkOptions {
  /** file name for messages */
  file?: string;
}

export function parseFramework(text: string, options: ParseFrameworkOptions = {}): Framework {
  const file = options.file;
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const line = e.pos ? lc.linePos(e.pos[0]).line : undefined;
    const dup = /duplicate|unique/i.test(e.message);
    throw new DataError(dup ? 'duplicate-key' : 'bad-yaml', `${dup ? 'duplicate key in the framework' : 'the framework is not valid YAML'}: ${e.message.split('\n')[0]}`, { file, row: line }, dup ? 'each key may appear once in a mapping' : 'check the indentation and quoting at that line');
  }
  const lineOf = (path: (string | number)[]): number | undefined => {
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    const n = node && typeof node === 'object' && node.range ? node : (path.length ? (doc.getIn(path.slice(0, -1), true) as { range?: [number, number, number] } | undefined) : undefined);
    return n?.range ? lc.linePos(n.range[0]).line : undefined;
  };
  const fail = (kind: string, msg: string, path: (string | number)[], hint?: string): never => {
    throw new DataError(kind, msg, { file, row: lineOf(path) }, hint);
  };
  const root = doc.toJS() as Record<string, unknown> | null;
  if (!root || typeof root !== 'object' || Array.isArray(root)) fail('bad-framework', 'a framework must be a YAML mapping with `framework` and `dimensions`', []);
  checkFields(root!, TOP_FIELDS, [], fail);
  const key = String(root!.framework ?? root!.key ?? '');
  if (!key) fail('missing-field', 'the framework needs a `framework:` key (its short name)', []);
  if (!Array.isArray(root!.dimensions) || root!.dimensions.length === 0) fail('missing-field', 'the framework needs a non-empty `dimensions:` list', ['dimensions']);

  const seenKeys = new Map<string, (string | number)[]>();
  const claim = (k: string, path: (string | number)[], what: string) => {
    const prev = seenKeys.get(k);
    if (prev) fail('duplicate-key', `duplicate ${what} key "${k}" (first used at line ${lineOf(prev) ?? '?'})`, path, 'keys must be unique across dimensions and indicators');
    seenKeys.set(k, path);
  };
  const indicators: FrameworkIndicator[] = [];

  const readLabel = (v: unknown, path: (string | number)[], k: string): Label => {
    if (v === undefined) return { en: k, zh: k };
    if (typeof v === 'string') return { en: v, zh: v };
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      for (const f of Object.keys(o)) if (f !== 'zh' && f !== 'en') fail('unknown-field', `unknown label language "${f}" (use zh and en)`, [...path, 'label', f]);
      return { zh: o.zh === undefined ? undefined : String(o.zh), en: o.en === undefined ? undefined : String(o.en) };
    }
    return fail('bad-label', 'a label is text or {zh, en}', [...path, 'label']);
  };
  const readWeight = (v: unknown, path: (string | number)[]): number | undefined => {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !(v >= 0) || !Number.isFinite(v)) fail('bad-weight', `weight must be a number ≥ 0 (got ${JSON.stringify(v)})`, [...path, 'weight']);
    return v as number;
  };
  const readAhp = (v: unknown, path: (string | number)[], n: number): number[][] | undefined => {
    if (v === undefined || v === null) return undefined;
    const ok = Array.isArray(v) && v.length === n && v.every((r) => Array.isArray(r) && r.length === n && r.every((x) => typeof x === 'number' || (typeof x === 'string' && /^\s*\d+(\.\d+)?\s*\/\s*\d+(\.\d+)?\s*$/.test(x))));
    if (!ok) fail('bad-ahp', `ahp must be a ${n} × ${n} matrix of numbers (fractions like "1/3" allowed), one row per child in order`, [...path, 'ahp']);
    return (v as unknown[][]).map((r) => r.map((x) => (typeof x === 'number' ? x : (() => { const [a, b] = String(x).split('/').map(Number); return a / b; })())));
  };

  const readIndicator = (v: unknown, path: (string | number)[], parents: string[]): FrameworkIndicator => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return fail('bad-indicator', 'an indicator must be a mapping with key, label, direction', path);
    const o = v as Record<string, unknown>;
    checkFields(o, IND_FIELDS, path, fail);
    const k = o.key === undefined ? '' : String(o.key);
    if (!k) fail('missing-field', 'indicator without `key`', path);
    claim(k, path, 'indicator');
    let dirText = o.direction;
    if (dirText === undefined && o.interval !== undefined) dirText = `[${(o.interval as number[]).join(',')}]`;
    if (dirText === undefined) fail('missing-field', `indicator "${k}" has no direction (+, -, [a,b] or =x)`, path);
    const dir = parseDirection(Array.isArray(dirText) ? `[${dirText.join(',')}]` : String(dirText));
    if (!dir) fail('bad-direction', `indicator "${k}": bad direction ${JSON.stringify(dirText)}; use "+", "-", "[a,b]" (a ≤ b) or "=x"`, [...path, 'direction'], 'quote it in YAML: direction: "-"');
    const formula = o.formula === undefined ? undefined : String(o.formula);
    if (formula !== undefined) {
      try { parseFormula(formula); } catch (e) {
        if (e instanceof FormulaError) fail('bad-formula', `indicator "${k}": ${e.message}`, [...path, 'formula']);
        throw e;
      }
    }
    return {
      key: k,
      label: readLabel(o.label, path, k),
      unit: o.unit === undefined ? undefined : String(o.unit),
      direction: dir!,
      column: formula ? undefined : o.column === undefined ? k : String(o.column),
      formula,
      weight: readWeight(o.weight, path),
      source: o.source === undefined ? undefined : String(o.source),
      note: o.note === undefined ? (o.notes === undefined ? undefined : String(o.notes)) : String(o.note),
      path: parents,
      line: lineOf(path),
    };
  };

  const readNode = (v: unknown, path: (string | number)[], parents: string[]): FrameworkNode => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return fail('bad-dimension', 'a dimension must be a mapping with key, label and indicators or subdimensions', path);
    const o = v as Record<string, unknown>;
    checkFields(o, NODE_FIELDS, path, fail);
    const k = o.key === undefined ? '' : String(o.key);
    if (!k) fail('missing-field', 'dimension without `key`', path);
    claim(k, path, 'dimension');
    const here = [...parents, k];
    const subs = o.subdimensions;
    const inds = o.indicators;
    if (subs !== undefined && inds !== undefined) fail('bad-dimension', `dimension "${k}" has both subdimensions and indicators; put the indicators inside subdimensions`, path);
    const children: FrameworkNode[] = [];
    const own: FrameworkIndicator[] = [];
    if (subs !== undefined) {
      if (!Array.isArray(subs) || subs.length === 0) fail('bad-dimension', `subdimensions of "${k}" must be a non-empty list`, [...path, 'subdimensions']);
      (subs as unknown[]).forEach((s, i) => children.push(readNode(s, [...path, 'subdimensions', i], here)));
    } else {
      if (!Array.isArray(inds) || inds.length === 0) fail('bad-dimension', `dimension "${k}" needs a non-empty indicators list (or subdimensions)`, path);
      (inds as unknown[]).forEach((s, i) => {
        const ind = readIndicator(s, [...path, 'indicators', i], here);
        own.push(ind);
        indicators.push(ind);
      });
    }
    return {
      key: k,
      label: readLabel(o.label, path, k),
      weight: readWeight(o.weight, path),
      ahp: readAhp(o.ahp, path, children.length || own.length),
      children,
      indicators: own,
      line: lineOf(path),
    };
  };

  const dimensions = (root!.dimensions as unknown[]).map((d, i) => readNode(d, ['dimensions', i], []));
  const fw: Framework = {
    key,
    label: readLabel(root!.label, [], key),
    description: root!.description === undefined ? undefined : String(root!.description),
    references: Array.isArray(root!.references) ? (root!.references as unknown[]).map(String) : undefined,
    ahp: readAhp(root!.ahp, [], dimensions.length),
    dimensions,
    indicators,
    source: file,
  };
  return fw;
}

function checkFields(o: Record<string, unknown>, allowed: Set<string>, path: (string | number)[], fail: (kind: string, msg: string, path: (string | number)[], hint?: string) => never): void {
  for (const f of Object.keys(o)) {
    if (!allowed.has(f)) fail('unknown-field', `unknown field "${f}"; allowed here: ${[...allowed].join(', ')}`, [...path, f], 'check the spelling');
  }
}

/** Columns the framework reads from the data (columns and formula inputs), in first-use order. */
export function frameworkColumns(fw: Framework): string[] {
  const out = new Set<string>();
  for (const ind of fw.indicators) {
    if (ind.formula) for (const c of formulaColumns(parseFormula(ind.formula))) out.add(c);
    else out.add(ind.column ?? ind.key);
  }
  return [...out];
}

/** Check that every column an indicator needs exists; the error names the YAML line and the indicator. */
export function validateFrameworkColumns(fw: Framework, available: readonly string[], dataName = 'the data'): void {
  const have = new Set(available);
  for (const ind of fw.indicators) {
    const need = ind.formula ? [...formulaColumns(parseFormula(ind.formula))] : [ind.column ?? ind.key];
    for (const c of need) {
      if (!have.has(c)) {
        throw new DataError('unknown-column', `indicator "${ind.key}" needs column "${c}", which ${dataName} does not have`, { file: fw.source, row: ind.line, column: c }, `columns are: ${available.slice(0, 40).join(', ')}${available.length > 40 ? ', …' : ''}`);
      }
    }
  }
}
