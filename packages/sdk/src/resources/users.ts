/**
 * @module `desk.users`: the people who sign in to the console (owner session or secret key).
 */
import { type RequestOptions, segment, type Transport } from '../http/transport.js';
import type { InvitedUser, ListQuery, User, UserInput, UserUpdate } from '../types.js';

const one = (id: string) => `users/${segment(id)}`;

/**
 * The users resource (`createConsoleClient` only).
 *
 * @example
 * ```ts
 * for await (const user of desk.users.list()) console.log(user.email, user.role);
 * ```
 */
export const users = (t: Transport) => ({
  /**
   * Lists the people of the business.
   *
   * @example
   * ```ts
   * const { data } = await desk.users.list();
   * ```
   */
  list: (query?: ListQuery, options?: RequestOptions) => t.list<User>('users', query, options),

  /**
   * Invites someone; the answer's `invitation.url` is their one-time link (valid 7 days).
   *
   * @example
   * ```ts
   * const { invitation } = await desk.users.invite({ email: 'ana@salon.example', resourceIds: ['res_1'] });
   * ```
   */
  invite: (input: UserInput, options?: RequestOptions) =>
    t.request<InvitedUser>({ method: 'POST', path: 'users', body: input, signal: options?.signal }),

  /**
   * Changes someone's name, role or resources.
   *
   * @example
   * ```ts
   * await desk.users.update(id, { role: 'owner' });
   * ```
   */
  update: (id: string, input: UserUpdate, options?: RequestOptions) =>
    t.request<User>({ method: 'PATCH', path: one(id), body: input, signal: options?.signal }),

  /**
   * Removes someone: they cannot sign in any more, and their sessions end.
   *
   * @example
   * ```ts
   * await desk.users.remove(id);
   * ```
   */
  remove: (id: string, options?: RequestOptions) =>
    t.request<void>({ method: 'DELETE', path: one(id), read: 'none', signal: options?.signal }),

  /**
   * A fresh link for someone who has not chosen a password yet (the old link stops working).
   *
   * @example
   * ```ts
   * const { invitation } = await desk.users.reinvite(id);
   * ```
   */
  reinvite: (id: string, options?: RequestOptions) =>
    t.request<InvitedUser>({
      method: 'POST',
      path: `${one(id)}/invitation`,
      body: {},
      signal: options?.signal,
    }),
});
