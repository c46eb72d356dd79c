// Flatten Result rows into a rectangular table: nested plain objects become dotted column names
// (slacks.x1, dimensions.innovation), arrays become JSON text. Used by the CLI (table/csv), xlsx and the report.

/** Flatten one row: nested plain objects become dotted keys, arrays become JSON text. */
export function flattenRow(row: Record<string, unknown>, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [k, v] of Object.entries(row)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Float64Array)) {
      flattenRow(v as Record<string, unknown>, key, out);
    } else if (Array.isArray(v) || ArrayBuffer.isView(v)) {
      out[key] = JSON.stringify(Array.from(v as ArrayLike<unknown>));
    } else {
      out[key] = v;
    }
  }
  return out;
}

/** Column order: first appearance over all rows. */
export function flatTable(rows: readonly Record<string, unknown>[]): { columns: string[]; cells: unknown[][] } {
  const flat = rows.map((r) => flattenRow(r));
  const cols: string[] = [];
  const seen = new Set<string>();
  for (const r of flat) for (const k of Object.keys(r)) if (!seen.has(k)) { seen.add(k); cols.push(k); }
  return { columns: cols, cells: flat.map((r) => cols.map((c) => r[c])) };
}
