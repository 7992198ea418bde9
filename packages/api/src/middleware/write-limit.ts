/**
 * @module The rate limit of public writes (holds, bookings, cancel, reschedule, reservations),
 * counted in the database so that it holds across every API process on one database. Who is
 * counted: a publishable key per client address (IPv6 per /64), a secret key on its own budget
 * (its `rateLimitPerMinute`, else the server's), a console user on the server's secret budget.
 *
 * The token is taken inside the request's own write transaction, first thing, so the limit costs
 * one upsert and no transaction (no fsync) of its own; a request over the limit is rolled back
 * whole. A request that fails inside its transaction (409, 404) still counts: its work is undone
 * to a savepoint, the token is kept. One that never writes (a 422 before the transaction) is
 * counted afterwards on its own. A process that found a bucket empty refuses it from memory until
 * time alone has put a token back (nothing else can), so a flood of refused requests reaches the
 * database about once per process and token. Answers carry the IETF draft headers
 * `RateLimit-Policy` and `RateLimit`; a refusal is 429 `rate_limited` with `Retry-After`.
 */
import { sql } from 'drizzle-orm';
import type { Context, MiddlewareHandler } from 'hono';
import type { Database, Db } from '../db/open.js';
import type { AppEnv } from '../env.js';
import { ApiError, isApiError } from '../errors.js';
import {
  type Bucket,
  type BucketPolicy,
  bucketOf,
  sweepFullBuckets,
  type Take,
  takeToken,
} from '../services/rate-buckets.js';
import { clientAddress, type RateLimitOptions } from './rate-limit.js';

export interface WriteLimitOptions {
  /** Publishable keys, per key and client address; `false` = no limit. Default 30 a minute, bursts of 10. */
  publishable: RateLimitOptions | false;
  /**
   * Writes a minute for secret keys without a budget of their own, and for each console user;
   * spendable at once. `false` = no limit. Default 600.
   */
  secretPerMinute: number | false;
  trustProxy: boolean | number;
  clock: () => number;
}

/** Full buckets are deleted at most this often per process, inside a limited write. */
const SWEEP_EVERY_MS = 60_000;

/** The bucket this request draws from, or undefined when its kind of caller is not limited. */
function bucketFor(c: Context<AppEnv>, options: WriteLimitOptions): Bucket | undefined {
  const auth = c.var.auth;
  if (auth.kind === 'publishable') {
    if (options.publishable === false) return undefined;
    const policy: BucketPolicy = {
      limit: options.publishable.limit ?? 30,
      windowSeconds: options.publishable.windowSeconds ?? 60,
      burst: options.publishable.burst ?? 10,
    };
    return bucketOf(`pk|${auth.keyId}|${clientAddress(c, options.trustProxy)}`, policy);
  }
  // A business backend books for many customers from one address: its budget is per key. A
  // console user (keyId is the user's id) gets the server's secret budget for themselves.
  const perMinute = auth.user
    ? options.secretPerMinute
    : (auth.rateLimitPerMinute ?? options.secretPerMinute);
  if (perMinute === false || perMinute <= 0) return undefined;
  const subject = auth.user ? `usr|${auth.user.id}` : `sk|${auth.keyId}`;
  return bucketOf(subject, { limit: perMinute, windowSeconds: 60, burst: perMinute });
}

const headerOf = (policy: BucketPolicy, taken: Take) =>
  taken.allowed
    ? `limit=${policy.limit}, remaining=${taken.remaining}, reset=${taken.resetSeconds}`
    : `limit=${policy.limit}, remaining=0, reset=${taken.retryAfterSeconds}`;

function tooMany(policy: BucketPolicy, taken: Extract<Take, { allowed: false }>): ApiError {
  const retryAfter = taken.retryAfterSeconds;
  return new ApiError(429, 'rate_limited', {
    detail: `Too many requests; retry in ${retryAfter} s`,
    headers: { 'Retry-After': String(retryAfter), RateLimit: headerOf(policy, taken) },
    retryAfter,
  });
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * `database`, whose first write transaction takes the request's token before its work (see the
 * module note) and tells `onTaken`. `taken()` says what the take gave, once that transaction has run.
 */
