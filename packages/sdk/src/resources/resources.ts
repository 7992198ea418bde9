/**
 * @module `client.resources`: the people, rooms and equipment a booking occupies, with their weekly
 * hours, date overrides and time off. Writes need a secret key.
 */
import { type RequestOptions, segment, type Transport } from '../http/transport.js';
import type {
  DateOverride,
  DateOverrideInput,
  ListQuery,
  Resource,
  ResourceInput,
  ResourceUpdate,
  TimeOff,
  TimeOffInput,
  WeeklyHours,
} from '../types.js';

const one = (id: string) => `resources/${segment(id)}`;

/**
 * The resources resource.
 *
 * @example
 * ```ts
 * const ana = await client.resources.create({ name: 'Ana', hours: { mon: [{ start: '09:00', end: '17:00' }] } });
 * ```
 */
export const resources = (t: Transport) => ({
  /**
   * Lists resources (a page, iterable over all pages).
   *
   * @example
   * ```ts
   * for await (const resource of client.resources.list()) console.log(resource.name);
   * ```
   */
  list: (query?: ListQuery, options?: RequestOptions) => t.list<Resource>('resources', query, options),

  /**
   * One resource by id.
   *
   * @example
   * ```ts
   * const { hours } = await client.resources.get('res_1');
   * ```
   */
  get: (id: string, options?: RequestOptions) =>
    t.request<Resource>({ method: 'GET', path: one(id), signal: options?.signal }),

  /**
   * Creates a resource; `hours` are wall-clock intervals per weekday in the business's zone.
   *
   * @example
   * ```ts
   * await client.resources.create({ name: 'Chair 2', kind: 'equipment' });
   * ```
   */
  create: (input: ResourceInput, options?: RequestOptions) =>
    t.request<Resource>({ method: 'POST', path: 'resources', body: input, signal: options?.signal }),

  /**
   * Changes some fields of a resource.
   *
   * @example
   * ```ts
   * await client.resources.update('res_1', { active: false });
   * ```
   */
  update: (id: string, input: ResourceUpdate, options?: RequestOptions) =>
    t.request<Resource>({ method: 'PATCH', path: one(id), body: input, signal: options?.signal }),

  /**
   * Deletes a resource (one with future bookings is refused or deactivated by the API).
   *
   * @example
   * ```ts
   * await client.resources.delete('res_1');
   * ```
   */
  delete: (id: string, options?: RequestOptions) =>
    t.request<void>({ method: 'DELETE', path: one(id), read: 'none', signal: options?.signal }),

  /** Weekly hours of a resource. */
  hours: {
    /**
     * Replaces a resource's weekly hours; a missing day is closed.
     *
     * @example
     * ```ts
     * await client.resources.hours.set('res_1', {
     *   mon: [{ start: '09:00', end: '13:00' }, { start: '14:00', end: '18:00' }],
     * });
     * ```
     */
    set: (resourceId: string, hours: WeeklyHours, options?: RequestOptions) =>
      t.request<Resource>({
        method: 'PUT',
        path: `${one(resourceId)}/hours`,
        body: hours,
        signal: options?.signal,
      }),
  },

  /** Special hours on given dates. */
  overrides: {
    /**
     * Lists a resource's date overrides.
     *
     * @example
     * ```ts
     * const { data } = await client.resources.overrides.list('res_1');
     * ```
     */
    list: (resourceId: string, query?: ListQuery, options?: RequestOptions) =>
      t.list<DateOverride>(`${one(resourceId)}/overrides`, query, options),

    /**
     * Sets special hours on one date; empty `intervals` closes the resource that day.
     *
     * @example
     * ```ts
     * await client.resources.overrides.create('res_1', { date: '2026-03-07', intervals: [] });
     * ```
     */
    create: (resourceId: string, input: DateOverrideInput, options?: RequestOptions) =>
      t.request<DateOverride>({
        method: 'POST',
        path: `${one(resourceId)}/overrides`,
        body: input,
        signal: options?.signal,
      }),

    /**
     * Removes a date override.
     *
     * @example
     * ```ts
     * await client.resources.overrides.delete('res_1', override.id);
     * ```
     */
    delete: (resourceId: string, overrideId: string, options?: RequestOptions) =>
      t.request<void>({
        method: 'DELETE',
        path: `${one(resourceId)}/overrides/${segment(overrideId)}`,
        read: 'none',
        signal: options?.signal,
      }),
  },

  /** Time away between two instants (holiday, sick day, maintenance). */
  timeOff: {
    /**
     * Lists a resource's time off.
     *
     * @example
     * ```ts
     * for await (const off of client.resources.timeOff.list('res_1')) console.log(off.start, off.end);
     * ```
     */
    list: (resourceId: string, query?: ListQuery, options?: RequestOptions) =>
      t.list<TimeOff>(`${one(resourceId)}/time-off`, query, options),

    /**
     * Takes a resource away between two UTC instants.
     *
     * @example
     * ```ts
     * await client.resources.timeOff.create('res_1', { start: '2026-03-09T00:00:00Z', end: '2026-03-14T00:00:00Z' });
     * ```
     */
    create: (resourceId: string, input: TimeOffInput, options?: RequestOptions) =>
      t.request<TimeOff>({
        method: 'POST',
        path: `${one(resourceId)}/time-off`,
        body: input,
        signal: options?.signal,
      }),

    /**
     * Removes time off.
     *
     * @example
     * ```ts
     * await client.resources.timeOff.delete('res_1', off.id);
     * ```
     */
    delete: (resourceId: string, timeOffId: string, options?: RequestOptions) =>
      t.request<void>({
        method: 'DELETE',
        path: `${one(resourceId)}/time-off/${segment(timeOffId)}`,
        read: 'none',
        signal: options?.signal,
      }),
  },
});
