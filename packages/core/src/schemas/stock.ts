/**
 * @module Stock on the wire: products, locations, stock levels, POS adjustments, the movement
 * ledger, click-and-collect reservations and the events of the live stock stream.
 */
import * as z from 'zod/mini';
import { Customer } from './booking.js';
import {
  Id,
  Instant,
  ListQuery,
  Locale,
  Money,
  multilineText,
  requiredText,
  singleLineCharacters,
  text,
  wellFormedText,
} from './common.js';

/**
 * A stock-keeping unit as the shop's POS knows it. It appears in URL paths
 * (`/v1/products/{sku}/stock`), so it is restricted to characters that need no escaping.
 */
export const Sku = z
  .string()
  .check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'Expected a SKU of letters, digits, ".", "_", "-"'));
export type Sku = z.infer<typeof Sku>;

/** A POS event id: any printable text the POS uses to name one change, unique per business. */
export const StockEventId = z
  .string()
  .check(z.regex(/^[\x21-\x7E]{1,200}$/, 'Expected 1–200 printable ASCII characters without spaces'));

const quantity = z.int().check(z.gte(1), z.lte(100_000));

export const Product = z.object({
  id: Id,
  sku: Sku,
  name: z.string(),
  price: z.nullable(Money),
  imageUrl: z.nullable(z.string()),
  /** Available at or below this (and above zero) shows as `low`; 0 never shows `low`. */
  lowStockThreshold: z.int(),
  active: z.boolean(),
  createdAt: Instant,
});
export type Product = z.infer<typeof Product>;

// `URL` parses past a NUL or a line break in the path, so the text rules apply to the string too.
const ImageUrl = z
  .url({ protocol: /^https?$/ })
  .check(z.maxLength(2000), singleLineCharacters, wellFormedText);

const productFields = {
  sku: Sku,
  name: requiredText(200),
  price: z.nullable(Money),
  imageUrl: z.nullable(ImageUrl),
  lowStockThreshold: z.int().check(z.gte(0), z.lte(1_000_000)),
  active: z.boolean(),
};

export const ProductInput = z.strictObject({
  ...productFields,
  price: z._default(productFields.price, null),
  imageUrl: z._default(productFields.imageUrl, null),
  lowStockThreshold: z._default(productFields.lowStockThreshold, 3),
  active: z._default(productFields.active, true),
});
export type ProductInput = z.input<typeof ProductInput>;

/** Changing a product; the SKU is its name in the POS and in URLs, so it cannot change. */
export const ProductUpdate = z.partial(
  z.strictObject({
    name: productFields.name,
    price: productFields.price,
    imageUrl: productFields.imageUrl,
    lowStockThreshold: productFields.lowStockThreshold,
    active: productFields.active,
  }),
);
export type ProductUpdate = z.infer<typeof ProductUpdate>;

export const ProductListQuery = z.extend(ListQuery, {
  /** Only products whose SKU is in this comma-separated list. */
  skus: z.optional(z.string().check(z.maxLength(2000))),
});
export type ProductListQuery = z.infer<typeof ProductListQuery>;

export const Location = z.object({
  id: Id,
  name: z.string(),
  address: z.string(),
  active: z.boolean(),
  createdAt: Instant,
});
export type Location = z.infer<typeof Location>;

export const LocationInput = z.strictObject({
  /** Optional: the id the POS uses for this shop, so adjustments can name it; generated if absent. */
  id: z.optional(Id),
  name: requiredText(200),
  address: z._default(multilineText(500), ''),
  active: z._default(z.boolean(), true),
});
export type LocationInput = z.input<typeof LocationInput>;

export const LocationUpdate = z.partial(
  z.strictObject({ name: requiredText(200), address: multilineText(500), active: z.boolean() }),
);
export type LocationUpdate = z.infer<typeof LocationUpdate>;

/** How a shelf looks to a customer: `out` at 0 available, `low` at or below the threshold. */
export const StockLevel = z.enum(['in_stock', 'low', 'out']);
export type StockLevel = z.infer<typeof StockLevel>;

