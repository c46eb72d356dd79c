// Indicator directions (methods.md B1): benefit '+', cost '-', an interval [q1, q2] of best values,
// or a moderate (best) point x*. After normalisation every indicator is "higher = better".

export type IndicatorDirection = '+' | '-' | { interval: [number, number] } | { moderate: number };

export function isBenefit(d: IndicatorDirection): boolean {
  return d !== '-';
}

/** '+', '-', '[a,b]' or '=x' as text (for cards and messages). */
export function directionText(d: IndicatorDirection): string {
  if (d === '+' || d === '-') return d;
  if ('interval' in d) return `[${d.interval[0]},${d.interval[1]}]`;
  return `=${d.moderate}`;
}

/**
 * Parse '+', '-', '[a,b]', 'interval[a,b]' or '=x' (moderate point). Returns null when the text is not a
 * direction, so callers can raise an error that names where the text came from.
 */
export function parseDirection(text: string): IndicatorDirection | null {
  const s = text.trim();
  if (s === '+' || s === 'benefit' || s === 'positive') return '+';
  if (s === '-' || s === '−' || s === 'cost' || s === 'negative') return '-';
  const m = /^(?:interval)?\s*\[\s*([-+0-9.eE]+)\s*,\s*([-+0-9.eE]+)\s*\]$/.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (!Number.isFinite(a) || !Number.isFinite(b) || a > b) return null;
    return { interval: [a, b] };
  }
  const mp = /^(?:=|moderate:?)\s*([-+0-9.eE]+)$/.exec(s);
  if (mp) {
    const x = Number(mp[1]);
    return Number.isFinite(x) ? { moderate: x } : null;
  }
  return null;
}
