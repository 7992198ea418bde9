/**
 * @module The people of a business: inviting (a one-time link), changing role and resources,
 * removing (their sessions end at once). A business always keeps at least one owner.
 */
import type { Role, User, UserInput, UserUpdate } from '@frontdesk/core';
import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type * as z from 'zod/mini';
import type { Db } from '../db/open.js';
import { resources, users } from '../db/schema.js';
import { fieldError, invalidState, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { toInstant } from '../time.js';
import { issueAccountToken } from './account-tokens.js';
import { appendEvent } from './events.js';
import { decodeCursor, type Page, pageOf } from './pagination.js';
import { revokeSessionsOf } from './sessions.js';

export type UserRow = typeof users.$inferSelect;

export function userToWire(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    resourceIds: row.resourceIds,
    active: row.passwordHash !== null,
    createdAt: toInstant(row.createdAt),
  };
}

/** What goes into the event log about a person: no password hash, nothing secret. */
const userEventPayload = (row: UserRow) => ({
  id: row.id,
  email: row.email,
  role: row.role,
  resourceIds: row.resourceIds,
});

/** A person of this business who has not been removed, or 404. */
export async function getUserRow(db: Db, businessId: string, id: string): Promise<UserRow> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.businessId, businessId), eq(users.id, id), isNull(users.removedAt)));
  if (!row) throw notFound('User');
  return row;
}

/** The person signing in with `email` (any business), or undefined. */
export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.email, email.trim().toLowerCase()), isNull(users.removedAt)));
  return row;
}

export async function listUsers(
  db: Db,
  businessId: string,
  options: { cursor?: string | undefined; limit?: number | undefined },
): Promise<Page<User>> {
  const limit = options.limit ?? 50;
  const after = decodeCursor(options.cursor);
  const rows = await db
    .select()
    .from(users)
    .where(
      and(eq(users.businessId, businessId), isNull(users.removedAt), after ? gt(users.id, after) : undefined),
    )
    .orderBy(users.id)
    .limit(limit + 1);
  return pageOf(rows, limit, userToWire);
}

/** Staff may only be linked to live resources of their own business. */
async function checkResources(tx: Db, businessId: string, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return unique;
  const found = await tx
    .select({ id: resources.id })
    .from(resources)
    .where(
      and(eq(resources.businessId, businessId), inArray(resources.id, unique), isNull(resources.deletedAt)),
    );
  if (found.length !== unique.length) {
    throw fieldError('resourceIds', 'Every resource must be one of this business', 'unknown_resource');
  }
  return unique;
}

async function checkEmailFree(tx: Db, email: string): Promise<void> {
  if (await findUserByEmail(tx, email)) {
    throw fieldError('email', 'Someone already signs in with this email', 'taken');
  }
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  resourceIds: string[];
  /** Set directly (the CLI's `--password-stdin`, the demo); otherwise the person gets a link. */
  passwordHash?: string | null;
}

/** Creates a person without a link (the CLI, the demo). Call inside a write transaction. */
export async function createUser(tx: Db, businessId: string, input: NewUser, now: number): Promise<UserRow> {
  await checkEmailFree(tx, input.email);
  const row: UserRow = {
    id: newId('usr', now),
    businessId,
    email: input.email.trim().toLowerCase(),
    name: input.name,
    role: input.role,
    resourceIds: input.role === 'staff' ? await checkResources(tx, businessId, input.resourceIds) : [],
    passwordHash: input.passwordHash ?? null,
    createdAt: now,
    updatedAt: now,
    removedAt: null,
  };
  await tx.insert(users).values(row);
  await appendEvent(tx, {
    businessId,
    type: 'user.created',
    subjectId: row.id,
    payload: userEventPayload(row),
    now,
  });
  return row;
}

/** Invites someone: creates their account and a one-time link (7 days) to choose a password. */
export async function inviteUser(
  tx: Db,
  businessId: string,
  input: z.output<typeof UserInput>,
  consoleUrl: string,
  now: number,
) {
  const row = await createUser(tx, businessId, { ...input, passwordHash: null }, now);
  const invitation = await issueAccountToken(tx, row, 'invite', consoleUrl, now);
  return { ...userToWire(row), invitation };
}

/** A fresh link for someone who has not accepted theirs yet (the old link stops working). */
export async function reinviteUser(tx: Db, businessId: string, id: string, consoleUrl: string, now: number) {
  const row = await getUserRow(tx, businessId, id);
  if (row.passwordHash !== null) throw invalidState('This person has already chosen a password');
  const invitation = await issueAccountToken(tx, row, 'invite', consoleUrl, now);
  return { ...userToWire(row), invitation };
}

async function ownerCount(tx: Db, businessId: string): Promise<number> {
  const owners = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.businessId, businessId), eq(users.role, 'owner'), isNull(users.removedAt)));
  return owners.length;
}

export async function updateUser(
  tx: Db,
  businessId: string,
  id: string,
  patch: UserUpdate,
  now: number,
): Promise<User> {
  const row = await getUserRow(tx, businessId, id);
  if (row.role === 'owner' && patch.role === 'staff' && (await ownerCount(tx, businessId)) <= 1) {
    throw invalidState('A business needs at least one owner: make someone else owner first');
  }
  const role = patch.role ?? row.role;
  const resourceIds =
    role === 'owner'
      ? []
      : patch.resourceIds !== undefined
        ? await checkResources(tx, businessId, patch.resourceIds)
        : row.resourceIds;
  const next: UserRow = { ...row, name: patch.name ?? row.name, role, resourceIds, updatedAt: now };
  await tx
    .update(users)
    .set({ name: next.name, role: next.role, resourceIds: next.resourceIds, updatedAt: now })
    .where(eq(users.id, id));
  await appendEvent(tx, {
    businessId,
    type: 'user.updated',
    subjectId: id,
    payload: userEventPayload(next),
    now,
  });
  return userToWire(next);
}

/** Removes a person: they cannot sign in any more, and every session of theirs ends now. */
export async function removeUser(tx: Db, businessId: string, id: string, now: number): Promise<void> {
  const row = await getUserRow(tx, businessId, id);
  if (row.role === 'owner' && (await ownerCount(tx, businessId)) <= 1) {
    throw invalidState('A business needs at least one owner: this is the last one');
  }
  await tx.update(users).set({ removedAt: now, updatedAt: now }).where(eq(users.id, id));
  await revokeSessionsOf(tx, id, now);
  await appendEvent(tx, {
    businessId,
    type: 'user.removed',
    subjectId: id,
    payload: userEventPayload(row),
    now,
  });
}

/** Sets a new password hash (the caller has checked the rules), and the name when given. */
export async function setPasswordHash(
  tx: Db,
  id: string,
  passwordHash: string,
  now: number,
  name?: string,
): Promise<void> {
  await tx
    .update(users)
    .set({ passwordHash, updatedAt: now, ...(name !== undefined ? { name } : {}) })
    .where(eq(users.id, id));
}
