/**
 * @module Ids, secrets and hashes. Ids sort by creation time (a base36 timestamp, then randomness),
 * so `ORDER BY id` pages through rows oldest first without a second sort column.
 */
import { createHash, randomBytes } from 'node:crypto';

const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `length` base62 characters from the CSPRNG (rejection sampling keeps them uniform). */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += base62[byte % 62];
    }
  }
  return out;
}

/** A new id such as `bkg_0m3x4k2a1Q7f…`: prefix, 9 base36 timestamp characters, 12 random ones. */
export function newId(prefix: string, now = Date.now()): string {
  return `${prefix}_${now.toString(36).padStart(9, '0')}${randomBase62(12)}`;
}

/** A secret with 32 base62 characters (about 190 bits): API keys and manage tokens. */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBase62(32)}`;
}

/**
 * SHA-256, hex. Secrets are stored only as this hash. They are random with ≥ 128 bits of entropy,
 * so a fast hash is enough: there is no dictionary to try, which is what slow hashes defend against.
 */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
