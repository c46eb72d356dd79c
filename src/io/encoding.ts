// Text encoding of CSV/TSV bytes: UTF-8, UTF-8 with BOM, UTF-16 with BOM, else GB18030 (what Chinese Excel
// writes as "CSV": GBK, of which GB18030 is a superset).
//
// Detection, in order: a BOM decides (EF BB BF → UTF-8, FF FE → UTF-16LE, FE FF → UTF-16BE); else strict
// UTF-8 (any invalid sequence fails); else GB18030, with a warning saying so. A GB18030 decode that still
// yields U+FFFD (bytes that are not GB18030 either) is a DataError. A given encoding (--encoding) overrides
// detection. Works in browsers as in Node (TextDecoder + iconv-lite); no file access here.

import iconv from 'iconv-lite';
import { DataError, UsageError } from '../core/errors.js';
import type { Warning } from '../core/result.js';

export interface DecodedText {
  text: string;
  /** Canonical name: utf-8, utf-8-bom, utf-16le, utf-16be, gb18030, or the given encoding. */
  encoding: string;
  warnings: Warning[];
}

function bufferOf(bytes: Uint8Array): Buffer {
  // iconv-lite accepts a Uint8Array (it wraps it in a Buffer itself where one exists).
  return bytes as Buffer;
}

/** Decode bytes to text, detecting the encoding unless one is given. */
export function decodeText(bytes: Uint8Array, opts: { encoding?: string; file?: string } = {}): DecodedText {
  const file = opts.file;
  if (opts.encoding) {
    const enc = opts.encoding.toLowerCase();
    if (enc === 'utf-8' || enc === 'utf8') {
      const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
      try {
        return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start)), encoding: start ? 'utf-8-bom' : 'utf-8', warnings: [] };
      } catch {
        throw new DataError('bad-encoding', `the bytes are not valid UTF-8 (at byte ${firstInvalidUtf8(bytes)})`, { file }, 'check the file\'s encoding; for GBK/GB18030 files pass --encoding gb18030 or leave --encoding out');
      }
    }
    if (!iconv.encodingExists(enc)) {
      throw new UsageError('bad-encoding-name', `unknown encoding "${opts.encoding}"`, 'use utf-8, gbk, gb18030, big5, utf-16le, latin1, …');
    }
    let text = iconv.decode(bufferOf(bytes), enc);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text, encoding: enc, warnings: [] };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3)), encoding: 'utf-8-bom', warnings: [] };
    } catch {
      throw new DataError('bad-encoding', `the file starts with a UTF-8 byte-order mark but is not valid UTF-8 (at byte ${firstInvalidUtf8(bytes)})`, { file },
        'save the file again as UTF-8');
    }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bufferOf(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le', warnings: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bufferOf(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be', warnings: [] };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', warnings: [] };
  } catch {
    // not UTF-8: GB18030 (superset of GBK and GB2312)
  }
  const text = iconv.decode(bufferOf(bytes), 'gb18030');
  const bad = text.indexOf('\ufffd');
  if (bad >= 0) {
    const line = text.slice(0, bad).split('\n').length;
    throw new DataError('bad-encoding', 'the file is neither UTF-8 nor GBK/GB18030', { file, row: line },
      'save the file as UTF-8 (or pass --encoding with its real encoding, e.g. big5, latin1)');
  }
  return {
    text,
    encoding: 'gb18030',
    warnings: [{
      code: 'encoding-detected',
      message: `${file ?? 'the file'} is not UTF-8; read it as GBK/GB18030 (pass --encoding to choose another)`,
      messageZh: `${file ?? '文件'}不是 UTF-8 编码，已按 GBK/GB18030 读取`,
      where: file ? { file } : undefined,
    }],
  };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  // position of the first byte where strict UTF-8 decoding fails (for messages); binary search on prefixes
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try { new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true }); lo = mid; } catch { hi = mid - 1; }
  }
  return lo + 1;
}
