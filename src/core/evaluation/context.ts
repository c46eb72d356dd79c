// What every section of an evaluation run shares: the (growing) panel, the computed series, the sections and
// tables produced so far, and how to report a problem at a spec line. Sections are planned up front (so every
// spec problem is reported before any computation) and run in order.

import type { Panel } from '../panel/panel.js';
import type { Warning } from '../result.js';
import { withColumn } from '../panel/panel.js';
import type { GeoFeature } from '../spatial/geometry.js';
import type { EvaluationSpec, Lang } from './spec.js';
import type { Bilingual, Section, Table } from './results.js';
import type { ParsedSpec, SpecIssue, SpecPath } from './validate.js';

export interface RunInputs {
  /** The loaded data (the CLI loads it with the io layer). */
  panel: Panel;
  /** Centroids (longitude, latitude in degrees) by id, for k-NN and distance spatial weights. */
  coordinates?: Record<string, [number, number]>;
  /** Polygons by id (a user base map), for queen/rook contiguity of units other than China's provinces. */
  features?: Record<string, GeoFeature>;
  /** Group labels by id from the spec's `data.groups` lookup (the CLI reads the file). */
  groups?: Record<string, string | null>;
  /** A framework loaded from a file named in `index.framework` (the CLI reads the file). */
  framework?: unknown;
  /** Called before each step; awaited, so a progress bar can redraw. */
  onProgress?: (step: { index: number; total: number; id: string; label: Bilingual }) => void | Promise<void>;
}

export interface SeriesInfo {
  label: Bilingual;
  section: string;
}

export interface Step {
  id: string;
  label: Bilingual;
  run(ctx: RunContext): void;
}

export class RunContext {
  panel: Panel;
  readonly spec: EvaluationSpec;
  readonly inputs: RunInputs;
  readonly parsed?: ParsedSpec;
  readonly lang: Lang;
  readonly digits: number;
  readonly top: number;
  readonly series = new Map<string, SeriesInfo>();
  readonly sections: Section[] = [];
  readonly tables: Table[] = [];
  readonly warnings: Warning[] = [];
  /** Names of the group label column, when a grouping is attached. */
  groupColumn?: string;

  constructor(init: { panel: Panel; spec: EvaluationSpec; inputs: RunInputs; parsed?: ParsedSpec; lang: Lang; digits: number; top: number }) {
    this.panel = init.panel;
    this.spec = init.spec;
    this.inputs = init.inputs;
    this.parsed = init.parsed;
    this.lang = init.lang;
    this.digits = init.digits;
    this.top = init.top;
  }

  /** A spec problem at `path` (line/column when the spec came from YAML text). */
  issue(kind: string, path: SpecPath, message: string, hint: string): SpecIssue {
    if (this.parsed) return this.parsed.issue(kind, path, message, hint);
    return { kind, path: path.join('.'), line: 0, column: 0, message, hint };
  }

  /** Add a computed series as a panel column, so later sections use it like data. */
  addSeries(name: string, values: Float64Array, info: SeriesInfo): void {
    this.panel = withColumn(this.panel, name, values, { key: name, label: info.label });
    this.series.set(name, info);
  }

  /** Label of a series or column in both languages. */
  seriesLabel(name: string): Bilingual {
    const s = this.series.get(name);
    if (s) return s.label;
    const m = this.panel.meta[name]?.label;
    return { en: m?.en ?? name, zh: m?.zh ?? m?.en ?? name };
  }

  addSection(section: Omit<Section, 'tables'>, tables: Table[]): Section {
    const ofLabel = section.of ? this.seriesLabel(section.of) : undefined;
    const s: Section = { ...section, ...(ofLabel ? { ofLabel } : {}), tables: tables.map((t) => t.id) };
    this.sections.push(s);
    this.tables.push(...tables);
    for (const w of section.result.warnings ?? []) this.warnings.push({ ...w, code: `${section.id}:${w.code}` });
    return s;
  }
}
