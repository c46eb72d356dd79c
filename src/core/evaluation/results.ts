// The results bundle object: what `runEvaluation` returns and what results.json holds. Plain JSON, deterministic
// (no timestamps, no absolute paths: those go to provenance.json, written by the CLI).
//
// Every number the report, the tables and the summary sentences show lives here: a section keeps the method's
// Result untouched, and every derived figure the report draws (latest-period ranking, per-period means, grade
// counts) is a `Table` computed once in core, so report.html only selects and formats.

import type { Result, Warning } from '../result.js';
import type { EvaluationSpec, Lang } from './spec.js';

export interface Bilingual { en: string; zh: string }

export type CellValue = string | number | null;

export interface TableColumn {
  key: string;
  label: Bilingual;
  /** How to format: text, number (output.digits decimals), integer, percent (value ×100 with %). */
  kind: 'text' | 'number' | 'integer' | 'percent';
}

export interface Table {
  /** File-safe id: tables/<id>.csv, sheet name, LaTeX label tab:<id>. */
  id: string;
  /** Section that produced it. */
  section: string;
  title: Bilingual;
  note?: Bilingual;
  columns: TableColumn[];
  rows: Record<string, CellValue>[];
}

export type SectionKind =
  | 'data'
  | 'prepare'
  | 'index'
  | 'growth'
  | 'malmquist'
  | 'dea'
  | 'coupling'
  | 'obstacle'
  | 'disparity'
  | 'kde'
  | 'markov'
  | 'spatialMarkov'
  | 'convergence'
  | 'moran'
  | 'lisa'
  | 'forecast';

export interface Section {
  id: string;
  kind: SectionKind;
  title: Bilingual;
  /** The series analysed, where the section analyses one, and its label. */
  of?: string;
  ofLabel?: Bilingual;
  /** The period analysed, for single-period analyses (Moran, LISA). */
  period?: number;
  result: Result<any>;
  /** Ids of the tables this section produced. */
  tables: string[];
}

export interface EvaluationResults {
  xinzhi: 1;
  software: { name: 'xinzhi'; version: string };
  title: Bilingual;
  language: Lang;
  spec: EvaluationSpec;
  data: {
    source: string;
    ids: string[];
    periods: number[];
    /** Display names by id, when the data has a name column. */
    names?: Record<string, string>;
    /** Group label by id (the disparity grouping), when one is attached. */
    groups?: { column: string; byId: Record<string, string | null> };
    variables: string[];
  };
  sections: Section[];
  tables: Table[];
  warnings: Warning[];
}
