// Public API of src/core/framework (filled as methods land).
export {};
