// Read Stata .dta files, formats 117 (Stata 13), 118 (Stata 14–18) and 119 (more than 32,767 variables).
//
// Restated from Stata's published format description (`help dta`, `help dta_117`); no code copied.
// The file is parsed front to back, checking every section tag, so a truncated or damaged file fails
// with a DataError naming the file, the section and the byte offset instead of returning garbage.
// Conventions:
//  - numeric missing values (`.`, `.a`…`.z`) become null in `columns`; which extended code a cell held is
//    kept in `missingCodes[column][row]` (rows 0-based), so a write→read round trip keeps them;
//  - byte/int/long are read as exact integers, float is widened to double exactly (no decimal rounding);
//  - strings: 118/119 are UTF-8; 117 has no declared encoding: UTF-8 when the bytes are valid UTF-8,
//    otherwise `options.encoding` (default gb18030, what Stata 13 on Chinese Windows wrote), with a warning;
//  - strL (v,o) references are resolved against the <strls> section; (0,0) is the empty string.
// O(file size) time; one pass over the data section.

import { DataError } from '../core/errors.js';
import type { Warning } from '../core/result.js';
import {
  type DtaByteOrder,
  type DtaRelease,
  type DtaType,
  type ReleaseLayout,
  DOUBLE_MISSING_HI,
  DOUBLE_MISSING_HI_STEP,
  FLOAT_MISSING_BITS,
  FLOAT_MISSING_STEP,
  INT_MISSING_BASE,
  NUMERIC_WIDTH,
  TYPE_CODE,
  MAX_STR_WIDTH,
  layoutFor,
  missingCodeName,
} from './dta-format.js';

export interface DtaVariable {
  name: string;
  type: DtaType;
  /** Width in bytes for str#, 0 otherwise. */
  strWidth: number;
  format: string;
  /** Name of the value-label set attached to the variable ('' when none). */
  valueLabel: string;
  /** Variable label ('' when none). */
  label: string;
}

export interface DtaCharacteristic {
  variable: string; // "_dta" for dataset characteristics
  name: string;
  contents: string;
}

/** The table shape shared with the other loaders, plus everything a .dta carries. */
export interface DtaFile {
  header: string[];
  /** Column-major cells: numbers for numeric variables (null = missing), strings for string variables. */
  columns: (string | number | null)[][];
  variableLabels: Record<string, string>;
  /** Column → (value → label), for columns that have a value-label set attached. */
  valueLabels: Record<string, Record<string, string>>;
  formats: Record<string, string>;
  /** Column → (0-based row → ".a"…".z") for cells holding an extended missing value. */
  missingCodes: Record<string, Record<number, string>>;
  formatRelease: string; // "dta 117" / "dta 118" / "dta 119"
  release: DtaRelease;
  byteOrder: DtaByteOrder;
  nobs: number;
  dataLabel: string;
  timestamp: string;
  variables: DtaVariable[];
  sortlist: string[];
  /** Value-label sets by name: value → label. */
  valueLabelSets: Record<string, Record<string, string>>;
  characteristics: DtaCharacteristic[];
  /** Text encoding used for strings. */
  encoding: string;
  warnings: Warning[];
}

export interface ReadDtaOptions {
  /** Encoding for format-117 strings that are not valid UTF-8 (default "gb18030"). */
  encoding?: string;
}

const ascii = new TextDecoder('latin1');

class Reader {
  readonly view: DataView;
  pos = 0;
  section = 'header';
  le = true;
  constructor(readonly bytes: Uint8Array, readonly file: string) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  fail(kind: string, what: string, at = this.pos): never {
    throw new DataError(
      kind,
      `${what} at byte offset ${at} (section <${this.section}>)`,
      { file: this.file },
      kind === 'dta-truncated'
        ? 'the file is incomplete (an interrupted download or copy?); save it again from Stata or copy it again'
        : 'the file is not a valid Stata .dta file; open and save it again in Stata (13 or later)',
      { offset: at, section: this.section },
    );
  }

  need(n: number): void {
    if (this.pos + n > this.bytes.length) {
      this.fail('dta-truncated', `file ends after ${this.bytes.length} bytes, ${n} more bytes were needed`);
    }
  }

