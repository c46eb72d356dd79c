// Public API of src/core/evaluation: spec → plan → run → results bundle object (design.md "The evaluation spec
// and bundle"). Isomorphic: parse the YAML text, load the data with the io layer, run, then hand the results to
// src/report to write the bundle.
export { parseSpec, SpecError, formatIssues } from './validate.js';
export type { ParsedSpec, SpecIssue, SpecPath } from './validate.js';
export { runEvaluation } from './run.js';
export type { RunInputs } from './context.js';
export { EVALUATION_SCHEMA } from './schema.js';
export { outputSettings as evaluationOutputSettings } from './spec.js';
export type {
  EvaluationSpec, DataSpec, PrepareStep, IndexSpec, IndexWeightMethod, GrowthSpec, MalmquistSpec, DeaSpec, TfpSpec, AnalysesSpec, OutputSpec,
  Format as EvaluationFormat, Lang as EvaluationLang,
} from './spec.js';
export type {
  EvaluationResults, Section as EvaluationSection, SectionKind as EvaluationSectionKind, Table as EvaluationTable,
  TableColumn as EvaluationTableColumn, Bilingual,
} from './results.js';
