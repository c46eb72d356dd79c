// Public API of src/core/aggregate (filled as methods land).
export {};
