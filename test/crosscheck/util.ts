// Helpers for the independent cross-check tests (helper J): load a `more/` dataset as DeaData, read stored references.
import { readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedPath } from '../helpers.js';
import { createPanel } from '../../src/core/panel/panel.js';

const here = dirname(fileURLToPath(import.meta.url));

export function refJson<T = any>(name: string): T {
  return JSON.parse(readFileSync(resolve(here, '..', 'fixtures', 'crosscheck', name), 'utf8')) as T;
}

export function morePath(name: string): string {
  return sharedPath('fixtures', 'more', name);
}

/** Minimal CSV reader for the `more/` files (no embedded commas; strips quotes). */
export function readMore(name: string): { head: string[]; rows: string[][] } {
  return readSimpleCsv(morePath(name));
}

/** Minimal CSV reader for any fixture file (no embedded commas; strips quotes). */
export function readSimpleCsv(file: string): { head: string[]; rows: string[][] } {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const split = (l: string) => l.split(',').map((s) => s.replace(/^"|"$/g, ''));
  return { head: split(lines[0]), rows: lines.slice(1).map(split) };
}

/** A panel from CSV rows: id and period columns by name, every other column numeric. */
export function panelFromRows(head: string[], rows: string[][], idCol: string, perCol: string) {
  const ki = head.indexOf(idCol), kp = head.indexOf(perCol);
  const entity = rows.map((r) => r[ki]);
  const period = rows.map((r) => Number(r[kp]));
  const values: Record<string, Float64Array> = {};
  head.forEach((h, k) => { if (k !== ki && k !== kp) values[h] = Float64Array.from(rows, (r) => Number(r[k])); });
  return createPanel({ ids: [...new Set(entity)], periods: [...new Set(period)], entity, period, values });
}

export function deaData(name: string, idCol = 0): { ids: string[]; columns: Record<string, Float64Array> } {
  const { head, rows } = readMore(name);
  const columns: Record<string, Float64Array> = {};
  head.forEach((h, k) => { if (k !== idCol) columns[h] = Float64Array.from(rows, (r) => Number(r[k])); });
  return { ids: rows.map((r) => r[idCol]), columns };
}

/** Collect mismatches instead of failing at the first one, so a failing test lists every bad DMU. */
export class Mismatches {
  list: string[] = [];
  close(got: unknown, exp: number, rel: number, what: string, abs = 1e-9): void {
    if (typeof got !== 'number' || !Number.isFinite(got) || Math.abs(got - exp) > rel * Math.abs(exp) + abs) {
      this.list.push(`${what}: got ${String(got)}, expected ${exp}`);
    }
  }
  push(msg: string): void { this.list.push(msg); }
  report(max = 12): string {
    return `${this.list.length} mismatches\n` + this.list.slice(0, max).join('\n');
  }
}
