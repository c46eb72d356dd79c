// Public API of src/core/forecast (filled as methods land).
export {};
