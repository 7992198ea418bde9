/**
 * @module Click-and-collect reservations: holding units for a customer until they collect them
 * (on-hand goes down), release them, or the hold expires. Availability is re-checked inside the
 * write transaction, so concurrent customers can never reserve more than there is.
 */
import type { Customer, Reservation, ReservationInput, ReservationListQuery } from '@frontdesk/core';
import { availableUnits } from '@frontdesk/core';
import { and, asc, count, eq, gt, lte, min, or } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { reservations } from '../db/stock-schema.js';
import { ApiError, invalidState, notFound, validationFailed } from '../errors.js';
import { newId, newSecret, sha256 } from '../ids.js';
import { toInstant } from '../time.js';
import { appendEvent } from './events.js';
import { decodeCursor, type Page, pageOf } from './pagination.js';
import {
  applyStockChange,
  findProduct,
  liveReserved,
  locationExists,
  onHandAt,
  recordStockChange,
} from './stock.js';
import { getStockSettings } from './stock-settings.js';

type ReservationRow = typeof reservations.$inferSelect;

/**
 * The wire shape at `now`: an active reservation past its expiry shows as `expired` (that is what
 * it is, even before the periodic pass records it). `manageToken` only when just created.
 */
export function toReservation(row: ReservationRow, now: number, manageToken?: string): Reservation {
  const customer: Customer = { name: row.customerName, email: row.customerEmail };
  if (row.customerPhone) customer.phone = row.customerPhone;
  if (row.customerTimeZone) customer.timeZone = row.customerTimeZone;
  return {
    id: row.id,
    sku: row.sku,
    locationId: row.locationId,
    quantity: row.quantity,
    status: row.status === 'active' && row.expiresAt <= now ? 'expired' : row.status,
    expiresAt: toInstant(row.expiresAt),
    customer,
    ...(manageToken ? { manageToken } : {}),
    bookingId: row.bookingId,
    locale: row.locale,
    createdAt: toInstant(row.createdAt),
    updatedAt: toInstant(row.updatedAt),
  };
}

const insufficientStock = (available: number, sku: string) =>
  new ApiError(409, 'insufficient_stock', {
    detail: `Only ${available} of ${sku} available at this location`,
  });

export interface HoldUnits {
  sku: string;
  locationId: string;
  quantity: number;
  customer: Customer;
  expiresAt: number;
  bookingId: string | null;
  /** The language the customer used, when the client said. */
  locale?: string | undefined;
  /** Who placed it with a publishable key (see `clientHashOf`); null otherwise. */
  clientHash?: string | null;
}

/**
 * Holds units inside `tx`: checks the product and location, that enough is available at this
 * instant, then inserts the reservation and its events. Throws 409 `insufficient_stock`.
 */
export async function holdUnits(
  tx: Db,
  businessId: string,
  hold: HoldUnits,
  now: number,
): Promise<{ row: ReservationRow; manageToken: string }> {
  const product = await findProduct(tx, businessId, hold.sku);
  if (!product?.active)
    throw validationFailed([{ path: 'sku', message: 'Unknown product', code: 'unknown_sku' }]);
  // Unlike POS adjustments, a customer can only reserve at a location that is open for business.
  if (!(await locationExists(tx, businessId, hold.locationId, { activeOnly: true }))) {
    throw validationFailed([{ path: 'locationId', message: 'Unknown location', code: 'unknown_location' }]);
  }
  const onHand = await onHandAt(tx, businessId, hold.sku, hold.locationId);
  const available = availableUnits(
    onHand,
    await liveReserved(tx, businessId, hold.sku, hold.locationId, now),
  );
  if (available < hold.quantity) throw insufficientStock(available, hold.sku);

  const manageToken = newSecret('fd_rt_');
  const row: ReservationRow = {
    id: newId('rsv', now),
    businessId,
    sku: hold.sku,
    locationId: hold.locationId,
    quantity: hold.quantity,
    status: 'active',
    expiresAt: hold.expiresAt,
    customerName: hold.customer.name,
    customerEmail: hold.customer.email,
    customerPhone: hold.customer.phone ?? null,
    customerTimeZone: hold.customer.timeZone ?? null,
    locale: hold.locale ?? null,
    manageTokenHash: sha256(manageToken),
    bookingId: hold.bookingId,
    clientHash: hold.clientHash ?? null,
    createdAt: now,
    updatedAt: now,
  };
  await tx.insert(reservations).values(row);
  await appendEvent(tx, {
    businessId,
    type: 'reservation.created',
    subjectId: row.id,
    payload: reservationEventPayload(row, now),
    now,
  });
  await recordStockChange(
    tx,
    product,
    { locationId: hold.locationId, availableBefore: available, cause: 'reservation' },
    now,
  );
  return { row, manageToken };
}

/**
 * The client a publishable-key reservation is counted against, as stored: SHA-256 of
 * `key id|client address` (IPv6 by /64). Not the address itself; but an IPv4 address can be found
 * again from it by trying all 2^32, so it is cleared once the reservation stops being active.
 */
