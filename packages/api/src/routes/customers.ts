/**
 * @module Customers (secret key or owner; never a publishable key, and not staff: see
 * `middleware/staff-scope.ts`): the list with search, one customer's history and counts, the
 * business's notes about them, and the privacy duties — export and erasure. `{email}` is the
 * customer's email in any casing (URL-encoded: `@` may be sent as `%40`).
 */
import {
  CustomerDetail,
  CustomerEmail,
  CustomerErasure,
  CustomerExport,
  CustomerListQuery,
  CustomerNotes,
  CustomerNotesInput,
  CustomerSummary,
  listOf,
} from '@frontdesk/core';
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { fieldError } from '../errors.js';
import { readJson, readQuery } from '../middleware/validate.js';
import { problem } from '../openapi/answers.js';
import { route } from '../openapi/route.js';
import { eraseCustomer } from '../services/customer-erasure.js';
import { exportCustomer } from '../services/customer-export.js';
import { setCustomerNotes } from '../services/customer-notes.js';
import { getCustomer, getCustomerSummary, listCustomers } from '../services/customers.js';
import { localDateOf } from '../time.js';
import { param, scope } from './kit.js';

/** The `{email}` of the path, checked: a malformed one is a 422, never a lookup. */
function emailOf(c: Context<AppEnv>): string {
  const email = param(c, 'email');
  if (!CustomerEmail.safeParse(email).success) {
    throw fieldError('email', 'The path must name a customer by a valid email address', 'invalid_format');
  }
  return email;
}

const badEmail = problem({ validation_failed: 'The path does not name a valid email address.' });
const unknown = problem({ not_found: 'No booking or reservation of this business has that email.' });

export function customerRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get(
    '/customers',
    route({
      summary: 'List customers',
      description:
        'The people behind bookings and reservations, one per email (any casing), ordered by email, ' +
        'with their counts. `q` finds part of a name, email or phone number on any of their bookings ' +
        'or reservations. Erased customers are not listed.',
      tag: 'Customers',
      auth: 'secret',
      query: CustomerListQuery,
      responses: { 200: listOf(CustomerSummary) },
    }),
    async (c) => {
      const query = readQuery(c, CustomerListQuery);
      const { db, businessId } = scope(c);
      return c.json(await listCustomers(db, businessId, query));
    },
  );
  app.get(
    '/customers/:email',
    route({
      summary: 'A customer with their history',
      description:
        'Counts (visits are completed bookings), first and last visit, the notes of the business, and ' +
        'every booking (newest first, with its status) and reservation.',
      tag: 'Customers',
      auth: 'secret',
      responses: { 200: CustomerDetail, 404: unknown, 422: badEmail },
    }),
    async (c) => {
      const email = emailOf(c);
      const { db, businessId, now } = scope(c);
      return c.json(await getCustomer(db, businessId, email, now));
    },
  );
  app.put(
    '/customers/:email/notes',
    route({
      summary: "Replace the business's notes about a customer",
      description: 'Never shown to the customer; erased with them.',
      tag: 'Customers',
      auth: 'secret',
      body: CustomerNotesInput,
      responses: { 200: CustomerNotes, 404: unknown, 422: badEmail },
    }),
    async (c) => {
      const email = emailOf(c);
      const input = await readJson(c, CustomerNotesInput);
      const { database, businessId, now } = scope(c);
      return c.json(
        await database.write(async (tx) => {
          await getCustomerSummary(tx, businessId, email);
          return setCustomerNotes(tx, businessId, email, input.notes, now);
        }),
      );
    },
  );
  app.get(
    '/customers/:email/export',
    route({
      summary: "Export a customer's data",
      description:
        'Everything this business stores about the customer, as JSON (sent as an attachment): every ' +
        'name and phone number they gave, their bookings (answers, notes, internal notes), ' +
        "reservations, the business's notes and the event log of those bookings and reservations. " +
        'Nothing of other customers, nor of the same email at another business.',
      tag: 'Customers',
      auth: 'secret',
      responses: { 200: CustomerExport, 404: unknown, 422: badEmail },
    }),
    async (c) => {
      const email = emailOf(c);
      const { db, businessId, now } = scope(c);
      const data = await exportCustomer(db, businessId, email, now);
      // The file name carries the date, never the email.
      c.header(
        'Content-Disposition',
        `attachment; filename="customer-export-${localDateOf(now, 'UTC')}.json"`,
      );
      return c.json(data);
    },
  );
  app.post(
    '/customers/:email/erase',
    route({
      summary: "Erase a customer's personal data",
      description:
        "Names, emails, phone numbers, answers, notes (theirs and the business's), cancellation " +
        'reasons and stored idempotent answers of this customer are replaced by a tombstone ' +
        '(`[erased]`, `erased@erased.invalid`) in every table; their bookings, reservations and stock ' +
        'movements stay as anonymous rows, so counts and the stock ledger still add up. A ' +
        '`customer.erased` event names the ids of those rows, never the person. Erasing an email ' +
        'the business does not know (or again) changes nothing and answers zero counts. Cannot be undone.',
      tag: 'Customers',
      auth: 'secret',
      responses: { 200: CustomerErasure, 422: badEmail },
    }),
    async (c) => {
      const email = emailOf(c);
      const { database, businessId, now } = scope(c);
      return c.json(await eraseCustomer(database, businessId, email, now));
    },
  );
  return app;
}
