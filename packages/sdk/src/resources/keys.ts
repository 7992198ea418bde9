/**
 * @module `client.keys`: the business's API keys (secret key).
 */
import { type RequestOptions, segment, type Transport } from '../http/transport.js';
import type { ApiKey, ApiKeyInput, CreatedApiKey, ListQuery } from '../types.js';

/**
 * The keys resource.
 *
 * @example
 * ```ts
 * const { secret } = await client.keys.create({ kind: 'publishable', allowedOrigins: ['https://shop.example'] });
 * ```
 */
export const keys = (t: Transport) => ({
  /**
   * Lists keys (never their secrets; `prefix` helps recognise them).
   *
   * @example
   * ```ts
   * for await (const key of client.keys.list()) console.log(key.prefix, key.revokedAt);
   * ```
   */
  list: (query?: ListQuery, options?: RequestOptions) => t.list<ApiKey>('keys', query, options),

  /**
   * Creates a key. The answer's `secret` is the key itself, shown this once only.
   *
   * @example
   * ```ts
   * const { secret } = await client.keys.create({ kind: 'secret', label: 'POS sync' });
   * ```
   */
  create: (input: ApiKeyInput, options?: RequestOptions) =>
    t.request<CreatedApiKey>({ method: 'POST', path: 'keys', body: input, signal: options?.signal }),

  /**
   * Revokes a key: it stops working at once. Answers the key with its `revokedAt`.
   *
   * @example
   * ```ts
   * await client.keys.revoke(key.id);
   * ```
   */
  revoke: (id: string, options?: RequestOptions) =>
    t.request<ApiKey>({ method: 'DELETE', path: `keys/${segment(id)}`, signal: options?.signal }),
});
