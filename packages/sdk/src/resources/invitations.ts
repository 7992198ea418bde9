/**
 * @module `desk.invitations`: one-time links (a new business's set-up link, an invitation):
 * what they are for, and choosing a password with one (which signs the person in).
 */
import type { RequestOptions, Transport } from '../http/transport.js';
import type { InvitationInfo, SessionInfo } from '../types.js';

/**
 * The invitations resource (`createConsoleClient` only).
 *
 * @example
 * ```ts
 * const { email } = await desk.invitations.lookup(token);
 * ```
 */
export const invitations = (t: Transport) => ({
  /**
   * What the link is for; a used, replaced or expired link throws `NotFoundError`.
   *
   * @example
   * ```ts
   * const { businessName, purpose } = await desk.invitations.lookup(token);
   * ```
   */
  lookup: (token: string, options?: RequestOptions) =>
    t.request<InvitationInfo>({
      method: 'POST',
      path: 'invitations/lookup',
      body: { token },
      signal: options?.signal,
    }),

  /**
   * Chooses a password with the link, and signs in.
   *
   * @example
   * ```ts
   * await desk.invitations.accept({ token, password, name: 'Ana' });
   * ```
   */
  accept: (input: { token: string; password: string; name?: string }, options?: RequestOptions) =>
    t.request<SessionInfo>({
      method: 'POST',
      path: 'invitations/accept',
      body: input,
      signal: options?.signal,
    }),
});
