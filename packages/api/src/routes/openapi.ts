/**
 * @module `GET /openapi.json` (generated from the route declarations, see `openapi/document.ts`)
 * and `GET /docs`, a browsable reference of it: Swagger UI from the installed `swagger-ui-dist`,
 * served from here (no CDN: it works offline) under a strict CSP — no inline script, so the
 * start-up code is a served file too (`/docs/docs.js`).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { content, problem } from '../openapi/answers.js';
import { openApiDocument } from '../openapi/document.js';
import { route } from '../openapi/route.js';

const gzipAsync = promisify(gzip);

/** The page's policy: everything from this origin, nothing inline, no frames, no forms. */
const docsPolicy =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

// Relative URLs, so the page also works when a proxy serves the API under a path prefix.
const docsPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Frontdesk API reference</title><link rel="stylesheet" href="docs/swagger-ui.css"></head>
<body><noscript><p>The reference needs JavaScript; the document itself is <a href="openapi.json">/openapi.json</a> (OpenAPI 3.1).</p></noscript>
<main id="reference"></main>
<script src="docs/swagger-ui-bundle.js"></script><script src="docs/docs.js"></script>
</body></html>`;

const docsScript = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: new URL('openapi.json', document.baseURI).href,
    dom_id: '#reference',
    deepLinking: true,
    validatorUrl: null,
    defaultModelsExpandDepth: 0,
  });
});
`;

interface DocsFile {
  type: string;
  /** A file of swagger-ui-dist, or the text itself. */
  source: { dist: string } | { text: string };
}

const docsFiles: Record<string, DocsFile> = {
  'swagger-ui.css': { type: 'text/css; charset=utf-8', source: { dist: 'swagger-ui.css' } },
  'swagger-ui-bundle.js': {
    type: 'text/javascript; charset=utf-8',
    source: { dist: 'swagger-ui-bundle.js' },
  },
  'docs.js': { type: 'text/javascript; charset=utf-8', source: { text: docsScript } },
};

let distDir: string | undefined;
const loaded = new Map<
  string,
  Promise<{ identity: Uint8Array<ArrayBuffer>; gzip: Uint8Array<ArrayBuffer> }>
>();

/** The file's bytes and their gzip, read and compressed once (the bundle is 1.7 MB, 0.5 MB gzipped). */
function load(name: string, file: DocsFile) {
  let bytes = loaded.get(name);
  if (!bytes) {
    bytes = (async () => {
      let identity: Uint8Array<ArrayBuffer>;
      if ('text' in file.source) identity = new TextEncoder().encode(file.source.text);
      else {
        distDir ??= dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
        identity = new Uint8Array(await readFile(join(distDir, file.source.dist)));
      }
      return { identity, gzip: new Uint8Array(await gzipAsync(identity, { level: 9 })) };
    })();
    bytes.catch(() => loaded.delete(name));
    loaded.set(name, bytes);
  }
  return bytes;
}

/** `root`: the whole app, whose routes the document describes. */
export function openApiRoutes(root: Hono<AppEnv>): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get(
    '/openapi.json',
    route({
      summary: 'This OpenAPI 3.1 document',
      description: 'Generated from the route declarations; load it in any OpenAPI tool or client generator.',
      tag: 'Operations',
      auth: 'none',
      responses: { 200: content('application/json', 'The OpenAPI document') },
    }),
    async (c) => c.json(await openApiDocument(root)),
  );
  app.get(
    '/docs',
    route({
      summary: 'A browsable reference of this document',
      tag: 'Operations',
      auth: 'none',
      responses: { 200: content('text/html', 'The reference page') },
    }),
    (c) =>
      c.html(docsPage, 200, {
        'Content-Security-Policy': docsPolicy,
        'Cache-Control': 'no-cache',
        'Referrer-Policy': 'no-referrer',
        'X-Content-Type-Options': 'nosniff',
      }),
  );
  app.get(
    '/docs/:file',
    route({
      summary: "A file of the reference page (Swagger UI's script and style sheet)",
      tag: 'Operations',
      auth: 'none',
      responses: {
        200: content(['text/javascript', 'text/css'], 'The script or style sheet'),
        404: problem({ not_found: 'No such file.' }),
      },
    }),
    async (c) => {
      const name = c.req.param('file');
      const file = Object.hasOwn(docsFiles, name) ? docsFiles[name] : undefined;
      if (!file) throw new ApiError(404, 'not_found');
      const bytes = await load(name, file);
      const gzipped = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
      return c.body(gzipped ? bytes.gzip : bytes.identity, 200, {
        'Content-Type': file.type,
        'Cache-Control': 'public, max-age=3600',
        'X-Content-Type-Options': 'nosniff',
        Vary: 'Accept-Encoding',
        ...(gzipped ? { 'Content-Encoding': 'gzip' } : {}),
      });
    },
  );
  return app;
}
