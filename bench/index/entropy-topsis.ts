// Benchmark kernel (Node side): pooled entropy weights + TOPSIS on a seeded synthetic panel of
// N entity-periods × M indicators, the same computation as entropy_topsis.py (numpy). Run by run.mjs,
// which compiles this file, writes the shared data file and starts each side in a fresh process.
//
//   x′ pooled min–max (cost columns (M − x)/(M − m)); entropy on x′ + 0.0001, k = 1/ln N;
//   TOPSIS on x′ with v = w·x′, pooled ideal = column max, anti-ideal = column min; C = D⁻/(D⁺ + D⁻).
// The data are read from a float64 file laid out column after column (what a Panel holds).

import { openSync, readSync, closeSync, writeFileSync, readFileSync } from 'node:fs';
import { normalizeMatrix } from '../../src/core/normalize/normalize.js';
import { entropyWeights } from '../../src/core/weights/entropy.js';
import { topsis } from '../../src/core/aggregate/topsis.js';
import type { IndicatorDirection } from '../../src/core/normalize/direction.js';
import { compositeIndex } from '../../src/core/composite/composite-index.js';
import { flatFramework } from '../../src/core/framework/types.js';
import type { Panel } from '../../src/core/panel/panel.js';

const [file, nText, mText, outFile] = process.argv.slice(2);
const N = Number(nText);
const M = Number(mText);
// peak resident memory of this process image: VmHWM (ru_maxrss would carry the parent's peak across exec)
const hwm = (): number => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN) * 1024;
const baseRss = hwm();
const cols: Float64Array[] = [];
const fd = openSync(file, 'r');
for (let j = 0; j < M; j++) {
  const c = new Float64Array(N);
  readSync(fd, new Uint8Array(c.buffer), 0, N * 8, j * N * 8);
  cols.push(c);
}
closeSync(fd);
const dataRss = hwm();
const directions: IndicatorDirection[] = cols.map((_, j) => (j % 6 === 5 ? '-' : '+'));

const runs: number[] = [];
let result: { weights: Float64Array; closeness: Float64Array } | null = null;
for (let rep = 0; rep < 3; rep++) {
  const t0 = performance.now();
  const xn = normalizeMatrix(cols, directions, { method: 'minmax' });
  const ew = entropyWeights(xn, { offset: 1e-4 });
  const t = topsis(xn, ew.weights);
  runs.push((performance.now() - t0) / 1000);
  result = { weights: ew.weights, closeness: t.closeness };
}
const peakRss = hwm();
// The whole pipeline with a Result (one row object per entity-period, ranks, card): N/10 entities × 10 periods.
const T = 10;
const panel: Panel = {
  ids: Array.from({ length: N / T }, (_, i) => `e${String(i).padStart(7, '0')}`),
  periods: Array.from({ length: T }, (_, t) => 2001 + t),
  columns: Object.fromEntries(cols.map((c, j) => [`x${j + 1}`, c])),
  labels: {},
  present: new Uint8Array(N).fill(1),
  meta: {},
};
const fw = flatFramework(cols.map((_, j) => ({ key: `x${j + 1}`, direction: directions[j] })));
const tp = performance.now();
const res = compositeIndex(panel, { framework: fw, shift: 1e-4, aggregate: 'topsis', topsis: { normalization: 'minmax' } });
const pipelineSeconds = (performance.now() - tp) / 1000;
const pipelinePeakRss = hwm();
const c = result!.closeness;
let cs = 0;
for (let i = 0; i < N; i++) cs += c[i];
writeFileSync(outFile, JSON.stringify({
  side: 'node', node: process.version, N, M, seconds: runs, best: Math.min(...runs),
  dataBytes: N * M * 8, baseRss, dataRss, peakRss, peakOverData: peakRss / (N * M * 8), computeExtraBytes: peakRss - dataRss,
  pipelineSeconds, pipelinePeakRss, pipelineRows: res.rows.length,
  weights: Array.from(result!.weights), closenessSum: cs, closenessHead: Array.from(c.subarray(0, 5)),
}));
