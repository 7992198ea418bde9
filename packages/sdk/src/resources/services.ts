/**
 * @module `client.services`: what customers can book.
 */
import { type RequestOptions, segment, type Transport } from '../http/transport.js';
import type { ListQuery, Service, ServiceInput, ServiceUpdate } from '../types.js';

/**
 * The services resource. A publishable key lists active services only.
 *
 * @example
 * ```ts
 * for await (const service of client.services.list()) console.log(service.name);
 * ```
 */
export const services = (t: Transport) => ({
  /**
   * Lists services (a page, iterable over all pages).
   *
   * @example
   * ```ts
   * const { data } = await client.services.list({ limit: 50 });
   * ```
   */
  list: (query?: ListQuery, options?: RequestOptions) => t.list<Service>('services', query, options),

  /**
   * One service by id.
   *
   * @example
   * ```ts
   * const { durationMinutes, questions } = await client.services.get('svc_1');
   * ```
   */
  get: (id: string, options?: RequestOptions) =>
    t.request<Service>({ method: 'GET', path: `services/${segment(id)}`, signal: options?.signal }),

  /**
   * Creates a service (secret key). `name`, `durationMinutes` and `resourceIds` are required.
   *
   * @example
   * ```ts
   * await client.services.create({ name: 'Haircut', durationMinutes: 30, resourceIds: [ana.id] });
   * ```
   */
  create: (input: ServiceInput, options?: RequestOptions) =>
    t.request<Service>({ method: 'POST', path: 'services', body: input, signal: options?.signal }),

  /**
   * Changes some fields of a service (secret key).
   *
   * @example
   * ```ts
   * await client.services.update('svc_1', { price: { amount: 2500, currency: 'EUR' } });
   * ```
   */
  update: (id: string, input: ServiceUpdate, options?: RequestOptions) =>
    t.request<Service>({
      method: 'PATCH',
      path: `services/${segment(id)}`,
      body: input,
      signal: options?.signal,
    }),

  /**
   * Deletes a service (secret key). One with future bookings is refused (`InvalidStateError`) or
   * deactivated by the API instead.
   *
   * @example
   * ```ts
   * await client.services.delete('svc_1');
   * ```
   */
  delete: (id: string, options?: RequestOptions) =>
    t.request<void>({
      method: 'DELETE',
      path: `services/${segment(id)}`,
      read: 'none',
      signal: options?.signal,
    }),
});
