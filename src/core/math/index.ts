export * from './distributions.js';
export * from './stats.js';
