/**
 * @module Calendar feed tokens: issuing one for a resource or the whole business (the previous URL
 * of that scope stops working), revoking, listing the feeds issued, and finding the feed a token
 * names. Tokens are stored hashed, like API keys: only whoever received the URL can read the feed.
 */
import type { CalendarFeed, CalendarFeedSummary, ListQuery } from '@frontdesk/core';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { businesses, calendarFeeds } from '../db/schema.js';
import { newId, newSecret, sha256 } from '../ids.js';
import { toInstant } from '../time.js';
import { appendEvent } from './events.js';
import { decodeCursor, type Page, pageOf } from './pagination.js';
import { getResourceRow } from './resources.js';

export type FeedRow = typeof calendarFeeds.$inferSelect;

/** `fd_cal_` + 32 base62 characters (~190 bits): unguessable, and safe in a URL path. */
const tokenPattern = /^fd_cal_[A-Za-z0-9]{32}$/;

const scopeIs = (resourceId: string | null) =>
  resourceId === null ? isNull(calendarFeeds.resourceId) : eq(calendarFeeds.resourceId, resourceId);

async function revokeScope(tx: Db, businessId: string, resourceId: string | null, now: number) {
  return tx
    .update(calendarFeeds)
    .set({ revokedAt: now })
    .where(
      and(eq(calendarFeeds.businessId, businessId), scopeIs(resourceId), isNull(calendarFeeds.revokedAt)),
    )
    .returning({ id: calendarFeeds.id });
}

/**
 * Issues the feed of `resourceId` (null: the whole business), revoking the scope's previous one.
 * `baseUrl` is where this server is reached (`https://book.example.com`).
 */
export async function issueFeed(
  tx: Db,
  businessId: string,
  resourceId: string | null,
  baseUrl: string,
  now: number,
): Promise<CalendarFeed> {
  if (resourceId !== null) await getResourceRow(tx, businessId, resourceId);
  await revokeScope(tx, businessId, resourceId, now);
  const token = newSecret('fd_cal_');
  const row: FeedRow = {
    id: newId('feed', now),
    businessId,
    resourceId,
    tokenHash: sha256(token),
    createdAt: now,
    revokedAt: null,
  };
  await tx.insert(calendarFeeds).values(row);
  await appendEvent(tx, { businessId, type: 'feed.issued', subjectId: row.id, payload: { resourceId }, now });
  return { url: `${baseUrl}/feeds/${token}.ics`, resourceId, createdAt: toInstant(now) };
}

/** Revokes the scope's feed: its URL answers 404 from now on. Revoking nothing is no error. */
export async function revokeFeed(
  tx: Db,
  businessId: string,
  resourceId: string | null,
  now: number,
): Promise<void> {
  if (resourceId !== null) await getResourceRow(tx, businessId, resourceId);
  const revoked = await revokeScope(tx, businessId, resourceId, now);
  for (const { id } of revoked) {
    await appendEvent(tx, { businessId, type: 'feed.revoked', subjectId: id, payload: { resourceId }, now });
  }
}

/** The feeds the business issued, live and revoked, oldest first (never their URLs: only hashes are kept). */
export async function listFeeds(
  db: Db,
  businessId: string,
  q: ListQuery,
): Promise<Page<CalendarFeedSummary>> {
  const limit = q.limit ?? 50;
  const after = decodeCursor(q.cursor);
  const rows = await db
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.businessId, businessId), after ? gt(calendarFeeds.id, after) : undefined))
    .orderBy(calendarFeeds.id)
    .limit(limit + 1);
  return pageOf(rows, limit, (row) => ({
    id: row.id,
    resourceId: row.resourceId,
    createdAt: toInstant(row.createdAt),
    revokedAt: row.revokedAt === null ? null : toInstant(row.revokedAt),
  }));
}

/** A live feed, with its business's version stamps read in the same query. */
export interface FoundFeed {
  feed: FeedRow;
  /** Changes with every booking or hold change of the business (see `businesses`). */
  occupancyVersion: string;
  /** Changes with every service, resource or business change (names, address). */
  catalogVersion: string;
}

/** The live feed `token` names, or undefined (unknown, malformed or revoked). */
export async function findFeed(db: Db, token: string): Promise<FoundFeed | undefined> {
  if (!tokenPattern.test(token)) return undefined;
  const [row] = await db
    .select({
      feed: calendarFeeds,
      occupancyVersion: businesses.occupancyVersion,
      catalogVersion: businesses.catalogVersion,
    })
    .from(calendarFeeds)
    .innerJoin(businesses, eq(businesses.id, calendarFeeds.businessId))
    .where(and(eq(calendarFeeds.tokenHash, sha256(token)), isNull(calendarFeeds.revokedAt)));
  return row;
}
