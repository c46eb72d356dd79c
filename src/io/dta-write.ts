// Write Stata .dta files: format 118 by default (Stata 14 and later read it; little-endian, UTF-8).
// Formats 117 and 119 and big-endian (MSF) output are available for interoperability tests; 117 strings
// are written as UTF-8 (Stata 13 itself knew no Unicode).
//
// Restated from Stata's published format description (`help dta`); no code copied.
// Storage types are chosen so that nothing is lost:
//  - numeric columns holding only integers use the smallest of byte / int / long whose valid range holds
//    them; anything else (fractions, −0, integers beyond ±2147483620) is stored as double;
//  - a `types` hint (e.g. the types a file was read with) is honoured when the values fit it exactly,
//    so float columns stay float on a read → write round trip;
//  - string columns are str# (# = longest value in UTF-8 bytes, at least 1) up to 2045 bytes, strL beyond
//    that or when a value contains a NUL byte; null in a string column is written as "" (Stata has no
//    missing string);
//  - null numeric cells are `.`, or the extended code from `missingCodes` (`.a`…`.z`).
// Output is deterministic: no timestamp unless one is given. O(cells).

import { DataError } from '../core/errors.js';
import {
  type DtaNumericType,
  type DtaType,
  type DtaRelease,
  type DtaByteOrder,
  layoutFor,
  DOUBLE_MISSING_HI,
  DOUBLE_MISSING_HI_STEP,
  FLOAT_MISSING_BITS,
  FLOAT_MISSING_STEP,
  INT_MISSING_BASE,
  INT_VALID_MIN,
  MAX_STR_WIDTH,
  NUMERIC_WIDTH,
  TYPE_CODE,
  defaultFormat,
  missingCodeFromName,
} from './dta-format.js';

export interface DtaWriteInput {
  header: string[];
  columns: (string | number | null)[][];
  variableLabels?: Record<string, string>;
  /** Column → (value → label). The set is named after the column unless `valueLabelNames` says otherwise. */
  valueLabels?: Record<string, Record<string, string>>;
  valueLabelNames?: Record<string, string>;
  formats?: Record<string, string>;
  missingCodes?: Record<string, Record<number, string>>;
  /** Preferred storage types, used when the values fit exactly. */
  types?: Record<string, DtaType>;
  dataLabel?: string;
  /** "dd Mon yyyy hh:mm" (17 characters) or empty. */
  timestamp?: string;
  /** Where the table came from, for error messages. */
  source?: string;
}

export interface WriteDtaOptions {
  release?: DtaRelease;
  byteOrder?: DtaByteOrder;
}

const enc = new TextEncoder();
const FLOAT_MAX = 1.7014117331926443e38; // largest non-missing float (0x7effffff)
const DOUBLE_MAX = 8.98846567431158e307; // 2^1023: from here up the bit patterns are missing codes
const NAME_RE = /^[\p{L}_][\p{L}\p{N}_]{0,31}$/u;

interface ColPlan {
  type: DtaType;
  width: number; // str# width
  cell: number; // bytes per cell
  code: number; // type code
}

