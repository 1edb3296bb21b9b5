// The playground: a static page built by Vite (8: Vite 7 pulls rollup native packages the
// registry mirror lacks, which breaks `npm ci`) from the *built* package
// (dist/, produced by `npm run build`), so it shows exactly what users get.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  resolve: {
    alias: { logitkit: fileURLToPath(new URL('../dist/index.js', import.meta.url)) },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
