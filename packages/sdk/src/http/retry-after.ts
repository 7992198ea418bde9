/**
 * @module Reads a `Retry-After` header: delta seconds or an HTTP date (RFC 9110 §10.2.3).
 */

/**
 * Milliseconds to wait according to a `Retry-After` value, or `undefined` when it is unreadable.
 * A date in the past means "now" (0).
 *
 * @example
 * ```ts
 * parseRetryAfter('2'); // 2000
 * parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT'); // ms until then
 * ```
 */
export function parseRetryAfter(value: string, now: number = Date.now()): number | undefined {
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
