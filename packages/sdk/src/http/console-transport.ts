/**
 * @module The transport of a console session: the browser's cookie instead of a key, to this same
 * origin, with the CSRF header the API requires of cookie-authenticated calls (a form cannot send
 * it). Its own file so that every console client (`@frontdesk/sdk/console`, and the console's
 * clients on other subpaths such as `createConsoleWebhookClient`) builds the same transport without
 * one importing the other.
 */
import type { ClientOptions } from '../client.js';
import { Transport } from './transport.js';

/** The header the API requires of every cookie-authenticated call (a form cannot send it). */
export const CSRF_HEADER = 'X-Frontdesk-CSRF';

/**
 * A transport authenticated by the browser's session cookie.
 *
 * @example
 * ```ts
 * const transport = consoleTransport({ baseUrl: location.origin });
 * ```
 */
export function consoleTransport(options: Omit<ClientOptions, 'key'>): Transport {
  return new Transport({ ...options, session: true, headers: { ...options.headers, [CSRF_HEADER]: '1' } });
}
