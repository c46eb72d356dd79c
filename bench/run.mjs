// Run the benchmarks (not part of `npm test`): `npm run bench [-- dea malmquist index disparity spatial]`.
// Each suite prints its own figures and ratios against reference tools where they are installed
// (R lpSolve for DEA, numpy for the index). Results are written beside each suite.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const suites = {
  dea: ['npx', ['vitest', 'run', '-c', 'bench/dea/vitest.config.ts']],
  malmquist: ['npx', ['vitest', 'run', '-c', 'bench/malmquist/vitest.config.ts']],
  index: ['node', ['bench/index/run.mjs']],
  disparity: ['npx', ['vitest', 'run', '-c', 'bench/disparity/vitest.config.ts']],
  spatial: ['npx', ['vitest', 'run', '-c', 'bench/spatial/vitest.config.ts']],
};
const asked = process.argv.slice(2);
const names = asked.length ? asked : Object.keys(suites);
let failed = 0;
for (const name of names) {
  const s = suites[name];
  if (!s) { console.error(`unknown bench "${name}"; choose from ${Object.keys(suites).join(', ')}`); process.exit(1); }
  const cfg = s[1].find((a) => a.startsWith('bench/'));
  if (cfg && !existsSync(join(root, cfg))) { console.error(`bench ${name}: ${cfg} not found`); failed++; continue; }
  console.log(`\n=== bench: ${name} ===`);
  const r = spawnSync(s[0], s[1], { cwd: root, stdio: 'inherit', env: { ...process.env, XINZHI_BENCH: '1' } });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
