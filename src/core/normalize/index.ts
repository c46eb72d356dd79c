// Public API of src/core/normalize (filled as methods land).
export {};
