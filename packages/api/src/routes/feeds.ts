/**
 * @module Calendar feeds. Secret key: `POST /resources/{id}/feed` and `POST /feed` (whole
 * business) issue a subscription URL, `DELETE` on the same paths revokes it. Public:
 * `GET /feeds/{token}.ics`, where the token in the path is the only credential (calendar apps
 * send no headers), with an ETag so unchanged feeds cost a 304.
 */
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { notFound } from '../errors.js';
import { requireSecret } from '../middleware/auth.js';
import { feedAnswer } from '../services/feed-calendar.js';
import { findFeed, issueFeed, revokeFeed } from '../services/feeds.js';
import { param, scope } from './kit.js';

/** Where this server is reached from outside: the configured public URL, else the request's origin. */
export function publicBase(c: Context<AppEnv>): string {
  return c.var.deps.publicUrl ?? new URL(c.req.url).origin;
}

/** The `/v1` routes that issue and revoke feeds. */
export function feedAdminRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const issue = (c: Context<AppEnv>, resourceId: string | null) => {
    const { database, businessId, now } = scope(c);
    return database.write((tx) => issueFeed(tx, businessId, resourceId, publicBase(c), now));
  };
  const revoke = (c: Context<AppEnv>, resourceId: string | null) => {
    const { database, businessId, now } = scope(c);
    return database.write((tx) => revokeFeed(tx, businessId, resourceId, now));
  };
  app.post('/resources/:id/feed', requireSecret(), async (c) => c.json(await issue(c, param(c, 'id')), 201));
  app.post('/feed', requireSecret(), async (c) => c.json(await issue(c, null), 201));
  app.delete('/resources/:id/feed', requireSecret(), async (c) => {
    await revoke(c, param(c, 'id'));
    return c.body(null, 204);
  });
  app.delete('/feed', requireSecret(), async (c) => {
    await revoke(c, null);
    return c.body(null, 204);
  });
  return app;
}

/** Whether `If-None-Match` names `etag` (a list, weak or not, or `*`). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

/** `GET /feeds/{token}.ics`, outside `/v1`: no key, the token is in the URL. */
export function feedRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/feeds/:file', async (c) => {
    const file = c.req.param('file');
    const { database, clock } = c.var.deps;
    const found = file.endsWith('.ics') ? await findFeed(database.db, file.slice(0, -4)) : undefined;
    // One answer for unknown, malformed and revoked tokens: nothing is learnt by trying.
    if (!found) throw notFound('Feed');
    const answer = await feedAnswer(database.db, found, clock());
    const etag = answer.etag;
    const headers: Record<string, string> = {
      ETag: etag,
      Vary: 'Accept-Encoding',
      // Revalidate every time (a 304 is cheap); intermediaries must not keep a copy of private data.
      'Cache-Control': 'private, no-cache',
      'X-Content-Type-Options': 'nosniff',
      'X-Robots-Tag': 'noindex',
      'Referrer-Policy': 'no-referrer',
    };
    if (matches(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);
    const gzipped = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
    if (gzipped) headers['Content-Encoding'] = 'gzip';
    headers['Content-Type'] = 'text/calendar; charset=utf-8';
    headers['Content-Disposition'] = 'inline; filename="bookings.ics"';
    return new Response(gzipped ? await answer.gzip() : answer.body, { status: 200, headers });
  });
  return app;
}
