import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { VERSION } from '../../src/core/version.js';
import { repoRoot } from '../helpers.js';

describe('version', () => {
  it('matches package.json', () => {
    const pkg = JSON.parse(readFileSync(`${repoRoot}/package.json`, 'utf8'));
    expect(VERSION).toBe(pkg.version);
  });
});
