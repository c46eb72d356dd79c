import { test } from 'vitest';
import { runCli } from '../../helpers.js';
test('scratch', async () => {
  const t0 = Date.now();
  const r = await runCli(['evaluate', 'examples/pwt.yaml', '--out', '/tmp/xz-pwt', '--force']);
  console.log(Date.now() - t0, 'ms', r.code, r.stdout, r.stderr);
});
