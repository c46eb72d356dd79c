// Public API of src/core/normalize: min–max (benefit, cost, interval, moderate), z-score, vector; scopes; shifts.
export * from './matrix.js';
export * from './direction.js';
export * from './normalize.js';
export * from './shift.js';
