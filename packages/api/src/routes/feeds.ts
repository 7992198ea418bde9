/**
 * @module Calendar feeds. Secret key: `POST /resources/{id}/feed` and `POST /feed` (whole
 * business) issue a subscription URL, `DELETE` on the same paths revokes it, `GET /feeds` lists
 * the feeds issued (without their URLs). Public:
 * `GET /feeds/{token}.ics`, where the token in the path is the only credential (calendar apps
 * send no headers), with an ETag so unchanged feeds cost a 304.
 */
import { CalendarFeed, CalendarFeedSummary, ListQuery, listOf } from '@frontdesk/core';
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { notFound } from '../errors.js';
import { readQuery } from '../middleware/validate.js';
import { content, empty, problem } from '../openapi/answers.js';
import { route } from '../openapi/route.js';
import { feedAnswer } from '../services/feed-calendar.js';
import { findFeed, issueFeed, listFeeds, revokeFeed } from '../services/feeds.js';
import { ifNoneMatchHits } from './if-none-match.js';
import { param, scope } from './kit.js';

/** Where this server is reached from outside: the configured public URL, else the request's origin. */
export function publicBase(c: Context<AppEnv>): string {
  return c.var.deps.site.publicUrl ?? new URL(c.req.url).origin;
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
  const noResource = problem({ not_found: 'No such resource in this business.' });
  const revoked = empty('Revoked (also when there was no feed)');
  app.get(
    '/feeds',
    route({
      summary: 'The calendar feeds issued, live and revoked, oldest first (never their URLs)',
      description:
        'Only a hash of each token is kept, so a URL is shown once, when issued. A feed replaced by a ' +
        'newer one of the same scope is listed as revoked.',
      tag: 'Calendar',
      auth: 'secret',
      query: ListQuery,
      responses: { 200: listOf(CalendarFeedSummary) },
    }),
    async (c) => {
      const query = readQuery(c, ListQuery);
      const { db, businessId } = scope(c);
      return c.json(await listFeeds(db, businessId, query));
    },
  );
  app.post(
    '/resources/:id/feed',
    route({
      summary: "Issue the resource's calendar feed URL (the previous one stops working)",
      tag: 'Calendar',
      auth: 'secret',
      responses: { 201: CalendarFeed, 404: noResource },
    }),
    async (c) => c.json(await issue(c, param(c, 'id')), 201),
  );
  app.post(
    '/feed',
    route({
      summary: "Issue the business's calendar feed URL: every booking (the previous one stops working)",
      tag: 'Calendar',
      auth: 'secret',
      responses: { 201: CalendarFeed },
    }),
    async (c) => c.json(await issue(c, null), 201),
  );
  app.delete(
    '/resources/:id/feed',
    route({
      summary: "Revoke the resource's calendar feed",
      tag: 'Calendar',
      auth: 'secret',
      responses: { 204: revoked, 404: noResource },
    }),
    async (c) => {
      await revoke(c, param(c, 'id'));
      return c.body(null, 204);
    },
  );
  app.delete(
    '/feed',
    route({
      summary: "Revoke the business's calendar feed",
      tag: 'Calendar',
      auth: 'secret',
      responses: { 204: revoked },
    }),
    async (c) => {
      await revoke(c, null);
      return c.body(null, 204);
    },
  );
  return app;
}

/** `GET /feeds/{token}.ics`, outside `/v1`: no key, the token is in the URL. */
export function feedRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get(
    '/feeds/:file',
    route({
      summary: 'A calendar feed, `/feeds/{token}.ics`',
      description:
        'The token in the path is the only credential (calendar apps send no headers). Answers carry an ' +
        '`ETag`; `If-None-Match` with it gives a 304.',
      tag: 'Calendar',
      auth: 'none',
      responses: {
        200: content('text/calendar', 'The feed (`gzip` when accepted)'),
        304: empty('Not modified (`If-None-Match` matched the `ETag`)'),
        404: problem({ not_found: 'No such feed: unknown, malformed or revoked token.' }),
      },
    }),
    async (c) => {
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
      if (ifNoneMatchHits(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);
      const gzipped = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
      if (gzipped) headers['Content-Encoding'] = 'gzip';
      headers['Content-Type'] = 'text/calendar; charset=utf-8';
      headers['Content-Disposition'] = 'inline; filename="bookings.ics"';
      return new Response(gzipped ? await answer.gzip() : answer.body, { status: 200, headers });
    },
  );
  return app;
}
