// xinzhi data inspect through the CLI (runCli, in process).
import { describe, it, expect } from 'vitest';
import { runCli } from '../helpers.js';

describe('xinzhi data inspect', () => {
  it('pwt --format json reports 182 economies, 1950–2017, 52 variables', async () => {
    const r = await runCli(['data', 'inspect', 'pwt', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout);
    expect(res.method).toBe('data-inspect');
    expect(res.summary.entities).toBe(182);
    expect(res.summary.firstPeriod).toBe(1950);
    expect(res.summary.lastPeriod).toBe(2017);
    expect(res.summary.periods).toBe(68);
    expect(res.summary.variables).toBe(52);
    expect(res.rows).toHaveLength(52);
    expect(res.summary.rows).toBe(12376);
    expect(res.summary.balanced).toBe(true);
    expect(res.summary.duplicates).toBe(0);
    expect(res.card.data[0].attribution).toMatch(/CC BY 4.0/);
  });
});
