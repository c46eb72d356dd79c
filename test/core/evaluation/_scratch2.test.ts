import { test } from 'vitest';
import { tablesToDocx } from '../../../src/report/docx.js';
test('docx', async () => {
  const tables = Array.from({ length: 8 }, (_, k) => ({ id: `t${k}`, section: 's', title: { en: 'T', zh: 'T' }, columns: Array.from({ length: 8 }, (_, j) => ({ key: `c${j}`, label: { en: `c${j}`, zh: `c${j}` }, kind: 'number' as const })), rows: Array.from({ length: 40 }, (_, i) => Object.fromEntries(Array.from({ length: 8 }, (_, j) => [`c${j}`, i * j + 0.5]))) }));
  for (const k of [0, 1]) { const t = Date.now(); await tablesToDocx(tables, 'en', 4, 'x'); console.log('docx', Date.now() - t); }
});
