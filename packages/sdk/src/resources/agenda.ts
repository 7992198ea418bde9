/**
 * @module `desk.agenda`: everything on the calendar between two dates, in one call.
 */
import type { RequestOptions, Transport } from '../http/transport.js';
import type { Agenda, AgendaQuery } from '../types.js';

/**
 * The agenda resource (`createConsoleClient` only).
 *
 * @example
 * ```ts
 * const day = await desk.agenda.get({ from: '2026-03-02', to: '2026-03-02' });
 * ```
 */
export const agenda = (t: Transport) => ({
  /**
   * Bookings (not cancelled), live holds, time off, overrides and closures, with the resources in
   * view (a staff member's own). At most 31 days.
   *
   * @example
   * ```ts
   * const { resources, bookings } = await desk.agenda.get({ from, to, resource: 'res_1' });
   * ```
   */
  get: (query: AgendaQuery, options?: RequestOptions) =>
    t.request<Agenda>({ method: 'GET', path: 'agenda', query, signal: options?.signal }),
});
