// The xinzhi version recorded in every method card. Kept in sync with package.json by test/core/version.test.ts.
export const VERSION = '0.1.0';

export const SOFTWARE = { name: 'xinzhi' as const, version: VERSION };