export function clientHashOf(client: string): string {
  return sha256(`reservation-client|${client}`);
}

/**
 * 429 when this client already has `max` live reservations. Counted in the database inside the
 * write transaction, so the cap holds across API processes and for parallel requests.
 */
async function admitClient(tx: Db, businessId: string, clientHash: string, max: number, now: number) {
  const [row] = await tx
    .select({ live: count(), firstExpiry: min(reservations.expiresAt) })
    .from(reservations)
    .where(
      and(
        eq(reservations.businessId, businessId),
        eq(reservations.clientHash, clientHash),
        eq(reservations.status, 'active'),
        gt(reservations.expiresAt, now),
      ),
    );
  if ((row?.live ?? 0) < max) return;
  const retryAfter = Math.max(1, Math.ceil((Number(row?.firstExpiry ?? now) - now) / 1000));
  throw new ApiError(429, 'rate_limited', {
    detail: `At most ${max} reservations can be live at once from one client; collect or release one (POST /v1/reservations/{id}/release?token=…), or wait until one expires`,
    headers: { 'Retry-After': String(retryAfter) },
    retryAfter,
  });
}

/**
 * `POST /v1/reservations`, inside the caller's write transaction. A publishable key is public (it
 * sits in a web page), so what it may hold is limited by the business's settings: at most
 * `maxUnitsPerReservation` units (422), at most `maxLiveReservationsPerClient` live reservations
 * per client (429), and never longer than `reservationMinutes` (a longer `expiresInMinutes` is
 * capped) — or one request could empty the shelf for 14 days. Secret keys are not limited.
 */
export async function createReservation(
  tx: Db,
  businessId: string,
  input: ReservationInput,
  now: number,
  caller: { secret: true } | { secret: false; client: string },
): Promise<Reservation> {
  await expireDueReservations(tx, now, { businessId, limit: 10 });
  const settings = await getStockSettings(tx, businessId);
  const period = settings.reservationMinutes;
  const asked = input.expiresInMinutes ?? period;
  let clientHash: string | null = null;
  if (!caller.secret) {
    const most = settings.maxUnitsPerReservation;
    if (input.quantity > most) {
      throw validationFailed([
        {
          path: 'quantity',
          message: `At most ${most} ${most === 1 ? 'unit' : 'units'} per reservation`,
          code: 'too_big',
        },
      ]);
    }
    clientHash = clientHashOf(caller.client);
    await admitClient(tx, businessId, clientHash, settings.maxLiveReservationsPerClient, now);
  }
  const minutes = caller.secret ? asked : Math.min(asked, period);
  const { row, manageToken } = await holdUnits(
    tx,
    businessId,
    { ...input, expiresAt: now + minutes * 60_000, bookingId: null, clientHash },
    now,
  );
  return toReservation(row, now, manageToken);
}

export async function getReservation(db: Db, businessId: string, id: string): Promise<ReservationRow> {
  const [row] = await db
    .select()
    .from(reservations)
    .where(and(eq(reservations.businessId, businessId), eq(reservations.id, id)));
  if (!row) throw notFound('Reservation');
  return row;
}

/** The reservation if `token` is its manage token; 404 otherwise, so existence is not revealed. */
export async function getReservationByToken(
  db: Db,
  businessId: string,
  id: string,
  token: string | undefined,
): Promise<ReservationRow> {
  const row = await getReservation(db, businessId, id);
  if (!token || sha256(token) !== row.manageTokenHash) throw notFound('Reservation');
  return row;
}

/** Every status change leaves `active`, so the client hash has done its job: it is cleared. */
async function setStatus(tx: Db, row: ReservationRow, status: ReservationRow['status'], now: number) {
  await tx
    .update(reservations)
    .set({ status, updatedAt: now, clientHash: null })
    .where(and(eq(reservations.businessId, row.businessId), eq(reservations.id, row.id)));
  return { ...row, status, updatedAt: now, clientHash: null };
}

/**
 * A reservation in the event log: as the secret key reads it, less its customer (kept in the
 * reservation row alone; webhooks add it back when they send the event) and its manage token.
 */
export function reservationEventPayload(row: ReservationRow, now: number) {
  const { customer: _c, ...rest } = toReservation(row, now);
  return rest;
}

/** The reservation's event. */
async function recordReservationEvent(tx: Db, row: ReservationRow, type: string, now: number) {
  await appendEvent(tx, {
    businessId: row.businessId,
    type,
    subjectId: row.id,
    payload: reservationEventPayload(row, now),
    now,
  });
}

