// Indicator formulas over panel columns, e.g. "rnna / emp", "csh_x - csh_m", "ln(rtfpna / lag(rtfpna))".
//
// Grammar: expr := term (('+'|'-') term)*; term := unary (('*'|'/') unary)*; unary := '-' unary | power;
// power := atom ('^' unary)?; atom := number | column | func '(' expr (',' expr)* ')' | '(' expr ')'.
// Functions: ln, log (natural), log10, exp, sqrt, abs, min, max, lag(x[, k]) (the value k periods earlier in
// the panel's period list for the same entity; NaN in the first k periods).
// Evaluation is vectorised over all panel cells; invalid arithmetic (ln of ≤ 0, division by 0) gives NaN,
// which the index reports as an incomplete row, never silently. O(cells × nodes).

import { exp, log, log10, pow } from '../math/elementary.js';

export type FormulaNode =
  | { type: 'num'; value: number }
  | { type: 'col'; name: string }
  | { type: 'neg'; arg: FormulaNode }
  | { type: 'bin'; op: '+' | '-' | '*' | '/' | '^'; left: FormulaNode; right: FormulaNode }
  | { type: 'call'; fn: string; args: FormulaNode[] };

const FUNCS = new Set(['ln', 'log', 'log10', 'exp', 'sqrt', 'abs', 'min', 'max', 'lag']);

export class FormulaError extends Error {
  constructor(message: string, readonly position: number) {
    super(message);
    this.name = 'FormulaError';
  }
}

export function parseFormula(text: string): FormulaNode {
  let pos = 0;
  const peek = (): string => { while (pos < text.length && /\s/.test(text[pos])) pos++; return text[pos] ?? ''; };
  const expect = (ch: string) => { if (peek() !== ch) throw new FormulaError(`expected "${ch}" at position ${pos + 1} of "${text}"`, pos); pos++; };
  const expr = (): FormulaNode => {
    let left = term();
    for (let c = peek(); c === '+' || c === '-'; c = peek()) { pos++; left = { type: 'bin', op: c, left, right: term() }; }
    return left;
  };
  const term = (): FormulaNode => {
    let left = unary();
    for (let c = peek(); c === '*' || c === '/'; c = peek()) { pos++; left = { type: 'bin', op: c, left, right: unary() }; }
    return left;
  };
  const unary = (): FormulaNode => {
    if (peek() === '-') { pos++; return { type: 'neg', arg: unary() }; }
    if (peek() === '+') { pos++; return unary(); }
    const base = atom();
    if (peek() === '^') { pos++; return { type: 'bin', op: '^', left: base, right: unary() }; }
    return base;
  };
  const atom = (): FormulaNode => {
    const c = peek();
    if (c === '(') { pos++; const e = expr(); expect(')'); return e; }
    const num = /^(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/.exec(text.slice(pos));
    if (num) { pos += num[0].length; return { type: 'num', value: Number(num[0]) }; }
    const id = /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*/.exec(text.slice(pos));
    if (id) {
      pos += id[0].length;
      if (peek() === '(') {
        const fn = id[0].toLowerCase();
        if (!FUNCS.has(fn)) throw new FormulaError(`unknown function "${id[0]}" in "${text}" (known: ${[...FUNCS].join(', ')})`, pos);
        pos++;
        const args = [expr()];
        while (peek() === ',') { pos++; args.push(expr()); }
        expect(')');
        return { type: 'call', fn, args };
      }
      return { type: 'col', name: id[0] };
    }
    throw new FormulaError(c ? `unexpected "${c}" at position ${pos + 1} of "${text}"` : `formula "${text}" ends too early`, pos);
  };
  const node = expr();
  if (peek() !== '') throw new FormulaError(`unexpected "${peek()}" at position ${pos + 1} of "${text}"`, pos);
  return node;
}

/** Column names a formula reads. */
export function formulaColumns(node: FormulaNode, out: Set<string> = new Set()): Set<string> {
  if (node.type === 'col') out.add(node.name);
  else if (node.type === 'neg') formulaColumns(node.arg, out);
  else if (node.type === 'bin') { formulaColumns(node.left, out); formulaColumns(node.right, out); }
  else if (node.type === 'call') for (const a of node.args) formulaColumns(a, out);
  return out;
}

/** Evaluate over cells laid out entity-major with T periods per entity. */
export function evaluateFormula(node: FormulaNode, columns: Record<string, Float64Array>, nCells: number, T: number): Float64Array {
  const ev = (n: FormulaNode): Float64Array => {
    switch (n.type) {
      case 'num': return new Float64Array(nCells).fill(n.value);
      case 'col': {
        const c = columns[n.name];
        if (!c) throw new FormulaError(`unknown column "${n.name}"`, 0);
        return c;
      }
      case 'neg': return Float64Array.from(ev(n.arg), (v) => -v);
      case 'bin': {
        const a = ev(n.left), b = ev(n.right);
        const out = new Float64Array(nCells);
        for (let k = 0; k < nCells; k++) {
          const x = a[k], y = b[k];
          let v: number;
          switch (n.op) {
            case '+': v = x + y; break;
            case '-': v = x - y; break;
            case '*': v = x * y; break;
            case '/': v = y === 0 ? NaN : x / y; break;
            default: v = pow(x, y);
          }
          out[k] = Number.isFinite(v) ? v : NaN;
        }
        return out;
      }
      case 'call': {
        const args = n.args.map(ev);
        const out = new Float64Array(nCells);
        if (n.fn === 'lag') {
          const kk = n.args[1] && n.args[1].type === 'num' ? Math.round(n.args[1].value) : 1;
          const a = args[0];
          for (let k = 0; k < nCells; k++) { const t = k % T; out[k] = t - kk >= 0 && t - kk < T ? a[k - kk] : NaN; }
          return out;
        }
        const a = args[0];
        for (let k = 0; k < nCells; k++) {
          const x = a[k];
          let v: number;
          switch (n.fn) {
            case 'ln': case 'log': v = x > 0 ? log(x) : NaN; break;
            case 'log10': v = x > 0 ? log10(x) : NaN; break;
            case 'exp': v = exp(x); break;
            case 'sqrt': v = x >= 0 ? Math.sqrt(x) : NaN; break;
            case 'abs': v = Math.abs(x); break;
            case 'min': v = args.reduce((m, c) => Math.min(m, c[k]), Infinity); break;
            default: v = args.reduce((m, c) => Math.max(m, c[k]), -Infinity);
          }
          out[k] = Number.isFinite(v) ? v : NaN;
        }
        return out;
      }
    }
  };
  return ev(node);
}
