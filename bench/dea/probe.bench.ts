import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dea } from '../../src/core/frontier/index.js';
it('probe', () => {
  const n = process.env.N ?? '2000';
  const lines = readFileSync(`/work/shared/bench/dea/perf_n${n}.csv`, 'utf8').trim().split('\n');
  const head = lines[0].split(',');
  const ids: string[] = []; const columns: Record<string, number[]> = {};
  head.slice(1).forEach((h) => (columns[h] = []));
  for (const l of lines.slice(1)) { const c = l.split(','); ids.push(c[0]); head.slice(1).forEach((h, k) => columns[h].push(Number(c[k + 1]))); }
  const ref = JSON.parse(readFileSync(`/work/shared/bench/dea/perf_n${n}.json`, 'utf8'));
  for (const rts of ['crs', 'vrs'] as const) {
    const t0 = performance.now();
    const r = dea({ ids, columns }, { inputs: ['x1', 'x2', 'x3'], outputs: ['y1', 'y2'], rts, orientation: 'in', frame: (process.env.FRAME as never) ?? 'auto' });
    const t = (performance.now() - t0) / 1000;
    let maxd = 0;
    r.rows.forEach((row, k) => { maxd = Math.max(maxd, Math.abs((row.efficiency as number) - ref.efficiency[`${rts}_in`][k])); });
    console.log(rts, n, t.toFixed(2), 's', JSON.stringify(r.summary.statusCounts), 'frame', r.summary.frameSizes, 'lps', r.summary.lps, 'iters', r.summary.simplexIterations, 'maxdiff', maxd);
  }
});
