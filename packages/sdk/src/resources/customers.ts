/**
 * @module `customers`: the people behind the business's bookings and reservations, by email —
 * list and search, history, notes, and the privacy duties (export, erasure). Secret key or an
 * owner's console session.
 */
import type {
  CustomerDetail,
  CustomerErasure,
  CustomerExport,
  CustomerListQuery,
  CustomerNotes,
  CustomerSummary,
} from '../customer-types.js';
import { type RequestOptions, segment, type Transport } from '../http/transport.js';

const one = (email: string, rest = '') => `customers/${segment(email)}${rest}`;

/**
 * The customers resource.
 *
 * @example
 * ```ts
 * for await (const customer of customers.list({ q: 'silva' })) console.log(customer.email, customer.visits);
 * ```
 */
export const customers = (t: Transport) => ({
  /**
   * Lists customers by email (a page, iterable over all pages); `q` finds part of a name, email or
   * phone number.
   *
   * @example
   * ```ts
   * const { data, nextCursor } = await customers.list({ q: '912 345', limit: 20 });
   * ```
   */
  list: (query?: CustomerListQuery, options?: RequestOptions) =>
    t.list<CustomerSummary>('customers', query, options),

  /**
   * One customer (any casing of the email): counts, notes, and every booking and reservation.
   *
   * @example
   * ```ts
   * const { visits, noShows, history } = await customers.get('Maria@Example.com');
   * ```
   */
  get: (email: string, options?: RequestOptions) =>
    t.request<CustomerDetail>({ method: 'GET', path: one(email), signal: options?.signal }),

  /**
   * Replaces the business's notes about the customer.
   *
   * @example
   * ```ts
   * await customers.setNotes('maria@example.com', 'Allergic to latex');
   * ```
   */
  setNotes: (email: string, notes: string, options?: RequestOptions) =>
    t.request<CustomerNotes>({
      method: 'PUT',
      path: one(email, '/notes'),
      body: { notes },
      signal: options?.signal,
    }),

  /**
   * Everything the business stores about the customer, to hand over to them (a data export).
   *
   * @example
   * ```ts
   * const data = await customers.export('maria@example.com');
   * await writeFile('maria.json', JSON.stringify(data, null, 2));
   * ```
   */
  export: (email: string, options?: RequestOptions) =>
    t.request<CustomerExport>({ method: 'GET', path: one(email, '/export'), signal: options?.signal }),

  /**
   * Erases the customer's personal data for good; their bookings and reservations stay, anonymous.
   * Repeating it changes nothing.
   *
   * @example
   * ```ts
   * const { bookingIds } = await customers.erase('maria@example.com');
   * ```
   */
  erase: (email: string, options?: RequestOptions) =>
    t.request<CustomerErasure>({ method: 'POST', path: one(email, '/erase'), signal: options?.signal }),
});
