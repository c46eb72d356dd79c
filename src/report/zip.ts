// Deterministic Office files. .xlsx and .docx are zip archives whose entries carry the time they were written,
// and whose docProps/core.xml carries created/modified dates; both would make every run's bytes differ.
// `normalizeZip` rewrites the archive with a fixed entry time (early January 1980, near the earliest zip date), the entries in
// their original order, and the core.xml dates set to a fixed instant, so the same tables give the same bytes.

import { unzipSync, zipSync, strFromU8, strToU8, type Zippable } from 'fflate';

// Noon on 2 January 1980 (UTC): fflate writes local time, and this stays inside the zip range in every time zone.
export const FIXED_ZIP_DATE = new Date(Date.UTC(1980, 0, 2, 12, 0, 0));
const FIXED_ISO = '2000-01-01T00:00:00Z';

export function normalizeZip(bytes: Uint8Array): Uint8Array {
  const entries = unzipSync(bytes);
  const out: Zippable = {};
  for (const name of Object.keys(entries)) {
    let data = entries[name];
    if (name === 'docProps/core.xml') {
      const xml = strFromU8(data)
        .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${FIXED_ISO}$2`)
        .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${FIXED_ISO}$2`);
      data = strToU8(xml);
    }
    out[name] = [data, { mtime: FIXED_ZIP_DATE, level: 6 }];
  }
  return zipSync(out, { mtime: FIXED_ZIP_DATE });
}
