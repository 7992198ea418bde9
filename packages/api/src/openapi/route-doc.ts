/**
 * @module The shape of one documented route. The route tables list every route with the core
 * schemas it reads and answers; `document.ts` turns them into OpenAPI 3.1. One source of truth:
 * the same schemas validate requests at runtime.
 */
import type * as z from 'zod/mini';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteDoc {
  method: HttpMethod;
  /** OpenAPI-style path, `/v1/bookings/{id}`. */
  path: string;
  summary: string;
  tag: string;
  /**
   * `none`: no key; `any`: publishable or secret key; `secret`: secret key only (or a console
   * session, which acts with a secret key's powers; staff narrowed); `session`: a console session
   * only (the cookie), never a key.
   */
  auth: 'none' | 'any' | 'secret' | 'session';
  query?: z.ZodMiniType;
  body?: z.ZodMiniType;
  /** The success answer; `schema` absent means no body (204) or a non-JSON one (`contentType`). */
  response: { status: number; schema?: z.ZodMiniType; contentType?: string; description?: string };
  /** Accepts `Idempotency-Key`. */
  idempotent?: boolean;
  /** Counted by the public-write rate limit (may answer 429). */
  rateLimited?: boolean;
}
