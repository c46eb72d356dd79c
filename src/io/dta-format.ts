// Stata .dta formats 117, 118 and 119: layout constants, type codes and missing-value encodings.
//
// Restated from Stata's published description of the file format (`help dta`, "[P] file formats .dta",
// formats 117 = Stata 13, 118 = Stata 14–18, 119 = Stata 15+ with more than 32,767 variables).
// The three releases share the XML-like framing (<stata_dta><header>…</stata_dta>); they differ in
// field widths (below), in string encoding (117: a code page, 118/119: UTF-8) and in how a strL (v,o)
// reference is packed into 8 bytes of the data section.

export type DtaRelease = 117 | 118 | 119;
export type DtaByteOrder = 'MSF' | 'LSF';
export type DtaNumericType = 'byte' | 'int' | 'long' | 'float' | 'double';
export type DtaType = DtaNumericType | 'str' | 'strL';

export const SUPPORTED_RELEASES: readonly DtaRelease[] = [117, 118, 119];

/** Type codes in <variable_types>: 1–2045 = str#, then these. */
export const TYPE_CODE = {
  strL: 32768,
  double: 65526,
  float: 65527,
  long: 65528,
  int: 65529,
  byte: 65530,
} as const;

export const MAX_STR_WIDTH = 2045;

/** Widths of the fixed-size fields that differ by release. */
export interface ReleaseLayout {
  kBytes: 2 | 4;           // <K>
  nBytes: 4 | 8;           // <N>
  labelLenBytes: 1 | 2;    // length prefix of the dataset label
  nameBytes: number;       // varnames, value-label names, characteristic names (incl. terminating \0)
  formatBytes: number;
  varLabelBytes: number;
  sortBytes: 2 | 4;
  /** strL reference in the data section: bytes taken by v; the rest of the 8 bytes hold o. */
  strlVBytes: 2 | 3 | 4;
  /** o in a GSO header: 4 bytes (117) or 8 bytes (118/119). */
  gsoOBytes: 4 | 8;
}

export function layoutFor(release: DtaRelease): ReleaseLayout {
  if (release === 117) {
    return { kBytes: 2, nBytes: 4, labelLenBytes: 1, nameBytes: 33, formatBytes: 49, varLabelBytes: 81, sortBytes: 2, strlVBytes: 4, gsoOBytes: 4 };
  }
  return {
    kBytes: release === 119 ? 4 : 2,
    nBytes: 8,
    labelLenBytes: 2,
    nameBytes: 129,
    formatBytes: 57,
    varLabelBytes: 321,
    sortBytes: release === 119 ? 4 : 2,
    strlVBytes: release === 119 ? 3 : 2,
    gsoOBytes: 8,
  };
}

/** Bytes per cell of a numeric type. */
export const NUMERIC_WIDTH: Record<DtaNumericType, number> = { byte: 1, int: 2, long: 4, float: 4, double: 8 };

/**
 * Missing-value codes. Stata has 27 numeric missing values: `.` (system missing) and `.a`…`.z`
 * (extended). Code 0 = `.`, 1…26 = `.a`…`.z`.
 *   byte:   valid −127…100;               . = 101,        .a…z = 102…127
 *   int:    valid −32767…32740;           . = 32741,      .a…z = 32742…32767
 *   long:   valid −2147483647…2147483620; . = 2147483621, .a…z = 2147483622…2147483647
 *   float:  valid up to 0x7effffff;       . = 0x7f000000, .a…z = 0x7f000000 + k·0x800
 *   double: valid below 2^1023;           . = 0x7fe0000000000000, .a…z add k·0x0000010000000000
 */
export const INT_MISSING_BASE = { byte: 101, int: 32741, long: 2147483621 } as const;
export const INT_VALID_MIN = { byte: -127, int: -32767, long: -2147483647 } as const;
export const FLOAT_MISSING_BITS = 0x7f000000;
export const FLOAT_MISSING_STEP = 0x800;
export const DOUBLE_MISSING_HI = 0x7fe00000;
export const DOUBLE_MISSING_HI_STEP = 0x100;

/** "." , ".a" … ".z" from a code 0…26. */
export function missingCodeName(code: number): string {
  return code === 0 ? '.' : '.' + String.fromCharCode(96 + code);
}

/** 0…26 from "." , ".a" … ".z"; −1 if not a missing-value name. */
export function missingCodeFromName(name: string): number {
  if (name === '.') return 0;
  if (name.length === 2 && name[0] === '.' && name >= '.a' && name <= '.z') return name.charCodeAt(1) - 96;
  return -1;
}

/** Default display formats Stata gives new variables. */
export function defaultFormat(type: DtaType, strWidth = 0): string {
  switch (type) {
    case 'byte':
    case 'int':
      return '%8.0g';
    case 'long':
      return '%12.0g';
    case 'float':
      return '%9.0g';
    case 'double':
      return '%10.0g';
    case 'strL':
      return '%9s';
    case 'str':
      return `%${Math.max(1, strWidth)}s`;
  }
}