class Out {
  buf = new Uint8Array(1 << 16);
  view = new DataView(this.buf.buffer);
  pos = 0;
  constructor(readonly le: boolean) {}
  ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.pos + n) cap *= 2;
    const b = new Uint8Array(cap);
    b.set(this.buf.subarray(0, this.pos));
    this.buf = b;
    this.view = new DataView(b.buffer);
  }
  ascii(s: string): void {
    this.ensure(s.length);
    for (let k = 0; k < s.length; k++) this.buf[this.pos++] = s.charCodeAt(k);
  }
  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }
  /** `b` padded with NULs to exactly `n` bytes (caller checked b.length ≤ n). */
  fixed(b: Uint8Array, n: number): void {
    this.ensure(n);
    this.buf.fill(0, this.pos, this.pos + n);
    this.buf.set(b, this.pos);
    this.pos += n;
  }
  /** A str# cell: `s` in UTF-8, NUL-padded to `width` bytes (the column width covers the longest value). */
  str(s: string, width: number): void {
    this.ensure(width);
    const at = this.pos;
    const b = this.buf;
    let k = 0;
    for (; k < s.length; k++) {
      const c = s.charCodeAt(k);
      if (c >= 0x80) break;
      b[at + k] = c;
    }
    let end = at + k;
    if (k < s.length) end = at + enc.encodeInto(s, b.subarray(at, at + width)).written; // non-ASCII: re-encode whole
    b.fill(0, end, at + width);
    this.pos = at + width;
  }
  u8(v: number): void { this.ensure(1); this.buf[this.pos++] = v; }
  u16(v: number): void { this.ensure(2); this.view.setUint16(this.pos, v, this.le); this.pos += 2; }
  u32(v: number): void { this.ensure(4); this.view.setUint32(this.pos, v, this.le); this.pos += 4; }
  i32(v: number): void { this.ensure(4); this.view.setInt32(this.pos, v, this.le); this.pos += 4; }
  u64(v: number): void {
    this.ensure(8);
    this.view.setUint32(this.pos + (this.le ? 0 : 4), v % 4294967296, this.le);
    this.view.setUint32(this.pos + (this.le ? 4 : 0), Math.floor(v / 4294967296), this.le);
    this.pos += 8;
  }
  uint(v: number, n: number): void {
    if (n === 1) this.u8(v);
    else if (n === 2) this.u16(v);
    else if (n === 4) this.u32(v);
    else this.u64(v);
  }
  /** Unsigned integer in `n` bytes (n ≤ 6) at `at`, in this byte order. */
  uintAt(at: number, v: number, n: number): void {
    for (let k = 0; k < n; k++) {
      const byte = Math.floor(v / 256 ** k) % 256;
      this.buf[this.le ? at + k : at + n - 1 - k] = byte;
    }
  }
}

function fitsInt(values: readonly (string | number | null)[], t: 'byte' | 'int' | 'long'): boolean {
  const lo = INT_VALID_MIN[t];
  const hi = INT_MISSING_BASE[t] - 1;
  for (const v of values) {
    if (v === null || (typeof v === 'number' && Number.isNaN(v))) continue;
    const x = v as number;
    if (!Number.isInteger(x) || x < lo || x > hi || Object.is(x, -0)) return false;
  }
  return true;
}

function fitsFloat(values: readonly (string | number | null)[]): boolean {
  for (const v of values) {
    if (v === null || (typeof v === 'number' && Number.isNaN(v))) continue;
    const x = v as number;
    if (Math.fround(x) !== x || Math.abs(x) > FLOAT_MAX) return false;
  }
  return true;
}

function planColumn(name: string, values: readonly (string | number | null)[], hint: DtaType | undefined, file: string): ColPlan {
  let nStr = 0;
  let nNum = 0;
  let maxBytes = 0;
  let hasNul = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null) continue;
    if (typeof v === 'string') {
      nStr++;
      const b = utf8Length(v);
      if (b > maxBytes) maxBytes = b;
      if (!hasNul && v.includes('\0')) hasNul = true;
    } else if (typeof v === 'number') {
      nNum++;
      if (v === Infinity || v === -Infinity || Math.abs(v) >= DOUBLE_MAX) {
        throw new DataError('dta-not-representable', `value ${v} cannot be stored in a Stata file (largest double is below 2^1023)`, { file, column: name, row: i + 1 }, 'replace infinite or huge values by missing before saving');
      }
    } else {
      throw new DataError('dta-bad-cell', `cell of type ${typeof v} cannot be written`, { file, column: name, row: i + 1 });
    }
  }
  if (nStr > 0 && nNum > 0) {
    const i = values.findIndex((v) => typeof v === 'number');
    throw new DataError('dta-mixed-column', 'column mixes text and numbers; a Stata variable is either numeric or string', { file, column: name, row: i + 1 }, 'convert the column to one type before saving');
  }
  if (nStr > 0 || hint === 'str' || hint === 'strL') {
    if (hasNul || maxBytes > MAX_STR_WIDTH || (hint === 'strL' && nNum === 0)) return { type: 'strL', width: 0, cell: 8, code: TYPE_CODE.strL };
    const w = Math.max(1, maxBytes);
    return { type: 'str', width: w, cell: w, code: w };
  }
  const numericPlan = (t: DtaNumericType): ColPlan => ({ type: t, width: 0, cell: NUMERIC_WIDTH[t], code: TYPE_CODE[t] });
  if (hint === 'byte' || hint === 'int' || hint === 'long') {
    if (fitsInt(values, hint)) return numericPlan(hint);
  } else if (hint === 'float') {
    if (fitsFloat(values)) return numericPlan('float');
  } else if (hint === 'double') return numericPlan('double');
  if (fitsInt(values, 'byte')) return numericPlan('byte');
  if (fitsInt(values, 'int')) return numericPlan('int');
  if (fitsInt(values, 'long')) return numericPlan('long');
  return numericPlan('double');
}

