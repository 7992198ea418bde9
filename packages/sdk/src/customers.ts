/**
 * @module `@frontdesk/sdk/customers`: a business's customers on its own server (secret key) — list,
 * history, notes, export and erasure. A subpath: no page a customer opens needs it, and the root
 * entry has a size budget (`test/size.test.ts`).
 */
import type { ClientOptions } from './client.js';
import { Transport } from './http/transport.js';
import { customers } from './resources/customers.js';

/**
 * Creates a client for the business's customers. Every method returns a promise of the API's answer
 * and throws an SDK error (see `isFrontdeskError`) on failure.
 *
 * @example
 * ```ts
 * import { createCustomerClient } from '@frontdesk/sdk/customers';
 *
 * const { customers } = createCustomerClient({ baseUrl: 'https://book.example.com', key: process.env.FRONTDESK_SECRET_KEY! });
 * const data = await customers.export('maria@example.com');
 * await customers.erase('maria@example.com');
 * ```
 */
export function createCustomerClient(options: ClientOptions) {
  return { customers: customers(new Transport(options)) };
}

/**
 * The client made by {@link createCustomerClient}.
 *
 * @example
 * ```ts
 * function regulars(client: CustomerClient) {
 *   return client.customers.list({ limit: 100 });
 * }
 * ```
 */
export type CustomerClient = ReturnType<typeof createCustomerClient>;

export type * from './customer-types.js';
