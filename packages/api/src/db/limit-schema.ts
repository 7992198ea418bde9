/**
 * @module Rate-limit buckets, in the database rather than in each process's memory, so that every
 * API process on one database enforces one limit (see `services/rate-buckets.ts`).
 */
import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * One token bucket per limited client: a publishable key and client address, a secret key, or a
 * console user. `id` is a hash of that, never the address itself. A bucket past `full_at` has
 * refilled completely and means the same as no row, so such rows are deleted now and then.
 */
export const rateBuckets = sqliteTable(
  'rate_buckets',
  {
    id: text('id').primaryKey(),
    /** Tokens left at `updated_at` (fractional: they refill continuously). */
    tokens: real('tokens').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /** When the bucket will be full again if nothing more is taken: rows past it can go. */
    fullAt: integer('full_at').notNull(),
  },
  (t) => [index('rate_buckets_full_at').on(t.fullAt)],
);
