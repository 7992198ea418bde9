/**
 * @module API keys: publishable (`fd_pk_…`, safe in a page) and secret (`fd_sk_…`, server only).
 */
import * as z from 'zod/mini';
import { Id, Instant, singleLineCharacters, text, wellFormedText } from './common.js';

export const KeyKind = z.enum(['publishable', 'secret']);
export type KeyKind = z.infer<typeof KeyKind>;

/** An origin such as `https://shop.example`, or `*` for any. */
export const Origin = z
  .string()
  .check(
    z.regex(/^\*$|^https?:\/\/[^/\s]+$/, 'Expected an origin like https://example.com'),
    singleLineCharacters,
    wellFormedText,
  );

export const ApiKey = z.object({
  id: Id,
  kind: KeyKind,
  label: z.string(),
  /** The first characters of the key, to recognise it; the key itself is stored hashed. */
  prefix: z.string(),
  /** Browsers may use a publishable key only from these origins. */
  allowedOrigins: z.array(z.string()),
  /**
   * The whole key, for publishable keys only (they are public by design: every page that embeds
   * the widget shows one), so the console can show the embed snippet again. Never for secret keys.
   */
  publishableKey: z.optional(z.string()),
  /**
   * A secret key's own budget of rate-limited writes a minute; null: the server's default for
   * secret keys (600 unless the operator set another). Always null for publishable keys, which are
   * limited per key and client address instead.
   */
  rateLimitPerMinute: z.nullable(z.int()),
  createdAt: Instant,
  revokedAt: z.nullable(Instant),
});
export type ApiKey = z.infer<typeof ApiKey>;

/** Answer to creating a key: the only time the full `secret` is shown. */
export const CreatedApiKey = z.extend(ApiKey, { secret: z.string() });
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;

/** The most a secret key's own budget may be: about 170 writes a second. */
export const maxKeyRateLimitPerMinute = 10_000;

export const ApiKeyInput = z
  .strictObject({
    kind: KeyKind,
    label: z._default(text(200), ''),
    allowedOrigins: z._default(z.array(Origin).check(z.maxLength(50)), []),
    /** Secret keys only: rate-limited writes a minute for this key (default: the server's). */
    rateLimitPerMinute: z.optional(z.int().check(z.gte(1), z.lte(maxKeyRateLimitPerMinute))),
  })
  .check(
    z.refine((input) => input.rateLimitPerMinute === undefined || input.kind === 'secret', {
      message: 'Only secret keys have a budget of their own; publishable keys are limited per client address',
      path: ['rateLimitPerMinute'],
    }),
  );
export type ApiKeyInput = z.input<typeof ApiKeyInput>;
