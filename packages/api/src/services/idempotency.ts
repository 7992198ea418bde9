/**
 * @module Idempotent creation, generic for any `POST` that creates (holds, bookings,
 * reservations). The stored answer is looked up and written INSIDE the same write transaction as
 * the creation, so two concurrent identical requests create one thing and the second replays.
 * Stored: 2xx answers and 4xx domain errors (a retry must get the same 409), never 429 or 5xx. Rows hold
 * only a hash of the key and the answer sealed under the key (see `idempotency-seal.ts`).
 */
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Database, Db } from '../db/open.js';
import { prepared } from '../db/prepared.js';
import { idempotencyKeys } from '../db/schema.js';
import { ApiError, type ApiErrorOptions, isApiError } from '../errors.js';
import { sha256 } from '../ids.js';
import { markStage } from '../stage-probe.js';
import { type AnswerSeal, answerSeal, isErasedAnswer, isLegacyBody } from './idempotency-seal.js';

/** Answers are kept at least 24 h; rows older than this are pruned now and then. */
const KEEP_MS = 48 * 3_600_000;

export interface IdempotentAnswer<T> {
  status: number;
  body: T;
  /** True when this is the stored answer of an earlier request with the same key. */
  replayed: boolean;
}

/** JSON with sorted keys: the same request body always hashes the same, whatever the key order. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What makes two requests "the same": method, path and the (parsed) body. */
export function fingerprint(method: string, path: string, body: unknown): string {
  return sha256(`${method.toUpperCase()} ${path}\n${stableStringify(body)}`);
}

/** The id of what a 2xx answer created, if it names one (see `idempotencyKeys.subjectId`). */
function createdId(body: unknown): string | null {
  const id = (body as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : null;
}

interface StoredError {
  code: ApiError['code'];
  detail?: string;
  errors?: ApiErrorOptions['errors'];
}

type StoredRow = typeof idempotencyKeys.$inferSelect;

/**
 * The row answering this key: the sealed one, or a row written before sealing (raw key, plain
 * body) so that a retry across the upgrade still replays; those age out with the 48 h pruning.
 */
function usableRow(rows: StoredRow[], seal: AnswerSeal): StoredRow | undefined {
  return (
    rows.find((row) => isErasedAnswer(row.body)) ??
    rows.find((row) => row.key === seal.storedKey && !isLegacyBody(row.body)) ??
    rows.find((row) => row.key !== seal.storedKey && isLegacyBody(row.body))
  );
}

function replay<T>(row: StoredRow, seal: AnswerSeal): IdempotentAnswer<T> {
  // The answer named a customer who was erased since: it is gone, and running the request again
  // would bring the details back from a retry the customer may never have meant to repeat.
  if (isErasedAnswer(row.body)) {
    throw new ApiError(409, 'idempotency_conflict', {
      detail:
        "This request's answer was erased with its customer's personal data; send a new Idempotency-Key to make a new request",
      headers: { 'Idempotent-Replayed': 'true' },
    });
  }
  const plain = isLegacyBody(row.body) ? row.body : seal.open(row.body);
  // Same key hash means same key, so this only fails on a row altered in the database.
  if (plain === undefined) throw new Error('Stored idempotent answer cannot be opened with its key');
  const body = JSON.parse(plain) as unknown;
  if (row.status >= 400) {
    const stored = body as StoredError;
    throw new ApiError(row.status, stored.code, {
      ...(stored.detail !== undefined ? { detail: stored.detail } : {}),
      ...(stored.errors !== undefined ? { errors: stored.errors } : {}),
      headers: { 'Idempotent-Replayed': 'true' },
    });
  }
  return { status: row.status, body: body as T, replayed: true };
}

// Prepared once per handle: every request with a key reads and writes its row, and drizzle's
// building of these statements cost more than running them.
const p = (name: string) => sql.placeholder(name);

/** The rows under this key: sealed (hashed key) or written before sealing (raw key). */
const storedAnswers = (tx: Db) =>
  prepared(tx, 'idempotency:select', (d) =>
    d
      .select()
      .from(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.businessId, p('businessId')),
          inArray(idempotencyKeys.key, [p('storedKey'), p('rawKey')]),
        ),
      )
      .prepare(),
  );

