/**
 * @module What a calendar feed shows: the feed's bookings from 30 days back up to the longest
 * booking horizon (730 days), confirmed ones and pending ones (as TENTATIVE), and bookings
 * cancelled in the last 30 days as CANCELLED, so that subscribed calendars drop them. Staff see
 * who and what, never the customer's email or phone.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { and, eq, gte, lte, ne, or } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { bookings, resources, services } from '../db/schema.js';
import { getBusinessRow } from './business.js';
import type { FeedRow, FoundFeed } from './feeds.js';
import { bookingUid, type CalendarEvent, renderCalendar } from './ics.js';

const day = 86_400_000;
const gzipAsync = promisify(gzip);
export const feedWindow = { pastDays: 30, futureDays: 730, cancelledDays: 30 } as const;
/** How often subscribers are asked to refresh. */
export const feedRefreshMinutes = 15;

const names = async (db: Db, table: typeof services | typeof resources, businessId: string) =>
  new Map(
    (
      await db.select({ id: table.id, name: table.name }).from(table).where(eq(table.businessId, businessId))
    ).map((r) => [r.id, r.name]),
  );

/** The feed's VCALENDAR at `now`. */
export async function feedCalendar(db: Db, feed: FeedRow, now: number): Promise<string> {
  const from = now - feedWindow.pastDays * day;
  const [business, serviceNames, resourceNames, rows] = await Promise.all([
    getBusinessRow(db, feed.businessId),
    names(db, services, feed.businessId),
    names(db, resources, feed.businessId),
    db
      .select({
        id: bookings.id,
        status: bookings.status,
        start: bookings.start,
        end: bookings.end,
        sequence: bookings.sequence,
        updatedAt: bookings.updatedAt,
        customerName: bookings.customerName,
        serviceId: bookings.serviceId,
        resourceId: bookings.resourceId,
      })
      .from(bookings)
      .where(
        and(
          eq(bookings.businessId, feed.businessId),
          // Through the business's bookings by start, which hold the resource: the resource's
          // own index keeps live bookings only, and a feed shows recent cancellations too.
          feed.resourceId !== null ? eq(bookings.resourceId, feed.resourceId) : undefined,
          gte(bookings.start, from),
          lte(bookings.start, now + feedWindow.futureDays * day),
          or(ne(bookings.status, 'cancelled'), gte(bookings.updatedAt, now - feedWindow.cancelledDays * day)),
        ),
      )
      .orderBy(bookings.start, bookings.id),
  ]);
  const resourceName = feed.resourceId !== null ? resourceNames.get(feed.resourceId) : undefined;
  const events: CalendarEvent[] = rows.map((row) => ({
    uid: bookingUid(row.id),
    sequence: row.sequence,
    // The time of the last change, not of the request: an unchanged feed is byte-for-byte the same,
    // so its ETag holds and calendars get a 304.
    stamp: row.updatedAt,
    start: row.start,
    end: row.end,
    status: row.status,
    summary: `${row.customerName} — ${serviceNames.get(row.serviceId) ?? 'Booking'}`,
    description: feed.resourceId === null ? (resourceNames.get(row.resourceId) ?? null) : null,
    location: business.address,
  }));
  return renderCalendar(
    {
      name: resourceName ? `${resourceName} — ${business.name}` : business.name,
      refreshMinutes: feedRefreshMinutes,
    },
    events,
  );
}

/** A feed as answered: the body (UTF-8, or gzipped: calendar apps accept it) and its ETag. */
export interface FeedAnswer {
  body: Uint8Array<ArrayBuffer>;
  /** The body gzipped, made on first use and kept with the copy. */
  gzip(): Promise<Uint8Array<ArrayBuffer>>;
  etag: string;
}

interface CachedFeed extends FeedAnswer {
  versions: string;
  renderedAt: number;
}

/** Bounded: a server with many feeds keeps the ones polled lately. */
const maxCachedFeeds = 200;
/** Per database handle (tests and benches open several), then per feed id. */
const cachesByDb = new WeakMap<Db, Map<string, CachedFeed>>();

/**
 * The feed's answer, from this process's copy while the business's version stamps (read with the
 * token, so fresh) are unchanged: every booking, service, resource and business change moves one
 * of them. Rebuilt at least every refresh interval anyway, as the 30-day window moves with time.
 * Calendar apps poll unchanged feeds; this makes each poll one indexed query.
 */
export async function feedAnswer(db: Db, found: FoundFeed, now: number): Promise<FeedAnswer> {
  let cache = cachesByDb.get(db);
  if (!cache) {
    cache = new Map();
    cachesByDb.set(db, cache);
  }
  const versions = `${found.occupancyVersion}|${found.catalogVersion}`;
  const cached = cache.get(found.feed.id);
  if (cached && cached.versions === versions && now - cached.renderedAt < feedRefreshMinutes * 60_000) {
    // Most recently used last, so the oldest is evicted first.
    cache.delete(found.feed.id);
    cache.set(found.feed.id, cached);
    return cached;
  }
  const text = await feedCalendar(db, found.feed, now);
  const body = new Uint8Array(Buffer.from(text, 'utf8'));
  let zipped: Promise<Uint8Array<ArrayBuffer>> | undefined;
  // Level 6: a 1,000-booking feed shrinks ~8x; higher levels cost more than they save here.
  const gzip = () => {
    zipped ??= gzipAsync(body, { level: 6 }).then((b) => new Uint8Array(b));
    return zipped;
  };
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const answer = { body, gzip, etag, versions, renderedAt: now };
  cache.delete(found.feed.id);
  cache.set(found.feed.id, answer);
  if (cache.size > maxCachedFeeds) cache.delete(cache.keys().next().value!);
  return answer;
}
