/**
 * @module The hosted booking page's key: each business with a slug gets a publishable key for its
 * page at `/book/{slug}`, made the first time the page is asked for (and again if the owner
 * revoked it), usable only from this server's own origin.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../db/open.js';
import { businesses } from '../db/schema.js';
import { getBusinessRow } from './business.js';
import { authenticate, createKey } from './keys.js';

/** The allowed-origin entry meaning "this server itself" (see `isOwnOrigin`). */
export const selfOrigin = 'self';

/** The live publishable key of `businessId`'s hosted page, created when missing or revoked. */
export async function hostedPageKey(database: Database, businessId: string, now: number): Promise<string> {
  const live = async (key: string | null) =>
    key !== null && (await authenticate(database.db, key)) !== undefined;
  const current = (await getBusinessRow(database.db, businessId)).hostedPageKey;
  if (await live(current)) return current!;
  return database.write(async (tx) => {
    // Another request (or process) may have made one meanwhile: use it rather than make two.
    const fresh = (await getBusinessRow(tx, businessId)).hostedPageKey;
    if (fresh !== null && fresh !== current && (await authenticate(tx, fresh))) return fresh;
    const key = await createKey(
      tx,
      businessId,
      { kind: 'publishable', label: 'hosted booking page', allowedOrigins: [selfOrigin] },
      now,
    );
    await tx.update(businesses).set({ hostedPageKey: key.secret }).where(eq(businesses.id, businessId));
    return key.secret;
  });
}
