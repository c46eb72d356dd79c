// Public API of src/core/forecast: GM(1,1).
export * from './gm11.js';
