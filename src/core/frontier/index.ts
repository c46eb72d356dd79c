// Public API of src/core/frontier (filled as methods land).
export {};
