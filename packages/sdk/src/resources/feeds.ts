/**
 * @module `client.feeds`: calendar feed URLs for a resource or the whole business (secret key).
 * A URL holds its secret token and is answered only when issued; the list shows the feeds without it.
 */
import { type RequestOptions, segment, type Transport } from '../http/transport.js';
import type { CalendarFeed, CalendarFeedSummary, ListQuery } from '../types.js';

/** `feed` for the whole business (`resourceId` null), else `resources/{id}/feed`. */
const feedPath = (resourceId: string | null) =>
  resourceId === null ? 'feed' : `resources/${segment(resourceId)}/feed`;

/**
 * The calendar feeds resource.
 *
 * @example
 * ```ts
 * const { url } = await client.feeds.issue('res_1');
 * ```
 */
export const feeds = (t: Transport) => ({
  /**
   * Lists the feeds issued, live and revoked, oldest first (never their URLs).
   *
   * @example
   * ```ts
   * const live = (await client.feeds.list()).data.filter((feed) => feed.revokedAt === null);
   * ```
   */
  list: (query?: ListQuery, options?: RequestOptions) => t.list<CalendarFeedSummary>('feeds', query, options),

  /**
   * Issues the feed of a resource (null: every booking of the business); the scope's previous URL
   * stops working. The answer's `url` is shown this once only.
   *
   * @example
   * ```ts
   * const { url } = await client.feeds.issue(null); // subscribe to it in a calendar app
   * ```
   */
  issue: (resourceId: string | null, options?: RequestOptions) =>
    t.request<CalendarFeed>({ method: 'POST', path: feedPath(resourceId), signal: options?.signal }),

  /**
   * Revokes the feed of a resource (null: the business's): its URL answers 404 from now on.
   *
   * @example
   * ```ts
   * await client.feeds.revoke('res_1');
   * ```
   */
  revoke: (resourceId: string | null, options?: RequestOptions) =>
    t.request<void>({ method: 'DELETE', path: feedPath(resourceId), read: 'none', signal: options?.signal }),
});
