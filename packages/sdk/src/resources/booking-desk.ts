/**
 * @module The business's side of a booking at the desk: arrival, completed, no-show, internal
 * notes and history. Merged into `desk.bookings` (secret keys may call them too).
 */
import { type RequestOptions, segment, type Transport } from '../http/transport.js';
import type { Booking, EventListQuery, FrontdeskEvent } from '../types.js';

const one = (id: string) => `bookings/${segment(id)}`;

/**
 * The desk calls on bookings.
 *
 * @example
 * ```ts
 * await desk.bookings.complete(id);
 * ```
 */
export const bookingDesk = (t: Transport) => {
  const mark = (what: string) => (id: string, options?: RequestOptions) =>
    t.request<Booking>({ method: 'POST', path: `${one(id)}/${what}`, body: {}, signal: options?.signal });
  return {
    /**
     * Marks the customer as arrived.
     *
     * @example
     * ```ts
     * await desk.bookings.arrive(id);
     * ```
     */
    arrive: mark('arrive'),
    /**
     * Marks the booking completed (not before its start: `InvalidStateError`).
     *
     * @example
     * ```ts
     * await desk.bookings.complete(id);
     * ```
     */
    complete: mark('complete'),
    /**
     * Marks the booking as a no-show (not before its start, not once arrived).
     *
     * @example
     * ```ts
     * await desk.bookings.noShow(id);
     * ```
     */
    noShow: mark('no-show'),
    /**
     * Replaces the internal notes (never shown to the customer).
     *
     * @example
     * ```ts
     * await desk.bookings.setNotes(id, 'Prefers the window seat');
     * ```
     */
    setNotes: (id: string, internalNotes: string, options?: RequestOptions) =>
      t.request<Booking>({
        method: 'PUT',
        path: `${one(id)}/notes`,
        body: { internalNotes },
        signal: options?.signal,
      }),
    /**
     * The booking's history: its events, oldest first, each with its actor.
     *
     * @example
     * ```ts
     * const { data } = await desk.bookings.history(id);
     * ```
     */
    history: (id: string, query?: EventListQuery, options?: RequestOptions) =>
      t.list<FrontdeskEvent>(`${one(id)}/events`, query, options),
  };
};
