/**
 * @module `client.bookings`: booking a slot, and the customer's and the business's calls on a
 * booking afterwards. Customers authorise with the manage token; the business with a secret key.
 */
import { newIdempotencyKey } from '../http/idempotency-key.js';
import {
  type CreateOptions,
  type ManageOptions,
  type RequestOptions,
  segment,
  type Transport,
} from '../http/transport.js';
import type { Booking, BookingInput, BookingListQuery, CancelInput, RescheduleInput } from '../types.js';

const one = (id: string) => `bookings/${segment(id)}`;
const token = (options: ManageOptions | undefined) =>
  options?.token === undefined ? undefined : { token: options.token };

/**
 * The bookings resource.
 *
 * @example
 * ```ts
 * const booking = await client.bookings.create({
 *   service: 'svc_1',
 *   start: '2026-03-02T10:00:00Z',
 *   customer: { name: 'Ana Silva', email: 'ana@example.com' },
 * });
 * ```
 */
export const bookings = (t: Transport) => ({
  /**
   * Books a slot. The API re-checks availability: a taken slot throws `SlotUnavailableError`.
   * Retried safely with an idempotency key (one is made if you pass none): a lost answer never
   * makes a second booking. The answer carries `manageToken`, shown only here.
   *
   * @example
   * ```ts
   * const { id, manageToken, status } = await client.bookings.create({
   *   service: 'svc_1',
   *   start: slot.start,
   *   holdId: hold.id,
   *   customer: { name: 'Ana Silva', email: 'ana@example.com' },
   *   answers: { allergies: 'none' },
   * });
   * ```
   */
  create: (input: BookingInput, options?: CreateOptions) =>
    t.request<Booking>({
      method: 'POST',
      path: 'bookings',
      body: input,
      signal: options?.signal,
      idempotencyKey: options?.idempotencyKey ?? newIdempotencyKey(),
    }),

  /**
   * One booking: with a secret key, or with a publishable key and the booking's manage token.
   *
   * @example
   * ```ts
   * const booking = await client.bookings.get(id, { token });
   * ```
   */
  get: (id: string, options?: ManageOptions) =>
    t.request<Booking>({ method: 'GET', path: one(id), query: token(options), signal: options?.signal }),

  /**
   * Cancels a booking. Customers (manage token) are bound by the service's cut-off
   * (`CutoffPassedError`); cancelling twice throws `InvalidStateError`.
   *
   * @example
   * ```ts
   * await client.bookings.cancel(id, { reason: 'Feeling unwell' }, { token });
   * ```
   */
  cancel: (id: string, input?: CancelInput, options?: ManageOptions) =>
    t.request<Booking>({
      method: 'POST',
      path: `${one(id)}/cancel`,
      query: token(options),
      body: input ?? {},
      signal: options?.signal,
    }),

  /**
   * Moves a booking to another free start (same service). Customers are bound by the cut-off.
   *
   * @example
   * ```ts
   * await client.bookings.reschedule(id, { start: newSlot.start }, { token });
   * ```
   */
  reschedule: (id: string, input: RescheduleInput, options?: ManageOptions) =>
    t.request<Booking>({
      method: 'POST',
      path: `${one(id)}/reschedule`,
      query: token(options),
      body: input,
      signal: options?.signal,
    }),

  /**
   * Confirms a pending booking (secret key).
   *
   * @example
   * ```ts
   * await client.bookings.confirm(id);
   * ```
   */
  confirm: (id: string, options?: RequestOptions) =>
    t.request<Booking>({ method: 'POST', path: `${one(id)}/confirm`, body: {}, signal: options?.signal }),

  /**
   * Declines a pending booking (secret key); it becomes cancelled.
   *
   * @example
   * ```ts
   * await client.bookings.decline(id, { reason: 'Fully booked that day' });
   * ```
   */
  decline: (id: string, input?: CancelInput, options?: RequestOptions) =>
    t.request<Booking>({
      method: 'POST',
      path: `${one(id)}/decline`,
      body: input ?? {},
      signal: options?.signal,
    }),

  /**
   * Lists bookings (secret key): a page, iterable over all pages with `for await`.
   *
   * @example
   * ```ts
   * for await (const booking of client.bookings.list({ status: 'pending', from: '2026-03-01' })) {
   *   console.log(booking.start, booking.customer.name);
   * }
   * ```
   */
  list: (filters?: BookingListQuery, options?: RequestOptions) =>
    t.list<Booking>('bookings', filters, options),

  /**
   * The booking as an iCalendar file (`text/calendar`), for "add to calendar".
   *
   * @example
   * ```ts
   * const ics = await client.bookings.ics(id, { token });
   * ```
   */
  ics: (id: string, options?: ManageOptions) =>
    t.request<string>({
      method: 'GET',
      path: `${one(id)}/ics`,
      query: token(options),
      read: 'text',
      signal: options?.signal,
    }),
});
