/**
 * @module `createClient`: one object with a property per API resource. Adding a resource is one
 * file in `resources/` and one line below.
 */

import type { RetryOptions } from './http/retry.js';
import { Transport } from './http/transport.js';
import { availability } from './resources/availability.js';
import { bookings } from './resources/bookings.js';
import { business } from './resources/business.js';
import { closures } from './resources/closures.js';
import { events } from './resources/events.js';
import { holds } from './resources/holds.js';
import { keys } from './resources/keys.js';
import { resources } from './resources/resources.js';
import { services } from './resources/services.js';

/**
 * Settings of {@link createClient}.
 *
 * @example
 * ```ts
 * const options: ClientOptions = { baseUrl: 'https://book.example.com', key: 'fd_pk_…', timeout: 5000 };
 * ```
 */
export interface ClientOptions {
  /** Where the API runs, e.g. `https://book.example.com` (with or without `/v1`). */
  baseUrl: string | URL;
  /** `fd_pk_…` (publishable, safe in a page) or `fd_sk_…` (secret, server only). */
  key: string;
  /** A `fetch` to use instead of the global one (tests, proxies, instrumentation). */
  fetch?: typeof globalThis.fetch;
  /** Milliseconds to wait for each attempt's answer; `false` to wait forever. Default 10000. */
  timeout?: number | false;
  /** How to retry failed reads and creates; `false` to never retry. See {@link RetryOptions}. */
  retry?: RetryOptions | false;
  /**
   * Extra headers on every request. In a browser, headers other than `Authorization`,
   * `Content-Type` and `Idempotency-Key` are refused by the API's CORS policy.
   */
  headers?: Record<string, string>;
}

/**
 * Creates a Frontdesk client. Every method returns a promise of the API's answer, typed from the
 * contract, and throws an SDK error (see `isFrontdeskError`) on failure.
 *
 * @example
 * ```ts
 * import { createClient } from '@frontdesk/sdk';
 *
 * const frontdesk = createClient({ baseUrl: 'https://book.example.com', key: 'fd_pk_…' });
 * const { slots } = await frontdesk.availability.get({ service: 'svc_1', from: '2026-03-02', to: '2026-03-08' });
 * const booking = await frontdesk.bookings.create({
 *   service: 'svc_1',
 *   start: slots[0]!.start,
 *   customer: { name: 'Ana Silva', email: 'ana@example.com' },
 * });
 * ```
 */
export function createClient(options: ClientOptions) {
  const transport = new Transport(options);
  return {
    business: business(transport),
    services: services(transport),
    resources: resources(transport),
    closures: closures(transport),
    availability: availability(transport),
    holds: holds(transport),
    bookings: bookings(transport),
    keys: keys(transport),
    events: events(transport),
  };
}

/**
 * The client made by {@link createClient}.
 *
 * @example
 * ```ts
 * function listServices(frontdesk: FrontdeskClient) {
 *   return frontdesk.services.list();
 * }
 * ```
 */
export type FrontdeskClient = ReturnType<typeof createClient>;
