// Option-value parsing shared by the commands (src/cli/args.ts).
import { describe, expect, test } from 'vitest';
import { int, list, num, numbers, oneOf } from '../../src/cli/args.js';

describe('option values', () => {
  test('numbers: absent → undefined; blank, text or a failed check → UsageError naming the option', () => {
    expect(num(undefined, '--x')).toBeUndefined();
    expect(num(true, '--x')).toBeUndefined();
    expect(num(' 0.5 ', '--x')).toBe(0.5);
    expect(() => num('', '--rho')).toThrow(/--rho must be a valid number/); // Number('') would be 0
    expect(() => num('abc', '--rho')).toThrow(/got "abc"/);
    expect(() => num('1.5', '--alpha', undefined, (x) => x < 1)).toThrow(/--alpha/);
    expect(() => num('x', '--alpha', 'or estimate it')).toThrow(expect.objectContaining({ kind: 'bad-option', hint: 'or estimate it' }));
    expect(int('3', '--k')).toBe(3);
    expect(() => int('3.5', '--k')).toThrow(/whole number/);
  });

  test('lists and choices', () => {
    expect(list(' a, b,,c ')).toEqual(['a', 'b', 'c']);
    expect(list(undefined)).toEqual([]);
    expect(numbers('1, 2,3', '--g', 3)).toEqual([1, 2, 3]);
    expect(numbers(undefined, '--g')).toBeUndefined();
    expect(() => numbers('1,2', '--g', 3)).toThrow(/3 comma-separated numbers/);
    expect(() => numbers('1,x', '--g')).toThrow(/--g/);
    expect(oneOf('vrs', '--rts', ['crs', 'vrs'] as const)).toBe('vrs');
    expect(() => oneOf('drs', '--rts', ['crs', 'vrs'] as const)).toThrow(/--rts must be one of crs, vrs/);
  });
});
