/**
 * @module Builds the console into `dist/`: `index.html`, one stylesheet, the entry script and one
 * lazily loaded chunk per screen, all under `/console/` (where the API serves them; deep links
 * fall back to `index.html` there). Nothing inline, so it runs under the API's strict CSP.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/console/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact', legalComments: 'none' },
  // Read the workspace packages' sources (their `source` export condition): no build of sdk/core needed.
  resolve: { conditions: ['source', 'module', 'browser', 'production', 'import', 'default'] },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // The polyfill is an inline-free helper, but every browser the console supports has modulepreload.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    rollupOptions: {
      output: {
        entryFileNames: 'assets/[name].[hash].js',
        chunkFileNames: 'assets/[name].[hash].js',
        assetFileNames: 'assets/[name].[hash][extname]',
      },
    },
  },
});
