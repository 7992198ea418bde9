/**
 * @module `GET /v1/stock/stream?skus=a,b` — Server-Sent Events with the stock of those SKUs as it
 * changes. `EventSource` cannot send an Authorization header, so it takes the publishable key as
 * `?key=`, as every GET may (`keyOf` in middleware/auth.ts; never a secret key: URLs end up in
 * logs). The origin check applies as everywhere. It authenticates itself, with the same `keyOf`
 * and `authorizeKey` as the key middleware, so `createApp` mounts it before the `/v1` key middleware,
 * and re-checks the key on every heartbeat: a revoked key's stream gets `event: revoked` and ends.
 * It shows what `GET /v1/products/{sku}/stock` shows the same key (no hidden products), and is
 * limited in SKUs, open streams and connects (services/stream-limits.ts). The console reads it over
 * `fetch` with its session cookie (and the CSRF header, as every session call); a session that
 * ends (signed out, removed, expired) ends its stream at the next heartbeat like a revoked key.
 */
import { parseSkuList, Sku, type StockEvent, StockStreamQuery } from '@frontdesk/core';
import { type Context, Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from '../env.js';
import { validationFailed } from '../errors.js';
import { authenticateRequest, isSecret, originAllowed } from '../middleware/auth.js';
import { readQuery } from '../middleware/validate.js';
import { content, problem } from '../openapi/answers.js';
import { route } from '../openapi/route.js';
import { prunedUpTo } from '../services/event-retention.js';
import { authenticate } from '../services/keys.js';
import { findSession } from '../services/sessions.js';
import { streamSnapshots } from '../services/stock-snapshot.js';
import { stockEventsAfter, stockStreamHub, toStockEvent } from '../services/stock-stream.js';
import type { StreamLimits } from '../services/stream-limits.js';

/** Comment lines keep proxies from closing an idle stream; each beat also re-checks the key. */
const defaultHeartbeatMs = 15_000;
/** Tells `EventSource` how soon to reconnect after a drop. */
const retryMs = 2_000;
/** Most missed events replayed on resume; beyond it the client gets fresh snapshots instead. */
const replayLimit = 1000;

/** The stream's contract (declared apart, as the handler is long). */
const streamRoute = route({
  summary: 'Live stock changes (Server-Sent Events)',
  description:
    'Opens with `event: ready`, then one `event: stock` per change of a watched SKU (data: a ' +
    '`StockEvent`, `id:` its position; reconnect with `Last-Event-ID` to get what was missed). ' +
    '`EventSource` cannot send headers: pass the publishable key as `?key=` (as on every GET; never ' +
    'a secret key: URLs end up in logs). A console session (owners and staff) may read it too, over `fetch` ' +
    'with the CSRF header. A revoked key or an ended session gets `event: revoked` and the stream ends.',
  tag: 'Stock',
  auth: 'any',
  query: StockStreamQuery,
  responses: {
    200: content('text/event-stream', 'The event stream'),
    429: problem({
      rate_limited:
        'Too many open streams or connects from this client (key and address), or on this server.',
    }),
  },
});

export interface StockStreamRouteOptions {
  /** Heartbeat interval, which is also how soon a revoked key's stream ends. Default 15 s. */
  heartbeatMs?: number | undefined;
  limits: StreamLimits;
  /** `keyId|client address`, as every per-client limit counts it (`auth` is set first). */
  clientOf(c: Context<AppEnv>): string;
}

export function stockStreamRoutes(options: StockStreamRouteOptions): Hono<AppEnv> {
  const heartbeatMs = options.heartbeatMs ?? defaultHeartbeatMs;
  const app = new Hono<AppEnv>();

  app.get('/stock/stream', streamRoute, async (c) => {
    const query = readQuery(c, StockStreamQuery);
    // It authenticates itself, before the `/v1` middleware, as that does: a key (`Authorization` or
    // `?key=`, never a secret one in the URL), else the console's cookie.
    const { auth, key: token, session } = await authenticateRequest(c);
    const { database, clock } = c.var.deps;
    c.set('auth', auth);
    const origin = c.req.header('origin');
    /** Whether the key or session that opened the stream may still read it. */
    const stillAllowed = async () => {
      if (session !== undefined) return (await findSession(database.db, session, clock())) !== undefined;
      const still = await authenticate(database.db, token!);
      if (!still) return false;
      return origin === undefined || originAllowed(still, origin);
    };
    const skus = parseSkuList(query.skus);
    const { maxSkus } = options.limits;
    if (skus.length === 0 || skus.length > maxSkus) {
      throw validationFailed([
        { path: 'skus', message: `Give 1 to ${maxSkus} SKUs, comma separated`, code: 'too_many' },
      ]);
    }
    const malformed = skus.find((sku) => !Sku.safeParse(sku).success);
    if (malformed !== undefined) {
      throw validationFailed([
        { path: 'skus', message: `Not a SKU: ${malformed.slice(0, 70)}`, code: 'invalid_sku' },
      ]);
    }
    const rawLastEventId = c.req.header('last-event-id') || query.lastEventId;
    const lastEventId =
      rawLastEventId && /^\d{1,15}$/.test(rawLastEventId) ? Number(rawLastEventId) : undefined;
    const businessId = auth.businessId;
    // Secret keys (Authorization header only) see inactive products, as in the REST read.
    const includeInactive = isSecret(auth);
    const hub = stockStreamHub(database, clock);
    const end = options.limits.admit(options.clientOf(c), clock());

    return streamSSE(c, async (stream) => {
      // Events are written in order through one chain, so a slow client never reorders them.
      let chain: Promise<void> = Promise.resolve();
      let sentUpTo = 0;
      let ready = false;
      const buffered: StockEvent[] = [];
      const send = (event: StockEvent) => {
        if (Number(event.id) <= sentUpTo) return;
        sentUpTo = Number(event.id);
        chain = chain
          .then(() => stream.writeSSE({ event: 'stock', id: event.id, data: JSON.stringify(event) }))
          .catch(() => stream.abort());
      };
      let unsubscribe: () => void = () => undefined;
      const closed = new Promise<void>((resolve) => stream.onAbort(resolve));
      try {
        unsubscribe = await hub.subscribe({
          businessId,
          skus: new Set(skus),
          includeInactive,
          deliver: (event) => (ready ? send(event) : buffered.push(event)),
        });
        await stream.writeSSE({ event: 'ready', data: JSON.stringify({ skus }), retry: retryMs });
        // Resuming: what happened since the client's last event, then live. Past 1,000 missed
        // events a replay would be slower than the news; fresh snapshots bring the client up to date.
        // Past the retention window (its events are gone, services/event-retention.ts) a replay
        // would skip changes: fresh snapshots instead.
        const missed =
          lastEventId === undefined || lastEventId < (await prunedUpTo(database.db))
            ? undefined
            : await stockEventsAfter(
                database.db,
                lastEventId,
                { businessId, skus, includeInactive },
                replayLimit,
              );
        if (missed && missed.length < replayLimit) {
          sentUpTo = lastEventId ?? 0;
          for (const row of missed) {
            const event = toStockEvent(row);
            if (event) send(event);
          }
        } else {
          // The current stock of each SKU, marked with the feed position: one query for all.
          sentUpTo = hub.position;
          const now = clock();
          const stocks = await streamSnapshots(database.db, businessId, skus, { now, includeInactive });
          for (const stock of stocks) {
            const event = {
              id: String(hub.position),
              type: 'stock.changed',
              sku: stock.sku,
              stock,
              at: new Date(now).toISOString(),
            };
            chain = chain
              .then(() => stream.writeSSE({ event: 'stock', id: event.id, data: JSON.stringify(event) }))
              .catch(() => stream.abort());
          }
        }
        ready = true;
        for (const event of buffered.splice(0)) send(event);
        while (!stream.aborted && !stream.closed) {
          const beat = new Promise<void>((resolve) => setTimeout(resolve, heartbeatMs).unref?.());
          await Promise.race([beat, closed]);
          if (stream.aborted) break;
          // A stream outlives its request: without this, revoking a leaked key (or removing an
          // origin from it) would not stop a stream opened before. One indexed lookup per beat.
          if (!(await stillAllowed())) {
            await chain;
            const detail = session !== undefined ? 'Your session has ended' : 'The API key was revoked';
            await stream
              .writeSSE({ event: 'revoked', data: JSON.stringify({ code: 'unauthorized', detail }) })
              .catch(() => undefined);
            break;
          }
          chain = chain
            .then(() => stream.write(': heartbeat\n\n').then(() => undefined))
            .catch(() => stream.abort());
        }
      } finally {
        unsubscribe();
        end();
      }
    });
  });

  return app;
}
