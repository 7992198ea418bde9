/**
 * @module Builds the script-tag distribution: `dist/widget.js` (the tiny loader, stable name, short
 * cache) and `dist/widget/chunks/*.[hash].js` (the UI, content-hashed, cached for a year). Served
 * from an origin's root, the loader's `./widget/chunks/…` lands on `/widget/chunks/…`.
 * The loader is a classic script, so it must contain no `import`/`export`/`import.meta`: it reaches
 * its chunks only through `import()` of URLs built from its own `<script src>`, cross-origin.
 * Library mode, because it leaves `import()` alone (no preload helper that injects <link> tags).
 */
import { minify } from 'terser';
import { defineConfig, type Plugin } from 'vite';

/**
 * Library mode does not minify ES output, so minify each chunk here, with terser: it packs about
 * 2% tighter than esbuild, which is what keeps the booking flow inside its 20 KB budget. The loader (the entry) is
 * also wrapped in a function: as a classic script its top-level names would otherwise be globals
 * of the host page, colliding with the page's own.
 */
function minifyChunks(): Plugin {
  return {
    name: 'frontdesk-minify-chunks',
    // A classic script loaded cross-origin without `crossorigin` has about:blank as the base URL of
    // its import() calls, so the loader resolves chunk paths against its own <script> src itself.
    // It also starts the target's shared chunks (preact, signals) at the same time, instead of
    // after the target has arrived and been parsed: one round trip less on a slow network.
    // import() takes the URL object itself (it converts its argument to a string): no `.href`.
    renderDynamicImport({ chunk, getTargetChunkImports }) {
      if (!chunk.isEntry) return null;
      // `resolvedImportPath` is already a quoted string (with hash placeholders Rollup fills in).
      const deps = (getTargetChunkImports() ?? []).filter((i) => i.type === 'internal');
      const load = (quotedPath: string) => `import(new URL(${quotedPath},fdBase))`;
      if (!deps.length) return { left: 'import(new URL(', right: ',fdBase))' };
      return {
        left: `Promise.all([${deps.map((d) => load(d.resolvedImportPath)).join(',')},import(new URL(`,
        right: `,fdBase))]).then((m)=>m[${deps.length}])`,
      };
    },
    // After every other plugin: Vite's own lib-mode pass would re-indent a renderChunk result.
    async generateBundle(_options, bundle) {
      // One name cache for all chunks, so a mangled property has the same name in each of them.
      const nameCache = {};
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const source = chunk.isEntry
          ? `(()=>{const fdBase=document.currentScript?.src||location.href;${chunk.code}})();`
          : chunk.code;
        const out = await minify(source, {
          module: true,
          ecma: 2020,
          compress: { passes: 3, pure_getters: true, unsafe_arrows: true },
          // Preact's internal fields (`__k`, `__e`, …) are private to the bundle: shorten them.
          mangle: { properties: { regex: /^__[A-Za-z]$/ } },
          nameCache,
          format: { comments: false },
        });
        if (out.code === undefined) throw new Error(`terser produced nothing for ${chunk.fileName}`);
        chunk.code = out.code;
      }
    },
  };
}

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact', legalComments: 'none' },
  plugins: [minifyChunks()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    minify: false,
    sourcemap: false,
    copyPublicDir: false,
    lib: { entry: 'src/loader.ts', formats: ['es'], fileName: () => 'widget.js' },
    rollupOptions: {
      output: { chunkFileNames: 'widget/chunks/[name].[hash].js' },
    },
  },
});
