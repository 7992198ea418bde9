/**
 * @module `client.closures`: business-wide closed dates (holidays), secret key.
 */
import { type RequestOptions, segment, type Transport } from '../http/transport.js';
import type { Closure, ClosureInput, ListQuery } from '../types.js';

/**
 * The closures resource.
 *
 * @example
 * ```ts
 * await client.closures.create({ startDate: '2026-12-25', endDate: '2026-12-26', reason: 'Christmas' });
 * ```
 */
export const closures = (t: Transport) => ({
  /**
   * Lists closures (a page, iterable over all pages).
   *
   * @example
   * ```ts
   * for await (const closure of client.closures.list()) console.log(closure.startDate);
   * ```
   */
  list: (query?: ListQuery, options?: RequestOptions) => t.list<Closure>('closures', query, options),

  /**
   * Closes the business on whole dates (inclusive), for every resource.
   *
   * @example
   * ```ts
   * await client.closures.create({ startDate: '2026-08-01', endDate: '2026-08-15', reason: 'Summer' });
   * ```
   */
  create: (input: ClosureInput, options?: RequestOptions) =>
    t.request<Closure>({ method: 'POST', path: 'closures', body: input, signal: options?.signal }),

  /**
   * Removes a closure.
   *
   * @example
   * ```ts
   * await client.closures.delete(closure.id);
   * ```
   */
  delete: (id: string, options?: RequestOptions) =>
    t.request<void>({
      method: 'DELETE',
      path: `closures/${segment(id)}`,
      read: 'none',
      signal: options?.signal,
    }),
});
