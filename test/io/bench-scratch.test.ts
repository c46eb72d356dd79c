import { test } from 'vitest';
import { readDta, writeDta } from '../../src/io/dta.js';
test('bench', () => {
  const N = 200000;
  const num = Array.from({ length: N }, (_, i) => (i * 0.37) / 3);
  const str = Array.from({ length: N }, (_, i) => 'prov' + (i % 31));
  const yr = Array.from({ length: N }, (_, i) => 1990 + (i % 30));
  for (const [name, col] of [['num', num], ['str', str], ['int', yr]] as const) {
    let t0 = performance.now();
    const b = writeDta({ header: ['a','b','c','d','e'], columns: [col, col, col, col, col] });
    const tw = performance.now() - t0; t0 = performance.now();
    readDta(b, 'x'); const tr = performance.now() - t0;
    console.log(name, 'write', tw.toFixed(0), 'read', tr.toFixed(0));
  }
});
