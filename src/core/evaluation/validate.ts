// Parse and validate an evaluation spec (YAML) against EVALUATION_SCHEMA with ajv, and turn every problem into
// a message that names the spec line and says what to write instead.
//
// Positions come from the `yaml` package's parsed document (node ranges + LineCounter). An unknown key points at
// the key and suggests the nearest allowed one (edit distance ≤ 2 or a shared prefix); a wrong enum value lists
// the allowed values; a missing key names what to add. Problems the schema cannot see (unknown columns, a
// series no section computes, a reversed period range) are reported by plan.ts through the same `SpecIssue`.

import { parseDocument, LineCounter, isMap, isSeq, isPair, isScalar, type Document, type Node } from 'yaml';
import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';
import { UsageError } from '../errors.js';
import { EVALUATION_SCHEMA } from './schema.js';
import type { EvaluationSpec } from './spec.js';

export type SpecPath = (string | number)[];

export interface SpecIssue {
  kind: string;            // stable code: yaml-syntax, unknown-key, missing-key, bad-value, bad-type, …
  path: string;            // dotted path, e.g. "analyses.moran.weights"
  line: number;            // 1-based
  column: number;          // 1-based
  message: string;
  hint: string;            // what to write instead
}

export class SpecError extends UsageError {
  readonly issues: SpecIssue[];
  readonly file: string;
  constructor(file: string, issues: SpecIssue[]) {
    super('bad-spec', formatIssues(file, issues));
    this.name = 'SpecError';
    this.issues = issues;
    this.file = file;
  }
}

export function formatIssues(file: string, issues: SpecIssue[]): string {
  const head = issues.length === 1 ? `${file}: 1 problem in the spec` : `${file}: ${issues.length} problems in the spec`;
  const lines = issues.map((i) => `  ${file}:${i.line}:${i.column}: ${i.path ? `${i.path}: ` : ''}${i.message}\n    what to write: ${i.hint}`);
  return [head, ...lines].join('\n');
}

export interface ParsedSpec {
  spec: EvaluationSpec;
  file: string;
  text: string;
  /** Line and column (1-based) of the value at `path` (or of its key with `key: true`); nearest existing ancestor. */
  locate(path: SpecPath, opts?: { key?: boolean }): { line: number; column: number };
  issue(kind: string, path: SpecPath, message: string, hint: string, opts?: { key?: boolean }): SpecIssue;
}

// ajv is CommonJS: under NodeNext the default import is the module object, whose `default` is the class.
const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule) as unknown as typeof AjvModule.default;

let compiled: ValidateFunction | undefined;
function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
    compiled = ajv.compile(EVALUATION_SCHEMA);
  }
  return compiled;
}

/** Parse YAML text and validate it. Throws SpecError listing every problem found. */
export function parseSpec(textIn: string, file = 'spec.yaml'): ParsedSpec {
  const lc = new LineCounter();
  const doc = parseDocument(textIn, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const pos = (offset: number) => {
    const p = lc.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const locate = (path: SpecPath, opts: { key?: boolean } = {}) => {
    const n = nodeAt(doc, path, opts.key ?? false);
    const off = n?.range?.[0] ?? 0;
    return pos(off);
  };
  const issue = (kind: string, path: SpecPath, message: string, hint: string, opts: { key?: boolean } = {}): SpecIssue => {
    const at = locate(path, opts);
    return { kind, path: path.join('.'), line: at.line, column: at.column, message, hint };
  };

  if (doc.errors.length) {
    const issues = doc.errors.map((e): SpecIssue => {
      const at = pos(e.pos[0]);
      const dup = e.code === 'DUPLICATE_KEY';
      const tab = /tab/i.test(e.message);
      return {
        kind: dup ? 'duplicate-key' : 'yaml-syntax',
        path: '',
        line: at.line,
        column: at.column,
        message: dup ? 'this key appears twice in the same block' : firstLine(e.message),
        hint: dup
          ? 'keep one of the two entries (merge their settings into one block)'
          : tab
            ? 'indent with spaces, not tabs'
            : 'check indentation (spaces, same depth for sibling keys), colons after keys, and matching quotes/brackets',
      };
    });
    throw new SpecError(file, issues);
  }
  const value = doc.toJS({ maxAliasCount: 100 }) as unknown;
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) {
    throw new SpecError(file, [
      { kind: 'empty-spec', path: '', line: 1, column: 1, message: 'the spec is empty or is not a mapping of keys', hint: 'start with `xinzhi: 1` and a `data:` block, e.g. see examples/pwt.yaml' },
    ]);
  }
  const validate = validator();
  if (!validate(value)) {
    const issues = schemaIssues(validate.errors ?? [], value, issue);
    throw new SpecError(file, issues);
  }
  return { spec: value as EvaluationSpec, file, text: textIn, locate, issue };
}

function firstLine(s: string): string {
  return s.split('\n')[0];
}

function pathOf(instancePath: string): SpecPath {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function nodeAt(doc: Document, path: SpecPath, wantKey: boolean): Node | null {
  let node: unknown = doc.contents;
  let last: Node | null = (doc.contents as Node) ?? null;
  for (let k = 0; k < path.length; k++) {
    const seg = path[k];
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return last;
      if (k === path.length - 1 && wantKey) return pair.key as Node;
      node = pair.value;
      last = (pair.value as Node) ?? (pair.key as Node);
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      if (!node) return last;
      last = node as Node;
    } else {
      return last;
    }
  }
  return last;
}

type IssueFn = ParsedSpec['issue'];

/** Edit distance (Levenshtein), small strings. */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  const d = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) d[j] = j;
  for (let i = 1; i <= m; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= n; j++) {
      const tmp = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[n];
}

