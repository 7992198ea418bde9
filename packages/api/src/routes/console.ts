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

  app.get('/console/assets/:file', async (c) => {
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
  });
  app.get('/console', page);
  app.get('/console/*', page);
  return app;
}
