/**
 * @module Reading what a message is rendered from: the business, the booking (as an event recorded
 * it, or as it is now), its service and resource names, the reservation with its product and shop.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { prepared } from '../db/prepared.js';
import { bookings, locations, products, reservations, resources, services } from '../db/schema.js';
import type { BusinessRow } from '../services/business.js';
import type { MailBooking, MailBusiness, MailReservation } from './kinds.js';

export function mailBusiness(row: BusinessRow): MailBusiness {
  return {
    name: row.name,
    timezone: row.timezone,
    locale: row.locale,
    address: row.address,
    notifyEmail: row.notifyEmail,
  };
}

/** A booking as an event's data recorded it (the wire shape, plus its SEQUENCE). */
export interface BookingEventData {
  id: string;
  status: MailBooking['status'];
  serviceId: string;
  resourceId: string;
  start: string;
  end: string;
  /** Absent from events logged since the log holds no personal data: read from the row. */
  customer?: { name: string; email: string; phone?: string; timeZone?: string };
  notes?: string;
  locale: string | null;
  cancelReason: string | null;
  sequence?: number;
  reason?: string;
  by?: 'business' | 'customer';
  previousStart?: string;
}

/** A booking event with its customer (see `withCustomer` in plan.ts). */
export type BookingEventWithCustomer = BookingEventData &
  Required<Pick<BookingEventData, 'customer' | 'notes'>>;

export function mailBookingFromEvent(data: BookingEventWithCustomer): MailBooking {
  return {
    id: data.id,
    status: data.status,
    start: Date.parse(data.start),
    end: Date.parse(data.end),
    sequence: data.sequence ?? 0,
    customerName: data.customer.name,
    customerEmail: data.customer.email,
    customerPhone: data.customer.phone ?? null,
    customerTimeZone: data.customer.timeZone ?? null,
    locale: data.locale,
    notes: data.notes,
    cancelReason: data.cancelReason ?? data.reason ?? null,
  };
}

export function mailBookingFromRow(row: typeof bookings.$inferSelect): MailBooking {
  return {
    id: row.id,
    status: row.status,
    start: row.start,
    end: row.end,
    sequence: row.sequence,
    customerName: row.customerName,
    customerEmail: row.customerEmail,
    customerPhone: row.customerPhone,
    customerTimeZone: row.customerTimeZone,
    locale: row.locale,
    notes: row.notes,
    cancelReason: row.cancelReason,
  };
}

/** Names of a service and a resource (deleted ones too: a booking may outlive them). */
export async function bookingNames(db: Db, serviceId: string, resourceId: string) {
  const [service] = await db
    .select({ name: services.name, reminders: services.reminders })
    .from(services)
    .where(eq(services.id, serviceId));
  const [resource] = await db
    .select({ name: resources.name })
    .from(resources)
    .where(eq(resources.id, resourceId));
  return {
    serviceName: service?.name ?? 'Booking',
    serviceReminders: service?.reminders ?? null,
    resourceName: resource?.name ?? null,
  };
}

/**
 * A booking's row. Prepared once per handle: mail planning reads one per booking event, and drizzle
 * building this 30-column SELECT cost more than SQLite's answering it.
 */
export async function findBooking(db: Db, id: string) {
  const [row] = await prepared(db, 'mail:find-booking', (d) =>
    d
      .select()
      .from(bookings)
      .where(eq(bookings.id, sql.placeholder('id')))
      .prepare(),
  ).all({ id });
  return row;
}

/** A reservation with its product's and shop's names, or undefined when it is gone. */
export async function mailReservation(db: Db, id: string) {
  const [row] = await db.select().from(reservations).where(eq(reservations.id, id));
  if (!row) return undefined;
  const [product] = await db
    .select({ name: products.name })
    .from(products)
    .where(and(eq(products.businessId, row.businessId), eq(products.sku, row.sku)));
  const [location] = await db
    .select({ name: locations.name })
    .from(locations)
    .where(and(eq(locations.businessId, row.businessId), eq(locations.id, row.locationId)));
  const reservation: MailReservation = {
    id: row.id,
    productName: product?.name ?? row.sku,
    sku: row.sku,
    quantity: row.quantity,
    locationName: location?.name ?? row.locationId,
    expiresAt: row.expiresAt,
    customerName: row.customerName,
    customerEmail: row.customerEmail,
    customerTimeZone: row.customerTimeZone,
    locale: row.locale,
  };
  return { row, reservation };
}

/** A product's and a shop's names (undefined when gone). */
export async function stockNames(db: Db, businessId: string, sku: string, locationId: string) {
  const [product] = await db
    .select({ name: products.name })
    .from(products)
    .where(and(eq(products.businessId, businessId), eq(products.sku, sku)));
  const [location] = await db
    .select({ name: locations.name })
    .from(locations)
    .where(and(eq(locations.businessId, businessId), eq(locations.id, locationId)));
  return { product: product?.name, location: location?.name };
}
