// Kernel density estimates on a grid: exact direct sums, and a binned fast path for large samples
// (methods.md K1; Silverman 1986, ch. 3; Wand 1994, J. Comput. Graph. Stat. 3(4), 433–445, for binning).
//
// f̂(x) = (1/(n h)) Σ K((x − x_i)/h).
// Kernels: gaussian φ(u); epanechnikov = 3/(4√5)(1 − u²/5) on |u| < √5 (unit variance, R/Stata scaling);
// epan2 = ¾(1 − u²) on |u| < 1.
// exact: O(n·G) for G grid points. binned: linear binning of the sample onto M equally spaced points
// (M = clamp(next power of 2 ≥ 40·range/h, 512, 8192)), an exact discrete convolution with the kernel on that
// mesh (O(M·L), L = kernel support in mesh steps), then linear interpolation to the output grid. The error is
// O((Δ/h)²), Δ the mesh step: with Δ ≤ h/40 it stays below about 1e-4 of the peak density (measured in
// test/core/dynamics/kde.test.ts). Not R's FFT: R bins onto 512 points regardless of h.

import { exp as elementaryExp } from '../math/elementary.js';

// Deterministic exp (same bits in every engine, issue 8). A module-local binding, so that the hot loops below
// call a plain function the JIT inlines even where a loader wraps imports in getters (vitest's transform).
const exp = elementaryExp;

export type KernelName = 'gaussian' | 'epanechnikov' | 'epan2';

const SQRT5 = Math.sqrt(5);
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

export function kernelValue(kernel: KernelName, u: number): number {
  switch (kernel) {
    case 'gaussian':
      return INV_SQRT_2PI * exp(-0.5 * u * u);
    case 'epanechnikov':
      return Math.abs(u) < SQRT5 ? (3 / (4 * SQRT5)) * (1 - (u * u) / 5) : 0;
    case 'epan2':
      return Math.abs(u) < 1 ? 0.75 * (1 - u * u) : 0;
  }
}

/** Half-width of the kernel's support in units of h (Gaussian: where φ < 1e-17·φ(0)). */
export function kernelSupport(kernel: KernelName): number {
  return kernel === 'gaussian' ? 9 : kernel === 'epanechnikov' ? SQRT5 : 1;
}

/** Exact direct-sum density at every grid point. */
export function densityExact(values: ArrayLike<number>, grid: ArrayLike<number>, h: number, kernel: KernelName = 'gaussian'): Float64Array {
  const n = values.length;
  const G = grid.length;
  const out = new Float64Array(G);
  const scale = 1 / (n * h);
  const inv = 1 / h;
  for (let g = 0; g < G; g++) {
    const x = grid[g];
    let s = 0;
    if (kernel === 'gaussian') {
      for (let i = 0; i < n; i++) {
        const u = (x - values[i]) * inv;
        s += exp(-0.5 * u * u);
      }
      s *= INV_SQRT_2PI;
    } else {
      for (let i = 0; i < n; i++) s += kernelValue(kernel, (x - values[i]) * inv);
    }
    out[g] = s * scale;
  }
  return out;
}

/** Mesh size used by the binned path. */
export function binnedMeshSize(range: number, h: number): number {
  const want = Math.ceil((40 * range) / h);
  let M = 512;
  while (M < want && M < 8192) M *= 2;
  return M;
}

/** Binned density (linear binning + exact discrete convolution + linear interpolation to `grid`). */
export function densityBinned(values: ArrayLike<number>, grid: ArrayLike<number>, h: number, kernel: KernelName = 'gaussian'): Float64Array {
  const n = values.length;
  const G = grid.length;
  let lo = grid[0];
  let hi = grid[G - 1];
  for (let i = 0; i < n; i++) {
    if (values[i] < lo) lo = values[i];
    if (values[i] > hi) hi = values[i];
  }
  const M = binnedMeshSize(hi - lo, h);
  const delta = (hi - lo) / (M - 1);
  const counts = new Float64Array(M);
  for (let i = 0; i < n; i++) {
    const pos = (values[i] - lo) / delta;
    let k = Math.floor(pos);
    if (k >= M - 1) k = M - 2;
    if (k < 0) k = 0;
    const f = pos - k;
    counts[k] += 1 - f;
    counts[k + 1] += f;
  }
  const L = Math.min(M - 1, Math.ceil((kernelSupport(kernel) * h) / delta));
  const kern = new Float64Array(L + 1);
  for (let d = 0; d <= L; d++) kern[d] = kernelValue(kernel, (d * delta) / h);
  const mesh = new Float64Array(M);
  for (let k = 0; k < M; k++) {
    const c = counts[k];
    if (c === 0) continue;
    const a = Math.max(0, k - L);
    const b = Math.min(M - 1, k + L);
    for (let m = a; m <= b; m++) mesh[m] += c * kern[m > k ? m - k : k - m];
  }
  const scale = 1 / (n * h);
  const out = new Float64Array(G);
  for (let g = 0; g < G; g++) {
    const pos = (grid[g] - lo) / delta;
    let k = Math.floor(pos);
    if (k >= M - 1) k = M - 2;
    if (k < 0) k = 0;
    const f = pos - k;
    out[g] = ((1 - f) * mesh[k] + f * mesh[k + 1]) * scale;
  }
  return out;
}

/** G equally spaced points from `from` to `to` (R `seq(from, to, length.out = G)`: from + i·by, last = to). */
export function linearGrid(from: number, to: number, G: number): Float64Array {
  const out = new Float64Array(G);
  if (G === 1) { out[0] = from; return out; }
  const by = (to - from) / (G - 1);
  for (let i = 0; i < G; i++) out[i] = from + i * by;
  out[G - 1] = to;
  return out;
}
