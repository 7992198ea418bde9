/**
 * @module A cap on live holds per (publishable key, client address). A hold blocks a slot for
 * everyone else for `holdMinutes`; without a cap one visitor (or a script with the publishable
 * key) could hold every slot of the calendar, staying inside the request rate limit. Each hold a
 * publishable key places stores a hash of its client (`holds.client_hash`), and the cap is counted
 * in the database inside the write transaction, as the live-reservation cap is: it holds across
 * every API process on the database and for parallel requests, and a hold that became a booking,
 * was released or expired stops counting at once.
 */
import { and, count, eq, gt, isNotNull, lte, min } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { holds } from '../db/schema.js';
import { ApiError } from '../errors.js';
import { sha256 } from '../ids.js';

/**
 * The client a publishable-key hold is counted against, as stored: SHA-256 of `key id|client
 * address` (IPv6 by /64). Not the address itself; but an IPv4 address can be found again from it
 * by trying all 2^32, so it is cleared once the hold has expired (see `admitLiveHold`).
 */
export function holdClientHashOf(client: string): string {
  return sha256(`hold-client|${client}`);
}

/**
 * 429 when `clientHash` now has more than `max` live holds, counting the one just placed in `tx`
 * (the caller's write transaction, which the 429 rolls back). Clears the client hash of holds that
 * have expired, so no hash outlives its hold by more than until the next publishable hold.
 */
export async function admitLiveHold(tx: Db, clientHash: string, max: number, now: number): Promise<void> {
  await tx
    .update(holds)
    .set({ clientHash: null })
    .where(and(isNotNull(holds.clientHash), lte(holds.expiresAt, now)));
  const [row] = await tx
    .select({ live: count(), firstExpiry: min(holds.expiresAt) })
    .from(holds)
    .where(and(eq(holds.clientHash, clientHash), gt(holds.expiresAt, now)));
  if ((row?.live ?? 0) <= max) return;
  const retryAfter = Math.max(1, Math.ceil((Number(row?.firstExpiry ?? now) - now) / 1000));
  throw new ApiError(429, 'rate_limited', {
    detail: `At most ${max} slots can be held at once; book or release one (DELETE /v1/holds/{id}), or wait until one expires`,
    headers: { 'Retry-After': String(retryAfter) },
    retryAfter,
  });
}
