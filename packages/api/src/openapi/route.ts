/**
 * @module `route({...})`: the one place a route's contract lives — written where the route is
 * registered, read by the OpenAPI document (`document.ts`, through hono-openapi's route walk) and,
 * for `auth: 'secret'`, enforced at runtime. The schemas named here are the objects the handler
 * reads with (`readJson(c, HoldInput)`), so what is documented is what is validated.
 *
 * @example
 * app.post(
 *   '/holds',
 *   route({
 *     summary: 'Hold a slot for a few minutes',
 *     tag: 'Booking',
 *     auth: 'any',
 *     body: HoldInput,
 *     responses: { 201: Hold, 409: problem({ slot_unavailable: 'The time was taken' }) },
 *     idempotent: true,
 *     rateLimited: true,
 *   }),
 *   kit.publicWriteLimit,
 *   async (c) => { const input = await readJson(c, HoldInput); … },
 * );
 */
import type { MiddlewareHandler } from 'hono';
import { describeRoute, uniqueSymbol } from 'hono-openapi';
import type * as z from 'zod/mini';
import type { AppEnv } from '../env.js';
import { requireSecret, requireSession } from '../middleware/auth.js';
import { type Answer, isSchema, type ProblemAnswer } from './answers.js';
import { answerSchema, requestSchema } from './components.js';
import type { Tag } from './tags.js';

export interface RouteContract {
  /** One line, shown in the list of operations. */
  summary: string;
  /** Markdown: who may call it and the rules behind its answers. */
  description?: string;
  tag: Tag;
  /**
   * `none`: no key; `any`: publishable or secret key; `secret`: secret key only (enforced here; a
   * console session counts as one, narrowed for staff); `session`: a console session only, never a
   * key (enforced here).
   */
  auth: 'none' | 'any' | 'secret' | 'session';
  /** The query string, as read with `readQuery`. */
  query?: z.ZodMiniType;
  /** The JSON body, as read with `readJson` (an empty body is read as `{}`). */
  body?: z.ZodMiniType;
  /** A body of raw bytes (a file) that the handler reads itself: its media types and what it is. */
  upload?: { contentTypes: string[]; description: string };
  /**
   * Every answer of the route itself, by status: a core schema (JSON), `json()`, `content()`,
   * `empty()` or `problem({ code: 'when' })`. The cross-cutting answers (`answers.ts`) are added.
   */
  responses: Record<number, Answer>;
  /** Accepts `Idempotency-Key` (adds the header and `409 idempotency_conflict`). */
  idempotent?: boolean;
  /** Behind the public-write rate limit (adds `429 rate_limited`). */
  rateLimited?: boolean;
}

/** The facts `document.ts` finishes an operation with (then removes). */
export interface ContractExtension {
  auth: RouteContract['auth'];
  query: z.ZodMiniType | undefined;
  body: z.ZodMiniType | undefined;
  idempotent: boolean;
  rateLimited: boolean;
  problems: Record<number, ProblemAnswer['codes']>;
}

/** Where the facts travel inside the operation object that hono-openapi assembles. */
export const contractKey = 'x-frontdesk-contract';

const defaultDescriptions: Record<number, string> = { 200: 'OK', 201: 'Created' };

function operationSpec(contract: RouteContract) {
  const responses: Record<string, unknown> = {};
  const problems: Record<number, ProblemAnswer['codes']> = {};
  for (const [key, answer] of Object.entries(contract.responses)) {
    const status = Number(key);
    if (isSchema(answer) || answer.kind === 'json') {
      const schema = isSchema(answer) ? answer : answer.schema;
      const description = (isSchema(answer) ? undefined : answer.description) ?? defaultDescriptions[status];
      responses[key] = {
        description: description ?? 'OK',
        content: { 'application/json': { schema: answerSchema(schema) } },
      };
    } else if (answer.kind === 'content') {
      const types = typeof answer.contentType === 'string' ? [answer.contentType] : answer.contentType;
      responses[key] = {
        description: answer.description,
        content: Object.fromEntries(types.map((type) => [type, {}])),
      };
    } else if (answer.kind === 'empty') {
      responses[key] = { description: answer.description };
    } else {
      problems[status] = answer.codes;
    }
  }
  const extension: ContractExtension = {
    auth: contract.auth,
    query: contract.query,
    body: contract.body,
    idempotent: contract.idempotent ?? false,
    rateLimited: contract.rateLimited ?? false,
    problems,
  };
  return {
    summary: contract.summary,
    ...(contract.description ? { description: contract.description } : {}),
    tags: [contract.tag],
    ...(contract.body
      ? { requestBody: { content: { 'application/json': { schema: requestSchema(contract.body) } } } }
      : {}),
    ...(contract.upload
      ? {
          requestBody: {
            required: true,
            description: contract.upload.description,
            content: Object.fromEntries(
              contract.upload.contentTypes.map((type) => [
                type,
                { schema: { type: 'string', format: 'binary' } },
              ]),
            ),
          },
        }
      : {}),
    responses,
    [contractKey]: extension,
  };
}

/** Declares a route's contract; returns the middleware to put first in the route's handlers. */
export function route(contract: RouteContract): MiddlewareHandler<AppEnv> {
  const describe = describeRoute(operationSpec(contract) as Parameters<typeof describeRoute>[0]);
  if (contract.auth !== 'secret' && contract.auth !== 'session') return describe;
  // The declaration is the check, so the document cannot say "secret key" while the code lets a
  // publishable key in (or the reverse).
  return Object.assign(contract.auth === 'secret' ? requireSecret() : requireSession(), {
    [uniqueSymbol]: (describe as unknown as Record<symbol, unknown>)[uniqueSymbol],
  });
}
