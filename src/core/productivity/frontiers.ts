// Frontier types for productivity indices on panels (methods.md F1): which observations form T^t.
//
// contemporaneous: period t.  sequential: periods ≤ t (Shestalova 2003, JPA 19:211–226; Oh & Heshmati 2010,
// Energy Econ 32:1345–1355).  window:b: periods t−b…t+b truncated at the panel ends (gtfpch; b is a half-width).
// global: all periods (Pastor & Lovell 2005, Econ Lett 88(2):266–271).  biennial: periods t and t+1 (Pastor,
// Asmild & Lovell 2011, Socio-Econ Plan Sci 45(1):10–15).
// Every type is a contiguous range of period indices [lo, hi]; reference sets pool every complete observation in
// that range (optionally only of the units in a given list: `sameReference`, F8). Building a Technology is
// O((m+s+h)·N) for N pooled observations.

import { UsageError } from '../errors.js';
import type { Technology } from '../frontier/types.js';

export type FrontierType =
  | { type: 'contemporaneous' }
  | { type: 'sequential' }
  | { type: 'window'; halfWidth: number }
  | { type: 'global' }
  | { type: 'biennial' };

/** Parse 'contemporaneous' | 'sequential' | 'global' | 'biennial' | 'window:b'. */
export function parseFrontier(f: string | FrontierType | undefined): FrontierType {
  if (f === undefined) return { type: 'contemporaneous' };
  if (typeof f !== 'string') return f;
  const s = f.trim().toLowerCase();
  if (s === 'contemporaneous' || s === 'sequential' || s === 'global' || s === 'biennial') return { type: s };
  const m = /^window:(\d+)$/.exec(s);
  if (m) {
    const b = Number(m[1]);
    if (b < 1) throw new UsageError('bad-option', 'window half-width must be ≥ 1 (window:0 is the contemporaneous frontier)');
    return { type: 'window', halfWidth: b };
  }
  throw new UsageError('bad-option', `unknown frontier "${f}"`, 'use contemporaneous, sequential, global, biennial or window:B (B = half-width in periods)');
}

export function frontierName(f: FrontierType): string {
  return f.type === 'window' ? `window:${f.halfWidth}` : f.type;
}

/**
 * The period-index range of the frontier that plays the role of T^t for own-period efficiency and the
 * adjacent-period comparisons: contemporaneous, sequential or window. Global and biennial indices use the
 * contemporaneous frontier here (their efficiency change is contemporaneous, F5/F7).
 */
export function ownFrontierRange(f: FrontierType, t: number, T: number): [number, number] {
  switch (f.type) {
    case 'sequential': return [0, t];
    case 'window': return [Math.max(0, t - f.halfWidth), Math.min(T - 1, t + f.halfWidth)];
    default: return [t, t];
  }
}

export interface PanelData {
  n: number;                 // entities
  T: number;                 // periods
  m: number; s: number; h: number;
  /** Variable-major per cell: X[i*(n*T) + cell], cell = unit*T + t; already scaled. */
  X: Float64Array; Y: Float64Array; B: Float64Array;
  /** 1 where the unit has a present row with every variable finite. */
  complete: Uint8Array;
}

/**
 * Pool the complete observations of periods lo..hi (of the listed units, if `units` is given) into a Technology.
 * Observation order: by period, then unit index, so LPs are built deterministically.
 */
export function referenceTechnology(d: PanelData, lo: number, hi: number, units?: Uint8Array): Technology {
  const { n, T, m, s, h } = d;
  const cells: number[] = [];
  for (let t = lo; t <= hi; t++) {
    for (let u = 0; u < n; u++) {
      const c = u * T + t;
      if (d.complete[c] && (!units || units[u])) cells.push(c);
    }
  }
  return gatherTechnology(d, cells, m, s, h);
}

/** A Technology from an explicit list of cells. */
export function gatherTechnology(d: PanelData, cells: readonly number[], m = d.m, s = d.s, h = d.h): Technology {
  const N = d.n * d.T;
  const k = cells.length;
  const X = new Float64Array(m * k);
  const Y = new Float64Array(s * k);
  const B = new Float64Array(h * k);
  for (let j = 0; j < k; j++) {
    const c = cells[j];
    for (let i = 0; i < m; i++) X[i * k + j] = d.X[i * N + c];
    for (let r = 0; r < s; r++) Y[r * k + j] = d.Y[r * N + c];
    for (let q = 0; q < h; q++) B[q * k + j] = d.B[q * N + c];
  }
  return h > 0 ? { m, s, h, n: k, X, Y, B } : { m, s, h, n: k, X, Y };
}
