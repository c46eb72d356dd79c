// Browser stand-in for the part of iconv-lite that src/io/encoding.ts uses (decode, encodingExists), on the
// WHATWG TextDecoder, which every current browser ships with GBK/GB18030, Big5, Shift_JIS, UTF-16 and the
// single-byte code pages. iconv-lite itself needs Node's Buffer, which Vite does not provide; the Vite config
// aliases 'iconv-lite' to this file for the web build only. Same results for valid input: both follow the
// Encoding Standard's index tables for GB18030.

function label(enc: string): string {
  const e = enc.toLowerCase().replace(/_/g, '-');
  if (e === 'utf16le' || e === 'ucs2' || e === 'ucs-2') return 'utf-16le';
  if (e === 'utf16be') return 'utf-16be';
  if (e === 'utf8') return 'utf-8';
  if (e === 'binary') return 'latin1';
  return e;
}

function encodingExists(enc: string): boolean {
  try {
    new TextDecoder(label(enc));
    return true;
  } catch {
    return false;
  }
}

function decode(bytes: Uint8Array, enc: string): string {
  return new TextDecoder(label(enc)).decode(bytes);
}

const iconv = { decode, encodingExists };
export default iconv;
export { decode, encodingExists };
