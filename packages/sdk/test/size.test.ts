/**
 * @module Size budget of the browser path: the client with ky, bundled and minified by esbuild,
 * gzipped, stays within 8 KB; and no zod reaches it (the SDK imports only types from core).
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';

const budget = 8 * 1024;

/** The part of esbuild's API used here. */
interface Esbuild {
  build(options: object): Promise<{
    outputFiles: { contents: Uint8Array }[];
    metafile: { inputs: Record<string, unknown> };
  }>;
}

/** esbuild is not a dependency of ours: take the one vite (vitest's) brings. */
async function loadEsbuild(): Promise<Esbuild> {
  const fromVitest = createRequire(createRequire(import.meta.url).resolve('vitest/package.json'));
  const fromVite = createRequire(fromVitest.resolve('vite/package.json'));
  return import(fromVite.resolve('esbuild'));
}

it(`bundles the browser path (client + ky, minified, gzip) within ${budget} bytes, without zod`, async () => {
  const esbuild = await loadEsbuild();
  const result = await esbuild.build({
    entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
  });
  const code = result.outputFiles[0]!.contents;
  const gzipped = gzipSync(code, { level: 9 }).length;
  const inputs = Object.keys(result.metafile.inputs);
  console.info(
    `@frontdesk/sdk browser bundle: ${code.length} B minified, ${gzipped} B gzip (budget ${budget})`,
  );
  expect(inputs.some((file) => file.includes('/ky/'))).toBe(true);
  expect(inputs.filter((file) => file.includes('zod') || file.includes('packages/core'))).toEqual([]);
  // Over budget? Keep optional features (a live stream, helpers few pages need) off this path:
  // give them a subpath export (e.g. `@frontdesk/sdk/stream`) instead of the root index.
  expect(
    gzipped,
    'browser path over its gzip budget: move optional features to a subpath export',
  ).toBeLessThanOrEqual(budget);
});
