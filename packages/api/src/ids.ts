/**
 * @module Ids, secrets and hashes. Ids sort by creation time (a base36 timestamp, then randomness),
 * so `ORDER BY id` pages through rows oldest first without a second sort column.
 */
import { createHash, randomFillSync } from 'node:crypto';

const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** CSPRNG bytes drawn from a pool refilled 4 KB at a time (one call per ~100 ids, not per id). */
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;
function randomByte(): number {
  if (poolOffset >= pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  return pool[poolOffset++]!;
}

/** `length` base62 characters from the CSPRNG (rejection sampling keeps them uniform). */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    const byte = randomByte();
    if (byte < 248) out += base62[byte % 62];
  }
  return out;
}

let lastTime = 0;
let sequence = 0;

/**
 * A new id such as `bkg_0m3x4k2a1000Q7f…`: prefix, 9 base36 timestamp characters, a 3-character
 * sequence (so ids made in the same millisecond by this process still sort in creation order),
 * 10 random base62 characters.
 */
export function newId(prefix: string, now = Date.now()): string {
  if (now > lastTime) {
    lastTime = now;
    sequence = 0;
  } else {
    sequence = (sequence + 1) % 46_656;
  }
  const time = lastTime.toString(36).padStart(9, '0');
  return `${prefix}_${time}${sequence.toString(36).padStart(3, '0')}${randomBase62(10)}`;
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

/** SHA-256 as its 32 bytes: for hashes stored once per booking (see db/token-hash.ts). */
export function sha256Bytes(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
