/**
 * @module API keys: creating (shown once), listing, revoking, and finding the key of a request.
 */
import type { ApiKey, CreatedApiKey, KeyKind } from '@frontdesk/core';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { prepared } from '../db/prepared.js';
import { apiKeys, businesses } from '../db/schema.js';
import type { AuthContext } from '../env.js';
import { notFound } from '../errors.js';
import { newId, newSecret, sha256 } from '../ids.js';
import { toInstant } from '../time.js';
import { businessStampColumns } from './catalog-cache.js';
import { appendEvent } from './events.js';
import { decodeCursor, type Page, pageOf } from './pagination.js';

type KeyRow = typeof apiKeys.$inferSelect;

const prefixes: Record<KeyKind, string> = { publishable: 'fd_pk_', secret: 'fd_sk_' };

export function keyToWire(row: KeyRow): ApiKey {
  return {
    id: row.id,
    kind: row.kind,
    label: row.label,
    prefix: row.prefix,
    allowedOrigins: row.allowedOrigins,
    ...(row.publishableKey !== null ? { publishableKey: row.publishableKey } : {}),
    rateLimitPerMinute: row.rateLimitPerMinute,
    createdAt: toInstant(row.createdAt),
    revokedAt: row.revokedAt === null ? null : toInstant(row.revokedAt),
  };
}

export interface NewKey {
  kind: KeyKind;
  label: string;
  allowedOrigins: string[];
  /** Secret keys only: their own budget of rate-limited writes a minute (default: the server's). */
  rateLimitPerMinute?: number | undefined;
}

/** Creates a key; the answer is the only place its full secret ever appears. */
export async function createKey(
  tx: Db,
  businessId: string,
  input: NewKey,
  now: number,
): Promise<CreatedApiKey> {
  const secret = newSecret(prefixes[input.kind]);
  const row: KeyRow = {
    id: newId('key', now),
    businessId,
    kind: input.kind,
    label: input.label,
    prefix: secret.slice(0, 12),
    hash: sha256(secret),
    allowedOrigins: input.allowedOrigins,
    // Publishable keys are public by design; keeping them lets the console show the snippet again.
    publishableKey: input.kind === 'publishable' ? secret : null,
    rateLimitPerMinute: input.kind === 'secret' ? (input.rateLimitPerMinute ?? null) : null,
    createdAt: now,
    revokedAt: null,
  };
  await tx.insert(apiKeys).values(row);
  const wire = keyToWire(row);
  const { publishableKey: _shown, ...payload } = wire;
  await appendEvent(tx, { businessId, type: 'key.created', subjectId: row.id, payload, now });
  return { ...wire, secret };
}

export async function listKeys(
  db: Db,
  businessId: string,
  cursor?: string,
  limit = 50,
): Promise<Page<ApiKey>> {
  const after = decodeCursor(cursor);
  const rows = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.businessId, businessId), after ? gt(apiKeys.id, after) : undefined))
    .orderBy(apiKeys.id)
    .limit(limit + 1);
  return pageOf(rows, limit, keyToWire);
}

/** Revokes a key (idempotent: revoking twice keeps the first time). */
export async function revokeKey(tx: Db, businessId: string, id: string, now: number): Promise<ApiKey> {
  const [row] = await tx
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.businessId, businessId), eq(apiKeys.id, id)));
  if (!row) throw notFound('Key');
  if (row.revokedAt !== null) return keyToWire(row);
  const revoked = { ...row, revokedAt: now };
  await tx.update(apiKeys).set({ revokedAt: now }).where(eq(apiKeys.id, id));
  const wire = keyToWire(revoked);
  const { publishableKey: _shown, ...payload } = wire;
  await appendEvent(tx, { businessId, type: 'key.revoked', subjectId: id, payload, now });
  return wire;
}

/** Whether `token` has the shape of a key at all (anything else is refused without a query). */
export const wellFormedKey = (token: string) => /^fd_(pk|sk)_[A-Za-z0-9]{16,64}$/.test(token);

/** The live key behind a bearer token, or undefined. Looked up by hash: no timing oracle on the secret. */
export async function authenticate(db: Db, token: string): Promise<AuthContext | undefined> {
  return wellFormedKey(token) ? findKeyByHash(db, sha256(token)) : undefined;
}

/** The live key whose hash is `hash`, with its business's stamps, or undefined. */
export async function findKeyByHash(db: Db, hash: string): Promise<AuthContext | undefined> {
  // The key and its business in one query: most requests need both, and each query counts.
  const query = prepared(db, 'authenticate', (d) =>
    d
      .select({
        id: apiKeys.id,
        businessId: apiKeys.businessId,
        kind: apiKeys.kind,
        allowedOrigins: apiKeys.allowedOrigins,
        rateLimitPerMinute: apiKeys.rateLimitPerMinute,
        business: businessStampColumns,
      })
      .from(apiKeys)
      .innerJoin(businesses, eq(businesses.id, apiKeys.businessId))
      .where(and(eq(apiKeys.hash, sql.placeholder('hash')), isNull(apiKeys.revokedAt)))
      .prepare(),
  );
  const [row] = await query.all({ hash });
  if (!row) return undefined;
  return {
    keyId: row.id,
    businessId: row.businessId,
    kind: row.kind,
    allowedOrigins: row.allowedOrigins,
    rateLimitPerMinute: row.rateLimitPerMinute,
    business: row.business,
  };
}
