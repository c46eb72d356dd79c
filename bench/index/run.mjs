// Pooled entropy + TOPSIS on a seeded synthetic panel (default 1,000,000 entity-periods × 30 indicators),
// Node (xinzhi kernels) against numpy, side by side: seconds (best of 3), ratio, peak memory.
//   node bench/index/run.mjs [N] [M]        (python: $PYTHON, else `python3` on PATH, needs numpy)
// Steps: compile the Node kernel with tsc into a temp folder; write the data (xoshiro-seeded log-normal
// columns) once to a float64 file; run each side in a fresh process so peak RSS is its own; write
// bench/index/results.json. Peak memory is VmHWM from /proc (Linux).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync, existsSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const N = Number(process.argv[2] ?? 1_000_000);
const M = Number(process.argv[3] ?? 30);
const work = mkdtempSync(join(tmpdir(), 'xinzhi-bench-index-'));
try {
  const out = join(work, 'js');
  execFileSync(join(root, 'node_modules', '.bin', 'tsc'), [
    join(here, 'entropy-topsis.ts'), join(root, 'src/core/random.ts'),
    '--outDir', out, '--rootDir', root, '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext',
    '--skipLibCheck', '--types', 'node', '--strict',
  ], { stdio: 'inherit' });
  writeFileSync(join(out, 'package.json'), '{"type":"module"}');
  symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'), 'dir');
  // data: column j = exp(σ_j · normal + μ_j), seed 12345, stream j
  const { createRng } = await import(join(out, 'src/core/random.js'));
  const dataFile = join(work, 'data.f64');
  const buf = new Float64Array(N);
  const chunks = [];
  for (let j = 0; j < M; j++) {
    const rng = createRng(12345, j);
    const mu = 1 + (j % 7), sigma = 0.3 + 0.1 * (j % 5);
    for (let i = 0; i < N; i++) buf[i] = Math.exp(mu + sigma * rng.normal());
    chunks.push(Buffer.from(buf.buffer.slice(0)));
  }
  writeFileSync(dataFile, Buffer.concat(chunks));
  chunks.length = 0;
  const nodeOut = join(work, 'node.json');
  const r = spawnSync(process.execPath, [join(out, 'bench/index/entropy-topsis.js'), dataFile, String(N), String(M), nodeOut], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('node side failed');
  const node = JSON.parse(readFileSync(nodeOut, 'utf8'));
  let numpy = null;
  const py = process.env.PYTHON ?? 'python3';
  const pyOut = join(work, 'numpy.json');
  const p = spawnSync(py, [join(here, 'entropy_topsis.py'), dataFile, String(N), String(M), pyOut], { stdio: 'inherit' });
  if (p.status === 0 && existsSync(pyOut)) numpy = JSON.parse(readFileSync(pyOut, 'utf8'));
  else console.log(`numpy side not run (${py}: exit ${p.status}); set PYTHON to a python3 with numpy`);
  const mb = (b) => (b / 1048576).toFixed(0) + ' MiB';
  console.log(`\npooled entropy + TOPSIS, N = ${N.toLocaleString('en')} entity-periods × ${M} indicators (data ${mb(N * M * 8)})`);
  console.log(`node ${node.node}: best ${node.best.toFixed(3)} s (runs ${node.seconds.map((s) => s.toFixed(3)).join(', ')}), peak RSS ${mb(node.peakRss)} = ${node.peakOverData.toFixed(2)}× data (start ${mb(node.baseRss)}, computing adds ${mb(node.computeExtraBytes)})`);
  console.log(`node, full compositeIndex with ${node.pipelineRows.toLocaleString('en')} result rows (pooled min–max TOPSIS): ${node.pipelineSeconds.toFixed(3)} s, peak RSS ${mb(node.pipelinePeakRss)}`);
  const summary = { N, M, dataBytes: N * M * 8, loadAverage: (await import('node:os')).loadavg(), node };
  if (numpy) {
    console.log(`numpy ${numpy.numpy}: best ${numpy.best.toFixed(3)} s (runs ${numpy.seconds.map((s) => s.toFixed(3)).join(', ')}), peak RSS ${mb(numpy.peakRss)} = ${numpy.peakOverData.toFixed(2)}× data (start ${mb(numpy.baseRss)}, computing adds ${mb(numpy.computeExtraBytes)}), tracemalloc peak ${mb(numpy.tracemallocPeakBytes)}`);
    const ratio = node.best / numpy.best;
    let maxRel = 0;
    node.weights.forEach((w, j) => { maxRel = Math.max(maxRel, Math.abs(w - numpy.weights[j]) / Math.abs(numpy.weights[j])); });
    console.log(`time ratio node/numpy = ${ratio.toFixed(2)} (target ≤ 1.5); max relative weight difference ${maxRel.toExponential(2)}; Σ closeness ${node.closenessSum} vs ${numpy.closenessSum}`);
    Object.assign(summary, { numpy, ratio, maxRelWeightDiff: maxRel });
  }
  writeFileSync(join(here, 'results.json'), JSON.stringify(summary, null, 2) + '\n');
} finally {
  rmSync(work, { recursive: true, force: true });
}
