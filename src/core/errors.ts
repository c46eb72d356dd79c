// Typed errors. Bad input is a DataError that names file, row, column, the offending text and what to do;
// the CLI maps DataError → exit 2, UsageError → exit 1 (design.md "CLI contract").

export interface DataLocation {
  file?: string;
  sheet?: string;
  row?: number;          // 1-based row in the source as a person sees it (CSV line / spreadsheet row)
  column?: string;
  text?: string;         // the offending cell text
  id?: string;
  period?: number | string;
}

export class XinzhiError extends Error {
  readonly kind: string;
  constructor(kind: string, message: string) {
    super(message);
    this.kind = kind;
    this.name = 'XinzhiError';
  }
}

/** A problem with the user's data. `kind` is a stable code that tests assert, e.g. "bad-number", "duplicate-key". */
export class DataError extends XinzhiError {
  readonly location: DataLocation;
  readonly hint?: string;
  readonly details?: unknown;
  constructor(kind: string, message: string, location: DataLocation = {}, hint?: string, details?: unknown) {
    super(kind, formatDataMessage(message, location, hint));
    this.name = 'DataError';
    this.location = location;
    this.hint = hint;
    this.details = details;
  }
}

/** A problem with how a command or function was called (options, spec). */
export class UsageError extends XinzhiError {
  readonly hint?: string;
  constructor(kind: string, message: string, hint?: string) {
    super(kind, hint ? `${message}\n  what to do: ${hint}` : message);
    this.name = 'UsageError';
    this.hint = hint;
  }
}

/** A numerical failure that cannot be reported per row (per-row failures are `status` fields instead). */
export class NumericalError extends XinzhiError {
  constructor(kind: string, message: string) {
    super(kind, message);
    this.name = 'NumericalError';
  }
}

function formatDataMessage(message: string, loc: DataLocation, hint?: string): string {
  const parts: string[] = [];
  if (loc.file) parts.push(loc.sheet ? `${loc.file} [sheet ${loc.sheet}]` : loc.file);
  if (loc.row !== undefined) parts.push(`row ${loc.row}`);
  if (loc.column !== undefined) parts.push(`column "${loc.column}"`);
  if (loc.id !== undefined) parts.push(`id ${loc.id}`);
  if (loc.period !== undefined) parts.push(`period ${loc.period}`);
  let s = parts.length ? `${parts.join(', ')}: ${message}` : message;
  if (loc.text !== undefined) s += ` (found: ${JSON.stringify(loc.text)})`;
  if (hint) s += `\n  what to do: ${hint}`;
  return s;
}
