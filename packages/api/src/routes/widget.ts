/**
 * @module Serves the built booking widget beside the API — `GET /widget.js` (the loader: a stable
 * URL, cached 5 minutes so a new release reaches pages quickly) and `GET /widget/chunks/*` (content-
 * hashed, so cached for a year as immutable) — both readable from any origin, since the whole point
 * is to run on other sites. Also `GET /demo`: a page with the widget inline and as a popup under a
 * strict Content-Security-Policy, which proves that sites with such a policy can embed it.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { content, empty, problem } from '../openapi/answers.js';
import { route } from '../openapi/route.js';
import { strictPageHeaders } from './page-headers.js';
import { fileCache, sendEncoded } from './static-files.js';

/** Where the widget files come from, and what the demo page uses. */
export interface WidgetRouteOptions {
  /**
   * The built widget: a directory holding `widget.js` and `widget/chunks/`. Default: the `dist` of
   * the installed `@frontdesk/widget`, else of the workspace's `packages/widget`, if either exists.
   */
  widgetDir?: string;
  /**
   * The publishable key the `/demo` page embeds, or a function asked on each request (keys are
   * stored hashed, so only whoever created the key knows it). Without one, `/demo` is a 404.
   */
  demoKey?: string | (() => Promise<string | null> | string | null);
}

/** The answers the demo page needs from the API itself (the app's own `request`). */
type SelfRequest = (path: string, init: RequestInit) => Response | Promise<Response>;

const chunkName = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.js$/;

/** The contracts of the files and pages below (no key: they are loaded by any site's pages). */
const scriptAnswers = {
  200: content('text/javascript', 'The script (`br` or `gzip` when accepted)'),
  304: empty('Not modified (`If-None-Match` matched the `ETag`)'),
  404: problem({ not_found: 'The widget is not built on this server, or no such file.' }),
};
const loaderRoute = route({
  summary: 'The widget loader script',
  description:
    'Load it in a page with an async script tag, then use the `frontdesk-booking` and `frontdesk-stock` ' +
    'elements. Cached for 5 minutes, so a new release reaches pages quickly.',
  tag: 'Widget',
  auth: 'none',
  responses: scriptAnswers,
});
const chunkRoute = route({
  summary: 'A widget chunk (content-hashed, cached as immutable)',
  tag: 'Widget',
  auth: 'none',
  responses: scriptAnswers,
});
const demoRoute = route({
  summary: 'A demo page with the widgets, under a strict Content-Security-Policy',
  tag: 'Widget',
  auth: 'none',
  responses: {
    200: content('text/html', 'The demo page'),
    404: problem({ not_found: 'No demo key is configured on this server.' }),
  },
});
const demoCssRoute = route({
  summary: "The demo page's style sheet",
  tag: 'Widget',
  auth: 'none',
  responses: { 200: content('text/css', 'The style sheet') },
});

/** The default widget directory, or undefined when no built widget can be found. */
export function defaultWidgetDir(): string | undefined {
  const candidates: string[] = [];
  try {
    const pkg = createRequire(import.meta.url).resolve('@frontdesk/widget/package.json');
    candidates.push(join(dirname(pkg), 'dist'));
  } catch {
    // Not installed beside the API: fall back to the monorepo layout.
  }
  candidates.push(join(dirname(fileURLToPath(import.meta.url)), '../../../widget/dist'));
  return candidates.find((dir) => existsSync(join(dir, 'widget.js')));
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function widgetRoutes(options: WidgetRouteOptions, self: SelfRequest): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const dir = () => options.widgetDir ?? defaultWidgetDir();

  const load = fileCache();

  async function serveFile(path: string, cacheControl: string, request: Request): Promise<Response> {
    const base = dir();
    if (!base) throw new ApiError(404, 'not_found', { detail: 'The widget is not built on this server' });
    const file = await load(join(base, path), cacheControl.includes('immutable'));
    if (!file) throw new ApiError(404, 'not_found');
    // Compressed, the booking UI is a third of its size: on a slow phone that is most of the wait.
    return sendEncoded(file, request, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': cacheControl,
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      // Lets the embedding site's own performance monitoring see the widget's real timings.
      'Timing-Allow-Origin': '*',
      'X-Content-Type-Options': 'nosniff',
    });
  }

  app.get('/widget.js', loaderRoute, (c) => serveFile('widget.js', 'public, max-age=300', c.req.raw));
  app.get('/widget/chunks/:file', chunkRoute, (c) => {
    const file = c.req.param('file');
    // Only plain chunk names: no `..`, no slashes, nothing outside the chunks directory.
    if (!chunkName.test(file)) throw new ApiError(404, 'not_found');
    return serveFile(`widget/chunks/${file}`, 'public, max-age=31536000, immutable', c.req.raw);
  });

  app.get('/demo', demoRoute, async (c) => {
    const key = typeof options.demoKey === 'function' ? await options.demoKey() : options.demoKey;
    if (!key) throw new ApiError(404, 'not_found', { detail: 'No demo key is configured on this server' });
    const managing = c.req.query('frontdesk_booking') !== undefined;
    // The popup books the first service and the stock element shows the first product, both
    // found through the API like any site would.
    const first = async (path: string, field: 'id' | 'sku'): Promise<string> => {
      if (managing) return '';
      const res = await self(path, { headers: { Authorization: `Bearer ${key}` } });
      if (!res.ok) return '';
      const list = (await res.json()) as { data?: Record<string, unknown>[] };
      const value = list.data?.[0]?.[field];
      return typeof value === 'string' ? value : '';
    };
    const service = await first('/v1/services?limit=1', 'id');
    const sku = await first('/v1/products?limit=1', 'sku');
    return c.html(demoPage(key, service, sku, managing), 200, strictPageHeaders);
  });
  app.get('/demo/demo.css', demoCssRoute, (c) =>
    c.body(demoCss, 200, {
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
    }),
  );

  return app;
}

const demoCss = `body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:2rem;max-width:48rem;margin-inline:auto;color:#1f2937}
h1{font-size:1.6rem}section{margin-block:2rem}code{background:#f3f4f6;padding:.1rem .3rem;border-radius:.25rem}`;

function demoPage(key: string, service: string, sku: string, managing: boolean): string {
  const k = escapeHtml(key);
  const stock = sku
    ? `<section><h2>Stock and click-and-collect</h2><p>Live stock per shop, with a reservation for pickup.</p>
<frontdesk-stock key="${k}" sku="${escapeHtml(sku)}" reserve></frontdesk-stock></section>`
    : '';
  const popup = service
    ? `<section><h2>Popup mode</h2><p>A button that opens the booking flow in a dialog, for one service.</p>
<frontdesk-booking key="${k}" service="${escapeHtml(service)}" mode="popup"></frontdesk-booking></section>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Frontdesk demo</title><link rel="stylesheet" href="/demo/demo.css">
<script src="/widget.js" async></script></head>
<body><main><h1>Frontdesk widgets</h1>
<p>This page is served with <code>Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'</code>:
no inline script or style anywhere, and the widget still works.</p>
<section><h2>${managing ? 'Your booking' : 'Inline mode'}</h2>
<frontdesk-booking key="${k}"></frontdesk-booking></section>
${managing ? '' : popup}
${managing ? '' : stock}
</main></body></html>`;
}
