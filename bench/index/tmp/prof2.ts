import { normalizeMatrix } from '../../../src/core/normalize/normalize.js';
const N = 1_000_000, M = 30;
const cols = Array.from({ length: M }, (_, j) => Float64Array.from({ length: N }, (_, i) => Math.exp(1 + Math.sin(i * 0.37 + j))));
for (let rep = 0; rep < 4; rep++) {
  let t = performance.now();
  const xn = normalizeMatrix(cols, cols.map(() => '+'));
  const t1 = performance.now();
  let acc = 0;
  for (let j = 0; j < M; j++) { const c = cols[j]; let mn = Infinity, mx = -Infinity; for (let i = 0; i < N; i++) { const v = c[i]; if (v < mn) mn = v; if (v > mx) mx = v; } acc += mx - mn; }
  const t2 = performance.now();
  const s = new Float64Array(N);
  for (let j = 0; j < M; j++) xn.column(j, s);
  const t3 = performance.now();
  for (let j = 0; j < M; j++) { const c = cols[j]; const m = 1, rg = 3; for (let i = 0; i < N; i++) s[i] = (c[i] - m) / rg; }
  const t4 = performance.now();
  let l = 0; for (let j = 0; j < M; j++) { const c = cols[j]; for (let i = 0; i < N; i++) l += Math.log(c[i]); }
  const t5 = performance.now();
  console.log(`params ${(t1 - t).toFixed(0)} rawminmax ${(t2 - t1).toFixed(0)} columns ${(t3 - t2).toFixed(0)} rawtransform ${(t4 - t3).toFixed(0)} log ${(t5 - t4).toFixed(0)}`, acc > 0, l > 0);
}
