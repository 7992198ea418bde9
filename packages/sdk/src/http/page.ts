/**
 * @module Cursor lists: a call answers one page AND can be iterated over every item of every page.
 */
import type { Page } from '../types.js';

type FetchPage<T> = (cursor: string | undefined) => Promise<Page<T>>;

/**
 * A list call. `await` it for the first page (`{ data, nextCursor }`), or iterate it with
 * `for await` to walk every item across all pages, fetching the next page only when needed.
 *
 * Lazy: nothing is requested until it is awaited or iterated, and the first page is fetched once
 * however it is used. So a list kept for later never fails unobserved (an eager promise rejecting
 * before anyone awaits it is an unhandled rejection, fatal in Node).
 *
 * @example
 * ```ts
 * const first = await client.bookings.list({ limit: 20 });
 * for await (const booking of client.bookings.list({ status: 'confirmed' })) console.log(booking.id);
 * ```
 */
export class PagePromise<T> implements PromiseLike<Page<T>>, AsyncIterable<T> {
  readonly #fetchPage: FetchPage<T>;
  readonly #signal: AbortSignal | undefined;
  #first: Promise<Page<T>> | undefined;

  /** @param signal also stops the iteration between items of a page already fetched. */
  constructor(fetchPage: FetchPage<T>, signal?: AbortSignal) {
    this.#fetchPage = fetchPage;
    this.#signal = signal;
  }

  #firstPage(): Promise<Page<T>> {
    this.#first ??= this.#fetchPage(undefined);
    return this.#first;
  }

  // biome-ignore lint/suspicious/noThenProperty: awaiting a list for its first page is the design.
  then<A = Page<T>, B = never>(
    onFulfilled?: ((page: Page<T>) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#firstPage().then(onFulfilled, onRejected);
  }

  /** Like `Promise.prototype.catch`, for the first page. */
  catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<Page<T> | B> {
    return this.#firstPage().catch(onRejected);
  }

  /** Like `Promise.prototype.finally`, for the first page. */
  finally(onFinally?: (() => void) | null): Promise<Page<T>> {
    return this.#firstPage().finally(onFinally);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    let page = await this.#firstPage();
    for (;;) {
      for (const item of page.data) {
        // Items of a page already fetched must not outlive the caller's abort either.
        this.#signal?.throwIfAborted();
        yield item;
      }
      if (!page.nextCursor) return;
      page = await this.#fetchPage(page.nextCursor);
    }
  }
}
