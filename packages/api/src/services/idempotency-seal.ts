/**
 * @module Sealing stored idempotent answers. A 201 answer holds live secrets (a booking's manage
 * token, a reservation token) and customer details, so the `idempotency_keys` row must be useless
 * to whoever reads the database or a backup. Only the client that made the request knows the raw
 * Idempotency-Key; everything stored is derived from it:
 * - the key column holds `sha256(key)`, never the key;
 * - the answer is AES-256-GCM encrypted under HKDF-SHA256(key, salt = business id);
 * - the request fingerprint is an HMAC under a second HKDF output, so a reader cannot confirm a
 *   guessed request body either.
 * A real replay presents the key, so it can still open the first answer.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { sha256 } from '../ids.js';

/** Prefix of a sealed body; rows written before sealing (plain JSON) never start with it. */
const SEALED_PREFIX = 'v1.';

export interface AnswerSeal {
  /** What the key column stores. */
  storedKey: string;
  /** What the request-hash column stores for this request fingerprint. */
  requestHash(fingerprint: string): string;
  seal(plaintext: string): string;
  /** The plaintext, or undefined when the body is not ours to open (tampered, or another key). */
  open(stored: string): string | undefined;
}

function derive(key: string, businessId: string, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, businessId, `frontdesk idempotency ${info}`, 32));
}

/** The seal for one (business, Idempotency-Key). */
export function answerSeal(businessId: string, key: string): AnswerSeal {
  const encryptionKey = derive(key, businessId, 'answer v1');
  const macKey = derive(key, businessId, 'request v1');
  return {
    storedKey: sha256(key),
    requestHash: (fingerprint) => createHmac('sha256', macKey).update(fingerprint).digest('hex'),
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return `${SEALED_PREFIX}${iv.toString('base64url')}.${tag.toString('base64url')}.${data.toString('base64url')}`;
    },
    open(stored) {
      if (!stored.startsWith(SEALED_PREFIX)) return undefined;
      const [iv, tag, data] = stored.slice(SEALED_PREFIX.length).split('.');
      if (iv === undefined || tag === undefined || data === undefined) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', encryptionKey, Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        const plain = Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]);
        return plain.toString('utf8');
      } catch {
        return undefined;
      }
    },
  };
}

/** Whether a stored body was written before answers were sealed (plain JSON, raw key column). */
export function isLegacyBody(stored: string): boolean {
  return !stored.startsWith(SEALED_PREFIX);
}

/**
 * What replaces a stored answer that named an erased customer (see `services/customer-erasure.ts`).
 * Neither sealed nor JSON, so no other reading of a row mistakes it for an answer.
 */
export const ERASED_ANSWER = 'erased';

/** Whether a stored answer was erased with its customer's personal data. */
export function isErasedAnswer(stored: string): boolean {
  return stored === ERASED_ANSWER;
}
