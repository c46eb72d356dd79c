// Public API of src/core/disparity (filled as methods land).
export {};
