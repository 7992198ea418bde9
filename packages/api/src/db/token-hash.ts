/**
 * @module The column for a secret's SHA-256 that is stored once per row of a large table (a
 * booking's manage token): 32 raw bytes, not 64 hex characters. A booking is read by its id and its
 * hash compared, so the bytes are all it needs; at a million bookings the hex form cost some 32 MB.
 *
 * The SQL type stays `text` on purpose: the column was made as text, SQLite keeps a BLOB as is in a
 * text column, and a changed declared type would make drizzle-kit copy the whole table. Rows
 * written before migration 0014 held hex; that migration turned them into bytes (`unhex`), and a
 * hex string read from anywhere else (an older backup being checked) is still understood.
 */
import { timingSafeEqual } from 'node:crypto';
import { customType } from 'drizzle-orm/sqlite-core';

/** A stored hash as its bytes, whichever form the driver answers it in. */
export function tokenHashBytes(stored: unknown): Buffer {
  if (typeof stored === 'string') return Buffer.from(stored, 'hex');
  if (stored instanceof Uint8Array) return Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  if (stored instanceof ArrayBuffer) return Buffer.from(stored);
  const view = stored as ArrayBufferView;
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}

/** Whether two hashes are the same (in constant time: the stored one is a secret's). */
export function sameTokenHash(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && timingSafeEqual(a, b);
}

/** A SHA-256 hash column: a Buffer in JS, a 32-byte BLOB in the file. */
export const tokenHash = customType<{ data: Buffer; driverData: Uint8Array | string }>({
  dataType: () => 'text',
  toDriver: (value) => value,
  fromDriver: (stored) => tokenHashBytes(stored),
});
