// Chaining period-to-period links into levels (methods.md G5, F9).
//
// A link g_t connects period t−1 to period t of one entity (NaN = no link). Levels are anchored at a base
// period b (level 1 there) and chained forward (L_t = L_{t−1}·f(g_t)) and backward (L_{t−1} = L_t / f(g_t)).
// A missing link breaks the chain on that side: every level beyond it is NaN (G5 "a missing link breaks the
// chain on that side"), so no value is fabricated across a gap.
// `log` links combine as exp(g), `ratio` links as g itself (index numbers such as Malmquist), `discrete`
// links as (1 + g), `difference` links as running sums (Luenberger).
// O(T) per entity, no allocation beyond the output.

import { exp } from '../math/elementary.js';

export type LinkKind = 'log' | 'ratio' | 'discrete' | 'difference';

/**
 * Levels for one entity stored at `links[off + t]`, t = 0..T−1 (links[off] is ignored: there is no link into
 * the first period). Writes `out[off + t]`; NaN where the chain to `base` is broken or `valid[off + base]` is 0.
 */
export function chainLevels(
  links: Float64Array,
  off: number,
  T: number,
  base: number,
  kind: LinkKind,
  out: Float64Array,
  valid?: Uint8Array,
): void {
  for (let t = 0; t < T; t++) out[off + t] = NaN;
  if (valid && !valid[off + base]) return;
  const one = kind === 'difference' ? 0 : 1;
  out[off + base] = one;
  for (let t = base + 1; t < T; t++) {
    const g = links[off + t];
    const prev = out[off + t - 1];
    if (!Number.isFinite(g) || !Number.isFinite(prev)) break;
    out[off + t] = combine(prev, g, kind);
  }
  for (let t = base; t > 0; t--) {
    const g = links[off + t];
    const next = out[off + t];
    if (!Number.isFinite(g) || !Number.isFinite(next)) break;
    out[off + t - 1] = uncombine(next, g, kind);
  }
}

function combine(level: number, g: number, kind: LinkKind): number {
  switch (kind) {
    case 'log': return level * exp(g);
    case 'ratio': return level * g;
    case 'discrete': return level * (1 + g);
    case 'difference': return level + g;
  }
}

function uncombine(level: number, g: number, kind: LinkKind): number {
  switch (kind) {
    case 'log': return level / exp(g);
    case 'ratio': return level / g;
    case 'discrete': return level / (1 + g);
    case 'difference': return level - g;
  }
}

/** Code-point order, as methods.md §0 sorts ids. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
