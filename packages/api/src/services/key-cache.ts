/**
 * @module Bearer keys looked up once per process and reused while NOTHING in the database has
 * changed (`db/change-stamp.ts`: one native call reading no table, instead of the key-and-business
 * join through the client).
 * Any commit anywhere — a revocation, a booking, a catalogue edit, by this process or another —
 * moves the stamp and empties the cache, so a revoked key is refused by the next request as before,
 * and the business stamps carried with a cached key (which availability trusts) are current. The
 * stamp is read BEFORE the lookup, so a commit landing between the two leaves the entry under the
 * older stamp, which the next request no longer matches. Unknown keys are never kept. The stamp
 * itself is read once per turn of the event loop and after each local commit (`oncePerTurn`): a
 * commit elsewhere is seen by every request that arrives after it.
 */
import type { Client } from '@libsql/client';
import type { Database } from '../db/open.js';
import type { AuthContext } from '../env.js';
import { sha256 } from '../ids.js';
import { authenticate, findKeyByHash, wellFormedKey } from './keys.js';

interface KeyCache {
  stamp: number;
  byHash: Map<string, AuthContext>;
}

/** Keys of one database state; past this the cache starts over (it is only a cache). */
const maxKeys = 10_000;
const caches = new WeakMap<Client, KeyCache>();

/** `authenticate`, answered from the cache when the database has not changed since. */
export async function authenticateCached(
  database: Database,
  token: string,
): Promise<AuthContext | undefined> {
  if (!wellFormedKey(token)) return undefined;
  const stamp = database.changeStamp?.();
  if (stamp === undefined) return authenticate(database.db, token);
  let cache = caches.get(database.client);
  if (cache?.stamp !== stamp) {
    cache = { stamp, byHash: new Map() };
    caches.set(database.client, cache);
  }
  const hash = sha256(token);
  const hit = cache.byHash.get(hash);
  if (hit) return hit;
  const auth = await findKeyByHash(database.db, hash);
  if (auth) {
    if (cache.byHash.size >= maxKeys) cache.byHash.clear();
    cache.byHash.set(hash, auth);
  }
  return auth;
}
