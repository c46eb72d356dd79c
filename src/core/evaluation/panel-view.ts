// Small panel helpers the evaluation runner needs: the sample restriction named in `data:` (period range,
// include/exclude lists), attaching a grouping from a lookup table, display names, and a series read as
// (period-major) cross-sections. Selection only; no method logic. O(n·T·v).

import type { Panel } from '../panel/panel.js';
import { UsageError } from '../errors.js';

/** Keep periods in [from, to] and the listed entities (include) minus the excluded ones. Order is kept. */
export function selectPanel(p: Panel, sel: { from?: number; to?: number; include?: string[]; exclude?: string[] }): Panel {
  const T = p.periods.length;
  const keepT: number[] = [];
  p.periods.forEach((t, k) => {
    if ((sel.from === undefined || t >= sel.from) && (sel.to === undefined || t <= sel.to)) keepT.push(k);
  });
  const inc = sel.include ? new Set(sel.include) : undefined;
  const exc = new Set(sel.exclude ?? []);
  const keepI: number[] = [];
  p.ids.forEach((id, i) => {
    if ((!inc || inc.has(id)) && !exc.has(id)) keepI.push(i);
  });
  if (keepT.length === T && keepI.length === p.ids.length) return p;
  const T2 = keepT.length;
  const map = (src: ArrayLike<number>, out: { [k: number]: number }) => {
    let k = 0;
    for (const i of keepI) for (const t of keepT) out[k++] = src[i * T + t];
  };
  const columns: Record<string, Float64Array> = {};
  for (const [name, col] of Object.entries(p.columns)) {
    const out = new Float64Array(keepI.length * T2);
    map(col, out);
    columns[name] = out;
  }
  const labels: Record<string, (string | null)[]> = {};
  for (const [name, col] of Object.entries(p.labels)) {
    const out: (string | null)[] = [];
    for (const i of keepI) for (const t of keepT) out.push(col[i * T + t]);
    labels[name] = out;
  }
  const present = new Uint8Array(keepI.length * T2);
  map(p.present, present);
  let sourceRow: Int32Array | undefined;
  if (p.sourceRow) {
    sourceRow = new Int32Array(keepI.length * T2);
    map(p.sourceRow, sourceRow);
  }
  return {
    ...p,
    ids: keepI.map((i) => p.ids[i]),
    periods: keepT.map((k) => p.periods[k]),
    columns,
    labels,
    present,
    sourceRow,
  };
}

/** Attach a label column from a lookup (id → label). Ids missing from the lookup get null and are listed. */
export function attachGroups(p: Panel, name: string, byId: Record<string, string | null>): { panel: Panel; missing: string[] } {
  const T = p.periods.length;
  const col: (string | null)[] = new Array(p.ids.length * T).fill(null);
  const missing: string[] = [];
  p.ids.forEach((id, i) => {
    const g = Object.prototype.hasOwnProperty.call(byId, id) ? byId[id] : null;
    if (g === null || g === undefined || g === '') missing.push(id);
    for (let t = 0; t < T; t++) col[i * T + t] = g ?? null;
  });
  return { panel: { ...p, labels: { ...p.labels, [name]: col } }, missing };
}

/** First non-null label per id (e.g. the country name, or the region). */
export function labelById(p: Panel, name: string): Record<string, string | null> {
  const col = p.labels[name];
  if (!col) throw new UsageError('unknown-label', `no text column "${name}" in the data; text columns are: ${Object.keys(p.labels).join(', ') || '(none)'}`);
  const T = p.periods.length;
  const out: Record<string, string | null> = {};
  p.ids.forEach((id, i) => {
    let v: string | null = null;
    for (let t = 0; t < T && v === null; t++) v = col[i * T + t];
    out[id] = v;
  });
  return out;
}

/** Value of a column at (entity i, period index t) as finite-or-null. */
export function valueAt(p: Panel, name: string, i: number, t: number): number | null {
  const v = p.columns[name][i * p.periods.length + t];
  return Number.isFinite(v) ? v : null;
}
