/**
 * @module `client.business`: the business the key belongs to.
 */
import type { RequestOptions, Transport } from '../http/transport.js';
import type { Business, BusinessUpdate } from '../types.js';

/**
 * The business resource.
 *
 * @example
 * ```ts
 * const { timezone, currency } = await client.business.get();
 * ```
 */
export const business = (t: Transport) => ({
  /**
   * The key's business: name, time zone, locale, currency, hold length.
   *
   * @example
   * ```ts
   * const { name, timezone } = await client.business.get();
   * ```
   */
  get: (options?: RequestOptions) =>
    t.request<Business>({ method: 'GET', path: 'business', signal: options?.signal }),

  /**
   * Changes the business's settings (secret key).
   *
   * @example
   * ```ts
   * await client.business.update({ holdMinutes: 10 });
   * ```
   */
  update: (input: BusinessUpdate, options?: RequestOptions) =>
    t.request<Business>({ method: 'PATCH', path: 'business', body: input, signal: options?.signal }),
});
