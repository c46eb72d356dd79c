// Public API of src/core/frontier: the DEA engine and the distance functions used by the productivity indices.
export * from './types.js';
export { distances } from './distance.js';
