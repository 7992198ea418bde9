/**
 * @module A plain Vite app. Nothing widget-specific to configure: `@frontdesk/widget` is ordinary
 * ESM, and its UI becomes a lazily loaded chunk of this app's own build.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  build: { outDir: 'dist', emptyOutDir: true },
});