export const LocationStock = z.object({
  locationId: Id,
  /** Units physically in the shop (may be negative when the POS sold more than was counted). */
  onHand: z.int(),
  /** Units held by live reservations. */
  reserved: z.int(),
  /** `max(0, onHand - reserved)`: what a customer can still reserve. */
  available: z.int(),
  level: StockLevel,
});
export type LocationStock = z.infer<typeof LocationStock>;

export const ProductStock = z.object({
  sku: Sku,
  /** Sum of `available` over active locations. */
  available: z.int(),
  level: StockLevel,
  locations: z.array(LocationStock),
});
export type ProductStock = z.infer<typeof ProductStock>;

const adjustmentBase = {
  eventId: StockEventId,
  sku: Sku,
  locationId: Id,
  /** Why, in the POS's words (`sale`, `delivery`, `damaged`…); stored on the ledger row. */
  reason: z.optional(text(200)),
  /** When it happened at the till; defaults to when the API received it. Orders counts vs deltas. */
  occurredAt: z.optional(Instant),
};

/** A change of on-hand by `delta` units (a sale is negative, a delivery positive). */
export const StockDelta = z.strictObject({
  ...adjustmentBase,
  delta: z.int().check(z.gte(-1_000_000), z.lte(1_000_000)),
});
/** A physical count: on-hand was `set` at `occurredAt`. */
export const StockCount = z.strictObject({
  ...adjustmentBase,
  set: z.int().check(z.gte(0), z.lte(10_000_000)),
});

export const StockAdjustment = z.union([StockDelta, StockCount]);
export type StockAdjustment = z.infer<typeof StockAdjustment>;

/** The body of `POST /v1/stock/adjustments`: one adjustment, or a batch of 1..100 applied whole. */
export const StockAdjustmentBody = z.union([
  StockAdjustment,
  z.array(StockAdjustment).check(z.minLength(1), z.maxLength(100)),
]);
export type StockAdjustmentBody = z.infer<typeof StockAdjustmentBody>;

/**
 * What became of one adjustment. `applied`: on-hand changed by `delta`; `superseded`: a later
 * count already covers it, so on-hand is unchanged (`delta` 0) but the event is recorded.
 */
export const AdjustmentOutcome = z.enum(['applied', 'superseded']);
export type AdjustmentOutcome = z.infer<typeof AdjustmentOutcome>;

export const AdjustmentResult = z.object({
  eventId: z.string(),
  sku: Sku,
  locationId: Id,
  outcome: AdjustmentOutcome,
  /** The change this event made to on-hand (for a count: the difference it made). */
  delta: z.int(),
  /** On-hand right after this event was applied, the first time. */
  onHand: z.int(),
  movementId: Id,
  /** `true` when this eventId had been processed before: the answer is the first one. */
  replayed: z.boolean(),
});
export type AdjustmentResult = z.infer<typeof AdjustmentResult>;

export const ReservationStatus = z.enum(['active', 'collected', 'released', 'expired']);
export type ReservationStatus = z.infer<typeof ReservationStatus>;

export const ReservationInput = z.strictObject({
  sku: Sku,
  locationId: Id,
  quantity,
  customer: Customer,
  /**
   * Defaults to the business's reservation period; at most 14 days. With a publishable key it is
   * capped at that period.
   */
  expiresInMinutes: z.optional(z.int().check(z.gte(5), z.lte(14 * 24 * 60))),
  /** The language the customer reserved in; mail to them uses it. Default: the business's. */
  locale: z.optional(Locale),
});
export type ReservationInput = z.infer<typeof ReservationInput>;

