import { normalizeMatrix } from '../../../src/core/normalize/normalize.js';
import { shiftedSource } from '../../../src/core/normalize/shift.js';
import { entropyWeights } from '../../../src/core/weights/entropy.js';
import { topsis } from '../../../src/core/aggregate/topsis.js';
const N = Number(process.argv[2]), M = 30;
const cols = Array.from({ length: M }, (_, j) => Float64Array.from({ length: N }, (_, i) => Math.exp(1 + Math.sin(i * 0.37 + j) )));
for (let rep = 0; rep < 3; rep++) {
  let t = performance.now();
  const xn = normalizeMatrix(cols, cols.map(() => '+'));
  const t1 = performance.now();
  const s = new Float64Array(N);
  for (let j = 0; j < M; j++) xn.column(j, s);
  const t2 = performance.now();
  const ew = entropyWeights(shiftedSource(xn, { kind: 'constant', value: 1e-4 }));
  const t3 = performance.now();
  const tp = topsis(xn, ew.weights);
  const t4 = performance.now();
  let acc = 0; for (let j = 0; j < M; j++) { const c = cols[j]; for (let i = 0; i < N; i++) acc += Math.log(c[i]); }
  const t5 = performance.now();
  console.log(`params ${(t1 - t).toFixed(0)} cols ${(t2 - t1).toFixed(0)} entropy ${(t3 - t2).toFixed(0)} topsis ${(t4 - t3).toFixed(0)} rawlog ${(t5 - t4).toFixed(0)} ms`, tp.closeness[0] > 0);
}
