// The index pipeline: indicator matrix from a panel, weight dispatch, composite index.
export * from './indicator-matrix.js';
export * from './weighting.js';
export * from './prepare.js';
export * from './composite-index.js';
