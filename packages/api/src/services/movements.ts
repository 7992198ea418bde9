/**
 * @module Reading the movement ledger (secret key): every change to on-hand, oldest first.
 */
import type { Movement, MovementListQuery } from '@frontdesk/core';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { stockMovements } from '../db/stock-schema.js';
import { toInstant } from '../time.js';
import { decodeCursor, type Page, pageOf } from './pagination.js';

type MovementRow = typeof stockMovements.$inferSelect;

export function toMovement(row: MovementRow): Movement {
  return {
    id: row.id,
    sku: row.sku,
    locationId: row.locationId,
    delta: row.delta,
    reason: row.reason,
    note: row.note,
    source: row.source,
    eventId: row.eventId,
    occurredAt: toInstant(row.occurredAt),
    createdAt: toInstant(row.createdAt),
  };
}

export async function listMovements(
  db: Db,
  businessId: string,
  query: MovementListQuery,
): Promise<Page<Movement>> {
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor);
  const rows = await db
    .select()
    .from(stockMovements)
    .where(
      and(
        eq(stockMovements.businessId, businessId),
        after ? gt(stockMovements.id, after) : undefined,
        query.sku ? eq(stockMovements.sku, query.sku) : undefined,
        query.location ? eq(stockMovements.locationId, query.location) : undefined,
      ),
    )
    .orderBy(asc(stockMovements.id))
    .limit(limit + 1);
  return pageOf(rows, limit, toMovement);
}
