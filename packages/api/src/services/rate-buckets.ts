/**
 * @module Token buckets in the database (`rate_buckets`), so that every API process on one
 * database draws from the same bucket: two processes allow the limit once, not twice. A token is
 * taken by one upsert inside a write transaction; write transactions are serialized across
 * processes by the database's write lock, so parallel requests cannot overdraw a bucket. Buckets
 * hold a hash, never the address.
 */
import { lte, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { prepared } from '../db/prepared.js';
import { rateBuckets } from '../db/schema.js';
import { sha256 } from '../ids.js';

/** `limit` per `windowSeconds`, at most `burst` at once. */
export interface BucketPolicy {
  limit: number;
  windowSeconds: number;
  burst: number;
}

/** A bucket: whose (`subject`, hashed before it is stored) and its policy. */
export interface Bucket {
  id: string;
  policy: BucketPolicy;
}

/** The outcome of taking a token: allowed with what is left, or refused with when to retry. */
export type Take =
  | { allowed: true; remaining: number; resetSeconds: number }
  | { allowed: false; retryAfterSeconds: number; retryAfterMs: number };

/** The bucket of `subject` (`pk|key|address`, `sk|key`, `usr|user`) under `policy`. */
export const bucketOf = (subject: string, policy: BucketPolicy): Bucket => ({
  id: sha256(`rate-bucket|${subject}`),
  policy,
});

const perMs = (policy: BucketPolicy) => policy.limit / (policy.windowSeconds * 1000);

const refused = (tokens: number, policy: BucketPolicy): Take => {
  // When the bucket holds one whole token again.
  const retryAfterMs = (1 - tokens) / perMs(policy);
  return { allowed: false, retryAfterMs, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
};

const allowed = (tokensLeft: number, policy: BucketPolicy): Take => ({
  allowed: true,
  remaining: Math.max(0, Math.floor(tokensLeft)),
  resetSeconds: Math.max(0, Math.ceil((policy.burst - tokensLeft) / perMs(policy) / 1000)),
});

/**
 * Takes one token, in the write transaction `tx`, with one statement: refill for the time since
 * the bucket was last touched, take one, remember when it will be full again. Answers refused
 * when the bucket had less than one token — the caller then rolls the transaction back, so a
 * refusal costs nothing. With `overdraw: false` (counting a request that has already been
 * answered) the bucket goes down to empty, never below.
 */
export async function takeToken(tx: Db, bucket: Bucket, now: number, overdraw = true): Promise<Take> {
  const { policy } = bucket;
  const rate = perMs(policy);
  const [row] = await takeStatement(tx).all({
    id: bucket.id,
    now,
    burst: policy.burst,
    rate,
    floor: overdraw ? -1 : 0,
    firstFullAt: now + Math.ceil(1 / rate),
  });
  const tokensLeft = row?.tokens ?? policy.burst - 1;
  return tokensLeft < 0 ? refused(tokensLeft + 1, policy) : allowed(tokensLeft, policy);
}

// Prepared once per handle (see db/prepared.ts): on the path of every limited write.
const p = (name: string) => sql.placeholder(name);
const refilled = sql`min(${p('burst')}, ${rateBuckets.tokens} + max(0, ${p('now')} - ${rateBuckets.updatedAt}) * ${p('rate')})`;
const left = sql`max(${p('floor')}, ${refilled} - 1)`;

const takeStatement = (tx: Db) =>
  prepared(tx, 'rate-bucket:take', (d) =>
    d
      .insert(rateBuckets)
      .values({
        id: sql`${p('id')}`,
        tokens: sql`${p('burst')} - 1`,
        updatedAt: sql`${p('now')}`,
        fullAt: sql`${p('firstFullAt')}`,
      })
      .onConflictDoUpdate({
        target: rateBuckets.id,
        set: {
          tokens: left,
          updatedAt: sql`max(${rateBuckets.updatedAt}, ${p('now')})`,
          // SQLite evaluates every SET expression against the row as it was: `left` is the new value.
          fullAt: sql`${p('now')} + cast((${p('burst')} - ${left}) / ${p('rate')} as integer) + 1`,
        },
      })
      .returning({ tokens: rateBuckets.tokens })
      .prepare(),
  );

/** Deletes the buckets that have refilled completely: they mean the same as no row. */
export async function sweepFullBuckets(tx: Db, now: number): Promise<void> {
  await tx.delete(rateBuckets).where(lte(rateBuckets.fullAt, now));
}
