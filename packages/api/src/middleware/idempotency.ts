/**
 * @module Reading the `Idempotency-Key` header and answering with a (possibly replayed) result.
 * Route side of `services/idempotency.ts`; reused by every creating `POST` that accepts the header.
 */
import type { Context } from 'hono';
import type { Db } from '../db/open.js';
import type { AppEnv } from '../env.js';
import { fieldError } from '../errors.js';
import { createIdempotently, fingerprint } from '../services/idempotency.js';
import { markStage } from '../stage-probe.js';

/** The header's value, validated (1–255 visible ASCII characters), or undefined when absent. */
export function idempotencyKeyOf(c: Context<AppEnv>): string | undefined {
  const key = c.req.header('idempotency-key');
  if (key === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw fieldError('Idempotency-Key', 'Expected 1 to 255 visible ASCII characters', 'invalid_header');
  }
  return key;
}

/**
 * Runs `create` once per Idempotency-Key (see `createIdempotently`) and answers JSON with its
 * status; a replay carries `Idempotent-Replayed: true`.
 */
export async function respondIdempotently<T>(
  c: Context<AppEnv>,
  input: unknown,
  create: (tx: Db) => Promise<{ status: number; body: T }>,
): Promise<Response> {
  const { database, clock } = c.var.deps;
  const key = idempotencyKeyOf(c);
  // Without a key nothing is compared: the fingerprint (a canonical JSON and a hash) is not needed.
  const print = key === undefined ? '' : fingerprint(c.req.method, c.req.path, input);
  markStage('idempotency');
  const answer = await createIdempotently(
    database,
    { businessId: c.var.auth.businessId, key, fingerprint: print, now: clock() },
    create,
  );
  if (answer.replayed) c.header('Idempotent-Replayed', 'true');
  const response = c.json(answer.body as object, answer.status as 200);
  markStage('serialize');
  return response;
}
