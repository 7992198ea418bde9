/**
 * @module `@frontdesk/sdk/reports`: the business's reports (secret key, server side). A subpath, so
 * no page a customer opens ships it and the root entry keeps its size budget (`test/size.test.ts`).
 */
import type { ClientOptions } from './client.js';
import { Transport } from './http/transport.js';
import { reports } from './resources/reports.js';

export type * from './resources/reports.js';

/**
 * Creates a client for the reports. Every method returns a promise of the API's answer and throws an
 * SDK error (see `isFrontdeskError`) on failure.
 *
 * @example
 * ```ts
 * import { createReportsClient } from '@frontdesk/sdk/reports';
 *
 * const client = createReportsClient({ baseUrl: 'https://book.example.com', key: process.env.FRONTDESK_SECRET_KEY! });
 * const { current, previous } = await client.reports.bookings({ from: '2026-03-01', to: '2026-03-31' });
 * console.log(current.totals.total, 'bookings, against', previous.totals.total, 'the month before');
 * ```
 */
export function createReportsClient(options: ClientOptions) {
  return { reports: reports(new Transport(options)) };
}

/**
 * The client made by {@link createReportsClient}.
 *
 * @example
 * ```ts
 * function lastWeek(client: ReportsClient) {
 *   return client.reports.bookings({ from: '2026-03-23', to: '2026-03-29', groupBy: 'day' });
 * }
 * ```
 */
export type ReportsClient = ReturnType<typeof createReportsClient>;
