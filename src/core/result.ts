// The Result envelope every public method returns (design.md "Data model", style.md "Results and method cards").
//
// A Result is plain JSON-serialisable data, so the CLI, the report and the web app render any method
// without special cases. Numbers are finite or null; a null always comes with a row `status` and `reason`
// (methods.md §0 "No silent NaN"). Rows are never dropped: a failure sets the row's status.

export type Status =
  | 'ok'
  | 'optimal'
  | 'infeasible'
  | 'unbounded'
  | 'numerical'
  | 'undefined'
  | 'not_converged'
  | 'insufficient_data'
  | 'inconsistent';

export interface Warning {
  code: string;              // stable machine-readable code, e.g. "missing-values", "ccd-bunching"
  message: string;           // one sentence for people (English)
  messageZh?: string;        // the same in Chinese, where the report shows it
  count?: number;
  where?: { file?: string; row?: number; column?: string; id?: string; period?: number | string };
}

export interface Citation {
  text: string;              // "Dagum, C. (1997). Empirical Economics 22(4), 515–531."
  doi?: string;
}

/** Every convention actually used, so a paper can cite exactly what was computed. */
export interface MethodCard {
  method: string;            // "dagum", "dea", "malmquist", …
  title: { en: string; zh: string };
  conventions: Record<string, unknown>;
  formulas?: string[];       // LaTeX-ish strings rendered in the report
  citations: Citation[];
  software: { name: 'xinzhi'; version: string };
  data?: { source: string; attribution?: string }[];
  statusCounts?: Record<string, number>;
}

export interface Result<Row = Record<string, unknown>> {
  method: string;
  params: Record<string, unknown>;
  rows: Row[];
  summary: Record<string, unknown>;
  warnings: Warning[];
  card: MethodCard;
}

/** Count row statuses for the method card (rows without a `status` count as "ok"). */
export function countStatuses(rows: readonly { status?: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) {
    const s = r.status ?? 'ok';
    out[s] = (out[s] ?? 0) + 1;
  }
  return out;
}

/** Replace non-finite numbers by null (deep), for JSON output. Methods should not produce them; this is a guard. */
export function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
