// Public API of src/core/dynamics (filled as methods land).
export {};
