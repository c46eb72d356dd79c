// Derived indicators from simple expressions, e.g. `rd / gdp * 100`, `ln(gdp / pop)`, `diff(k) / lag(k)`.
//
// A small recursive-descent parser — never `eval`/`Function` — over this grammar:
//   expr    := term (('+' | '-') term)*
//   term    := unary (('*' | '/') unary)*           × and ÷ are accepted for * and /
//   unary   := ('-' | '+') unary | power
//   power   := primary ('^' unary)?                 right-associative; -x^2 = -(x^2)
//   primary := number | column | name '(' expr (',' expr)* ')' | '(' expr ')'
// Columns are written bare when they are identifiers (letters incl. Chinese, digits, _; not starting with a
// digit) or quoted as [研发 经费] or `R&D spending`. The text is NFKC-normalised first, so full-width
// （）＋ and U+2212 minus work. Functions: ln, log (both natural), log10, exp, sqrt, abs, and the panel
// functions lag(x[, k]) = x at period t−k of the same entity and diff(x[, k]) = x − lag(x, k); a period
// t−k that is not in the data gives missing.
// Cells: missing when an input is missing; `undefined` (null with status) when the formula has no value
// there (division by zero, ln of a non-positive number, sqrt of a negative, overflow); both are NaN in the
// returned column and counted in the record and warnings. Vectorised: O(nodes · n·T).

import { UsageError } from '../errors.js';
import type { MethodCard, Warning } from '../result.js';
import { SOFTWARE } from '../version.js';
import { editDistance } from './regions.js';
import { withColumn, type Panel } from './panel.js';
import { exp, log, log10, pow } from '../math/elementary.js';

export type Expr =
  | { type: 'num'; value: number }
  | { type: 'col'; name: string }
  | { type: 'neg'; arg: Expr }
  | { type: 'bin'; op: '+' | '-' | '*' | '/' | '^'; left: Expr; right: Expr }
  | { type: 'call'; fn: string; args: Expr[] };

const FUNCTIONS: Record<string, [min: number, max: number]> = {
  ln: [1, 1], log: [1, 1], log10: [1, 1], exp: [1, 1], sqrt: [1, 1], abs: [1, 1], lag: [1, 2], diff: [1, 2],
};

type Tok = { kind: 'num' | 'id' | 'op' | 'end'; text: string; pos: number; quoted?: boolean };

function tokenize(src: string): Tok[] {
  const s = src.normalize('NFKC').replace(/[\u2212\u2013]/g, '-').replace(/×/g, '*').replace(/÷/g, '/');
  const out: Tok[] = [];
  let k = 0;
  const fail = (msg: string, at: number): never => {
    throw new UsageError('bad-expression', `${msg} at position ${at + 1}:\n  ${s}\n  ${' '.repeat(at)}^`, 'write e.g. rd / gdp * 100; quote column names with spaces or symbols as [name]');
  };
  while (k < s.length) {
    const c = s[k];
    if (/\s/u.test(c)) { k++; continue; }
    if (/[0-9.]/.test(c)) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(s.slice(k));
      if (!m) fail('bad number', k);
      out.push({ kind: 'num', text: m![0], pos: k });
      k += m![0].length;
      continue;
    }
    if (c === '[' || c === '`') {
      const close = c === '[' ? ']' : '`';
      const e = s.indexOf(close, k + 1);
      if (e < 0) fail(`unclosed ${c}`, k);
      const name = s.slice(k + 1, e).trim();
      if (!name) fail('empty column name', k);
      out.push({ kind: 'id', text: name, pos: k, quoted: true });
      k = e + 1;
      continue;
    }
    const id = /^[\p{L}_][\p{L}\p{N}_]*/u.exec(s.slice(k));
    if (id) {
      out.push({ kind: 'id', text: id[0], pos: k });
      k += id[0].length;
      continue;
    }
    if ('+-*/^(),'.includes(c)) {
      out.push({ kind: 'op', text: c, pos: k });
      k++;
      continue;
    }
    fail(`unexpected character "${c}"`, k);
  }
  out.push({ kind: 'end', text: '', pos: s.length });
  return out;
}

