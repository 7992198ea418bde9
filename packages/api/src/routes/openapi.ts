/**
 * @module `GET /openapi.json` (generated, see `openapi/document.ts`) and `GET /docs`, a small page
 * that links it (no external scripts: it works offline and under a strict CSP).
 */
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { openApiDocument, routeDocs } from '../openapi/document.js';

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

export function openApiRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/openapi.json', (c) => c.json(openApiDocument()));
  app.get('/docs', (c) =>
    c.html(docsPage(), 200, { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" }),
  );
  return app;
}