/** Marks an active reservation whose time ran out as `expired`, with its event. */
async function markExpired(tx: Db, row: ReservationRow, now: number): Promise<ReservationRow> {
  const expired = await setStatus(tx, row, 'expired', now);
  await appendEvent(tx, {
    businessId: row.businessId,
    type: 'reservation.expired',
    subjectId: row.id,
    payload: reservationEventPayload(expired, now),
    now,
  });
  // Its units were free since `expiresAt` already; this event tells streams about it.
  const product = await findProduct(tx, row.businessId, row.sku);
  if (product) {
    await recordStockChange(
      tx,
      product,
      { locationId: row.locationId, availableBefore: 0, cause: 'expiry' },
      now,
    );
  }
  return expired;
}

/** The customer picked the units up: on-hand decreases by the quantity (a `collect` ledger row). */
export async function collectReservation(
  tx: Db,
  businessId: string,
  id: string,
  now: number,
): Promise<Reservation> {
  const row = await getReservation(tx, businessId, id);
  // Marking it expired here would roll back with the error; the periodic pass records it.
  if (row.status === 'active' && row.expiresAt <= now)
    throw invalidState('The reservation expired; its units were released');
  if (row.status !== 'active') throw invalidState(`The reservation is ${row.status}`);
  const collected = await setStatus(tx, row, 'collected', now);
  await recordReservationEvent(tx, collected, 'reservation.collected', now);
  const product = await findProduct(tx, businessId, row.sku);
  if (product) {
    const applied = await applyStockChange(
      tx,
      {
        product,
        locationId: row.locationId,
        fact: { key: { at: now, eventId: `collect:${row.id}` }, kind: 'delta', delta: -row.quantity },
        reason: 'collect',
        note: `reservation ${row.id}`,
        source: 'reservation',
      },
      now,
    );
    // A collect a later count already covers leaves on-hand alone, but `reserved` still fell:
    // streams and cached answers must hear about it.
    if (applied.delta === 0) {
      await recordStockChange(
        tx,
        product,
        { locationId: row.locationId, availableBefore: 0, cause: 'collect' },
        now,
      );
    }
  }
  return toReservation(collected, now);
}

/** The units go back on the shelf. Releasing a reservation whose time ran out records it expired. */
export async function releaseReservation(
  tx: Db,
  businessId: string,
  id: string,
  now: number,
): Promise<Reservation> {
  const row = await getReservation(tx, businessId, id);
  if (row.status !== 'active') throw invalidState(`The reservation is ${row.status}`);
  if (row.expiresAt <= now) return toReservation(await markExpired(tx, row, now), now);
  const released = await setStatus(tx, row, 'released', now);
  await recordReservationEvent(tx, released, 'reservation.released', now);
  const product = await findProduct(tx, businessId, row.sku);
  if (product) {
    const onHand = await onHandAt(tx, businessId, row.sku, row.locationId);
    const reservedBefore = await liveReserved(tx, businessId, row.sku, row.locationId, now);
    const availableBefore = availableUnits(onHand, reservedBefore + row.quantity);
    await recordStockChange(
      tx,
      product,
      { locationId: row.locationId, availableBefore, cause: 'release' },
      now,
    );
  }
  return toReservation(released, now);
}

/**
 * Marks reservations past their expiry as `expired` and writes `reservation.expired`. Only
 * bookkeeping: their units were already free by the `expires_at > now` rule. Runs lazily (a few
 * per new reservation) and periodically (in the stock stream's loop).
 */
export async function expireDueReservations(
  tx: Db,
  now: number,
  options: { businessId?: string; limit?: number } = {},
): Promise<number> {
  const due = await tx
    .select()
    .from(reservations)
    .where(
      and(
        eq(reservations.status, 'active'),
        lte(reservations.expiresAt, now),
        options.businessId ? eq(reservations.businessId, options.businessId) : undefined,
      ),
    )
    .limit(options.limit ?? 100);
  for (const row of due) await markExpired(tx, row, now);
  return due.length;
}

/**
 * The filter for a status as the caller sees it: an `active` row past its expiry IS expired, even
 * before the periodic pass records it (the same rule `toReservation` shows).
 */
function statusFilter(status: Reservation['status'] | undefined, now: number) {
  if (status === 'active') return and(eq(reservations.status, 'active'), gt(reservations.expiresAt, now));
  if (status === 'expired') {
    return or(
      eq(reservations.status, 'expired'),
      and(eq(reservations.status, 'active'), lte(reservations.expiresAt, now)),
    );
  }
  return status ? eq(reservations.status, status) : undefined;
}

/** Reservations for the business (secret key), oldest first, filtered by status, SKU, location. */
export async function listReservations(
  db: Db,
  businessId: string,
  query: ReservationListQuery,
  now: number,
): Promise<Page<Reservation>> {
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor);
  const rows = await db
    .select()
    .from(reservations)
    .where(
      and(
        eq(reservations.businessId, businessId),
        after ? gt(reservations.id, after) : undefined,
        statusFilter(query.status, now),
        query.sku ? eq(reservations.sku, query.sku) : undefined,
        query.location ? eq(reservations.locationId, query.location) : undefined,
      ),
    )
    .orderBy(asc(reservations.id))
    .limit(limit + 1);
  return pageOf(rows, limit, (row) => toReservation(row, now));
}
