/**
 * @module `GET /openapi.json` (generated, see `openapi/document.ts`) and `GET /docs`, a small page
 * that links it (no external scripts: it works offline and under a strict CSP).
 */
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { content } from '../openapi/answers.js';
import { openApiDocument, routeDocs } from '../openapi/document.js';
import { route } from '../openapi/route.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function docsPage(): string {
  const rows = routeDocs
    .map(
      (r) =>
        `<tr><td><code>${r.method.toUpperCase()}</code></td><td><code>${escapeHtml(r.path)}</code></td>` +
        `<td>${r.auth === 'none' ? '—' : r.auth === 'secret' ? 'secret key' : 'any key'}</td><td>${escapeHtml(r.summary)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Frontdesk API</title></head>
<body>
<h1>Frontdesk API</h1>
<p>The machine-readable description is <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1); load it in any OpenAPI viewer.</p>
<table><thead><tr><th>Method</th><th>Path</th><th>Auth</th><th>What</th></tr></thead><tbody>
${rows}
</tbody></table>
</body></html>`;
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
  app.get('/docs', (c) =>
    c.html(docsPage(), 200, { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" }),
  );
  return app;
}
