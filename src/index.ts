// xinzhi library API: the core methods plus the Node file loaders and writers.
export * from './core/index.js';
export * from './io/index.js';
export * from './report/index.js';
