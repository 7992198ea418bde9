/**
 * @module A cap on live holds per (key, client address). A hold blocks a slot for everyone else
 * for `holdMinutes`; without a cap one visitor (or a script with the publishable key) could hold
 * every slot of the calendar, staying inside the request rate limit. The limiter remembers the
 * ids of the holds each client placed through this process and asks the database which are still
 * live, so a hold that became a booking, was released or expired stops counting at once. Like
 * the rate limiter it is per process (N processes allow up to N times the cap).
 */
import { and, count, gt, inArray } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { holds } from '../db/schema.js';
import { ApiError } from '../errors.js';

interface Placed {
  id: string;
  expiresAt: number;
}

export interface LiveHoldLimit {
  /** Throws 429 `rate_limited` when `client` already has `max` live holds. Call in the write transaction. */
  admit(tx: Db, client: string, now: number): Promise<void>;
  /** Remembers a hold `client` just placed. */
  record(client: string, hold: Placed): void;
}

/** A limiter allowing `max` live holds per client; `false` allows any number. */
export function liveHoldLimit(max: number | false): LiveHoldLimit {
  if (max === false) return { admit: async () => undefined, record: () => undefined };
  const placed = new Map<string, Placed[]>();
  return {
    async admit(tx, client, now) {
      const mine = (placed.get(client) ?? []).filter((hold) => hold.expiresAt > now);
      // Forget clients with nothing live, so memory stays bounded by active clients.
      if (mine.length === 0) placed.delete(client);
      else placed.set(client, mine);
      if (mine.length < max) return;
      const ids = mine.map((hold) => hold.id);
      const [row] = await tx
        .select({ live: count() })
        .from(holds)
        .where(and(inArray(holds.id, ids), gt(holds.expiresAt, now)));
      if ((row?.live ?? 0) < max) return;
      const firstFree = Math.min(...mine.map((hold) => hold.expiresAt));
      const retryAfter = Math.max(1, Math.ceil((firstFree - now) / 1000));
      throw new ApiError(429, 'rate_limited', {
        detail: `At most ${max} slots can be held at once; book or release one (DELETE /v1/holds/{id}), or wait until one expires`,
        headers: { 'Retry-After': String(retryAfter) },
        retryAfter,
      });
    },
    record(client, hold) {
      placed.set(client, [...(placed.get(client) ?? []), hold]);
    },
  };
}