/** Parse an expression into a tree (throws UsageError with the position of the problem). */
export function parseExpression(src: string): Expr {
  const toks = tokenize(src);
  const text = src.normalize('NFKC');
  let i = 0;
  const peek = () => toks[i];
  const fail = (msg: string, t: Tok): never => {
    throw new UsageError('bad-expression', `${msg} at position ${t.pos + 1}:\n  ${text}\n  ${' '.repeat(t.pos)}^`, 'write e.g. rd / gdp * 100; quote column names with spaces or symbols as [name]');
  };
  const expect = (s: string) => {
    const t = peek();
    if (t.kind !== 'op' || t.text !== s) fail(`expected "${s}"${t.kind === 'end' ? ' before the end' : ` but found "${t.text}"`}`, t);
    i++;
  };
  const expr = (): Expr => {
    let left = term();
    while (peek().kind === 'op' && (peek().text === '+' || peek().text === '-')) {
      const op = toks[i++].text as '+' | '-';
      left = { type: 'bin', op, left, right: term() };
    }
    return left;
  };
  const term = (): Expr => {
    let left = unary();
    while (peek().kind === 'op' && (peek().text === '*' || peek().text === '/')) {
      const op = toks[i++].text as '*' | '/';
      left = { type: 'bin', op, left, right: unary() };
    }
    return left;
  };
  const unary = (): Expr => {
    const t = peek();
    if (t.kind === 'op' && (t.text === '-' || t.text === '+')) {
      i++;
      const arg = unary();
      return t.text === '-' ? { type: 'neg', arg } : arg;
    }
    return power();
  };
  const power = (): Expr => {
    const base = primary();
    if (peek().kind === 'op' && peek().text === '^') {
      i++;
      return { type: 'bin', op: '^', left: base, right: unary() };
    }
    return base;
  };
  const primary = (): Expr => {
    const t = peek();
    if (t.kind === 'num') {
      i++;
      return { type: 'num', value: Number(t.text) };
    }
    if (t.kind === 'id') {
      i++;
      const next = peek();
      if (!t.quoted && next.kind === 'op' && next.text === '(') {
        const fn = t.text.toLowerCase();
        const arity = FUNCTIONS[fn];
        if (!arity) fail(`unknown function "${t.text}" (known: ${Object.keys(FUNCTIONS).join(', ')})`, t);
        i++;
        const args: Expr[] = [expr()];
        while (peek().kind === 'op' && peek().text === ',') {
          i++;
          args.push(expr());
        }
        expect(')');
        if (args.length < arity[0] || args.length > arity[1]) fail(`${fn}() takes ${arity[0] === arity[1] ? arity[0] : `${arity[0]} or ${arity[1]}`} argument(s), got ${args.length}`, t);
        if ((fn === 'lag' || fn === 'diff') && args[1] && (args[1].type !== 'num' || !Number.isInteger(args[1].value) || args[1].value < 1)) {
          fail(`the second argument of ${fn}() must be a positive whole number`, t);
        }
        return { type: 'call', fn, args };
      }
      return { type: 'col', name: t.text };
    }
    if (t.kind === 'op' && t.text === '(') {
      i++;
      const e = expr();
      expect(')');
      return e;
    }
    return fail(t.kind === 'end' ? 'the expression ends too early' : `unexpected "${t.text}"`, t);
  };
  const e = expr();
  if (peek().kind !== 'end') fail(`unexpected "${peek().text}"`, peek());
  return e;
}

/** Column names an expression uses. */
export function expressionColumns(e: Expr, out = new Set<string>()): Set<string> {
  if (e.type === 'col') out.add(e.name);
  else if (e.type === 'neg') expressionColumns(e.arg, out);
  else if (e.type === 'bin') {
    expressionColumns(e.left, out);
    expressionColumns(e.right, out);
  } else if (e.type === 'call') for (const a of e.args) expressionColumns(a, out);
  return out;
}

interface Vec { v: Float64Array; miss: Uint8Array }

function evaluate(e: Expr, p: Panel): Vec {
  const N = p.ids.length * p.periods.length;
  switch (e.type) {
    case 'num': return { v: new Float64Array(N).fill(e.value), miss: new Uint8Array(N) };
    case 'col': {
      const c = p.columns[e.name];
      const miss = new Uint8Array(N);
      for (let k = 0; k < N; k++) if (!Number.isFinite(c[k])) miss[k] = 1;
      return { v: c, miss };
    }
    case 'neg': {
      const a = evaluate(e.arg, p);
      const v = new Float64Array(N);
      for (let k = 0; k < N; k++) v[k] = -a.v[k];
      return { v, miss: a.miss };
    }
    case 'bin': {
      const a = evaluate(e.left, p);
      const b = evaluate(e.right, p);
      const v = new Float64Array(N);
      const miss = new Uint8Array(N);
      const x = a.v;
      const y = b.v;
      switch (e.op) {
        case '+': for (let k = 0; k < N; k++) v[k] = x[k] + y[k]; break;
        case '-': for (let k = 0; k < N; k++) v[k] = x[k] - y[k]; break;
        case '*': for (let k = 0; k < N; k++) v[k] = x[k] * y[k]; break;
        case '/': for (let k = 0; k < N; k++) v[k] = x[k] / y[k]; break;
        case '^': for (let k = 0; k < N; k++) v[k] = pow(x[k], y[k]); break;
      }
      for (let k = 0; k < N; k++) miss[k] = a.miss[k] | b.miss[k];
      return { v, miss };
    }
    case 'call': {
      const a = evaluate(e.args[0], p);
      const v = new Float64Array(N);
      const x = a.v;
      switch (e.fn) {
        case 'ln':
        case 'log': for (let k = 0; k < N; k++) v[k] = x[k] > 0 ? log(x[k]) : NaN; break;
        case 'log10': for (let k = 0; k < N; k++) v[k] = x[k] > 0 ? log10(x[k]) : NaN; break;
        case 'exp': for (let k = 0; k < N; k++) v[k] = exp(x[k]); break;
        case 'sqrt': for (let k = 0; k < N; k++) v[k] = x[k] >= 0 ? Math.sqrt(x[k]) : NaN; break;
        case 'abs': for (let k = 0; k < N; k++) v[k] = Math.abs(x[k]); break;
        case 'lag':
        case 'diff': {
          const lagBy = e.args[1] ? (e.args[1] as { value: number }).value : 1;
          const T = p.periods.length;
          const tIndex = new Map(p.periods.map((t, j) => [t, j]));
          const miss = new Uint8Array(N);
          for (let t = 0; t < T; t++) {
            const s = tIndex.get(p.periods[t] - lagBy);
            for (let i = 0; i < p.ids.length; i++) {
              const k = i * T + t;
              const lagged = s === undefined ? NaN : x[i * T + s];
              const lm = s === undefined ? 1 : a.miss[i * T + s];
              if (e.fn === 'lag') {
                v[k] = lagged;
                miss[k] = lm;
              } else {
                v[k] = x[k] - lagged;
                miss[k] = lm | a.miss[k];
              }
            }
          }
          return { v, miss };
        }
      }
      return { v, miss: a.miss };
    }
  }
}

