// Normalisation of the indicator matrix (methods.md B1–B3).
//
//   minmax  (B1) benefit (x−m)/(M−m); cost (M−x)/(M−m); interval [q1,q2] with D = max(q1−m, M−q2):
//                1 − (q1−x)/D below, 1 inside, 1 − (x−q2)/D above (D = 0 → every value 1);
//                moderate point x*: 1 − |x−x*| / max_i |x_i−x*|.
//   zscore  (B2) (x − x̄)/sd, sd sample (n−1) unless `population`; cost columns −z (R `scale`).
//   vector  (B3) x/√Σx², requires x ≥ 0; directions are left to the aggregator (TOPSIS ideal selection).
//   none    values used as they are (for already-scored subsystems).
// Scope: `pooled` (one m, M over all rows: years stay comparable; the default for panels), `period`
// (per period group: the card should warn that years are not comparable), or `basePeriod` (m, M of the base
// period applied to every period, so values may leave [0,1]).
// A constant column (M = m; sd = 0; Σx² = 0) is a data error by default; `constantPolicy` 'zero' sets x′ = 0
// and 'drop' also gives the indicator weight 0 (the caller reads `constant`).
// The result is a lazy column source: O(N·m) to find the parameters, O(N) per column read, no N × m copy.

import { DataError } from '../errors.js';
import type { ColumnSource, MatrixInput, RowGroups } from './matrix.js';
import { asColumnSource } from './matrix.js';
import type { IndicatorDirection } from './direction.js';
import { directionText } from './direction.js';

export type NormalizeMethod = 'minmax' | 'zscore' | 'vector' | 'none';
export type NormalizeScope = 'pooled' | 'period' | 'basePeriod';
export type ConstantPolicy = 'error' | 'drop' | 'zero';

export interface NormalizeOptions {
  method?: NormalizeMethod;
  scope?: NormalizeScope;
  /** row → period group; required for scope 'period' and 'basePeriod' */
  groups?: RowGroups;
  /** group index of the base period (scope 'basePeriod') */
  baseGroup?: number;
  /** labels of the groups for messages (e.g. the periods) */
  groupLabels?: readonly (string | number)[];
  constantPolicy?: ConstantPolicy;
  /** z-score with the population sd (÷n) */
  population?: boolean;
  /** indicator keys for messages */
  keys?: readonly string[];
}

/** Parameters of one column in one scope group. */
export interface NormalizeParams {
  min: number;
  max: number;
  mean: number;
  sd: number;
  norm: number;
  count: number;
  constant: boolean;
}

export interface NormalizedMatrix extends ColumnSource {
  method: NormalizeMethod;
  scope: NormalizeScope;
  directions: readonly IndicatorDirection[];
  /** params[j][g]: column j, scope group g (one group when pooled or basePeriod) */
  params: NormalizeParams[][];
  /** indicator j had a constant scope group (only with constantPolicy zero|drop) */
  constant: boolean[];
  constantPolicy: ConstantPolicy;
}

