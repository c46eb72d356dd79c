// Public API of src/core/weights: entropy, CRITIC, CV, SD, PCA (with varimax), AHP, combination, equal.
export * from './entropy.js';
export * from './critic.js';
export * from './dispersion.js';
export * from './pca.js';
export * from './varimax.js';
export * from './ahp.js';
export * from './combine.js';
export { symmetricEigen, principalEigenvector } from '../math/eigen.js';
export type { SymmetricEigen, PrincipalEigen } from '../math/eigen.js';
export { solveLinear } from '../math/linear-algebra.js';
