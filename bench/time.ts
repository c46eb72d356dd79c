// Best-of-reps wall time of a synchronous function, printed as one aligned line (shared by the bench suites).
export function time<T>(label: string, f: () => T, reps = 3, width = 58): { ms: number; value: T } {
  let best = Infinity;
  let value!: T;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    value = f();
    best = Math.min(best, performance.now() - t0);
  }
  console.log(`${label.padEnd(width)} ${best.toFixed(1).padStart(8)} ms (best of ${reps})`);
  return { ms: best, value };
}
