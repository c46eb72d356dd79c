export * from './panel.js';
export * from './parse-number.js';
export * from './from-table.js';
export * from './pwt-attribution.js';
export * from './inspect.js';
export * from './reshape.js';
