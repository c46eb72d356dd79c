// Public API of src/core/aggregate: weighted sum, TOPSIS, GRA, VIKOR, RSR, ranks, weight sensitivity, and the
// composite index pipeline (src/core/composite).
export * from './weighted-sum.js';
export * from './topsis.js';
export * from './gra.js';
export * from './vikor.js';
export * from './rsr.js';
export * from './rank.js';
export * from './sensitivity.js';
export * from '../composite/index.js';
