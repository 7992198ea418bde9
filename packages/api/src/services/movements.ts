/**
 * @module Reading the movement ledger (secret key): every change to on-hand, oldest first.
 */
import type { Movement, MovementListQuery } from '@frontdesk/core';
import { and, asc, eq, getTableColumns, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { stockMovements } from '../db/stock-schema.js';
import { toInstant } from '../time.js';
import { decodeCursor, encodeCursor, type Page } from './pagination.js';

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

/**
 * The ledger in the order it was written. Ids made in the same millisecond do not sort in write
 * order, so pages follow SQLite's rowid (monotonic for an append-only table), as the cursor.
 */
export async function listMovements(
  db: Db,
  businessId: string,
  query: MovementListQuery,
): Promise<Page<Movement>> {
  const limit = query.limit ?? 50;
  const after = Number(decodeCursor(query.cursor) ?? 0) || 0;
  const seq = sql<number>`${stockMovements}.rowid`;
  const rows = await db
    .select({ ...getTableColumns(stockMovements), seq })
    .from(stockMovements)
    .where(
      and(
        eq(stockMovements.businessId, businessId),
        after > 0 ? gt(seq, after) : undefined,
        query.sku ? eq(stockMovements.sku, query.sku) : undefined,
        query.location ? eq(stockMovements.locationId, query.location) : undefined,
      ),
    )
    .orderBy(asc(seq))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    data: items.map(({ seq: _seq, ...row }) => toMovement(row)),
    nextCursor: rows.length > limit && last ? encodeCursor(String(last.seq)) : null,
  };
}