export const Reservation = z.object({
  id: Id,
  sku: Sku,
  locationId: Id,
  quantity: z.int(),
  status: ReservationStatus,
  expiresAt: Instant,
  customer: Customer,
  /** Shown on creation and to secret keys: the customer's key to view and release it. */
  manageToken: z.optional(z.string()),
  /** Set when the reservation was made for a booking. */
  bookingId: z.nullable(Id),
  /** The language the customer reserved in, when the client said. */
  locale: z.nullable(z.string()),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Reservation = z.infer<typeof Reservation>;

export const ReservationListQuery = z.extend(ListQuery, {
  status: z.optional(ReservationStatus),
  sku: z.optional(Sku),
  location: z.optional(Id),
});
export type ReservationListQuery = z.infer<typeof ReservationListQuery>;

/**
 * `adjustment`: a delta from the POS; `count`: a physical count (POS or CSV import); `collect`: a
 * reservation handed over; `superseded`: an event a later count already covers (delta 0).
 */
export const MovementReason = z.enum(['adjustment', 'count', 'collect', 'superseded']);
export type MovementReason = z.infer<typeof MovementReason>;

/** One row of the append-only ledger: the sum of `delta` per SKU and location is on-hand. */
export const Movement = z.object({
  id: Id,
  sku: Sku,
  locationId: Id,
  delta: z.int(),
  reason: MovementReason,
  /** Free text from the POS or the operator. */
  note: z.string(),
  /** Who made it: `api` (POST /stock/adjustments), `import` (CSV), `reservation` (collect). */
  source: z.string(),
  eventId: z.string(),
  occurredAt: Instant,
  createdAt: Instant,
});
export type Movement = z.infer<typeof Movement>;

export const MovementListQuery = z.extend(ListQuery, {
  sku: z.optional(Sku),
  location: z.optional(Id),
});
export type MovementListQuery = z.infer<typeof MovementListQuery>;

/** The query of `GET /v1/stock/stream`: SKUs to watch, comma separated (at most 50 by default). */
export const StockStreamQuery = z.object({
  skus: z.string().check(z.minLength(1), z.maxLength(6500)),
  /** Same as the `Last-Event-ID` header (which wins), for clients that cannot set headers. */
  lastEventId: z.optional(z.string().check(z.regex(/^\d{1,15}$/, 'Expected an event id'))),
});

/** One message of the live stock stream (SSE `event: stock`, `id:` = the event log id). */
export const StockEvent = z.object({
  /** The event log id; pass it back as `Last-Event-ID` to resume. */
  id: z.string(),
  type: z.enum(['stock.changed', 'stock.low', 'reservation.created', 'reservation.expired']),
  sku: Sku,
  /** The product's stock right after the change. */
  stock: ProductStock,
  at: Instant,
});
export type StockEvent = z.infer<typeof StockEvent>;

const settingFields = {
  /** How long a reservation holds units when the request gives no `expiresInMinutes`. */
  reservationMinutes: z.int().check(z.gte(5), z.lte(14 * 24 * 60)),
  /** The most units one reservation made with a publishable key may take (default 5). */
  maxUnitsPerReservation: z.int().check(z.gte(1), z.lte(10_000)),
  /**
   * The most live reservations one client (publishable key + address; IPv6 by /64) may have at
   * once (default 3). Secret keys are not capped.
   */
  maxLiveReservationsPerClient: z.int().check(z.gte(1), z.lte(1000)),
};

/** Per-business stock settings. */
export const StockSettings = z.object(settingFields);
export type StockSettings = z.infer<typeof StockSettings>;

/** `PATCH /v1/stock/settings`: any of the settings; the others keep their value. */
export const StockSettingsUpdate = z.partial(z.strictObject(settingFields));
export type StockSettingsUpdate = z.infer<typeof StockSettingsUpdate>;

/** A product a service uses: booking the service reserves it in the same transaction. */
export const ServiceProduct = z.strictObject({
  sku: Sku,
  /** Where to take it from; absent or null = the first active location with enough available. */
  locationId: z._default(z.nullable(Id), null),
  quantity,
});
export type ServiceProduct = z.infer<typeof ServiceProduct>;

/** The body of `PUT /v1/services/{id}/products`: the full list (an empty one removes them all). */
export const ServiceProductsInput = z.array(ServiceProduct).check(z.maxLength(20));
