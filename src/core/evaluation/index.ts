// Public API of src/core/evaluation (filled as methods land).
export {};
