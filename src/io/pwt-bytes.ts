// The bundled Penn World Table 9.1 from its gzipped CSV bytes (data/pwt91.csv.gz; attribution in
// data/PWT-NOTICE.md). No file access: the browser's worker and the Node loader (src/io/pwt.ts) share it.

import { gunzipSync } from 'fflate';
import { parseCsv } from './csv.js';
import type { RawTable } from '../core/panel/from-table.js';
import { PWT_SOURCE } from '../core/panel/pwt-attribution.js';

/** Gzipped PWT CSV bytes → RawTable (source "pwt"). */
export function pwtTableFromGzip(gz: Uint8Array): RawTable {
  return pwtTableFromCsv(new TextDecoder('utf-8').decode(gunzipSync(gz)));
}

/** PWT CSV text → RawTable (source "pwt", UTF-8). */
export function pwtTableFromCsv(text: string): RawTable {
  const t = parseCsv(text, { file: PWT_SOURCE, delimiter: ',' });
  t.encoding = 'utf-8';
  return t;
}
