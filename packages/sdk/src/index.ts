/**
 * @module The public surface of @frontdesk/sdk: the client, its errors and guards, and the wire
 * types. Re-exports only.
 */
export { type ClientOptions, createClient, type FrontdeskClient } from './client.js';
export { ApiError, type ApiErrorName } from './errors/api-error.js';
export { AuthenticationError } from './errors/authentication-error.js';
export { CutoffPassedError } from './errors/cutoff-passed-error.js';
export { FrontdeskError, type FrontdeskErrorName } from './errors/frontdesk-error.js';
export * from './errors/guards.js';
export { IdempotencyConflictError } from './errors/idempotency-conflict-error.js';
export { InsufficientStockError } from './errors/insufficient-stock-error.js';
export { InvalidStateError } from './errors/invalid-state-error.js';
export { NetworkError } from './errors/network-error.js';
export { NotFoundError } from './errors/not-found-error.js';
export { PermissionError } from './errors/permission-error.js';
export { RateLimitError } from './errors/rate-limit-error.js';
export { SlotUnavailableError } from './errors/slot-unavailable-error.js';
export { TimeoutError } from './errors/timeout-error.js';
export { ValidationError } from './errors/validation-error.js';
export { newIdempotencyKey } from './http/idempotency-key.js';
export type { PagePromise } from './http/page.js';
export type { RetryEvent, RetryOptions } from './http/retry.js';
export type { CreateOptions, ManageOptions, RequestOptions } from './http/transport.js';
export type * from './types.js';