export interface DeriveSpec {
  name: string;
  expression: string;
  label?: { zh?: string; en?: string };
  unit?: string;
}

export interface DeriveResult {
  panel: Panel;
  /** Per derived column: cells computed, missing because an input was missing, and undefined. */
  counts: { name: string; expression: string; ok: number; missing: number; undefined: number }[];
  /** Cells where the formula had no value although its inputs were present. */
  undefinedCells: { id: string; period: number; variable: string }[];
  warnings: Warning[];
  card: MethodCard;
}

/** Add derived columns; later expressions may use earlier derived names. */
export function derive(p: Panel, specs: readonly DeriveSpec[] | Record<string, string>): DeriveResult {
  const list: DeriveSpec[] = Array.isArray(specs) ? [...specs] : Object.entries(specs).map(([name, expression]) => ({ name, expression }));
  let out = p;
  const counts: DeriveResult['counts'] = [];
  const undefinedCells: DeriveResult['undefinedCells'] = [];
  const warnings: Warning[] = [];
  const T = p.periods.length;
  for (const spec of list) {
    if (!spec.name || !spec.name.trim()) throw new UsageError('bad-derive-name', `derived column needs a name (expression "${spec.expression}")`);
    const tree = parseExpression(spec.expression);
    for (const c of expressionColumns(tree)) {
      if (!out.columns[c]) {
        const near = Object.keys(out.columns)
          .map((name) => ({ name, d: editDistance(c.toLowerCase(), name.toLowerCase()) }))
          .filter((x) => x.d <= Math.max(2, Math.ceil(c.length / 3)))
          .sort((a, b) => a.d - b.d || (a.name < b.name ? -1 : 1))
          .slice(0, 3)
          .map((x) => x.name);
        throw new UsageError(
          'unknown-column',
          `expression "${spec.expression}" uses "${c}", which is not a numeric column of ${p.source ?? 'the data'}${near.length ? `; closest: ${near.join(', ')}` : ''}`,
          `columns are: ${Object.keys(out.columns).join(', ')}`,
        );
      }
    }
    const r = evaluate(tree, out);
    const v = Float64Array.from(r.v);
    let ok = 0;
    let missing = 0;
    let undef = 0;
    for (let k = 0; k < v.length; k++) {
      if (Number.isFinite(v[k])) ok++;
      else {
        v[k] = NaN;
        if (r.miss[k]) missing++;
        else {
          undef++;
          undefinedCells.push({ id: p.ids[Math.floor(k / T)], period: p.periods[k % T], variable: spec.name });
        }
      }
    }
    counts.push({ name: spec.name, expression: spec.expression, ok, missing, undefined: undef });
    if (undef) {
      warnings.push({
        code: 'derive-undefined',
        message: `${spec.name} = ${spec.expression}: ${undef} cells have no value (division by zero, log of a non-positive number, or overflow)`,
        messageZh: `${spec.name} = ${spec.expression}：${undef} 个单元格无定义（除以零、对非正数取对数或溢出）`,
        count: undef,
        where: { column: spec.name },
      });
    }
    out = withColumn(out, spec.name, v, { key: spec.name, label: spec.label, unit: spec.unit, source: `derived: ${spec.expression}` });
  }
  return {
    panel: out,
    counts,
    undefinedCells,
    warnings,
    card: {
      method: 'derive',
      title: { en: 'Derived indicators', zh: '派生指标' },
      conventions: {
        expressions: Object.fromEntries(list.map((s) => [s.name, s.expression])),
        log: 'natural (ln and log are the same; log10 for base 10)',
        lag: 'lag(x, k) = x at period t − k of the same entity; missing when that period is not in the data',
        invalidCells: 'missing inputs stay missing; division by zero, ln of x ≤ 0 and overflow give missing, counted as undefined',
      },
      citations: [],
      software: SOFTWARE,
      statusCounts: { ok: counts.reduce((s, c) => s + c.ok, 0), undefined: counts.reduce((s, c) => s + c.undefined, 0), missing: counts.reduce((s, c) => s + c.missing, 0) },
    },
  };
}
