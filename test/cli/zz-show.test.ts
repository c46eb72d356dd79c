import { it } from 'vitest';
import { runCli } from '../helpers.js';
it('show', async () => {
  for (const argv of [
    ['forecast', 'gm11', '--data', 'pwt', '--value', 'rgdpna', '--units', 'CHN,USA,ZWE', '--horizon', '3'],
    ['spatial', 'lisa', '--data', 'pwt', '--value', 'hc', '--periods', '2017', '--weights', 'knn:5', '--permutations', '99'],
  ]) { const r = await runCli(argv, { isTTY: true }); console.log(r.code, r.stdout.slice(0, 3000), r.stderr.slice(0, 1000)); }
});
