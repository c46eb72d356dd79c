// Public API of src/core/spatial: weights (contiguity, k-NN, distance, economic, user), Moran's I, LISA, Geary's C.
export type { SpatialWeights } from './types.js';
export * from './geometry.js';
export * from './weights.js';
export * from './contiguity.js';
export * from './distance.js';
export * from './china-provinces.js';
export { checkWeightsCover, type Alternative as SpatialAlternative, type WeightsBuilder } from './cross-section.js';
export * from './moran.js';
export * from './lisa.js';
export * from './geary.js';
export * from './world.js';
export * from './gcj02.js';
