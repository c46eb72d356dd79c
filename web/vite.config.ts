// Vite build of the xinzhi workbench (issue 8): `npm run build:web` writes dist/web/, which `xinzhi serve` serves.
// The app imports the isomorphic core and the report writers from ../src directly (the same code as the CLI).
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: './',
  publicDir: here('public'),
  resolve: {
    // Browser stand-in for a Node-only call in shared code (see the file): iconv-lite needs Buffer.
    alias: [
      { find: /^iconv-lite$/, replacement: here('src/shims/iconv-lite.ts') },
    ],
  },
  worker: { format: 'es' },
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    reportCompressedSize: false,
  },
  server: { fs: { allow: [here('..')] }, proxy: { '/api': 'http://127.0.0.1:8787', '/pkg': 'http://127.0.0.1:8787' } },
});
