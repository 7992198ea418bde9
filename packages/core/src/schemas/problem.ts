/**
 * @module Errors on the wire: RFC 9457 problem details with a stable `code` that clients branch on.
 */
import * as z from 'zod/mini';

/** Stable error codes. New codes may be added; existing ones never change meaning. */
export const errorCodes = [
  'validation_failed',
  'invalid_json',
  'slot_unavailable',
  'insufficient_stock',
  'not_found',
  'unauthorized',
  'forbidden',
  'rate_limited',
  'idempotency_conflict',
  'invalid_state',
  'cutoff_passed',
  'payload_too_large',
  'unsupported_media_type',
  'method_not_allowed',
  'internal_error',
  'not_ready',
  'ambiguous_key',
] as const;
export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** One field that failed validation; `path` is dotted (`customer.email`, `items.0.sku`). */
export const FieldError = z.object({
  path: z.string(),
  message: z.string(),
  code: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  code: z.string(),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  requestId: z.optional(z.string()),
  errors: z.optional(z.array(FieldError)),
  /** Seconds to wait, on `rate_limited` (also in the `Retry-After` header). */
  retryAfter: z.optional(z.number()),
});
export type Problem = z.infer<typeof Problem>;
