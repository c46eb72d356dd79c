// Public API of src/core/weights (filled as methods land).
export {};
