// Public API of src/core/coordination (filled as methods land).
export {};
