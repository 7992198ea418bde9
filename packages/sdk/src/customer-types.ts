/**
 * @module The wire types of customers (`@frontdesk/sdk/customers`, and the console's client),
 * derived from the zod schemas of `@frontdesk/core`. Type-only: nothing reaches a bundle.
 */
import type * as core from '@frontdesk/core';
import type { Output } from './types.js';

/**
 * One customer in the list: their email (lower case), latest name and phone, and counts.
 *
 * @example
 * ```ts
 * const { data }: { data: CustomerSummary[] } = await customers.list({ q: 'silva' });
 * ```
 */
export type CustomerSummary = Output<typeof core.CustomerSummary>;
/**
 * A customer with the business's notes and their bookings and reservations, newest first.
 *
 * @example
 * ```ts
 * const { history, visits }: CustomerDetail = await customers.get('maria@example.com');
 * ```
 */
export type CustomerDetail = Output<typeof core.CustomerDetail>;
/**
 * Filters of `customers.list`: `q` searches names, emails and phone numbers.
 *
 * @example
 * ```ts
 * const query: CustomerListQuery = { q: 'silva', limit: 20 };
 * ```
 */
export type CustomerListQuery = Output<typeof core.CustomerListQuery>;
/**
 * The business's notes about a customer (never shown to them).
 *
 * @example
 * ```ts
 * const { notes, updatedAt }: CustomerNotes = await customers.setNotes(email, 'Prefers mornings');
 * ```
 */
export type CustomerNotes = Output<typeof core.CustomerNotes>;
/**
 * Everything the business stores about one customer (the data export).
 *
 * @example
 * ```ts
 * const file: CustomerExport = await customers.export('maria@example.com');
 * ```
 */
export type CustomerExport = Output<typeof core.CustomerExport>;
/**
 * What an erasure changed: rows per table, and the ids of the bookings and reservations that stay.
 *
 * @example
 * ```ts
 * const { erased, bookingIds }: CustomerErasure = await customers.erase('maria@example.com');
 * ```
 */
export type CustomerErasure = Output<typeof core.CustomerErasure>;
