// Public API of src/core/productivity (filled as methods land).
export {};
