/**
 * @module Fresh idempotency keys for create calls.
 */

/**
 * A random UUID v4. Uses `crypto.randomUUID` where it exists; pages served over plain http are not
 * a secure context and lack it, but have `crypto.getRandomValues`.
 *
 * @example
 * ```ts
 * await client.bookings.create(input, { idempotencyKey: newIdempotencyKey() });
 * ```
 */
export function newIdempotencyKey(): string {
  const { crypto } = globalThis;
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
