/**
 * @module The business's notes about a customer, keyed by business and the customer's email in
 * lower case (`customer_notes`). Never shown to the customer; erased with them.
 */
import type { CustomerNotes } from '@frontdesk/core';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { customerNotes } from '../db/schema.js';
import { toInstant } from '../time.js';
import { customerKey } from './customer-pii.js';

const match = (businessId: string, email: string) =>
  and(eq(customerNotes.businessId, businessId), eq(customerNotes.email, customerKey(email)));

/** The notes, or empty ones (`updatedAt: null`) when none were written. */
export async function getCustomerNotes(db: Db, businessId: string, email: string): Promise<CustomerNotes> {
  const [row] = await db.select().from(customerNotes).where(match(businessId, email));
  return row ? { notes: row.notes, updatedAt: toInstant(row.updatedAt) } : { notes: '', updatedAt: null };
}

/** Replaces the notes; call inside a write transaction, once the customer is known to exist. */
export async function setCustomerNotes(
  tx: Db,
  businessId: string,
  email: string,
  notes: string,
  now: number,
): Promise<CustomerNotes> {
  await tx
    .insert(customerNotes)
    .values({ businessId, email: customerKey(email), notes, updatedAt: now })
    .onConflictDoUpdate({
      target: [customerNotes.businessId, customerNotes.email],
      set: { notes, updatedAt: now },
    });
  return { notes, updatedAt: toInstant(now) };
}