function utf8Length(s: string): number {
  let n = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && k + 1 < s.length && (s.charCodeAt(k + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      k++;
    } else n += 3;
  }
  return n;
}

// Names Stata reserves (help varname): they cannot name a variable or a value-label set.
const RESERVED = new Set(['_all', '_b', 'byte', '_coef', '_cons', 'double', 'float', 'if', 'in', 'int', 'long', '_n', '_N', '_pi', '_pred', '_rc', '_skip', 'str', 'strL', 'using', 'with']);

function checkName(kind: string, what: string, nm: string, file: string): void {
  if (!NAME_RE.test(nm) || RESERVED.has(nm) || /^str\d+$/.test(nm)) {
    throw new DataError(
      'dta-bad-name',
      `${what} ${JSON.stringify(nm)} is not a valid Stata name (1–32 letters, digits or _, not starting with a digit, not a reserved word)`,
      { file, column: kind === 'variable' ? nm : undefined },
      'rename it before saving as .dta',
    );
  }
}

function textField(s: string, maxChars: number, maxBytes: number, what: string, file: string, column?: string): Uint8Array {
  const b = enc.encode(s);
  if ([...s].length > maxChars || b.length >= maxBytes) {
    throw new DataError('dta-text-too-long', `${what} is longer than Stata allows (${maxChars} characters)`, { file, column, text: s.length > 60 ? s.slice(0, 60) + '…' : s }, 'shorten it before saving as .dta');
  }
  return b;
}

