/**
 * @module Booking with stock: a service may use products (a helmet for a bike rental, a bottle of
 * dye for a colouring). `reserveForBooking` is called by the booking service INSIDE its write
 * transaction, so the booking and the stock reservation happen together or not at all;
 * `releaseForBooking` gives the units back when the booking is cancelled.
 */
import type { Customer, ServiceProduct } from '@frontdesk/core';
import { availableUnits } from '@frontdesk/core';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { prepared } from '../db/prepared.js';
import { locations, reservations, serviceProducts } from '../db/stock-schema.js';
import { ApiError, validationFailed } from '../errors.js';
import { getService } from './catalog.js';
import { holdUnits, releaseReservation } from './reservations.js';
import { findProduct, liveReserved, locationExists, onHandAt } from './stock.js';

/** Units reserved for a booking stay held this long after the booking ends, then free themselves. */
export const bookingReservationGraceMs = 24 * 60 * 60_000;

export async function listServiceProducts(
  db: Db,
  businessId: string,
  serviceId: string,
): Promise<ServiceProduct[]> {
  await getService(db, businessId, serviceId);
  const rows = await db
    .select()
    .from(serviceProducts)
    .where(and(eq(serviceProducts.businessId, businessId), eq(serviceProducts.serviceId, serviceId)))
    .orderBy(asc(serviceProducts.sku));
  return rows.map((r) => ({ sku: r.sku, locationId: r.locationId, quantity: r.quantity }));
}

/** Replaces the products a service uses. Unknown SKUs or locations are 422. */
export async function setServiceProducts(
  tx: Db,
  businessId: string,
  serviceId: string,
  items: readonly ServiceProduct[],
): Promise<ServiceProduct[]> {
  await getService(tx, businessId, serviceId);
  const errors = [];
  const seen = new Set<string>();
  for (const [i, item] of items.entries()) {
    if (seen.has(item.sku)) errors.push({ path: `${i}.sku`, message: 'Listed twice', code: 'duplicate' });
    seen.add(item.sku);
    if (!(await findProduct(tx, businessId, item.sku))) {
      errors.push({ path: `${i}.sku`, message: `Unknown product ${item.sku}`, code: 'unknown_sku' });
    }
    if (item.locationId !== null && !(await locationExists(tx, businessId, item.locationId))) {
      errors.push({ path: `${i}.locationId`, message: 'Unknown location', code: 'unknown_location' });
    }
  }
  if (errors.length > 0) throw validationFailed(errors);
  await tx
    .delete(serviceProducts)
    .where(and(eq(serviceProducts.businessId, businessId), eq(serviceProducts.serviceId, serviceId)));
  if (items.length > 0) {
    await tx.insert(serviceProducts).values(items.map((item) => ({ businessId, serviceId, ...item })));
  }
  return listServiceProducts(tx, businessId, serviceId);
}

/** The first active location (by id) where `quantity` of `sku` is available at `now`. */
async function locationWithStock(tx: Db, businessId: string, sku: string, quantity: number, now: number) {
  const candidates = await tx
    .select({ id: locations.id })
    .from(locations)
    .where(and(eq(locations.businessId, businessId), eq(locations.active, true)))
    .orderBy(asc(locations.id));
  for (const { id } of candidates) {
    const available = availableUnits(
      await onHandAt(tx, businessId, sku, id),
      await liveReserved(tx, businessId, sku, id, now),
    );
    if (available >= quantity) return id;
  }
  throw new ApiError(409, 'insufficient_stock', { detail: `Not enough ${sku} in stock for this service` });
}

/**
 * The products a service uses, prepared once per handle: every booking asks, and building the
 * query each time cost more than running it (it was the last SQL built per booking).
 */
const productsOfService = (tx: Db) =>
  prepared(tx, 'booking:service-products', (d) =>
    d
      .select()
      .from(serviceProducts)
      .where(
        and(
          eq(serviceProducts.businessId, sql.placeholder('businessId')),
          eq(serviceProducts.serviceId, sql.placeholder('serviceId')),
        ),
      )
      .prepare(),
  );

export interface BookingStockRequest {
  businessId: string;
  serviceId: string;
  bookingId: string;
  customer: Customer;
  /** End of the booked appointment (epoch ms). */
  end: number;
  now: number;
}

/**
 * Reserves every product the service uses for this booking, in the booking's transaction. Throws
 * 409 `insufficient_stock` (and so rolls the booking back) when one is short. Does nothing for a
 * service without products.
 */
export async function reserveForBooking(tx: Db, request: BookingStockRequest): Promise<string[]> {
  const { businessId, now } = request;
  const needs = await productsOfService(tx).all({ businessId, serviceId: request.serviceId });
  const ids: string[] = [];
  for (const need of needs) {
    const locationId =
      need.locationId ?? (await locationWithStock(tx, businessId, need.sku, need.quantity, now));
    const { row } = await holdUnits(
      tx,
      businessId,
      {
        sku: need.sku,
        locationId,
        quantity: need.quantity,
        customer: request.customer,
        expiresAt: Math.max(request.end, now) + bookingReservationGraceMs,
        bookingId: request.bookingId,
      },
      now,
    );
    ids.push(row.id);
  }
  return ids;
}

/** Releases the live reservations of a booking (on cancel). Already collected ones stay collected. */
export async function releaseForBooking(
  tx: Db,
  businessId: string,
  bookingId: string,
  now: number,
): Promise<void> {
  const rows = await tx
    .select({ id: reservations.id })
    .from(reservations)
    .where(
      and(
        eq(reservations.businessId, businessId),
        eq(reservations.bookingId, bookingId),
        eq(reservations.status, 'active'),
      ),
    );
  for (const { id } of rows) await releaseReservation(tx, businessId, id, now);
}

/** Moves the hold of a rescheduled booking's products to the new end (plus the same grace). */
export async function moveForBooking(
  tx: Db,
  businessId: string,
  bookingId: string,
  end: number,
  now: number,
) {
  await tx
    .update(reservations)
    .set({ expiresAt: Math.max(end, now) + bookingReservationGraceMs, updatedAt: now })
    .where(
      and(
        eq(reservations.businessId, businessId),
        eq(reservations.bookingId, bookingId),
        eq(reservations.status, 'active'),
      ),
    );
}
