// Bench: productivity indices on a seeded synthetic panel (issue 5): 5,000 units × 10 periods, 3 inputs,
// 2 outputs (+1 undesirable for ML/GML); sequential and global frontiers; target < 60 s each on one core.
// Run: npx vitest run -c bench/malmquist/vitest.config.ts   (BENCH_N=1000 for a quick run)
// Writes bench/malmquist/results.json with wall-clock and CPU seconds (CPU time is the fair "one core" figure
// when the machine is shared), LP counts, the largest reference set passed to the kernel and the time inside it.
import { it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus } from 'node:os';
import { malmquist, type MalmquistOptions } from '../../src/core/productivity/malmquist.js';
import { distances } from '../../src/core/frontier/distance.js';
import type { DistancesFn } from '../../src/core/frontier/types.js';
import { syntheticPanel, inputsOf, outputsOf, badsOf } from '../../test/core/productivity/synthetic.js';

const here = dirname(fileURLToPath(import.meta.url));

it('malmquist bench', async () => {
  const n = Number(process.env.BENCH_N ?? 5000);
  const T = 10;
  const only = process.env.BENCH_CASES?.split(',');
  const reduce = process.env.BENCH_REDUCE !== '0';
  const plain = syntheticPanel({ n, T, m: 3, s: 2, h: 0, seed: 20261128 });
  const green = syntheticPanel({ n, T, m: 3, s: 2, h: 1, seed: 20261128 });
  type Case = { name: string; panel: typeof plain; opts: Omit<MalmquistOptions, 'distances'> };
  const all: Case[] = [
    { name: 'malmquist-sequential', panel: plain, opts: { inputs: inputsOf(3), outputs: outputsOf(2), frontier: 'sequential' } },
    { name: 'malmquist-global', panel: plain, opts: { inputs: inputsOf(3), outputs: outputsOf(2), frontier: 'global' } },
    { name: 'ml-sequential', panel: green, opts: { inputs: inputsOf(3), outputs: outputsOf(2), undesirable: badsOf(1), index: 'ml', frontier: 'sequential' } },
    { name: 'gml-global', panel: green, opts: { inputs: inputsOf(3), outputs: outputsOf(2), undesirable: badsOf(1), index: 'gml' } },
  ];
  const cases = all.filter((c) => !only || only.includes(c.name));
  const out: Record<string, unknown>[] = [];
  for (const c of cases) {
    let kernelMs = 0;
    let calls = 0;
    let maxRef = 0;
    const timed: DistancesFn = (ref, ev, spec) => {
      const t0 = performance.now();
      const r = distances(ref, ev, spec);
      kernelMs += performance.now() - t0;
      calls++;
      maxRef = Math.max(maxRef, ref.n);
      return r;
    };
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const res = malmquist(c.panel, { ...c.opts, distances: timed, reduce });
    const cpu = process.cpuUsage(cpu0);
    const seconds = (performance.now() - t0) / 1000;
    const loadavg = (await import('node:os')).loadavg()[0];
    const entry = {
      case: c.name, reduce, units: n, periods: T, seconds: Number(seconds.toFixed(2)), cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)), loadAverage: Number(loadavg.toFixed(1)), kernelSeconds: Number((kernelMs / 1000).toFixed(2)),
      kernelCalls: calls, lps: res.summary.lps, largestReference: maxRef, statusCounts: res.card.statusCounts,
    };
    console.log(JSON.stringify(entry));
    for (const r of res.rows.filter((x) => x.status !== 'ok').slice(0, 3)) console.log(`  ${r.id} ${r.from}→${r.to} ${r.status}: ${r.reason}`);
    out.push(entry);
    expect(res.rows.length).toBe(n * (T - 1));
  }
  writeFileSync(resolve(here, `results${n === 5000 ? '' : `-n${n}`}${reduce ? '' : '-noreduce'}${only ? `-${only.join('+')}` : ''}.json`), JSON.stringify({
    machine: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, node ${process.version}, single thread`,
    date: new Date().toISOString(), results: out,
  }, null, 2) + '\n');
});
