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
    // Browser stand-ins for two Node-only calls in shared code (see the files): iconv-lite needs Buffer, and
    // docx's Packer.toBuffer asks for a Node buffer.
    alias: [
      { find: /^iconv-lite$/, replacement: here('src/shims/iconv-lite.ts') },
      { find: /^docx$/, replacement: here('src/shims/docx.ts') },
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
