/**
 * @module Serves the built owner console at `/console`: its content-hashed assets under
 * `/console/assets/*` (cached for a year), and `index.html` for `/console` and every other path
 * below it, so a deep link (`/console/bookings/bkg_1`) works after a reload. The page runs under a
 * strict Content-Security-Policy: nothing inline, scripts, styles and calls to this origin only.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { content, empty, problem } from '../openapi/answers.js';
import { route } from '../openapi/route.js';
import { fileCache, sendEncoded } from './static-files.js';

/** The default console directory (its `dist`), or undefined when no built console can be found. */
export function defaultConsoleDir(): string | undefined {
  const candidates: string[] = [];
  try {
    const pkg = createRequire(import.meta.url).resolve('@frontdesk/console/package.json');
    candidates.push(join(dirname(pkg), 'dist'));
  } catch {
    // Not installed beside the API: fall back to the monorepo layout.
  }
  candidates.push(join(dirname(fileURLToPath(import.meta.url)), '../../../console/dist'));
  return candidates.find((dir) => existsSync(join(dir, 'index.html')));
}

/** Whether a built console is there to serve (in `consoleDir`, else where it is found by default). */
export function consoleBuilt(consoleDir?: string): boolean {
  const dir = consoleDir ?? defaultConsoleDir();
  return dir !== undefined && existsSync(join(dir, 'index.html'));
}

export const consoleCsp =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const assetName = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.(js|css)$/;
const types: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

export function consoleRoutes(options: { consoleDir?: string | undefined }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const dir = () => options.consoleDir ?? defaultConsoleDir();
  const load = fileCache();

  const page = async (c: Context<AppEnv>) => {
    const base = dir();
    const file = base ? await load(join(base, 'index.html'), false) : null;
    if (!file) throw new ApiError(404, 'not_found', { detail: 'The console is not built on this server' });
    return sendEncoded(file, c.req.raw, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': consoleCsp,
      // The page names its hashed assets: always ask whether it changed.
      'Cache-Control': 'no-cache',
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Cross-Origin-Opener-Policy': 'same-origin',
    });
  };

  const notModified = empty('Not modified (`If-None-Match` matched the `ETag`)');
  app.get(
    '/console/assets/:file',
    route({
      summary: "A file of the console's build",
      description: 'Content-hashed scripts and styles, cached for a year as immutable.',
      tag: 'Console',
      auth: 'none',
      responses: {
        200: content(['text/javascript', 'text/css'], 'The file (`br` or `gzip` when accepted)'),
        304: notModified,
        404: problem({ not_found: 'No such file, or the console is not built on this server.' }),
      },
    }),
    async (c) => {
      const name = c.req.param('file');
      const kind = assetName.exec(name)?.[1];
      const base = dir();
      // Only plain asset names: no `..`, no slashes, nothing outside the assets directory.
      if (!kind || !base) throw new ApiError(404, 'not_found');
      const file = await load(join(base, 'assets', name), true);
      if (!file) throw new ApiError(404, 'not_found');
      return sendEncoded(file, c.req.raw, {
        'Content-Type': types[kind]!,
        'Cache-Control': 'public, max-age=31536000, immutable',
        'X-Content-Type-Options': 'nosniff',
      });
    },
  );
  app.get(
    '/console',
    route({
      summary: 'The owner console',
      description:
        'Its page (under a strict Content-Security-Policy). Every other path below `/console/` answers ' +
        'the same page, so that deep links into the console work after a reload.',
      tag: 'Console',
      auth: 'none',
      responses: {
        200: content('text/html', 'The page'),
        304: notModified,
        404: problem({ not_found: 'The console is not built on this server.' }),
      },
    }),
    page,
  );
  // Deep links (`/console/bookings/bkg_1`): the same page. Middleware rather than a route, since the
  // paths are the console's own, not the API's (the document shows them under `GET /console`).
  app.use('/console/*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    if (c.req.path.startsWith('/console/assets/')) return next();
    return page(c);
  });
  return app;
}
