/**
 * @module Size budget of the browser path: the client with ky, bundled and minified by esbuild,
 * gzipped, stays within 8 KB; and no zod reaches it (the SDK imports only types from core).
 */
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { bundleBrowserPath } from './bundle.js';

const budget = 8 * 1024;

it(`bundles the browser path (client + ky, minified, gzip) within ${budget} bytes, without zod`, async () => {
  const { code, inputs } = await bundleBrowserPath();
  const gzipped = gzipSync(code, { level: 9 }).length;
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
