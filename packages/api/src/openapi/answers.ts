/**
 * @module The answers a route declares in `route({ responses })`, and the cross-cutting answers
 * that the app's middleware gives on many routes (bad JSON, no key, too large, rate limited, …),
 * declared once here and attached to every operation they apply to.
 */
import type { ErrorCode } from '@frontdesk/core';
import type * as z from 'zod/mini';

/** A JSON body described by a core schema (a bare schema in `responses` means this). */
export interface JsonAnswer {
  kind: 'json';
  schema: z.ZodMiniType;
  description?: string;
}

/** A non-JSON body: a file, a page, an event stream. */
export interface ContentAnswer {
  kind: 'content';
  contentType: string | readonly string[];
  description: string;
}

/** No body (204, 304). */
export interface EmptyAnswer {
  kind: 'empty';
  description: string;
}

/** An RFC 9457 problem; each `code` it may carry, with when. */
export interface ProblemAnswer {
  kind: 'problem';
  codes: Partial<Record<ErrorCode, string>>;
}

export type Answer = z.ZodMiniType | JsonAnswer | ContentAnswer | EmptyAnswer | ProblemAnswer;

/** A JSON answer with its own description. */
export const json = (schema: z.ZodMiniType, description: string): JsonAnswer => ({
  kind: 'json',
  schema,
  description,
});

/** A body of another media type (`text/calendar`, `text/html`, …), or of one of several. */
export const content = (contentType: string | readonly string[], description: string): ContentAnswer => ({
  kind: 'content',
  contentType,
  description,
});

/** An answer without a body. */
export const empty = (description: string): EmptyAnswer => ({ kind: 'empty', description });

/** Problem answers: `problem({ invalid_state: 'The booking is not pending' })`. */
export const problem = (codes: Partial<Record<ErrorCode, string>>): ProblemAnswer => ({
  kind: 'problem',
  codes,
});

/** What decides which cross-cutting answers an operation can give. */
export interface OperationFacts {
  method: string;
  path: string;
  auth: 'none' | 'any' | 'secret' | 'session';
  body: boolean;
  query: boolean;
  idempotent: boolean;
  rateLimited: boolean;
}

interface CrossCutting {
  status: number;
  code: ErrorCode;
  description: string;
  when(op: OperationFacts): boolean;
}

/**
 * Answers given outside the route's own handler: by `readJson`/`readQuery` (middleware/validate.ts),
 * the body limit (app.ts), the key middleware (middleware/auth.ts), the idempotency and rate-limit
 * middleware. A route adds its own codes for the same status beside these.
 */
const crossCutting: CrossCutting[] = [
  {
    status: 400,
    code: 'invalid_json',
    description: 'The body is not valid JSON.',
    when: (op) => op.body,
  },
  {
    status: 400,
    code: 'ambiguous_key',
    description:
      'A key both in `Authorization` and in `?key=`, or `key` twice in the query: send exactly one.',
    when: (op) => op.auth !== 'none',
  },
  {
    status: 401,
    code: 'unauthorized',
    description:
      'No key (`Authorization: Bearer …`, or `?key=` on a GET), or an unknown or revoked one; or ' +
      '(console) a session that has ended.',
    when: (op) => op.auth !== 'none',
  },
  {
    status: 403,
    code: 'forbidden',
    description:
      'The key may not be used from this `Origin`, the route needs a secret key, or a secret key was ' +
      'put in the URL (`?key=fd_sk_…`, refused before any lookup); or (console) the request is not ' +
      'a same-origin one with `X-Frontdesk-CSRF: 1`, or a staff member may not make it.',
    when: (op) => op.auth !== 'none',
  },
  {
    status: 404,
    code: 'not_found',
    description: 'No such object in this business.',
    when: (op) => op.path.includes('{'),
  },
  {
    status: 409,
    code: 'idempotency_conflict',
    description:
      "This `Idempotency-Key` was used with another request, or its answer was erased with its customer's data.",
    when: (op) => op.idempotent,
  },
  {
    status: 413,
    code: 'payload_too_large',
    description: 'The body is larger than the server accepts (64 KB by default).',
    // Judged before routing from Content-Length, for any method that may carry a body.
    when: (op) => op.method !== 'get',
  },
  {
    status: 415,
    code: 'unsupported_media_type',
    description: 'A body that is not `application/json`.',
    when: (op) => op.body,
  },
  {
    status: 422,
    code: 'validation_failed',
    description: 'The body, query or `Idempotency-Key` is not valid; `errors` lists each field.',
    when: (op) => op.body || op.query || op.idempotent,
  },
  {
    status: 429,
    code: 'rate_limited',
    description:
      'Too many requests from this caller (a publishable key from this address, a secret key, a ' +
      'console user); retry after `Retry-After` seconds.',
    when: (op) => op.rateLimited,
  },
  {
    status: 503,
    code: 'internal_error',
    description:
      'The database stayed locked by another process through every retry (overload); nothing was ' +
      'changed. Retry after `Retry-After` seconds.',
    // Only writes wait for the database lock (reads run beside writers in WAL mode).
    when: (op) => op.method !== 'get' && op.auth !== 'none',
  },
];

/** The cross-cutting problem codes of an operation, by status. */
export function crossCuttingProblems(op: OperationFacts): Map<number, Partial<Record<ErrorCode, string>>> {
  const byStatus = new Map<number, Partial<Record<ErrorCode, string>>>();
  for (const answer of crossCutting) {
    if (!answer.when(op)) continue;
    byStatus.set(answer.status, { ...byStatus.get(answer.status), [answer.code]: answer.description });
  }
  return byStatus;
}

/** Whether a declared answer is a bare schema (JSON). */
export function isSchema(answer: Answer): answer is z.ZodMiniType {
  return '_zod' in answer;
}
