/**
 * @module `client.events`: the business's event log, oldest first (secret key), for audit and sync.
 */
import type { RequestOptions, Transport } from '../http/transport.js';
import type { EventListQuery, FrontdeskEvent } from '../types.js';

/**
 * The events resource.
 *
 * @example
 * ```ts
 * for await (const event of client.events.list()) console.log(event.type, event.subjectId);
 * ```
 */
export const events = (t: Transport) => ({
  /**
   * Lists events, oldest first (a page, iterable over all pages).
   *
   * @example
   * ```ts
   * const { data, nextCursor } = await client.events.list({ type: 'booking.created', limit: 100 });
   * ```
   */
  list: (query?: EventListQuery, options?: RequestOptions) =>
    t.list<FrontdeskEvent>('events', query, options),
});
