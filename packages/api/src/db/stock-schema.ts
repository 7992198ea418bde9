/**
 * @module Stock tables: products, locations, on-hand per product and location, the append-only
 * movement ledger, processed POS event ids, click-and-collect reservations, and the products a
 * service consumes. Stock rows are keyed by SKU (immutable) so the POS's own names work as keys.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { businessId } from './columns.js';
import { businesses, services } from './schema.js';

export const products = sqliteTable(
  'products',
  {
    id: text('id').primaryKey(),
    businessId: businessId(),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    priceAmount: integer('price_amount'),
    priceCurrency: text('price_currency'),
    imageUrl: text('image_url'),
    lowStockThreshold: integer('low_stock_threshold').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull(),
    /** Deleted products keep their ledger; re-creating the SKU brings the product back. */
    deletedAt: integer('deleted_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('products_business_sku').on(t.businessId, t.sku)],
);

/** A shop or warehouse. The id may be the POS's own (`lisbon-1`), so it is unique per business only. */
export const locations = sqliteTable(
  'locations',
  {
    businessId: businessId(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.businessId, t.id] })],
);

/** On-hand per SKU and location, kept equal to the sum of the ledger's deltas. */
export const stockLevels = sqliteTable(
  'stock_levels',
  {
    businessId: businessId(),
    sku: text('sku').notNull(),
    locationId: text('location_id').notNull(),
    onHand: integer('on_hand').notNull(),
    /** Order key (`occurredAt`, `eventId`) of the count in force; deltas before it are superseded. */
    lastCountAt: integer('last_count_at'),
    lastCountEventId: text('last_count_event_id'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.businessId, t.sku, t.locationId] })],
);

/** The append-only ledger. Never updated, never deleted. */
export const stockMovements = sqliteTable(
  'stock_movements',
  {
    id: text('id').primaryKey(),
    businessId: businessId(),
    sku: text('sku').notNull(),
    locationId: text('location_id').notNull(),
    /** `delta` (sale, delivery, collect) or `set` (a count). */
    kind: text('kind', { enum: ['delta', 'set'] }).notNull(),
    /** What the event asked for: the delta, or the counted quantity. */
    requested: integer('requested').notNull(),
    /** The change actually made to on-hand. */
    delta: integer('delta').notNull(),
    reason: text('reason', { enum: ['adjustment', 'count', 'collect', 'superseded'] }).notNull(),
    note: text('note').notNull(),
    source: text('source').notNull(),
    eventId: text('event_id').notNull(),
    occurredAt: integer('occurred_at').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('stock_movements_order').on(t.businessId, t.sku, t.locationId, t.occurredAt, t.eventId),
    index('stock_movements_business').on(t.businessId, t.createdAt),
    /** Reports read a period's movements by when they happened at the till. */
    index('stock_movements_business_occurred').on(t.businessId, t.occurredAt),
  ],
);

/** POS event ids already processed, with the first answer, so a replay changes nothing. */
export const stockEventsSeen = sqliteTable(
  'stock_events_seen',
  {
    businessId: businessId(),
    eventId: text('event_id').notNull(),
    answer: text('answer', { mode: 'json' }).$type<unknown>().notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.businessId, t.eventId] })],
);

/** Units held for a customer. Live while `status = 'active' AND expires_at > now`. */
export const reservations = sqliteTable(
  'reservations',
  {
    id: text('id').primaryKey(),
    businessId: businessId(),
    sku: text('sku').notNull(),
    locationId: text('location_id').notNull(),
    quantity: integer('quantity').notNull(),
    status: text('status', { enum: ['active', 'collected', 'released', 'expired'] }).notNull(),
    expiresAt: integer('expires_at').notNull(),
    customerName: text('customer_name').notNull(),
    customerEmail: text('customer_email').notNull(),
    customerPhone: text('customer_phone'),
    customerTimeZone: text('customer_time_zone'),
    /** The language the customer reserved in; null = the business's. */
    locale: text('locale'),
    /** SHA-256 of the customer's token; the token itself is shown once, on creation. */
    manageTokenHash: text('manage_token_hash').notNull().unique(),
    bookingId: text('booking_id'),
    /**
     * Who placed it with a publishable key, as SHA-256 of `key id|client address` (never the
     * address itself): what the live-reservations-per-client cap counts. Null for secret keys and
     * bookings, and cleared once the reservation is no longer active.
     */
    clientHash: text('client_hash'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('reservations_live').on(t.businessId, t.sku, t.locationId, t.status, t.expiresAt),
    index('reservations_client').on(t.businessId, t.clientHash),
    index('reservations_business').on(t.businessId, t.id),
    /** Reports read the reservations made in a period. */
    index('reservations_business_created').on(t.businessId, t.createdAt),
    index('reservations_booking').on(t.bookingId),
    /**
     * Expiry: a business's due reservations (made lazily with each new reservation) from its own
     * entries; the periodic pass over every business from the active ones only (partial), so
     * neither reads through other tenants' or settled rows.
     */
    index('reservations_business_due').on(t.businessId, t.status, t.expiresAt),
    index('reservations_due').on(t.expiresAt).where(sql`status = 'active'`),
    // A customer is their email in any casing (services/customers.ts).
    index('reservations_customer').on(t.businessId, sql`lower(${t.customerEmail})`),
  ],
);

/** Per-business stock settings (kept apart from `businesses`, which the booking core owns). */
export const stockSettings = sqliteTable('stock_settings', {
  businessId: text('business_id')
    .primaryKey()
    .references(() => businesses.id),
  /** How long a reservation holds units unless the request says otherwise. */
  reservationMinutes: integer('reservation_minutes').notNull(),
  /** The most units one publishable-key reservation may take. */
  maxUnitsPerReservation: integer('max_units_per_reservation').notNull().default(5),
  /** The most live reservations one client (publishable key + address) may have at once. */
  maxLiveReservationsPerClient: integer('max_live_reservations_per_client').notNull().default(3),
});

/** Products a service uses: booking it reserves them in the same transaction. */
export const serviceProducts = sqliteTable(
  'service_products',
  {
    businessId: businessId(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id),
    sku: text('sku').notNull(),
    /** Where to take them from; null = the first active location with enough available. */
    locationId: text('location_id'),
    quantity: integer('quantity').notNull(),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.sku] })],
);
