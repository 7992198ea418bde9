/**
 * @module `@frontdesk/sdk/console`: the client of the owner console. It signs in with a session
 * cookie instead of a key (so the page never holds a secret key): requests go to the same origin
 * with `credentials: 'same-origin'` and the `X-Frontdesk-CSRF: 1` header that the API requires of
 * cookie-authenticated calls. A subpath, so the root client stays within its size budget.
 */
import type { ClientOptions } from './client.js';
import { consoleTransport } from './http/console-transport.js';
import { agenda } from './resources/agenda.js';
import { availability } from './resources/availability.js';
import { bookingDesk } from './resources/booking-desk.js';
import { bookings } from './resources/bookings.js';
import { business } from './resources/business.js';
import { closures } from './resources/closures.js';
import { customers } from './resources/customers.js';
import { events } from './resources/events.js';
import { feeds } from './resources/feeds.js';
import { holds } from './resources/holds.js';
import { invitations } from './resources/invitations.js';
import { keys } from './resources/keys.js';
import { messages } from './resources/messages.js';
import { reports } from './resources/reports.js';
import { resources } from './resources/resources.js';
import { services } from './resources/services.js';
import { session } from './resources/session.js';
import { stockResources } from './resources/stock.js';
import { users } from './resources/users.js';

export { CSRF_HEADER } from './http/console-transport.js';

/**
 * Settings of {@link createConsoleClient}: those of `createClient` without the key.
 *
 * @example
 * ```ts
 * const options: ConsoleClientOptions = { baseUrl: location.origin, timeout: 15_000 };
 * ```
 */
export type ConsoleClientOptions = Omit<ClientOptions, 'key'>;

/**
 * Creates the console's client, authenticated by the browser's session cookie.
 *
 * @example
 * ```ts
 * import { createConsoleClient } from '@frontdesk/sdk/console';
 *
 * const desk = createConsoleClient({ baseUrl: location.origin });
 * await desk.session.signIn('owner@salon.example', password);
 * const day = await desk.agenda.get({ from: '2026-03-02', to: '2026-03-02' });
 * ```
 */
export function createConsoleClient(options: ConsoleClientOptions) {
  const transport = consoleTransport(options);
  return {
    session: session(transport),
    invitations: invitations(transport),
    users: users(transport),
    agenda: agenda(transport),
    business: business(transport),
    services: services(transport),
    resources: resources(transport),
    closures: closures(transport),
    availability: availability(transport),
    holds: holds(transport),
    bookings: { ...bookings(transport), ...bookingDesk(transport) },
    keys: keys(transport),
    events: events(transport),
    customers: customers(transport),
    reports: reports(transport),
    // Integrations: calendar feed URLs and the mail sent (the webhook and key screens use `keys`).
    feeds: feeds(transport),
    messages: messages(transport),
    // Stock at the counter: products, locations, levels, adjustments, the ledger, reservations.
    ...stockResources(transport),
  };
}

/**
 * The client made by {@link createConsoleClient}.
 *
 * @example
 * ```ts
 * function today(desk: ConsoleClient, date: string) {
 *   return desk.agenda.get({ from: date, to: date });
 * }
 * ```
 */
export type ConsoleClient = ReturnType<typeof createConsoleClient>;

export type * from './customer-types.js';
export type * from './resources/reports.js';
export type {
  AdjustmentResult,
  ImportOptions,
  ImportReport,
  Location,
  Movement,
  MovementListQuery,
  Product,
  ProductInput,
  ProductStock,
  ProductUpdate,
  Reservation,
  StockAdjustment,
  StockSubscription,
  StockSubscriptionStatus,
} from './resources/stock.js';
export type * from './types.js';
