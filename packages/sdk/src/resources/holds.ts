/**
 * @module `client.holds`: keeping a slot for a few minutes while the customer fills in the form.
 */
import { newIdempotencyKey } from '../http/idempotency-key.js';
import { type CreateOptions, type RequestOptions, segment, type Transport } from '../http/transport.js';
import type { Hold, HoldInput } from '../types.js';

/**
 * The holds resource.
 *
 * @example
 * ```ts
 * const hold = await client.holds.create({ service: 'svc_1', start: slot.start });
 * ```
 */
export const holds = (t: Transport) => ({
  /**
   * Holds a slot until `expiresAt`; pass its `id` as `holdId` to `bookings.create`. Retried safely
   * with an idempotency key (one is made if you pass none).
   *
   * @example
   * ```ts
   * const { id, expiresAt } = await client.holds.create({ service: 'svc_1', start: slot.start });
   * ```
   */
  create: (input: HoldInput, options?: CreateOptions) =>
    t.request<Hold>({
      method: 'POST',
      path: 'holds',
      body: input,
      signal: options?.signal,
      idempotencyKey: options?.idempotencyKey ?? newIdempotencyKey(),
    }),

  /**
   * Gives a held slot back before it expires (the customer went away).
   *
   * @example
   * ```ts
   * await client.holds.release(hold.id);
   * ```
   */
  release: (id: string, options?: RequestOptions) =>
    t.request<void>({
      method: 'DELETE',
      path: `holds/${segment(id)}`,
      read: 'none',
      signal: options?.signal,
    }),
});
