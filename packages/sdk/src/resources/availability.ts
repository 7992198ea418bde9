/**
 * @module `client.availability`: the start times a service offers.
 */
import type { RequestOptions, Transport } from '../http/transport.js';
import type { Availability, AvailabilityQuery } from '../types.js';

/**
 * The availability resource.
 *
 * @example
 * ```ts
 * const { timezone, slots } = await client.availability.get({ service: 'svc_1', from: '2026-03-02', to: '2026-03-08' });
 * ```
 */
export const availability = (t: Transport) => ({
  /**
   * Free start times of a service between two dates (inclusive, in the business's zone, at most 92
   * days). Each slot has UTC `start`/`end`, `remaining` seats and the `resourceIds` offering it.
   *
   * @example
   * ```ts
   * const { slots } = await client.availability.get({ service: 'svc_1', from: '2026-03-02', to: '2026-03-02' });
   * const first = slots[0];
   * ```
   */
  get: (query: AvailabilityQuery, options?: RequestOptions) =>
    t.request<Availability>({ method: 'GET', path: 'availability', query, signal: options?.signal }),
});
