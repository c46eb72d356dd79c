export * from './distributions.js';
export * from './stats.js';
export * from './regression.js';
export * from './eigen.js';
export * from './linear-algebra.js';