  tag(t: string): void {
    this.need(t.length);
    for (let k = 0; k < t.length; k++) {
      if (this.bytes[this.pos + k] !== t.charCodeAt(k)) {
        const found = ascii.decode(this.bytes.subarray(this.pos, Math.min(this.bytes.length, this.pos + t.length)));
        this.fail('dta-corrupt', `expected ${t} but found ${JSON.stringify(found)}`);
      }
    }
    this.pos += t.length;
  }

  peekTag(t: string): boolean {
    if (this.pos + t.length > this.bytes.length) return false;
    for (let k = 0; k < t.length; k++) if (this.bytes[this.pos + k] !== t.charCodeAt(k)) return false;
    return true;
  }

  u8(): number {
    this.need(1);
    return this.bytes[this.pos++];
  }
  u16(): number {
    this.need(2);
    const v = this.view.getUint16(this.pos, this.le);
    this.pos += 2;
    return v;
  }
  u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.pos, this.le);
    this.pos += 4;
    return v;
  }
  i32(): number {
    this.need(4);
    const v = this.view.getInt32(this.pos, this.le);
    this.pos += 4;
    return v;
  }
  u64(): number {
    this.need(8);
    const lo = this.view.getUint32(this.pos + (this.le ? 0 : 4), this.le);
    const hi = this.view.getUint32(this.pos + (this.le ? 4 : 0), this.le);
    this.pos += 8;
    if (hi >= 0x200000) this.fail('dta-corrupt', 'a 64-bit count or offset is too large', this.pos - 8);
    return hi * 4294967296 + lo;
  }
  uint(n: number): number {
    return n === 1 ? this.u8() : n === 2 ? this.u16() : n === 4 ? this.u32() : this.u64();
  }
  take(n: number): Uint8Array {
    this.need(n);
    const b = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }
}

/** Unsigned integer of `n` bytes (n ≤ 6) at `at` in the given byte order. */
function uintN(bytes: Uint8Array, at: number, n: number, le: boolean): number {
  let v = 0;
  if (le) for (let k = n - 1; k >= 0; k--) v = v * 256 + bytes[at + k];
  else for (let k = 0; k < n; k++) v = v * 256 + bytes[at + k];
  return v;
}

function cstringEnd(b: Uint8Array): number {
  const z = b.indexOf(0);
  return z < 0 ? b.length : z;
}

/**
 * Parse a .dta file. `name` is used in error messages (the file name as the user gave it).
 * Throws DataError: `dta-bad-magic`, `dta-unsupported-release`, `dta-truncated`, `dta-corrupt`.
 */