/** The nearest candidate, if close enough to be a plausible typo. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const cl = c.toLowerCase();
    let dist = editDistance(w, cl);
    if (cl.startsWith(w) || w.startsWith(cl)) dist = Math.min(dist, 1);
    if (dist < bestD) {
      bestD = dist;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function list(xs: readonly unknown[]): string {
  return xs.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(', ');
}

function typeWord(t: string): string {
  return t === 'integer' ? 'a whole number' : t === 'number' ? 'a number' : t === 'string' ? 'a text' : t === 'array' ? 'a list ([a, b] or "- a" lines)' : t === 'object' ? 'a block of keys' : t === 'boolean' ? 'true or false' : t;
}

function describe(v: unknown): string {
  if (v === null) return 'nothing (null)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a block of keys';
  return JSON.stringify(v);
}

function valueAt(root: unknown, path: SpecPath): unknown {
  let v: any = root;
  for (const s of path) v = v?.[s as any];
  return v;
}

function schemaIssues(errors: ErrorObject[], root: unknown, issue: IssueFn): SpecIssue[] {
  // A failed oneOf reports every branch; keep only the oneOf error itself.
  const oneOfPaths = errors.filter((e) => e.keyword === 'oneOf').map((e) => e.schemaPath.replace(/\/oneOf$/, '/oneOf/'));
  const kept = errors.filter((e) => e.keyword === 'oneOf' || !oneOfPaths.some((p) => e.schemaPath.startsWith(p)));
  // `if` noise and duplicates on the same spot.
  const out: SpecIssue[] = [];
  const seen = new Set<string>();
  for (const e of kept) {
    if (e.keyword === 'if') continue;
    const path = pathOf(e.instancePath);
    const schema = (e.parentSchema ?? {}) as { description?: string; properties?: Record<string, unknown> };
    let iss: SpecIssue;
    switch (e.keyword) {
      case 'additionalProperties': {
        const key = (e.params as { additionalProperty: string }).additionalProperty;
        const allowed = Object.keys(schema.properties ?? {});
        const near = nearest(key, allowed);
        iss = issue(
          'unknown-key',
          [...path, key],
          `unknown key "${key}"${path.length ? ` under ${path.join('.')}` : ' at the top level'}`,
          near ? `did you mean "${near}"? Allowed keys: ${allowed.join(', ')}` : `one of ${allowed.join(', ')}`,
          { key: true },
        );
        break;
      }
      case 'required': {
        const key = (e.params as { missingProperty: string }).missingProperty;
        const sub = (schema.properties?.[key] ?? {}) as { description?: string };
        iss = issue('missing-key', path, `missing "${key}"${path.length ? ` in ${path.join('.')}` : ''}`, `add \`${key}: …\`${sub.description ? ` (${sub.description})` : ''}`, { key: true });
        break;
      }
      case 'enum': {
        const allowed = (e.params as { allowedValues: unknown[] }).allowedValues;
        const got = valueAt(root, path);
        const near = typeof got === 'string' ? nearest(got, allowed.map(String)) : undefined;
        iss = issue('bad-value', path, `${describe(got)} is not allowed here`, `${near ? `did you mean "${near}"? ` : ''}one of ${list(allowed)}`);
        break;
      }
      case 'const': {
        const allowed = (e.params as { allowedValue: unknown }).allowedValue;
        iss = issue('bad-value', path, `${describe(valueAt(root, path))} is not allowed here`, schema.description ?? `write ${JSON.stringify(allowed)}`);
        break;
      }
      case 'type': {
        const t = (e.params as { type: string }).type;
        iss = issue('bad-type', path, `expected ${typeWord(t)}, found ${describe(valueAt(root, path))}`, schema.description ?? typeWord(t));
        break;
      }
      case 'pattern':
        iss = issue('bad-value', path, `${describe(valueAt(root, path))} has the wrong form`, schema.description ?? `match ${(e.params as { pattern: string }).pattern}`);
        break;
      case 'oneOf':
        iss = issue('bad-value', path, `${describe(valueAt(root, path))} is not allowed here`, schema.description ?? 'see the schema');
        break;
      case 'minItems':
        iss = issue('empty-list', path, `the list needs at least ${(e.params as { limit: number }).limit} item(s)`, schema.description ?? 'add items to the list');
        break;
      case 'maxProperties':
      case 'minProperties':
        iss = issue('bad-step', path, e.keyword === 'maxProperties' ? 'more than one step in one list item' : 'an empty step', schema.description ?? 'one key per list item');
        break;
      case 'uniqueItems':
        iss = issue('duplicate-item', path, 'the list repeats an item', 'list each item once');
        break;
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum': {
        const p = e.params as { comparison: string; limit: number };
        iss = issue('out-of-range', path, `${describe(valueAt(root, path))} must be ${p.comparison} ${p.limit}`, schema.description ?? `a number ${p.comparison} ${p.limit}`);
        break;
      }
      case 'minLength':
        iss = issue('bad-value', path, 'the text is empty', schema.description ?? 'write a non-empty text');
        break;
      default:
        iss = issue('bad-value', path, e.message ?? 'invalid', schema.description ?? 'see schema/evaluation.schema.json');
    }
    const k = `${iss.kind}@${iss.path}@${iss.message}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(iss);
    }
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}
