import { test } from 'vitest';
import { runCli } from '../../helpers.js';
test('scratch', async () => {
  const r = await runCli(['evaluate', 'examples/pwt.yaml', '--out', '/tmp/xz-pwt', '--force']);
  console.log(r.code, r.stdout, r.stderr);
});
