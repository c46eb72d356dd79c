// DEA timing: CCR and BCC input-oriented with max-slack phase II on ../shared/bench/dea (n = 2,000, 5,000; checked
// against the Benchmarking 0.33 references) and seeded synthetic n = 10,000 and 50,000 (same generator as perf.json).
// Where R with lpSolve is installed, a per-DMU lpSolve loop (what deaR does) is timed on the same data in the same run
// (on R_DMUS DMUs, default 200, extrapolated linearly to n: every DMU's LP has the same size).
// Run: npx vitest run -c bench/dea/vitest.config.ts     (env: SIZES=2000,5000,10000,50000  R_DMUS=200  NO_R=1)
import { it } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dea } from '../../src/core/frontier/index.js';
import { createRng } from '../../src/core/random.js';

const here = dirname(fileURLToPath(import.meta.url));
const shared = process.env.XINZHI_SHARED ?? join(here, '..', '..', '..', 'shared');

interface Data { ids: string[]; columns: Record<string, number[]>; csv: string; ref?: any }

function readCsv(path: string): Data {
  const lines = readFileSync(path, 'utf8').trim().split('\n');
  const head = lines[0].split(',');
  const ids: string[] = []; const columns: Record<string, number[]> = {};
  head.slice(1).forEach((h) => (columns[h] = []));
  for (const l of lines.slice(1)) { const c = l.split(','); ids.push(c[0]); head.slice(1).forEach((h, k) => columns[h].push(Number(c[k + 1]))); }
  return { ids, columns, csv: path };
}

function synthetic(n: number, seed: number, dir: string): Data {
  const rng = createRng(seed);
  const ids: string[] = [], columns: Record<string, number[]> = { x1: [], x2: [], x3: [], y1: [], y2: [] };
  for (let j = 0; j < n; j++) {
    const lx = [0, 1, 2].map(() => 2 + 0.5 * rng.normal());
    const u = Math.abs(0.3 * rng.normal());
    ids.push(`D${String(j + 1).padStart(5, '0')}`);
    lx.forEach((v, i) => columns[`x${i + 1}`].push(Math.exp(v)));
    columns.y1.push(Math.exp(0.5 + 0.3 * lx[0] + 0.3 * lx[1] + 0.3 * lx[2] + 0.2 * rng.normal() - u));
    columns.y2.push(Math.exp(0.2 + 0.4 * lx[0] + 0.2 * lx[1] + 0.3 * lx[2] + 0.2 * rng.normal() - u));
  }
  const csv = join(dir, `synthetic_n${n}.csv`);
  writeFileSync(csv, 'DMU,x1,x2,x3,y1,y2\n' + ids.map((id, j) => [id, ...['x1', 'x2', 'x3', 'y1', 'y2'].map((v) => columns[v][j])].join(',')).join('\n') + '\n');
  return { ids, columns, csv };
}

function hasR(): boolean {
  if (process.env.NO_R) return false;
  try { execFileSync('Rscript', ['-e', 'suppressMessages(library(lpSolve))'], { stdio: 'ignore' }); return true; } catch { return false; }
}

it('dea timings', () => {
  const sizes = (process.env.SIZES ?? '2000,5000,10000,50000').split(',').map(Number);
  const rDmus = Number(process.env.R_DMUS ?? 200);
  const tmp = mkdtempSync(join(tmpdir(), 'xinzhi-bench-dea-'));
  const withR = hasR();
  const lines: string[] = [];
  const log = (s: string) => { lines.push(s); console.log(s); };
  log(`DEA bench (input orientation, max-slack phase II), node ${process.version}, R lpSolve: ${withR ? 'yes' : 'no'}`);
  log(`load average at start: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
  log('n       rts  wall_s   cpu_s  frame  maxAbsDiffEff  maxAbsDiffSlackSum  lpSolveLoop_s (extrapolated from k DMUs)');
  for (const n of sizes) {
    const file = join(shared, 'bench', 'dea', `perf_n${n}.csv`);
    const data = existsSync(file) ? { ...readCsv(file), ref: JSON.parse(readFileSync(join(shared, 'bench', 'dea', `perf_n${n}.json`), 'utf8')) } : synthetic(n, 20260000 + n, tmp);
    for (const rts of ['crs', 'vrs'] as const) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const res = dea(data, { inputs: ['x1', 'x2', 'x3'], outputs: ['y1', 'y2'], rts, orientation: 'in', slack: 'maxSlack', slackObjective: 'raw' });
      const secs = (performance.now() - t0) / 1000;
      const cu = process.cpuUsage(c0);
      const cpu = (cu.user + cu.system) / 1e6;
      let dEff = NaN, dSlack = NaN;
      if (data.ref) {
        dEff = 0; dSlack = 0;
        const e = data.ref.efficiency[`${rts}_in`], ss = data.ref.slack_sum?.[`${rts}_in`];
        res.rows.forEach((row, k) => {
          dEff = Math.max(dEff, Math.abs((row.efficiency as number) - e[k]));
          if (ss) dSlack = Math.max(dSlack, Math.abs(Object.values(row.slacks ?? {}).reduce((a, b) => a + b, 0) - ss[k]));
        });
      }
      let rCol = '-';
      if (withR) {
        const k = Math.min(rDmus, n);
        const out = execFileSync('Rscript', [join(here, 'lpsolve_loop.R'), data.csv, rts, String(k)], { encoding: 'utf8' }).trim().split(' ');
        const rs = Number(out[0]), rcpu = Number(out[3]);
        rCol = `wall ${(rs * n / k).toFixed(1)} / cpu ${(rcpu * n / k).toFixed(1)} (k=${k}; cpu ratio ${(rcpu * n / k / cpu).toFixed(0)}x)`;
      }
      log(`${String(n).padEnd(7)} ${rts}  ${secs.toFixed(2).padStart(6)}  ${cpu.toFixed(2).padStart(6)}  ${String((res.summary.frameSizes as number[] | undefined)?.[0] ?? '-').padStart(5)}  ${Number.isNaN(dEff) ? '-' : dEff.toExponential(1)}  ${Number.isNaN(dSlack) ? '-' : dSlack.toExponential(1)}  ${rCol}`);
    }
  }
  writeFileSync(join(here, 'last-run.txt'), lines.join('\n') + '\n');
});
