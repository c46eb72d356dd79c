// Public API of src/core/coordination: coupling coordination degree and obstacle degree.
export * from './coupling.js';
export * from './coupling-panel.js';
export * from './obstacle.js';
export * from './obstacle-panel.js';
