// Entropy weight method (熵值法; methods.md B4). Shannon entropy of each indicator's share distribution.
//
//   p_ij = x″_ij / Σ_i x″_ij;  e_j = −k Σ_i p_ij ln p_ij with k = 1/ln N and 0·ln 0 := 0;
//   d_j = 1 − e_j;  w_j = d_j / Σ_j d_j.
// x″ is the normalised matrix after the chosen shift (normalize/shift.ts); scores use the unshifted x′.
// Pooled ("global" 全局熵值法, the default for panels): N = all entity-periods, one weight vector.
// Per period (多次法): `groups` gives one vector per period with k = 1/ln n_t; years are then not comparable.
// No single primary reference (Shannon 1948; Zeleny 1982). Two passes per column, O(N·m), no N × m copy.

import { DataError } from '../errors.js';
import type { MatrixInput, RowGroups } from '../normalize/matrix.js';
import { asColumnSource } from '../normalize/matrix.js';
import { log } from '../math/elementary.js';

export interface EntropyOptions {
  /** compute p on z = offset + scale·x instead of x (a constant shift A: offset A; ε-rescale: ε, 1 − 2ε) */
  offset?: number;
  scale?: number;
  /** indicators to leave out (weight 0), e.g. constant columns under constantPolicy 'drop' */
  exclude?: readonly boolean[];
  keys?: readonly string[];
}

export interface EntropyWeights {
  weights: Float64Array;
  entropy: Float64Array;
  divergence: Float64Array;
  /** rows used (N) and k = 1/ln N */
  n: number;
  k: number;
}

/** Entropy e_j of each column of x″ (all values must be ≥ 0). */
export function entropyValues(x: MatrixInput, options: EntropyOptions = {}): Float64Array {
  const src = asColumnSource(x);
  const N = src.nRows;
  if (N < 2) throw new DataError('too-few-rows', `the entropy weight needs at least 2 rows (got ${N})`);
  const k = 1 / log(N);
  const e = new Float64Array(src.nCols);
  const scratch = new Float64Array(N);
  for (let j = 0; j < src.nCols; j++) {
    if (options.exclude?.[j]) { e[j] = 1; continue; }
    const z = src.column(j, scratch);
    const a = options.offset ?? 0;
    const b = options.scale ?? 1;
    // Sums in blocks of 1024 rows, blocks added with Neumaier compensation: with 10⁶ rows a plain running
    // sum loses digits that the small 1 − e_j magnifies; blocking keeps the inner loops short and fast.
    let s = 0, cs = 0;
    for (let r0 = 0; r0 < N; r0 += 1024) {
      const r1 = Math.min(N, r0 + 1024);
      let part = 0;
      for (let r = r0; r < r1; r++) {
        const v = a + b * z[r];
        if (!(v >= 0)) {
          throw new DataError('negative-value', `the entropy weight needs values ≥ 0 after normalisation; indicator "${options.keys?.[j] ?? j + 1}" has ${v} at row ${r + 1}`, { column: options.keys?.[j] }, 'use min–max normalisation, or a shift');
        }
        part += v;
      }
      const t = s + part;
      cs += Math.abs(s) >= Math.abs(part) ? s - t + part : part - t + s;
      s = t;
    }
    s += cs;
    if (s === 0) {
      throw new DataError('zero-column', `indicator "${options.keys?.[j] ?? j + 1}" is 0 in every row: its entropy is undefined`, { column: options.keys?.[j] }, 'remove it, or use a shift');
    }
    const inv = 1 / s;
    let acc = 0, ca = 0;
    for (let r0 = 0; r0 < N; r0 += 1024) {
      const r1 = Math.min(N, r0 + 1024);
      let part = 0;
      for (let r = r0; r < r1; r++) {
        const p = (a + b * z[r]) * inv;
        if (p > 0) part += p * log(p);
      }
      const t = acc + part;
      ca += Math.abs(acc) >= Math.abs(part) ? acc - t + part : part - t + acc;
      acc = t;
    }
    acc += ca;
    e[j] = -k * acc;
  }
  return e;
}

/** Pooled entropy weights of x″ (one vector over all rows). */
export function entropyWeights(x: MatrixInput, options: EntropyOptions = {}): EntropyWeights {
  const src = asColumnSource(x);
  const entropy = entropyValues(src, options);
  const m = src.nCols;
  const divergence = new Float64Array(m);
  let sd = 0;
  for (let j = 0; j < m; j++) {
    divergence[j] = options.exclude?.[j] ? 0 : 1 - entropy[j];
    sd += divergence[j];
  }
  if (!(sd > 0)) {
    throw new DataError('uniform-indicators', 'every indicator is uniform across rows (Σ(1 − e) = 0): entropy weights are undefined', {}, 'use another weighting method');
  }
  const weights = new Float64Array(m);
  for (let j = 0; j < m; j++) weights[j] = divergence[j] / sd;
  return { weights, entropy, divergence, n: src.nRows, k: 1 / log(src.nRows) };
}

/** One entropy weight vector per row group (per period), k = 1/ln n_g. */
export function entropyWeightsByGroup(x: MatrixInput, groups: RowGroups, options: EntropyOptions = {}): EntropyWeights[] {
  const src = asColumnSource(x);
  const N = src.nRows;
  const members: number[][] = Array.from({ length: groups.nGroups }, () => []);
  for (let r = 0; r < N; r++) members[groups.group[r]].push(r);
  const cols: Float64Array[] = [];
  const scratch = new Float64Array(N);
  for (let j = 0; j < src.nCols; j++) cols.push(Float64Array.from(src.column(j, scratch)));
  return members.map((rows) => {
    const sub = cols.map((c) => Float64Array.from(rows, (r) => c[r]));
    return entropyWeights(sub, options);
  });
}
