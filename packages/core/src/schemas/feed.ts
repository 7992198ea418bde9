/**
 * @module Calendar feeds: a subscription URL for a resource's (or the whole business's) bookings,
 * and the feeds a business issued (live and revoked), as listed without their secret URLs.
 */
import * as z from 'zod/mini';
import { Id, Instant } from './common.js';

/** A feed just issued: `url` holds its secret token and is shown only now. */
export const CalendarFeed = z.object({
  /** `https://…/feeds/{token}.ics`: subscribe to it in Google, Apple or Outlook calendar. */
  url: z.string(),
  /** The resource whose bookings it lists; null for every booking of the business. */
  resourceId: z.nullable(Id),
  createdAt: Instant,
});
export type CalendarFeed = z.infer<typeof CalendarFeed>;

/** A feed as `GET /v1/feeds` lists it: never its URL (only a hash of its token is kept). */
export const CalendarFeedSummary = z.object({
  id: Id,
  /** The resource whose bookings it lists; null for every booking of the business. */
  resourceId: z.nullable(Id),
  createdAt: Instant,
  /** When it stopped working (revoked, or replaced by a newer feed of the same scope); null while live. */
  revokedAt: z.nullable(Instant),
});
export type CalendarFeedSummary = z.infer<typeof CalendarFeedSummary>;
