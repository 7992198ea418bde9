/**
 * @module The SDK's browser bundle, built the way a site's bundler would (esbuild, ESM, browser
 * platform, minified): for the size budget and for the real-browser test.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** The part of esbuild's API used here. */
interface Esbuild {
  build(options: object): Promise<{
    outputFiles: { contents: Uint8Array; text: string }[];
    metafile: { inputs: Record<string, unknown> };
  }>;
}

/** esbuild is not a dependency of ours: take the one vite (vitest's) brings. */
async function loadEsbuild(): Promise<Esbuild> {
  const fromVitest = createRequire(createRequire(import.meta.url).resolve('vitest/package.json'));
  const fromVite = createRequire(fromVitest.resolve('vite/package.json'));
  return import(fromVite.resolve('esbuild'));
}

/** Bundles `src/index.ts` (or another entry under src/) for browsers; `inputs` lists every file that went in. */
export async function bundleBrowserPath(
  entry = 'index.ts',
): Promise<{ code: Uint8Array; text: string; inputs: string[] }> {
  const esbuild = await loadEsbuild();
  const result = await esbuild.build({
    entryPoints: [fileURLToPath(new URL(`../src/${entry}`, import.meta.url))],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
  });
  const output = result.outputFiles[0]!;
  return { code: output.contents, text: output.text, inputs: Object.keys(result.metafile.inputs) };
}
