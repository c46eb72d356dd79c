// Reading numbers out of the results object with their JSON path, so every number report.html shows can be
// traced back to results.json: charts and sentences read through a `Reader`, which records (path, value) pairs;
// the page embeds those pairs and test/report/html.test.ts checks each against results.json.

import type { EvaluationResults } from '../core/evaluation/results.js';

export type Path = (string | number)[];

export class Reader {
  readonly refs: [string, number][] = [];
  constructor(readonly results: EvaluationResults) {}

  get(path: Path): unknown {
    let v: any = this.results;
    for (const s of path) {
      if (v === null || v === undefined) return undefined;
      v = v[s as any];
    }
    return v;
  }

  /** A number at `path` (null when absent or null), recorded as a reference. */
  num(path: Path): number | null {
    const v = this.get(path);
    if (typeof v !== 'number' || !Number.isFinite(v)) return null;
    this.refs.push([path.join('.'), v]);
    return v;
  }

  /** Start a fresh collection of references (one per chart). */
  fork(): Reader {
    return new Reader(this.results);
  }
}

/** Index of the table with id `id`, or -1. */
export function tableIndex(results: EvaluationResults, id: string): number {
  return results.tables.findIndex((t) => t.id === id);
}

export function sectionIndex(results: EvaluationResults, id: string): number {
  return results.sections.findIndex((s) => s.id === id);
}