export function readDta(bytes: Uint8Array, name = 'data.dta', options: ReadDtaOptions = {}): DtaFile {
  const r = new Reader(bytes, name);
  const warnings: Warning[] = [];
  if (bytes.length === 0) r.fail('dta-truncated', 'the file is empty');
  if (!r.peekTag('<stata_dta>')) {
    // Formats ≤ 115 start with the release number as a single byte, then the byte order (1 = MSF, 2 = LSF).
    const b0 = bytes[0];
    if (bytes.length >= 2 && b0 >= 102 && b0 <= 115 && (bytes[1] === 1 || bytes[1] === 2)) {
      throw new DataError(
        'dta-unsupported-release',
        `Stata .dta format ${b0} (written by Stata 12 or older) is not supported; xinzhi reads formats 117, 118 and 119 (release byte at byte offset 0, section <header>)`,
        { file: name },
        'open the file in Stata 13 or later and `save` it again (or in Stata 14+: `saveold FILE, version(13)`)',
        { release: b0, offset: 0, section: 'header' },
      );
    }
    r.fail('dta-bad-magic', 'not a Stata .dta file: it does not start with <stata_dta>', 0);
  }
  r.tag('<stata_dta>');
  r.tag('<header>');
  r.tag('<release>');
  const relAt = r.pos;
  const relText = ascii.decode(r.take(3));
  r.section = 'header';
  if (!r.peekTag('</release>')) r.fail('dta-corrupt', `unreadable release number ${JSON.stringify(relText)}`, relAt);
  const relNum = Number(relText);
  if (relNum !== 117 && relNum !== 118 && relNum !== 119) {
    throw new DataError(
      'dta-unsupported-release',
      `Stata .dta format ${relText} is not supported; xinzhi reads formats 117, 118 and 119 (at byte offset ${relAt}, section <header>)`,
      { file: name },
      relNum > 119
        ? 'save the data from Stata with `saveold FILE, version(14)` (format 118)'
        : 'open the file in Stata 13 or later and `save` it again',
      { release: relNum, offset: relAt, section: 'header' },
    );
  }
  const release = relNum as DtaRelease;
  const L: ReleaseLayout = layoutFor(release);
  r.tag('</release>');
  r.tag('<byteorder>');
  const boAt = r.pos;
  const bo = ascii.decode(r.take(3));
  if (bo !== 'MSF' && bo !== 'LSF') r.fail('dta-corrupt', `byte order must be MSF or LSF, found ${JSON.stringify(bo)}`, boAt);
  const byteOrder = bo as DtaByteOrder;
  r.le = byteOrder === 'LSF';
  r.tag('</byteorder>');
  r.tag('<K>');
  const K = r.uint(L.kBytes);
  r.tag('</K>');
  // every variable needs at least its 2-byte type code: a larger K is damage, not a reason to allocate
  if (K * 2 > bytes.length) r.fail('dta-corrupt', `the header claims ${K} variables, more than the file can hold`, r.pos - L.kBytes - 4);
  r.tag('<N>');
  const N = r.uint(L.nBytes);
  r.tag('</N>');
  r.tag('<label>');
  const labelLen = r.uint(L.labelLenBytes);
  const labelBytes = r.take(labelLen);
  r.tag('</label>');
  r.tag('<timestamp>');
  const tsLen = r.u8();
  const tsBytes = r.take(tsLen);
  r.tag('</timestamp>');
  r.tag('</header>');

  // Text decoding. 117: UTF-8 when valid, otherwise the fallback code page.
  const utf8Fatal = new TextDecoder('utf-8', { fatal: true });
  const utf8 = new TextDecoder('utf-8');
  const fallbackName = options.encoding ?? 'gb18030';
  let fallback: TextDecoder | null = null;
  let fallbackCount = 0;
  const decode = (b: Uint8Array): string => {
    if (release !== 117) return utf8.decode(b);
    try {
      return utf8Fatal.decode(b);
    } catch {
      if (!fallback) {
        try {
          fallback = new TextDecoder(fallbackName);
        } catch {
          throw new DataError('dta-bad-encoding', `unknown text encoding "${fallbackName}"`, { file: name }, 'use an encoding name such as gb18030, gbk, windows-1252 or latin1');
        }
      }
      fallbackCount++;
      return fallback.decode(b);
    }
  };
  const cstr = (b: Uint8Array): string => decode(b.subarray(0, cstringEnd(b)));

  const dataLabel = decode(labelBytes);
  const timestamp = decode(tsBytes);

  r.section = 'map';
  r.tag('<map>');
  r.take(14 * 8); // offsets are not needed: sections are read in order and their tags checked
  r.tag('</map>');

  r.section = 'variable_types';
  r.tag('<variable_types>');
  const types: DtaType[] = new Array(K);
  const strWidth = new Int32Array(K);
  const cellWidth = new Int32Array(K);
  for (let j = 0; j < K; j++) {
    const at = r.pos;
    const code = r.u16();
    if (code >= 1 && code <= MAX_STR_WIDTH) {
      types[j] = 'str';
      strWidth[j] = code;
      cellWidth[j] = code;
    } else if (code === TYPE_CODE.strL) {
      types[j] = 'strL';
      cellWidth[j] = 8;
    } else if (code === TYPE_CODE.double) types[j] = 'double';
    else if (code === TYPE_CODE.float) types[j] = 'float';
    else if (code === TYPE_CODE.long) types[j] = 'long';
    else if (code === TYPE_CODE.int) types[j] = 'int';
    else if (code === TYPE_CODE.byte) types[j] = 'byte';
    else r.fail('dta-corrupt', `unknown variable type code ${code} for variable ${j + 1}`, at);
    if (types[j] !== 'str' && types[j] !== 'strL') cellWidth[j] = NUMERIC_WIDTH[types[j] as keyof typeof NUMERIC_WIDTH];
  }
  r.tag('</variable_types>');

  r.section = 'varnames';
  r.tag('<varnames>');
  const names: string[] = [];
  for (let j = 0; j < K; j++) names.push(cstr(r.take(L.nameBytes)));
  r.tag('</varnames>');

  r.section = 'sortlist';
  r.tag('<sortlist>');
  const sortlist: string[] = [];
  let sortDone = false;
  for (let j = 0; j <= K; j++) {
    const s = r.uint(L.sortBytes);
    if (s === 0) sortDone = true;
    else if (!sortDone && s <= K) sortlist.push(names[s - 1]);
  }
  r.tag('</sortlist>');

  r.section = 'formats';
  r.tag('<formats>');
  const formats: string[] = [];
  for (let j = 0; j < K; j++) formats.push(cstr(r.take(L.formatBytes)));
  r.tag('</formats>');

  r.section = 'value_label_names';
  r.tag('<value_label_names>');
  const vlNames: string[] = [];
  for (let j = 0; j < K; j++) vlNames.push(cstr(r.take(L.nameBytes)));
  r.tag('</value_label_names>');

  r.section = 'variable_labels';
  r.tag('<variable_labels>');
  const varLabels: string[] = [];
  for (let j = 0; j < K; j++) varLabels.push(cstr(r.take(L.varLabelBytes)));
  r.tag('</variable_labels>');

  r.section = 'characteristics';
  r.tag('<characteristics>');
  const characteristics: DtaCharacteristic[] = [];
  while (r.peekTag('<ch>')) {
    r.tag('<ch>');
    const len = r.u32();
    const at = r.pos;
    const body = r.take(len);
    if (len < 2 * L.nameBytes) r.fail('dta-corrupt', `characteristic of ${len} bytes is shorter than its two names`, at);
    characteristics.push({
      variable: cstr(body.subarray(0, L.nameBytes)),
      name: cstr(body.subarray(L.nameBytes, 2 * L.nameBytes)),
      contents: cstr(body.subarray(2 * L.nameBytes)),
    });
    r.tag('</ch>');
  }
  r.tag('</characteristics>');

  r.section = 'data';
  r.tag('<data>');
  let rowWidth = 0;
  for (let j = 0; j < K; j++) rowWidth += cellWidth[j];
  const dataStart = r.pos;
  if (dataStart + rowWidth * N > bytes.length) {
    r.fail('dta-truncated', `the data section needs ${rowWidth * N} bytes (${N} observations × ${rowWidth} bytes) but the file ends after ${bytes.length} bytes`);
  }
  const columns: (string | number | null)[][] = [];
  const missingCodes: Record<string, Record<number, string>> = {};
  const strlRefs: (Float64Array | null)[] = []; // strL (v, o) pairs per column, resolved after <strls>
  const strlO: (Float64Array | null)[] = [];
  const view = r.view;
  const le = r.le;
  let off = dataStart;
  for (let j = 0; j < K; j++) {
    columns.push(new Array(N));
    strlRefs.push(types[j] === 'strL' ? new Float64Array(N) : null);
    strlO.push(types[j] === 'strL' ? new Float64Array(N) : null);
  }
  const vBytes = L.strlVBytes;
  // String interning: panels repeat the same ids and labels in every row; hashing the bytes and reusing
  // the decoded string avoids allocating one string per cell (FNV-1a, verified byte by byte on a hit).
  const cache = new Map<number, { at: number; len: number; s: string }>();
  const interned = (from: number, to: number, ascii: boolean): string => {
    const len = to - from;
    if (len === 0) return '';
    let h = 0x811c9dc5;
    for (let q = from; q < to; q++) h = Math.imul(h ^ bytes[q], 0x01000193);
    const hit = cache.get(h);
    if (hit && hit.len === len) {
      let same = true;
      for (let q = 0; q < len; q++) if (bytes[hit.at + q] !== bytes[from + q]) { same = false; break; }
      if (same) return hit.s;
    }
    let s: string;
    if (ascii && len <= 64) {
      s = '';
      for (let q = from; q < to; q++) s += String.fromCharCode(bytes[q]);
    } else s = decode(bytes.subarray(from, to));
    if (cache.size < 65536) cache.set(h, { at: from, len, s });
    return s;
  };
  for (let i = 0; i < (K > 0 ? N : 0); i++) {
    for (let j = 0; j < K; j++) {
      const col = columns[j];
      switch (types[j]) {
        case 'byte': {
          const v = view.getInt8(off);
          if (v > 100) { col[i] = null; recordMissing(missingCodes, names[j], i, v - INT_MISSING_BASE.byte); } else col[i] = v;
          break;
        }
        case 'int': {
          const v = view.getInt16(off, le);
          if (v > 32740) { col[i] = null; recordMissing(missingCodes, names[j], i, v - INT_MISSING_BASE.int); } else col[i] = v;
          break;
        }
        case 'long': {
          const v = view.getInt32(off, le);
          if (v > 2147483620) { col[i] = null; recordMissing(missingCodes, names[j], i, v - INT_MISSING_BASE.long); } else col[i] = v;
          break;
        }
        case 'float': {
          const bits = view.getUint32(off, le);
          // Positive values from 0x7f000000 up (including +Inf/NaN patterns) are missing codes.
          if (bits >= FLOAT_MISSING_BITS && bits < 0x80000000) {
            col[i] = null;
            const code = (bits - FLOAT_MISSING_BITS) / FLOAT_MISSING_STEP;
            recordMissing(missingCodes, names[j], i, Number.isInteger(code) && code <= 26 ? code : 0);
          } else {
            const v = view.getFloat32(off, le);
            col[i] = Number.isFinite(v) ? v : null;
          }
          break;
        }
        case 'double': {
          const hi = view.getUint32(off + (le ? 4 : 0), le);
          if (hi >= DOUBLE_MISSING_HI && hi < 0x80000000) {
            col[i] = null;
            const lo = view.getUint32(off + (le ? 0 : 4), le);
            const code = (hi - DOUBLE_MISSING_HI) / DOUBLE_MISSING_HI_STEP;
            recordMissing(missingCodes, names[j], i, lo === 0 && Number.isInteger(code) && code <= 26 ? code : 0);
          } else {
            const v = view.getFloat64(off, le);
            col[i] = Number.isFinite(v) ? v : null;
          }
          break;
        }
        case 'str': {
          const lim = off + strWidth[j];
          let e = off;
          let ascii = true;
          while (e < lim && bytes[e] !== 0) {
            if (bytes[e] >= 0x80) ascii = false;
            e++;
          }
          col[i] = interned(off, e, ascii);
          break;
        }
        case 'strL': {
          let v: number;
          let o: number;
          if (vBytes === 4) {
            v = view.getUint32(off, le);
            o = view.getUint32(off + 4, le);
          } else if (le) {
            v = uintN(bytes, off, vBytes, true);
            o = uintN(bytes, off + vBytes, 8 - vBytes, true);
          } else {
            v = uintN(bytes, off, vBytes, false);
            o = uintN(bytes, off + vBytes, 8 - vBytes, false);
          }
          strlRefs[j]![i] = v;
          strlO[j]![i] = o;
          col[i] = '';
          break;
        }
      }
      off += cellWidth[j];
    }
  }
  r.pos = off;
  r.tag('</data>');

  r.section = 'strls';
  r.tag('<strls>');
  const gso = new Map<string, string>();
  while (r.peekTag('GSO')) {
    r.tag('GSO');
    const v = r.u32();
    const o = L.gsoOBytes === 4 ? r.u32() : r.u64();
    const tAt = r.pos;
    const t = r.u8();
    if (t !== 129 && t !== 130) r.fail('dta-corrupt', `strL type byte must be 129 or 130, found ${t}`, tAt);
    const len = r.u32();
    const body = r.take(len);
    const text = t === 130 && len > 0 && body[len - 1] === 0 ? body.subarray(0, len - 1) : body;
    gso.set(`${v}:${o}`, decode(text));
  }
  r.tag('</strls>');
  for (let j = 0; j < K; j++) {
    const vs = strlRefs[j];
    if (!vs) continue;
    const os = strlO[j]!;
    const col = columns[j];
    for (let i = 0; i < N; i++) {
      if (vs[i] === 0 && os[i] === 0) continue;
      const s = gso.get(`${vs[i]}:${os[i]}`);
      if (s === undefined) {
        r.fail('dta-corrupt', `strL of variable "${names[j]}", observation ${i + 1} points to (v=${vs[i]}, o=${os[i]}), which is not in the <strls> section`, dataStart);
      }
      col[i] = s as string;
    }
  }

  r.section = 'value_labels';
  r.tag('<value_labels>');
  const valueLabelSets: Record<string, Record<string, string>> = {};
  while (r.peekTag('<lbl>')) {
    r.tag('<lbl>');
    const len = r.i32();
    const setName = cstr(r.take(L.nameBytes));
    r.take(3);
    const tableAt = r.pos;
    const table = r.take(len);
    const tv = new DataView(table.buffer, table.byteOffset, table.byteLength);
    const bad = () => r.fail('dta-corrupt', `value-label table "${setName}" is inconsistent with its length ${len}`, tableAt);
    if (len < 8) bad();
    const n = tv.getInt32(0, le);
    const txtlen = tv.getInt32(4, le);
    if (n < 0 || txtlen < 0 || 8 + 8 * n + txtlen > len) bad();
    const txt = table.subarray(8 + 8 * n, 8 + 8 * n + txtlen);
    const set: Record<string, string> = {};
    for (let k = 0; k < n; k++) {
      const o = tv.getInt32(8 + 4 * k, le);
      const val = tv.getInt32(8 + 4 * n + 4 * k, le);
      if (o < 0 || o > txtlen) bad();
      set[String(val)] = cstr(txt.subarray(o));
    }
    valueLabelSets[setName] = set;
    r.tag('</lbl>');
  }
  r.tag('</value_labels>');
  r.section = 'stata_dta';
  r.tag('</stata_dta>');

  if (fallbackCount > 0) {
    warnings.push({
      code: 'dta-encoding',
      message: `${fallbackCount} strings in this format-117 file are not UTF-8; decoded them as ${fallbackName}`,
      messageZh: `该 117 格式文件中有 ${fallbackCount} 个字符串不是 UTF-8，已按 ${fallbackName} 解码`,
      count: fallbackCount,
      where: { file: name },
    });
  }

  const variables: DtaVariable[] = names.map((nm, j) => ({
    name: nm,
    type: types[j],
    strWidth: strWidth[j],
    format: formats[j],
    valueLabel: vlNames[j],
    label: varLabels[j],
  }));
  const variableLabels: Record<string, string> = {};
  const valueLabels: Record<string, Record<string, string>> = {};
  const fmt: Record<string, string> = {};
  for (const v of variables) {
    if (v.label) variableLabels[v.name] = v.label;
    if (v.valueLabel && valueLabelSets[v.valueLabel]) valueLabels[v.name] = valueLabelSets[v.valueLabel];
    fmt[v.name] = v.format;
  }
  return {
    header: names,
    columns,
    variableLabels,
    valueLabels,
    formats: fmt,
    missingCodes,
    formatRelease: `dta ${release}`,
    release,
    byteOrder,
    nobs: N,
    dataLabel,
    timestamp,
    variables,
    sortlist,
    valueLabelSets,
    characteristics,
    encoding: release === 117 ? (fallbackCount > 0 ? fallbackName : 'utf-8') : 'utf-8',
    warnings,
  };
}

function recordMissing(out: Record<string, Record<number, string>>, col: string, row: number, code: number): void {
  if (code <= 0) return; // system missing "." needs no record
  (out[col] ??= {})[row] = missingCodeName(code);
}