function chargingFirstWrite(
  database: Database,
  bucket: Bucket,
  now: number,
  hooks: { beforeWork(tx: Db): Promise<void>; onTaken(taken: Take): void },
): { database: Database; taken(): Take | undefined } {
  let charged = false;
  let outcome: Take | undefined;
  const write = async <T>(fn: (tx: Db) => Promise<T>): Promise<T> => {
    if (charged) return database.write(fn);
    charged = true;
    const settled = await database.write(async (tx): Promise<Settled<T>> => {
      const taken = await takeToken(tx, bucket, now);
      outcome = taken;
      if (!taken.allowed) throw tooMany(bucket.policy, taken);
      hooks.onTaken(taken);
      await hooks.beforeWork(tx);
      await tx.run(sql`SAVEPOINT rate_limited_request`);
      try {
        const value = await fn(tx);
        await tx.run(sql`RELEASE rate_limited_request`);
        return { ok: true, value };
      } catch (error) {
        // A domain refusal undoes the work but keeps the token; anything else (a bug, a busy
        // database to retry) fails the whole transaction as it would have without the limit.
        if (!isApiError(error) || error.status >= 500) throw error;
        await tx.run(sql`ROLLBACK TO rate_limited_request`);
        await tx.run(sql`RELEASE rate_limited_request`);
        return { ok: false, error };
      }
    });
    if (!settled.ok) throw settled.error;
    return settled.value;
  };
  return { database: { ...database, write }, taken: () => outcome };
}

/**
 * Buckets this process found empty, until they hold a token again. Only time refills a bucket, so
 * refusing from here until then is what the database would answer. Forgotten once past.
 */
function emptyBuckets() {
  const until = new Map<string, number>();
  let nextSweep = 0;
  return {
    /** The refusal to answer without asking the database, if `id` is known to be empty at `now`. */
    refusal(id: string, now: number): Extract<Take, { allowed: false }> | undefined {
      const at = until.get(id);
      if (at === undefined) return undefined;
      if (at <= now) {
        until.delete(id);
        return undefined;
      }
      return {
        allowed: false,
        retryAfterMs: at - now,
        retryAfterSeconds: Math.max(1, Math.ceil((at - now) / 1000)),
      };
    },
    remember(id: string, now: number, refused: Extract<Take, { allowed: false }>): void {
      if (now >= nextSweep) {
        nextSweep = now + SWEEP_EVERY_MS;
        for (const [key, at] of until) if (at <= now) until.delete(key);
      }
      until.set(id, now + refused.retryAfterMs);
    },
  };
}

/** Builds the limiter of public writes; apply it to each limited route. */
export function writeLimit(options: WriteLimitOptions): MiddlewareHandler<AppEnv> {
  let nextSweep = 0;
  const sweepIfDue = async (tx: Db, now: number) => {
    if (now < nextSweep) return;
    nextSweep = now + SWEEP_EVERY_MS;
    await sweepFullBuckets(tx, now);
  };
  const empty = emptyBuckets();
  return async (c, next) => {
    const bucket = bucketFor(c, options);
    if (!bucket) return next();
    const { policy } = bucket;
    c.header('RateLimit-Policy', `${policy.limit};w=${policy.windowSeconds}`);
    const deps = c.var.deps;
    const now = options.clock();
    const known = empty.refusal(bucket.id, now);
    if (known) throw tooMany(policy, known);

    const charging = chargingFirstWrite(deps.database, bucket, now, {
      beforeWork: (tx) => sweepIfDue(tx, now),
      // Set while the handler still runs: after its answer is made, a header means copying it.
      onTaken: (taken) => c.header('RateLimit', headerOf(policy, taken)),
    });
    c.set('deps', { ...deps, database: charging.database });
    await next();
    const outcome = charging.taken();
    if (outcome?.allowed === false) empty.remember(bucket.id, now, outcome);
    if (outcome !== undefined) return;
    // A request that never wrote (bad input, refused before its transaction) still counts.
    const taken = await deps.database.write((tx) => takeToken(tx, bucket, now, false));
    if (taken.allowed) c.header('RateLimit', headerOf(policy, taken));
  };
}
