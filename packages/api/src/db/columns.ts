/**
 * @module Column shapes that many tables share. A module of its own so that `schema.ts` and
 * `stock-schema.ts` (which `schema.ts` re-exports) can both use them without an import cycle at
 * evaluation time: the reference to `businesses` is only followed when drizzle builds the schema.
 */
import { text } from 'drizzle-orm/sqlite-core';
import { businesses } from './schema.js';

/** The owning business: every tenant row has one, and every query filters by it. */
export const businessId = () =>
  text('business_id')
    .notNull()
    .references(() => businesses.id);
