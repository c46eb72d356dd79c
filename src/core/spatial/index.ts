// Public API of src/core/spatial (filled as methods land).
export {};
