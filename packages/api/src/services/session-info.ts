/**
 * @module The answer that describes a signed-in person: who, which business, until when.
 */
import type { SessionInfo } from '@frontdesk/core';
import type { Db } from '../db/open.js';
import { toInstant } from '../time.js';
import { getBusinessRow } from './business.js';
import { idleExpiry, type SessionRow } from './sessions.js';
import { type UserRow, userToWire } from './users.js';

export async function sessionInfo(db: Db, user: UserRow, session: SessionRow): Promise<SessionInfo> {
  const business = await getBusinessRow(db, user.businessId);
  return {
    user: userToWire(user),
    business: { id: business.id, name: business.name, timezone: business.timezone },
    idleExpiresAt: toInstant(idleExpiry(session)),
    expiresAt: toInstant(session.expiresAt),
  };
}
