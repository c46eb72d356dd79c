// Public API of src/core/frontier: the DEA engine and the distance functions used by the productivity indices.
export * from './types.js';
export { distances } from './distance.js';
export { dea, type DeaOptions, type DeaData, type DeaRow, type DeaModel } from './dea.js';
export { solveLp, type LpProblem, type LpResult, type LpBasis } from './lp.js';
export { crossEfficiency, type CrossEfficiencyOptions, type CrossRow, type CrossMethod } from './cross-efficiency.js';
export { scaleEfficiency, type ScaleEfficiencyOptions, type ScaleEfficiencyRow, type RtsClass } from './scale-efficiency.js';
export { windowAnalysis, type WindowAnalysisOptions, type WindowAnalysisRow, type WindowPeriodMean, type WindowDmuSummary } from './window.js';
