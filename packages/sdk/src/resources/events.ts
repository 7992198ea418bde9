/**
 * @module `client.events`: the business's event log, oldest first (secret key), for audit and sync.
 */
import type { RequestOptions, Transport } from '../http/transport.js';
import type { FrontdeskEvent, ListQuery } from '../types.js';

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
   * Lists events (a page, iterable over all pages). Keep the last `nextCursor` to resume later.
   *
   * @example
   * ```ts
   * const { data, nextCursor } = await client.events.list({ limit: 100 });
   * ```
   */
  list: (query?: ListQuery, options?: RequestOptions) => t.list<FrontdeskEvent>('events', query, options),
});
