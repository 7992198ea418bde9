/**
 * @module Cursor lists: a call answers one page AND can be iterated over every item of every page.
 */
import type { Page } from '../types.js';

/**
 * A list call. `await` it for the first page (`{ data, nextCursor }`), or iterate it with
 * `for await` to walk every item across all pages, fetching the next page only when needed.
 *
 * @example
 * ```ts
 * const first = await client.bookings.list({ limit: 20 });
 * for await (const booking of client.bookings.list({ status: 'confirmed' })) console.log(booking.id);
 * ```
 */
export type PagePromise<T> = Promise<Page<T>> & AsyncIterable<T>;

/**
 * Builds a {@link PagePromise} from a page fetcher. The first page is requested at once (the call
 * means "I want this list") and shared by `await` and iteration; `signal` stops the iteration.
 *
 * @example
 * ```ts
 * const list = paginate((cursor) => fetchBookings({ cursor }));
 * ```
 */
export function paginate<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  signal?: AbortSignal,
): PagePromise<T> {
  const first = fetchPage(undefined);
  return Object.assign(first, {
    async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
      let page = await first;
      for (;;) {
        for (const item of page.data) {
          // Items of a page already fetched must not outlive the caller's abort either.
          signal?.throwIfAborted();
          yield item;
        }
        if (!page.nextCursor) return;
        page = await fetchPage(page.nextCursor);
      }
    },
  });
}
