import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dea } from '../../src/core/frontier/index.js';
import { efficientFrame, buildRef } from '../../src/core/frontier/engine.js';
it('debug', () => {
  const n = process.env.N ?? '5000';
  const lines = readFileSync(`/work/shared/bench/dea/perf_n${n}.csv`, 'utf8').trim().split('\n');
  const head = lines[0].split(',');
  const ids: string[] = []; const columns: Record<string, number[]> = {};
  head.slice(1).forEach((h) => (columns[h] = []));
  for (const l of lines.slice(1)) { const c = l.split(','); ids.push(c[0]); head.slice(1).forEach((h, k) => columns[h].push(Number(c[k + 1]))); }
  const N = ids.length;
  const X = new Float64Array(3 * N), Y = new Float64Array(2 * N);
  ['x1','x2','x3'].forEach((v, i) => columns[v].forEach((x, j) => (X[i * N + j] = x)));
  ['y1','y2'].forEach((v, i) => columns[v].forEach((x, j) => (Y[i * N + j] = x)));
  const scale = new Float64Array(5).fill(1);
  const ref = buildRef(3, 2, 0, N, X, Y, undefined, scale);
  let t0 = performance.now();
  const fr = efficientFrame(ref, 'vrs', false);
  console.log('frame vrs', fr.length, ((performance.now() - t0) / 1000).toFixed(2));
  t0 = performance.now();
  const fc = efficientFrame(ref, 'crs', false);
  console.log('frame crs', fc.length, ((performance.now() - t0) / 1000).toFixed(2));
  const r = JSON.parse(readFileSync(`/work/shared/bench/dea/perf_n${n}.json`, 'utf8'));
  const e = r.efficiency.vrs_in as number[];
  const effSet = e.map((v, k) => (v > 1 - 1e-9 ? k : -1)).filter((k) => k >= 0);
  const inFrame = new Set(fr);
  console.log('efficient (ref)', effSet.length, 'missing from frame', effSet.filter((k) => !inFrame.has(k)));
  const res = dea({ ids, columns }, { inputs: ['x1','x2','x3'], outputs: ['y1','y2'], rts: 'vrs', slack: 'none' });
  const bad = res.rows.map((row, k) => [k, (row.efficiency as number) - e[k]] as const).filter(([, dd]) => Math.abs(dd) > 1e-6);
  console.log('bad', bad.length, bad.slice(0, 10));
});
import { DeaLp } from '../../src/core/frontier/engine.js';
it('debug179', () => {
  const lines = readFileSync(`/work/shared/bench/dea/perf_n5000.csv`, 'utf8').trim().split('\n');
  const N = lines.length - 1;
  const X = new Float64Array(3 * N), Y = new Float64Array(2 * N);
  lines.slice(1).forEach((l, j) => { const c = l.split(',').map(Number); for (let i = 0; i < 3; i++) X[i * N + j] = c[1 + i]; for (let r = 0; r < 2; r++) Y[r * N + j] = c[4 + r]; });
  const ref = buildRef(3, 2, 0, N, X, Y, undefined, new Float64Array(5).fill(1));
  const fr = efficientFrame(ref, 'vrs', false);
  for (const j of [179, 2458, 4736]) {
    const lp = new DeaLp(ref, true, 0, 5);
    for (let i = 0; i < 3; i++) { lp.setExtra(i, null, 0, 0, Infinity); lp.setCoef(i, i, 1); }
    for (let r = 0; r < 2; r++) { lp.setExtra(3 + r, null, 0, 0, Infinity); lp.setCoef(3 + r, 3 + r, -1); }
    lp.setPool(fr);
    for (let k = 0; k < 5; k++) lp.b[k] = ref.D[k + j * 5];
    lp.b[5] = 1;
    const res = lp.solve(false);
    const lam = [];
    for (let p = 0; p < lp.poolLen; p++) if (res.x[lp.ne + p] > 1e-12) lam.push([lp.pool[p], res.x[lp.ne + p]]);
    console.log('dmu', j, 'status', res.status, 'iters', res.iterations, 'lam', JSON.stringify(lam), 'slacks', Array.from(res.x.subarray(0, 5)));
    // verify
    for (let k = 0; k < 5; k++) { let v = 0; for (const [q, l] of lam) v += l * ref.D[k + q * 5]; console.log('  row', k, v, ref.D[k + j * 5]); }
  }
});
import { LP_OPTIMAL, LP_INFEASIBLE } from '../../src/core/frontier/lp.js';
it('debugframe', () => {
  const lines = readFileSync(`/work/shared/bench/dea/perf_n5000.csv`, 'utf8').trim().split('\n');
  const N = lines.length - 1;
  const X = new Float64Array(3 * N), Y = new Float64Array(2 * N);
  lines.slice(1).forEach((l, j) => { const c = l.split(',').map(Number); for (let i = 0; i < 3; i++) X[i * N + j] = c[1 + i]; for (let r = 0; r < 2; r++) Y[r * N + j] = c[4 + r]; });
  const ref = buildRef(3, 2, 0, N, X, Y, undefined, new Float64Array(5).fill(1));
  const { n, d, m, D } = ref;
  const lp = new DeaLp(ref, true, 0, 5);
  for (let i = 0; i < 3; i++) { lp.setExtra(i, null, 0, 0, Infinity); lp.setCoef(i, i, 1); }
  for (let r = 0; r < 2; r++) { lp.setExtra(3 + r, null, 0, 0, Infinity); lp.setCoef(3 + r, 3 + r, -1); }
  const score = new Float64Array(n);
  for (let j = 0; j < n; j++) { let num = 0, den = 0; for (let k = 0; k < m; k++) den += D[k + j * d]; for (let k = m; k < d; k++) num += D[k + j * d]; score[j] = num / den; }
  const order = Array.from({ length: n }, (_, j) => j).sort((a, b) => score[b] - score[a] || a - b);
  lp.setPool([]);
  for (const j of order) {
    if (lp.inPool[j]) continue;
    for (let k = 0; k < d; k++) lp.b[k] = D[k + j * d];
    lp.b[d] = 1;
    for (let guard = 0; guard <= n; guard++) {
      const res = lp.solve(false);
      if (res.status === LP_OPTIMAL) {
        if ([179, 2458, 4736].includes(j)) {
          const lam = [];
          for (let p = 0; p < lp.poolLen; p++) if (res.x[lp.ne + p] > 1e-12) lam.push([lp.pool[p], res.x[lp.ne + p]]);
          console.log('dmu', j, 'OPT', 'pool', lp.poolLen, 'iters', res.iterations, JSON.stringify(lam), Array.from(res.x.subarray(0,5)));
          for (let k = 0; k < 6; k++) { let v = 0; for (const [q, l] of lam) v += l * (k < 5 ? D[k + q * 5] : 1); console.log('  row', k, v, k < 5 ? D[k + j * 5] : 1); }
        }
        break;
      }
      if (res.status !== LP_INFEASIBLE || lp.priceAndAdd(res.duals, -1, 1) === 0) { lp.addPoint(j); lp.warm = null; break; }
    }
  }
});
