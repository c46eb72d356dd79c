// Parsing of option values shared by the CLI commands: numbers, whole numbers, comma-separated lists and choices,
// each refusing what it cannot read with a UsageError naming the option (exit 1). An empty or blank value is not
// a number (Number('') would be 0).

import { UsageError } from '../core/errors.js';

type Raw = string | boolean | undefined;

/** A number, or undefined when the option is absent (or a bare flag). */
export function num(s: Raw, what: string, hint?: string, check: (x: number) => boolean = Number.isFinite): number | undefined {
  if (s === undefined || typeof s === 'boolean') return undefined;
  const v = Number(s);
  if (s.trim() === '' || !Number.isFinite(v) || !check(v)) throw new UsageError('bad-option', `${what} must be a valid number (got "${s}")`, hint);
  return v;
}

/** A whole number, or undefined when absent. */
export function int(s: Raw, what: string): number | undefined {
  const v = num(s, what);
  if (v !== undefined && !Number.isInteger(v)) throw new UsageError('bad-option', `${what} must be a whole number (got "${s}")`);
  return v;
}

/** Comma-separated names (blanks dropped); [] when absent. */
export function list(s: Raw): string[] {
  return s === undefined || typeof s === 'boolean' ? [] : s.split(',').map((x) => x.trim()).filter((x) => x !== '');
}

/** Comma-separated numbers, or undefined when absent; `count` asks for exactly that many. */
export function numbers(s: Raw, what: string, count?: number, describe = ''): number[] | undefined {
  if (s === undefined || typeof s === 'boolean') return undefined;
  const v = list(s).map(Number);
  if (!v.length || v.some((x) => !Number.isFinite(x)) || (count !== undefined && v.length !== count)) {
    throw new UsageError('bad-option', `${what} must be ${count !== undefined ? `${count} ` : 'a list of '}comma-separated numbers${describe} (got "${s}")`);
  }
  return v;
}

/** One of the allowed words, or undefined when absent. */
export function oneOf<T extends string>(s: Raw, what: string, allowed: readonly T[]): T | undefined {
  if (s === undefined || typeof s === 'boolean') return undefined;
  if (!allowed.includes(s as T)) throw new UsageError('bad-option', `${what} must be one of ${allowed.join(', ')} (got "${s}")`);
  return s as T;
}
