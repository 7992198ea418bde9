/**
 * @module The business's stock settings: how long a reservation lasts, and the limits on what a
 * publishable key (a customer, or anyone with the page's key) may reserve. A business that never
 * changed them has no row: the defaults apply.
 */
import type { StockSettings, StockSettingsUpdate } from '@frontdesk/core';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { stockSettings } from '../db/stock-schema.js';

export const defaultStockSettings: StockSettings = {
  reservationMinutes: 24 * 60,
  maxUnitsPerReservation: 5,
  maxLiveReservationsPerClient: 3,
};

export async function getStockSettings(db: Db, businessId: string): Promise<StockSettings> {
  const [row] = await db.select().from(stockSettings).where(eq(stockSettings.businessId, businessId));
  if (!row) return { ...defaultStockSettings };
  return {
    reservationMinutes: row.reservationMinutes,
    maxUnitsPerReservation: row.maxUnitsPerReservation,
    maxLiveReservationsPerClient: row.maxLiveReservationsPerClient,
  };
}

/** Changes the settings the patch names; the others keep their value. */
export async function updateStockSettings(
  tx: Db,
  businessId: string,
  patch: StockSettingsUpdate,
): Promise<StockSettings> {
  const current = await getStockSettings(tx, businessId);
  const next: StockSettings = {
    reservationMinutes: patch.reservationMinutes ?? current.reservationMinutes,
    maxUnitsPerReservation: patch.maxUnitsPerReservation ?? current.maxUnitsPerReservation,
    maxLiveReservationsPerClient: patch.maxLiveReservationsPerClient ?? current.maxLiveReservationsPerClient,
  };
  await tx
    .insert(stockSettings)
    .values({ businessId, ...next })
    .onConflictDoUpdate({ target: stockSettings.businessId, set: next });
  return next;
}
