import { describe, it, expect } from 'vitest';
import { createRng } from '../../src/core/random.js';

describe('createRng', () => {
  it('is deterministic per (seed, stream) and streams differ', () => {
    const a = createRng(12345, 0), b = createRng(12345, 0), c = createRng(12345, 1);
    const xa = Array.from({ length: 5 }, () => a.uniform());
    const xb = Array.from({ length: 5 }, () => b.uniform());
    const xc = Array.from({ length: 5 }, () => c.uniform());
    expect(xa).toEqual(xb);
    expect(xa).not.toEqual(xc);
  });
  it('uniform moments and int range', () => {
    const r = createRng(7);
    let s = 0, s2 = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) { const u = r.uniform(); expect(u >= 0 && u < 1).toBe(true); s += u; s2 += u * u; }
    expect(Math.abs(s / n - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(s2 / n - 1 / 3)).toBeLessThan(0.005);
    const counts = new Array(7).fill(0);
    for (let i = 0; i < 70_000; i++) counts[r.int(7)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });
  it('normal and gamma moments', () => {
    const r = createRng(99);
    const n = 100_000;
    let s = 0, s2 = 0, g = 0;
    for (let i = 0; i < n; i++) { const z = r.normal(); s += z; s2 += z * z; g += r.gamma(2.5); }
    expect(Math.abs(s / n)).toBeLessThan(0.02);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.02);
    expect(Math.abs(g / n - 2.5)).toBeLessThan(0.03);
  });
});
