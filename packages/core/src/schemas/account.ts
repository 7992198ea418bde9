/**
 * @module People of a business (owners and staff) and their sessions: who may sign in to the
 * console, what they may do, and the one-time links (set-up, invitations) that let them in.
 * Customers have no accounts (they hold a manage token); integrations use keys.
 */
import * as z from 'zod/mini';
import { Id, Instant, requiredText, text } from './common.js';

/** `owner`: everything. `staff`: the agenda and bookings of the resources linked to them. */
export const Role = z.enum(['owner', 'staff']);
export type Role = z.infer<typeof Role>;

/** An email address, compared case-insensitively (stored lower case). */
export const Email = z.email().check(z.maxLength(254), z.toLowerCase());

export const User = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  role: Role,
  /** The resources a staff member works with (their agenda); empty for owners. */
  resourceIds: z.array(Id),
  /** Whether the person has chosen a password (an invitation not yet accepted: false). */
  active: z.boolean(),
  createdAt: Instant,
});
export type User = z.infer<typeof User>;

/** Inviting someone: they get a one-time link to choose a password. */
export const UserInput = z.strictObject({
  email: Email,
  name: z._default(text(200), ''),
  role: z._default(Role, 'staff'),
  resourceIds: z._default(z.array(Id).check(z.maxLength(100)), []),
});
export type UserInput = z.input<typeof UserInput>;

export const UserUpdate = z.partial(
  z.strictObject({
    name: text(200),
    role: Role,
    resourceIds: z.array(Id).check(z.maxLength(100)),
  }),
);
export type UserUpdate = z.infer<typeof UserUpdate>;

/** A one-time link: the set-up link of a new business's owner, or an invitation. */
export const Invitation = z.object({
  /** The console page to open; the token travels in its fragment, never to a server log. */
  url: z.string(),
  expiresAt: Instant,
});
export type Invitation = z.infer<typeof Invitation>;

/** Answer to inviting someone: the account and the link to give them. */
export const InvitedUser = z.extend(User, { invitation: Invitation });
export type InvitedUser = z.infer<typeof InvitedUser>;

/** A password: at least 10 characters (checked further against common passwords by the API). */
export const Password = text(200).check(z.minLength(10, 'Use at least 10 characters'));

export const SignInInput = z.strictObject({
  email: text(254),
  password: text(200),
});
export type SignInInput = z.infer<typeof SignInInput>;

export const PasswordChangeInput = z.strictObject({
  currentPassword: text(200),
  newPassword: Password,
});
export type PasswordChangeInput = z.infer<typeof PasswordChangeInput>;

export const InvitationToken = z.strictObject({ token: requiredText(200) });
export type InvitationToken = z.infer<typeof InvitationToken>;

/** What a one-time link is for, shown before the person chooses a password. */
export const InvitationInfo = z.object({
  email: z.string(),
  name: z.string(),
  role: Role,
  businessName: z.string(),
  /** `setup`: the first owner of a new business; `invite`: someone the owner invited. */
  purpose: z.enum(['setup', 'invite']),
  expiresAt: Instant,
});
export type InvitationInfo = z.infer<typeof InvitationInfo>;

export const InvitationAcceptInput = z.strictObject({
  token: requiredText(200),
  password: Password,
  name: z.optional(text(200)),
});
export type InvitationAcceptInput = z.infer<typeof InvitationAcceptInput>;

/** The signed-in person, their business, and until when the session lasts. */
export const SessionInfo = z.object({
  user: User,
  business: z.object({ id: Id, name: z.string(), timezone: z.string() }),
  /** When the session ends if unused (idle limit), and at the latest (absolute limit). */
  idleExpiresAt: Instant,
  expiresAt: Instant,
});
export type SessionInfo = z.infer<typeof SessionInfo>;
