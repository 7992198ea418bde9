/**
 * @module Signing in with email and password, and the other ways a session starts (accepting a
 * link) or passwords change. An unknown email and a wrong password get the same answer after the
 * same work (a full scrypt against a decoy hash), so neither the words nor the timing tell whether
 * an account exists. Password hashing runs outside write transactions: it must not hold the writer.
 */
import type { InvitationAcceptInput, PasswordChangeInput } from '@frontdesk/core';
import type { Database } from '../db/open.js';
import { ApiError, fieldError } from '../errors.js';
import { consumeAccountToken } from './account-tokens.js';
import { appendEvent } from './events.js';
import { checkThrottle, clearAccountFailures, recordFailure, type ThrottleLimits } from './login-throttle.js';
import { checkNewPassword, decoyHash, hashPassword, verifyPassword } from './passwords.js';
import { openSession, revokeSession, revokeSessionsOf, type SessionRow } from './sessions.js';
import { findUserByEmail, setPasswordHash, type UserRow } from './users.js';

export interface Started {
  token: string;
  session: SessionRow;
  user: UserRow;
}

const wrongCredentials = () =>
  new ApiError(401, 'unauthorized', { detail: 'The email or the password is not right.' });

export async function signIn(
  database: Database,
  input: { email: string; password: string; address: string; previousSession?: string | undefined },
  limits: ThrottleLimits,
  clock: () => number,
): Promise<Started> {
  const email = input.email.trim().toLowerCase();
  await checkThrottle(database.db, email, input.address, limits, clock());
  const user = await findUserByEmail(database.db, email);
  const hash = user?.passwordHash ?? (await decoyHash());
  const matches = await verifyPassword(input.password, hash);
  if (!user || user.passwordHash === null || !matches) {
    await database.write((tx) => recordFailure(tx, email, input.address, limits, clock()));
    throw wrongCredentials();
  }
  return database.write(async (tx) => {
    const now = clock();
    await clearAccountFailures(tx, email);
    // A new id at every sign-in (no fixation): the session the browser had before ends here.
    if (input.previousSession) await revokeSession(tx, input.previousSession, now);
    const { token, row } = await openSession(tx, user, now);
    return { token, session: row, user };
  });
}

/** Accepts a set-up link or an invitation: sets the password and signs the person in. */
export async function acceptInvitation(
  database: Database,
  input: InvitationAcceptInput,
  clock: () => number,
): Promise<Started> {
  const passwordHash = await hashPassword(input.password);
  return database.write(async (tx) => {
    const now = clock();
    const user = await consumeAccountToken(tx, input.token, now);
    checkNewPassword(input.password, 'password', user.email);
    const named = input.name !== undefined && input.name.trim() !== '' ? input.name.trim() : user.name;
    await setPasswordHash(tx, user.id, passwordHash, now, named);
    await appendEvent(tx, {
      businessId: user.businessId,
      type: 'user.activated',
      subjectId: user.id,
      payload: { id: user.id, email: user.email, role: user.role },
      now,
      actor: user.id,
    });
    const next = { ...user, name: named, passwordHash };
    const { token, row } = await openSession(tx, next, now);
    return { token, session: row, user: next };
  });
}

/** Changes the signed-in person's password; every other session of theirs ends. */
export async function changePassword(
  database: Database,
  user: UserRow,
  sessionId: string,
  input: PasswordChangeInput,
  clock: () => number,
): Promise<void> {
  if (user.passwordHash === null || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw fieldError('currentPassword', 'This is not your current password', 'wrong_password');
  }
  checkNewPassword(input.newPassword, 'newPassword', user.email);
  const passwordHash = await hashPassword(input.newPassword);
  await database.write(async (tx) => {
    const now = clock();
    await setPasswordHash(tx, user.id, passwordHash, now);
    await revokeSessionsOf(tx, user.id, now, sessionId);
    await appendEvent(tx, {
      businessId: user.businessId,
      type: 'user.password_changed',
      subjectId: user.id,
      payload: { id: user.id },
      now,
    });
  });
}
