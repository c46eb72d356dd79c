// The bundled Penn World Table 9.1 (data/pwt91.csv.gz; attribution in data/PWT-NOTICE.md and PWT_ATTRIBUTION).
// Addressable as `pwt` wherever a data file is expected; default roles id = isocode, period = year.
// loadPwt reads the packaged file (Node); pwtTableFromGzip (src/io/pwt-bytes.ts) works on bytes (browser too).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync as nodeGunzip } from 'node:zlib';
import { pwtTableFromCsv } from './pwt-bytes.js';
import { fromTable, type RawTable, type FromTableResult, type TableRoles } from '../core/panel/from-table.js';
import { parseNumericColumn } from '../core/panel/parse-number.js';
import { PWT_ROLES, PWT_SOURCE } from '../core/panel/pwt-attribution.js';

export { pwtTableFromGzip } from './pwt-bytes.js';

/** Path of the packaged gzip file (same relative place from src/io and dist/io). */
export const PWT_PATH = fileURLToPath(new URL('../../data/pwt91.csv.gz', import.meta.url));

let cached: RawTable | undefined;

/**
 * The bundled PWT 9.1 as a RawTable (12,376 rows × 52 columns). Parsed once per process: numeric columns
 * are stored as numbers (null for the empty cells), so later loads skip text→number conversion. Each call
 * returns fresh column arrays (callers may not share mutations).
 */
export function loadPwtTable(): RawTable {
  if (!cached) {
    const t = pwtTableFromCsv(nodeGunzip(readFileSync(PWT_PATH)).toString('utf8'));
    t.columns = t.columns.map((cells, j) => {
      try {
        const { values } = parseNumericColumn(cells, { file: PWT_SOURCE, column: t.header[j], rows: t.rows });
        return Array.from(values, (v) => (Number.isNaN(v) ? null : v));
      } catch {
        return cells; // a text column (country, currency, i_cig, …)
      }
    });
    cached = t;
  }
  return { ...cached, columns: cached.columns.map((c) => c.slice()), rows: cached.rows.slice(), warnings: [] };
}

/**
 * The bundled PWT 9.1 as a Panel (182 economies × 1950–2017). Roles default to id = isocode, period = year;
 * variables default to every other column (text columns such as country, currency, i_cig become labels).
 */
export function loadPwt(roles: Partial<TableRoles> = {}): FromTableResult {
  return fromTable(loadPwtTable(), { id: roles.id ?? PWT_ROLES.id, period: roles.period ?? PWT_ROLES.period, variables: roles.variables, labels: roles.labels });
}