export function normalizeMatrix(raw: MatrixInput, directions: readonly IndicatorDirection[], options: NormalizeOptions = {}): NormalizedMatrix {
  const src = asColumnSource(raw);
  const method = options.method ?? 'minmax';
  const scope = options.scope ?? 'pooled';
  const policy = options.constantPolicy ?? 'error';
  const N = src.nRows;
  const m = src.nCols;
  if (directions.length !== m) throw new RangeError(`${directions.length} directions for ${m} indicators`);
  if (scope !== 'pooled' && !options.groups) throw new RangeError(`scope "${scope}" needs row groups (periods)`);
  const perGroup = scope === 'period';
  const G = perGroup ? options.groups!.nGroups : 1;
  const grp = options.groups?.group;
  // which rows determine the parameters
  const statRow = (r: number): number => {
    if (scope === 'pooled') return 0;
    if (scope === 'period') return grp![r];
    return grp![r] === options.baseGroup ? 0 : -1;
  };
  const params: NormalizeParams[][] = [];
  const constant: boolean[] = [];
  const scratch = new Float64Array(N);
  const key = (j: number) => options.keys?.[j] ?? `#${j + 1}`;
  const gl = (g: number) => (scope === 'basePeriod' ? options.groupLabels?.[options.baseGroup ?? 0] : options.groupLabels?.[g]);

  for (let j = 0; j < m; j++) {
    const x = src.column(j, scratch);
    const mins = new Float64Array(G).fill(Infinity);
    const maxs = new Float64Array(G).fill(-Infinity);
    const sums = new Float64Array(G);
    const sq = new Float64Array(G);
    const counts = new Float64Array(G);
    if (G === 1 && scope === 'pooled') {
      let mn = Infinity, mx = -Infinity, s = 0, s2 = 0;
      if (method === 'minmax') {
        // the common case: only the range is needed
        for (let r = 0; r < N; r++) { const v = x[r]; if (v < mn) mn = v; if (v > mx) mx = v; }
        s = NaN; s2 = NaN;
      } else {
        for (let r = 0; r < N; r++) {
          const v = x[r];
          if (v < mn) mn = v;
          if (v > mx) mx = v;
          s += v;
          s2 += v * v;
        }
      }
      mins[0] = mn; maxs[0] = mx; sums[0] = s; sq[0] = s2; counts[0] = N;
    } else {
      for (let r = 0; r < N; r++) {
        const g = statRow(r);
        if (g < 0) continue;
        const v = x[r];
        if (v < mins[g]) mins[g] = v;
        if (v > maxs[g]) maxs[g] = v;
        sums[g] += v;
        sq[g] += v * v;
        counts[g]++;
      }
    }
    const ps: NormalizeParams[] = [];
    for (let g = 0; g < G; g++) {
      const n = counts[g];
      if (n === 0) {
        ps.push({ min: NaN, max: NaN, mean: NaN, sd: NaN, norm: NaN, count: 0, constant: false });
        continue;
      }
      const mean = sums[g] / n;
      let sd = NaN;
      if (method === 'zscore') {
        // two-pass variance for accuracy
        let ss = 0, comp = 0;
        for (let r = 0; r < N; r++) {
          if (statRow(r) !== g) continue;
          const d = x[r] - mean;
          ss += d * d;
          comp += d;
        }
        ss -= (comp * comp) / n;
        sd = Math.sqrt(ss / (options.population ? n : n - 1));
      }
      let isConst = false;
      if (method === 'minmax') isConst = maxs[g] === mins[g] && !isIntervalLike(directions[j]);
      else if (method === 'zscore') isConst = !(sd > 0);
      else if (method === 'vector') isConst = sq[g] === 0;
      if (method === 'vector' && mins[g] < 0) {
        throw new DataError('negative-value', `vector normalisation needs values ≥ 0; indicator "${key(j)}" has ${mins[g]}`, { column: key(j), period: gl(g) }, 'use --normalize minmax, or shift the indicator');
      }
      // a period with a single row has no range: not an error here, its rows stay undefined (NaN) and the
      // pipeline reports them as insufficient_data
      if (n === 1 && scope === 'period') isConst = false;
      if (isConst && policy === 'error') {
        throw new DataError(
          'constant-indicator',
          `indicator "${key(j)}" is constant (every value = ${mins[g]})${scope === 'period' ? ` in period ${gl(g)}` : ''}: it cannot be normalised and carries no information`,
          { column: key(j), period: scope === 'pooled' ? undefined : gl(g) },
          'remove the indicator, or set constantPolicy (--constant drop|zero) to give it weight 0',
        );
      }
      ps.push({ min: mins[g], max: maxs[g], mean, sd, norm: Math.sqrt(sq[g]), count: n, constant: isConst });
    }
    params.push(ps);
    constant.push(ps.some((p) => p.constant));
  }

  const column = (j: number, out?: Float64Array): Float64Array => {
    const y = out ?? new Float64Array(N);
    const x = src.column(j, y);
    const ps = params[j];
    const d = directions[j];
    if (method === 'none') {
      if (y !== x) y.set(x);
      return y;
    }
    if (G === 1) {
      transform(x, y, 0, N, null, 0, ps[0], d, method);
    } else {
      for (let g = 0; g < G; g++) transform(x, y, 0, N, grp!, g, ps[g], d, method);
    }
    return y;
  };
  return { nRows: N, nCols: m, column, method, scope, directions, params, constant, constantPolicy: policy };
}

