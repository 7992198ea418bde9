/**
 * @module `client.messages`: the mail Frontdesk sent, queued, failed, skipped or (without SMTP)
 * kept unsent, each with its rendered preview (secret key).
 */
import type { RequestOptions, Transport } from '../http/transport.js';
import type { Message, MessageListQuery } from '../types.js';

/**
 * The messages resource.
 *
 * @example
 * ```ts
 * const { data } = await client.messages.list({ status: 'failed' });
 * ```
 */
export const messages = (t: Transport) => ({
  /**
   * Lists messages, oldest first (`order: 'newest'` for newest first), optionally of one status,
   * kind or booking.
   *
   * @example
   * ```ts
   * for await (const message of client.messages.list({ status: 'not_sent' })) console.log(message.subject);
   * ```
   */
  list: (query?: MessageListQuery, options?: RequestOptions) => t.list<Message>('messages', query, options),
});
