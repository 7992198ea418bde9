/**
 * @module `desk.session`: signing in and out of the console. The session lives in an HttpOnly
 * cookie the browser keeps; nothing here ever sees or returns the session id.
 */
import type { RequestOptions, Transport } from '../http/transport.js';
import type { PasswordChangeInput, SessionInfo } from '../types.js';

/**
 * The session resource (`createConsoleClient` only).
 *
 * @example
 * ```ts
 * const { user } = await desk.session.signIn('owner@salon.example', password);
 * ```
 */
export const session = (t: Transport) => ({
  /**
   * Signs in; the browser stores the cookie. A wrong email or password throws `AuthenticationError`;
   * too many failures throw `RateLimitError` (see `retryAfter`).
   *
   * @example
   * ```ts
   * await desk.session.signIn(email, password);
   * ```
   */
  signIn: (email: string, password: string, options?: RequestOptions) =>
    t.request<SessionInfo>({
      method: 'POST',
      path: 'session',
      body: { email, password },
      signal: options?.signal,
    }),

  /**
   * Who is signed in (throws `AuthenticationError` when the session has ended).
   *
   * @example
   * ```ts
   * const { user, business } = await desk.session.current();
   * ```
   */
  current: (options?: RequestOptions) =>
    t.request<SessionInfo>({ method: 'GET', path: 'session', signal: options?.signal }),

  /**
   * Signs out of this browser.
   *
   * @example
   * ```ts
   * await desk.session.signOut();
   * ```
   */
  signOut: (options?: RequestOptions) =>
    t.request<void>({ method: 'DELETE', path: 'session', read: 'none', signal: options?.signal }),

  /**
   * Signs out everywhere: every session of this person ends, this one included.
   *
   * @example
   * ```ts
   * await desk.session.signOutEverywhere();
   * ```
   */
  signOutEverywhere: (options?: RequestOptions) =>
    t.request<void>({ method: 'DELETE', path: 'sessions', read: 'none', signal: options?.signal }),

  /**
   * Changes the password; every other session of this person ends.
   *
   * @example
   * ```ts
   * await desk.session.changePassword({ currentPassword, newPassword });
   * ```
   */
  changePassword: (input: PasswordChangeInput, options?: RequestOptions) =>
    t.request<void>({
      method: 'POST',
      path: 'session/password',
      body: input,
      read: 'none',
      signal: options?.signal,
    }),
});
