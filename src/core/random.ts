// Seeded pseudo-random numbers (methods.md §0 "Determinism").
//
// Generator: xoshiro128** (Blackman & Vigna 2018), 32-bit state words, seeded by SplitMix32 from
// (seed, stream). Replicate r of a Monte Carlo or permutation procedure uses stream r, so a parallel
// run equals a serial one. Default seed 12345. uniform() returns 53-bit doubles in [0, 1).

import { log, pow } from './math/elementary.js';

export const DEFAULT_SEED = 12345;

export interface Rng {
  /** uniform double in [0, 1) with 53 random bits */
  uniform(): number;
  /** 32-bit unsigned integer */
  nextUint32(): number;
  /** integer in [0, n) without modulo bias */
  int(n: number): number;
  /** standard normal (Marsaglia polar method) */
  normal(): number;
  /** gamma(shape, 1) (Marsaglia & Tsang 2000) */
  gamma(shape: number): number;
}

function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

export function createRng(seed: number = DEFAULT_SEED, stream = 0): Rng {
  const st = { s: (Math.imul(seed | 0, 0x2545f491) ^ Math.imul((stream + 1) | 0, 0x9e3779b1)) | 0 };
  let a = splitmix32(st), b = splitmix32(st), c = splitmix32(st), d = splitmix32(st);
  if ((a | b | c | d) === 0) a = 1;
  let spare: number | null = null;
  const next = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a; d ^= b; b ^= c; a ^= d; c ^= t; d = rotl(d, 11);
    return result;
  };
  const uniform = (): number => {
    const hi = next() >>> 5; // 27 bits
    const lo = next() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  };
  const rng: Rng = {
    uniform,
    nextUint32: next,
    int(n: number): number {
      if (n <= 0) throw new RangeError('int(n) needs n > 0');
      const limit = Math.floor(4294967296 / n) * n;
      let x: number;
      do x = next(); while (x >= limit);
      return x % n;
    },
    normal(): number {
      if (spare !== null) { const s = spare; spare = null; return s; }
      let u: number, v: number, s: number;
      do { u = 2 * uniform() - 1; v = 2 * uniform() - 1; s = u * u + v * v; } while (s >= 1 || s === 0);
      const m = Math.sqrt((-2 * log(s)) / s);
      spare = v * m;
      return u * m;
    },
    gamma(shape: number): number {
      if (shape < 1) return rng.gamma(shape + 1) * pow(uniform(), 1 / shape);
      const d0 = shape - 1 / 3;
      const c0 = 1 / Math.sqrt(9 * d0);
      for (;;) {
        let x: number, v: number;
        do { x = rng.normal(); v = 1 + c0 * x; } while (v <= 0);
        v = v * v * v;
        const u = uniform();
        if (u < 1 - 0.0331 * x * x * x * x) return d0 * v;
        if (log(u) < 0.5 * x * x + d0 * (1 - v + log(v))) return d0 * v;
      }
    },
  };
  return rng;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
