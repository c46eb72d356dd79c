// Public API of src/core/framework: indicator-system schema, YAML parsing and validation, formulas, built-ins.
export * from './types.js';
export * from './formula.js';
export * from './parse.js';
export * from './builtin.js';