function isIntervalLike(d: IndicatorDirection): boolean {
  return typeof d === 'object' && 'interval' in d;
}

/** y[r] = f(x[r]) for rows r with grp[r] === g (all rows when grp is null). Safe when y === x. */
function transform(x: Float64Array, y: Float64Array, from: number, to: number, grp: Int32Array | null, g: number, p: NormalizeParams, d: IndicatorDirection, method: NormalizeMethod): void {
  if (p.constant) {
    for (let r = from; r < to; r++) if (!grp || grp[r] === g) y[r] = 0;
    return;
  }
  if (method === 'minmax') {
    const m = p.min, M = p.max, rg = M - m;
    if (d === '+' && !grp) {
      for (let r = from; r < to; r++) y[r] = (x[r] - m) / rg;
    } else if (d === '-' && !grp) {
      for (let r = from; r < to; r++) y[r] = (M - x[r]) / rg;
    } else if (d === '+') {
      for (let r = from; r < to; r++) if (grp![r] === g) y[r] = (x[r] - m) / rg;
    } else if (d === '-') {
      for (let r = from; r < to; r++) if (grp![r] === g) y[r] = (M - x[r]) / rg;
    } else if ('interval' in d) {
      const [q1, q2] = d.interval;
      const D = Math.max(q1 - m, M - q2);
      for (let r = from; r < to; r++) {
        if (grp && grp[r] !== g) continue;
        const v = x[r];
        y[r] = D <= 0 ? 1 : v < q1 ? 1 - (q1 - v) / D : v > q2 ? 1 - (v - q2) / D : 1;
      }
    } else {
      const xs = d.moderate;
      const far = Math.max(Math.abs(m - xs), Math.abs(M - xs));
      for (let r = from; r < to; r++) {
        if (grp && grp[r] !== g) continue;
        y[r] = far === 0 ? 1 : 1 - Math.abs(x[r] - xs) / far;
      }
    }
  } else if (method === 'zscore') {
    const mu = p.mean, s = p.sd;
    if (d === '-') {
      for (let r = from; r < to; r++) if (!grp || grp[r] === g) y[r] = -(x[r] - mu) / s;
    } else if (d === '+') {
      for (let r = from; r < to; r++) if (!grp || grp[r] === g) y[r] = (x[r] - mu) / s;
    } else if ('interval' in d) {
      // distance outside the interval, in sd units, negated: 0 inside (best), negative outside
      const [q1, q2] = d.interval;
      for (let r = from; r < to; r++) if (!grp || grp[r] === g) y[r] = -Math.max(q1 - x[r], x[r] - q2, 0) / s;
    } else {
      const xs = d.moderate;
      for (let r = from; r < to; r++) if (!grp || grp[r] === g) y[r] = -Math.abs(x[r] - xs) / s;
    }
  } else {
    const nr = p.norm;
    for (let r = from; r < to; r++) if (!grp || grp[r] === g) y[r] = x[r] / nr;
  }
}

/** Min–max normalise one column (pooled), direction-adjusted. Convenience for scripts. */
export function minMaxNormalize(x: Float64Array, direction: IndicatorDirection = '+', constantPolicy: ConstantPolicy = 'error'): Float64Array {
  return normalizeMatrix([x], [direction], { method: 'minmax', constantPolicy }).column(0);
}

/** z-score one column (sample sd unless population), cost columns negated. */
export function zScoreNormalize(x: Float64Array, direction: IndicatorDirection = '+', population = false): Float64Array {
  return normalizeMatrix([x], [direction], { method: 'zscore', population }).column(0);
}

/** Vector normalisation of one column: x/√Σx². */
export function vectorNormalize(x: Float64Array): Float64Array {
  return normalizeMatrix([x], ['+'], { method: 'vector' }).column(0);
}

export function describeNormalization(nm: NormalizedMatrix): Record<string, unknown> {
  return {
    method: nm.method,
    scope: nm.scope,
    directions: nm.directions.map(directionText),
    constantPolicy: nm.constantPolicy,
  };
}
