/**
 * @module The business's notes about a customer. Customers are not accounts (they are recognised by
 * email across bookings and reservations), so the notes are keyed by business and the email in
 * lower case, the same key `services/customers.ts` groups by.
 */
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { businessId } from './columns.js';

export const customerNotes = sqliteTable(
  'customer_notes',
  {
    businessId: businessId(),
    /** Lower case (ASCII letters folded, as SQLite's `lower()` does). */
    email: text('email').notNull(),
    notes: text('notes').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.businessId, t.email] })],
);
