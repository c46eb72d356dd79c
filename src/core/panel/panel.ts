// Panel: entity × period × variables (design.md "Data model").
//
// Storage is rectangular and entity-major: the value of variable v for entity i in period t is
// `columns[v][i * T + t]`, T = periods.length. `present[i*T+t]` is 1 when the source had that row
// (an absent row and a present row with a missing value are different things: balance is about rows).
// Missing values are NaN inside the Float64Arrays; results never carry NaN (they carry null + status).
// ids keep first-appearance order of the source unless sorted; periods are sorted ascending.

export type Direction = '+' | '-' | { interval: [number, number] };

export interface VariableMeta {
  key: string;
  label?: { zh?: string; en?: string };
  unit?: string;
  direction?: Direction;
  source?: string;
}

export interface Panel {
  ids: string[];
  periods: number[];
  columns: Record<string, Float64Array>;
  /** Non-numeric variables (group labels, names), same layout, null where absent. */
  labels: Record<string, (string | null)[]>;
  present: Uint8Array;
  meta: Record<string, VariableMeta>;
  /** Where the data came from, for messages and provenance. */
  source?: string;
  /** Source row number (1-based, as a person sees it) of each cell row, 0 where absent. */
  sourceRow?: Int32Array;
}

export interface PanelInput {
  ids: readonly string[];
  periods: readonly number[];
  /** One entry per observation. */
  entity: readonly string[];
  period: readonly number[];
  values: Record<string, ArrayLike<number>>;
  labels?: Record<string, readonly (string | null)[]>;
  meta?: Record<string, VariableMeta>;
  source?: string;
  sourceRow?: ArrayLike<number>;
}

/** Number of periods and entities. */
export function panelShape(p: Panel): { n: number; T: number } {
  return { n: p.ids.length, T: p.periods.length };
}

/** Cell index of (entity i, period t). */
export function cell(p: Panel, i: number, t: number): number {
  return i * p.periods.length + t;
}

/** Column by name, with a clear error naming the available ones. */
export function column(p: Panel, name: string): Float64Array {
  const c = p.columns[name];
  if (!c) {
    throw new PanelError(
      'unknown-column',
      `no numeric column "${name}" in ${p.source ?? 'the data'}; columns are: ${Object.keys(p.columns).join(', ')}`,
      name,
    );
  }
  return c;
}

export class PanelError extends Error {
  readonly kind: string;
  readonly column?: string;
  constructor(kind: string, message: string, columnName?: string) {
    super(message);
    this.kind = kind;
    this.column = columnName;
    this.name = 'PanelError';
  }
}

/** True when every entity has a row in every period. */
export function isBalanced(p: Panel): boolean {
  for (let k = 0; k < p.present.length; k++) if (!p.present[k]) return false;
  return true;
}

/** A copy of the panel with one more numeric column (the input is never mutated). */
export function withColumn(p: Panel, name: string, values: Float64Array, meta?: VariableMeta): Panel {
  const { n, T } = panelShape(p);
  if (values.length !== n * T) throw new PanelError('bad-length', `column "${name}" has ${values.length} cells, expected ${n * T}`, name);
  return {
    ...p,
    columns: { ...p.columns, [name]: values },
    meta: meta ? { ...p.meta, [name]: meta } : p.meta,
  };
}

/**
 * Build a rectangular panel from observations. Throws on duplicate (id, period) pairs, listing every duplicate.
 * O(N) with hash maps.
 */
export function createPanel(input: PanelInput): Panel {
  const ids = [...input.ids];
  const periods = [...input.periods].sort((a, b) => a - b);
  const n = ids.length;
  const T = periods.length;
  const idIndex = new Map<string, number>();
  ids.forEach((id, i) => idIndex.set(id, i));
  const tIndex = new Map<number, number>();
  periods.forEach((t, k) => tIndex.set(t, k));
  const present = new Uint8Array(n * T);
  const sourceRow = input.sourceRow ? new Int32Array(n * T) : undefined;
  const columns: Record<string, Float64Array> = {};
  for (const name of Object.keys(input.values)) columns[name] = new Float64Array(n * T).fill(NaN);
  const labels: Record<string, (string | null)[]> = {};
  for (const name of Object.keys(input.labels ?? {})) labels[name] = new Array<string | null>(n * T).fill(null);
  const dups: string[] = [];
  const N = input.entity.length;
  for (let r = 0; r < N; r++) {
    const i = idIndex.get(input.entity[r]);
    const t = tIndex.get(input.period[r]);
    if (i === undefined || t === undefined) {
      throw new PanelError('bad-key', `observation ${r + 1}: id "${input.entity[r]}" or period ${input.period[r]} is not in the panel's ids/periods`);
    }
    const k = i * T + t;
    if (present[k]) {
      dups.push(`${input.entity[r]} × ${input.period[r]}`);
      continue;
    }
    present[k] = 1;
    if (sourceRow) sourceRow[k] = input.sourceRow![r];
    for (const name in input.values) columns[name][k] = input.values[name][r];
    for (const name in input.labels ?? {}) labels[name][k] = input.labels![name][r];
  }
  if (dups.length) {
    throw new PanelError('duplicate-key', `duplicate id–period rows: ${dups.slice(0, 20).join('; ')}${dups.length > 20 ? ` … (${dups.length} in all)` : ''}`);
  }
  const meta: Record<string, VariableMeta> = {};
  for (const name of Object.keys(columns)) meta[name] = input.meta?.[name] ?? { key: name };
  return { ids, periods, columns, labels, present, meta, source: input.source, sourceRow };
}