const storeAnswer = (tx: Db) =>
  prepared(tx, 'idempotency:insert', (d) =>
    d
      .insert(idempotencyKeys)
      .values({
        businessId: p('businessId'),
        key: p('key'),
        requestHash: p('requestHash'),
        status: p('status'),
        body: p('body'),
        subjectId: p('subjectId'),
        createdAt: p('createdAt'),
      })
      .prepare(),
  );

/**
 * Runs `create` in a write transaction, at most once per (business, key). Without a key it simply
 * runs. The same key with a different fingerprint is a 409 `idempotency_conflict`.
 */
export async function createIdempotently<T>(
  database: Database,
  options: {
    businessId: string;
    key: string | undefined;
    fingerprint: string;
    now: number;
    /** Delete answers older than 48 h in this transaction. Default: on about one write in a hundred. */
    prune?: boolean;
  },
  create: (tx: Db) => Promise<{ status: number; body: T }>,
): Promise<IdempotentAnswer<T>> {
  const { businessId, key, now } = options;
  if (key === undefined) {
    return database.write(async (tx) => ({ ...(await create(tx)), replayed: false }));
  }
  const seal = answerSeal(businessId, key);
  const requestHash = seal.requestHash(options.fingerprint);
  const outcome = await database.write(async (tx) => {
    const rows = await storedAnswers(tx).all({ businessId, storedKey: seal.storedKey, rawKey: key });
    const existing = usableRow(rows, seal);
    markStage('idempotency lookup');
    if (existing) {
      const expected =
        isLegacyBody(existing.body) && existing.key !== seal.storedKey ? options.fingerprint : requestHash;
      if (existing.requestHash !== expected) {
        throw new ApiError(409, 'idempotency_conflict', {
          detail: 'This Idempotency-Key was used with a different request; use a new key for a new request',
        });
      }
      return { kind: 'replay' as const, stored: existing };
    }
    // A savepoint lets a domain error undo the creation's partial writes but keep its answer.
    await tx.run(sql`SAVEPOINT idempotent_create`);
    let status: number;
    let body: unknown;
    let failure: ApiError | undefined;
    try {
      ({ status, body } = await create(tx));
      await tx.run(sql`RELEASE idempotent_create`);
    } catch (error) {
      // 429 is about this moment (too many live holds), not about the request: a retry with the
      // same key must be able to succeed later, so it is not stored.
      if (!isApiError(error) || error.status >= 500 || error.status === 429) throw error;
      await tx.run(sql`ROLLBACK TO idempotent_create`);
      await tx.run(sql`RELEASE idempotent_create`);
      failure = error;
      status = error.status;
      const stored: StoredError = { code: error.code };
      if (error.detail !== undefined) stored.detail = error.detail;
      if (error.errors !== undefined) stored.errors = error.errors;
      body = stored;
    }
    await storeAnswer(tx).run({
      businessId,
      key: seal.storedKey,
      requestHash,
      status,
      body: seal.seal(JSON.stringify(body)),
      subjectId: failure === undefined ? createdId(body) : null,
      createdAt: now,
    });
    markStage('seal');
    // Pruning on about one write in a hundred keeps the table small without a scheduler.
    if (options.prune ?? Math.random() < 0.01) {
      await tx.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, now - KEEP_MS));
    }
    return { kind: 'created' as const, failure, status, body: body as T };
  });
  if (outcome.kind === 'replay') return replay<T>(outcome.stored, seal);
  if (outcome.failure) throw outcome.failure;
  return { status: outcome.status, body: outcome.body, replayed: false };
}