/** Serialise a table as a Stata .dta file (format 118 unless asked). Throws DataError for what Stata cannot hold. */
export function writeDta(table: DtaWriteInput, options: WriteDtaOptions = {}): Uint8Array {
  const file = table.source ?? 'output.dta';
  const release = options.release ?? 118;
  const L = layoutFor(release);
  const le = (options.byteOrder ?? 'LSF') === 'LSF';
  const nameMax = release === 117 ? 32 : 128;
  const K = table.header.length;
  if (table.columns.length !== K) {
    throw new DataError('dta-bad-table', `header has ${K} names but there are ${table.columns.length} columns`, { file });
  }
  if (K > (release === 119 ? 2147483647 : 32767)) throw new DataError('dta-too-many-variables', `${K} variables exceed format ${release}'s limit of 32,767`, { file });
  const N = K === 0 ? 0 : table.columns[0].length;
  const seen = new Set<string>();
  for (let j = 0; j < K; j++) {
    const nm = table.header[j];
    checkName('variable', 'variable name', nm, file);
    if (seen.has(nm)) throw new DataError('dta-duplicate-name', `variable name "${nm}" appears twice`, { file, column: nm });
    seen.add(nm);
    if (table.columns[j].length !== N) {
      throw new DataError('dta-bad-table', `column "${nm}" has ${table.columns[j].length} cells, the first column has ${N}`, { file, column: nm });
    }
  }
  const plans = table.header.map((nm, j) => planColumn(nm, table.columns[j], table.types?.[nm], file));

  // Value-label sets: one per distinct set name; columns sharing a name must agree.
  const sets = new Map<string, Record<string, string>>();
  const vlName: string[] = new Array(K).fill('');
  for (let j = 0; j < K; j++) {
    const nm = table.header[j];
    const vl = table.valueLabels?.[nm];
    if (!vl) continue;
    if (plans[j].type === 'str' || plans[j].type === 'strL') {
      throw new DataError('dta-bad-value-labels', 'value labels can only be attached to numeric variables', { file, column: nm });
    }
    const setName = table.valueLabelNames?.[nm] ?? nm;
    checkName('set', 'value-label set name', setName, file);
    const prev = sets.get(setName);
    if (prev && JSON.stringify(sortedEntries(prev)) !== JSON.stringify(sortedEntries(vl))) {
      throw new DataError('dta-bad-value-labels', `value-label set "${setName}" is given twice with different contents`, { file, column: nm });
    }
    sets.set(setName, vl);
    vlName[j] = setName;
  }

  const o = new Out(le);
  const map: number[] = new Array(14).fill(0);
  o.ascii(`<stata_dta><header><release>${release}</release><byteorder>${le ? 'LSF' : 'MSF'}</byteorder><K>`);
  o.uint(K, L.kBytes);
  o.ascii('</K><N>');
  o.uint(N, L.nBytes);
  o.ascii('</N><label>');
  const label = textField(table.dataLabel ?? '', 80, release === 117 ? 81 : 321, 'dataset label', file);
  o.uint(label.length, L.labelLenBytes);
  o.bytes(label);
  o.ascii('</label><timestamp>');
  const ts = table.timestamp ?? '';
  if (ts !== '' && !/^[ 0-3]\d [A-Z][a-z]{2} \d{4} \d\d:\d\d$/.test(ts)) {
    throw new DataError('dta-bad-timestamp', `timestamp must look like "06 Aug 2020 12:12"`, { file, text: ts });
  }
  o.u8(ts.length);
  o.ascii(ts);
  o.ascii('</timestamp></header>');
  map[1] = o.pos;
  o.ascii('<map>');
  const mapAt = o.pos;
  for (let k = 0; k < 14; k++) o.u64(0);
  o.ascii('</map>');
  map[2] = o.pos;
  o.ascii('<variable_types>');
  for (const p of plans) o.u16(p.code);
  o.ascii('</variable_types>');
  map[3] = o.pos;
  o.ascii('<varnames>');
  for (const nm of table.header) o.fixed(nameBytes(nm, nameMax, file), L.nameBytes);
  o.ascii('</varnames>');
  map[4] = o.pos;
  o.ascii('<sortlist>');
  for (let j = 0; j <= K; j++) o.uint(0, L.sortBytes);
  o.ascii('</sortlist>');
  map[5] = o.pos;
  o.ascii('<formats>');
  for (let j = 0; j < K; j++) {
    const nm = table.header[j];
    const given = table.formats?.[nm];
    const fmt = given && formatFits(given, plans[j].type) ? given : defaultFormat(plans[j].type, plans[j].width);
    o.fixed(textField(fmt, L.formatBytes - 1, L.formatBytes, 'display format', file, nm), L.formatBytes);
  }
  o.ascii('</formats>');
  map[6] = o.pos;
  o.ascii('<value_label_names>');
  for (let j = 0; j < K; j++) o.fixed(nameBytes(vlName[j], nameMax, file), L.nameBytes);
  o.ascii('</value_label_names>');
  map[7] = o.pos;
  o.ascii('<variable_labels>');
  for (let j = 0; j < K; j++) {
    const nm = table.header[j];
    o.fixed(textField(table.variableLabels?.[nm] ?? '', 80, L.varLabelBytes, 'variable label', file, nm), L.varLabelBytes);
  }
  o.ascii('</variable_labels>');
  map[8] = o.pos;
  o.ascii('<characteristics></characteristics>');
  map[9] = o.pos;
  o.ascii('<data>');
  let rowWidth = 0;
  for (const p of plans) rowWidth += p.cell;
  o.ensure(rowWidth * N);
  const strls: { v: number; o: number; bytes: Uint8Array }[] = [];
  const codes = table.header.map((nm) => table.missingCodes?.[nm]);
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < K; j++) {
      const p = plans[j];
      const v = table.columns[j][i];
      const at = o.pos;
      const view = o.view;
      if (p.type === 'str' || p.type === 'strL') {
        const s = (v as string | null) ?? '';
        if (p.type === 'str') {
          o.str(s, p.width);
        } else {
          if (s === '') {
            o.buf.fill(0, at, at + 8);
          } else {
            // v = variable number, o = observation number (both 1-based). 117: v and o are 4 bytes each;
            // 118: v takes the first 2 bytes and o the next 6; 119: 3 and 5 (each in the file's byte order).
            const vv = j + 1;
            const oo = i + 1;
            o.uintAt(at, vv, L.strlVBytes);
            o.uintAt(at + L.strlVBytes, oo, 8 - L.strlVBytes);
            strls.push({ v: vv, o: oo, bytes: enc.encode(s) });
          }
          o.pos = at + 8;
        }
        continue;
      }
      const isMissing = v === null || Number.isNaN(v as number);
      let code = 0;
      if (isMissing) {
        const name = codes[j]?.[i];
        if (name !== undefined) {
          code = missingCodeFromName(name);
          if (code < 0) {
            throw new DataError('dta-bad-missing-code', `missing-value code must be ".", ".a" … ".z"`, { file, column: table.header[j], row: i + 1, text: name });
          }
        }
      }
      switch (p.type) {
        case 'byte':
          view.setInt8(at, isMissing ? INT_MISSING_BASE.byte + code : (v as number));
          break;
        case 'int':
          view.setInt16(at, isMissing ? INT_MISSING_BASE.int + code : (v as number), le);
          break;
        case 'long':
          view.setInt32(at, isMissing ? INT_MISSING_BASE.long + code : (v as number), le);
          break;
        case 'float':
          if (isMissing) view.setUint32(at, FLOAT_MISSING_BITS + code * FLOAT_MISSING_STEP, le);
          else view.setFloat32(at, v as number, le);
          break;
        case 'double':
          if (isMissing) {
            view.setUint32(at + (le ? 0 : 4), 0, le);
            view.setUint32(at + (le ? 4 : 0), DOUBLE_MISSING_HI + code * DOUBLE_MISSING_HI_STEP, le);
          } else view.setFloat64(at, v as number, le);
          break;
      }
      o.pos = at + p.cell;
    }
  }
  o.ascii('</data>');
  map[10] = o.pos;
  o.ascii('<strls>');
  for (const s of strls) {
    o.ascii('GSO');
    o.u32(s.v);
    o.uint(s.o, L.gsoOBytes);
    o.u8(130);
    o.u32(s.bytes.length + 1);
    o.bytes(s.bytes);
    o.u8(0);
  }
  o.ascii('</strls>');
  map[11] = o.pos;
  o.ascii('<value_labels>');
  for (const [setName, set] of [...sets.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const entries = sortedEntries(set);
    const texts = entries.map(([val, lab]) => {
      if (!Number.isInteger(val) || val < -2147483647 || val > 2147483620) {
        throw new DataError('dta-bad-value-labels', `value-label set "${setName}": value ${val} is not an integer Stata can label`, { file });
      }
      return enc.encode(lab);
    });
    let txtlen = 0;
    for (const t of texts) txtlen += t.length + 1;
    const len = 8 + 8 * entries.length + txtlen;
    o.ascii('<lbl>');
    o.i32(len);
    o.fixed(nameBytes(setName, nameMax, file), L.nameBytes);
    o.fixed(new Uint8Array(0), 3);
    o.i32(entries.length);
    o.i32(txtlen);
    let off = 0;
    for (const t of texts) {
      o.i32(off);
      off += t.length + 1;
    }
    for (const [val] of entries) o.i32(val);
    for (const t of texts) {
      o.bytes(t);
      o.u8(0);
    }
    o.ascii('</lbl>');
  }
  o.ascii('</value_labels>');
  map[12] = o.pos;
  o.ascii('</stata_dta>');
  map[13] = o.pos;
  const end = o.pos;
  o.pos = mapAt;
  for (let k = 0; k < 14; k++) o.u64(map[k]);
  return o.buf.slice(0, end);
}

function nameBytes(nm: string, maxBytes: number, file: string): Uint8Array {
  const b = enc.encode(nm);
  if (b.length > maxBytes) throw new DataError('dta-bad-name', `name ${JSON.stringify(nm)} is too long for this .dta format`, { file }, 'use a shorter name');
  return b;
}

function sortedEntries(set: Record<string, string>): [number, string][] {
  return Object.entries(set)
    .map(([k, v]) => [Number(k), v] as [number, string])
    .sort((a, b) => a[0] - b[0]);
}

/** A string format (%…s) only suits string variables, a numeric one only numbers. */
function formatFits(fmt: string, type: DtaType): boolean {
  if (!fmt.startsWith('%')) return false;
  const isStrFmt = /s$/.test(fmt);
  return (type === 'str' || type === 'strL') === isStrFmt;
}
