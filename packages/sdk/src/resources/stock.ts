/**
 * @module `@frontdesk/sdk/stock`: products, locations, stock levels, POS adjustments,
 * click-and-collect reservations and the live stock stream. A subpath of its own so that pages
 * that only book appointments do not download it (the main entry has a size budget).
 */
import type * as core from '@frontdesk/core';
import type { ClientOptions } from '../client.js';
import { newIdempotencyKey } from '../http/idempotency-key.js';
import {
  type CreateOptions,
  type ManageOptions,
  type RequestOptions,
  segment,
  Transport,
} from '../http/transport.js';
import { type ImportOptions, type ImportReport, importFile } from '../stock-import.js';
import { type StockSubscription, type SubscribeOptions, subscribeStock } from '../stream.js';
import type { Input, ListQuery, Output } from '../types.js';

/** A product, by SKU. @example `const { sku, name, price }: Product = await client.products.get('HELMET-M');` */
export type Product = Output<typeof core.Product>;
/** Creating a product. @example `const input: ProductInput = { sku: 'HELMET-M', name: 'Helmet M' };` */
export type ProductInput = Input<typeof core.ProductInput>;
/** Changing a product. @example `const patch: ProductUpdate = { lowStockThreshold: 5 };` */
export type ProductUpdate = Input<typeof core.ProductUpdate>;
/** A shop or warehouse. @example `const { id, name }: Location = await client.locations.get('lisbon');` */
export type Location = Output<typeof core.Location>;
/** Creating a location. @example `const input: LocationInput = { id: 'lisbon', name: 'Lisbon shop' };` */
export type LocationInput = Input<typeof core.LocationInput>;
/** Changing a location. @example `const patch: LocationUpdate = { active: false };` */
export type LocationUpdate = Input<typeof core.LocationUpdate>;
/** A product's stock at every location. @example `const { available, level }: ProductStock = await client.stock.get('HELMET-M');` */
export type ProductStock = Output<typeof core.ProductStock>;
/** `in_stock`, `low` or `out`. @example `const level: StockLevel = 'low';` */
export type StockLevel = Output<typeof core.StockLevel>;
/** One POS change: `delta` or `set` (a count). @example `const a: StockAdjustment = { eventId: 'e1', sku: 'A', locationId: 'lisbon', delta: -1 };` */
export type StockAdjustment = Input<typeof core.StockAdjustment>;
/** What one adjustment did. @example `const { outcome, onHand, replayed }: AdjustmentResult = await client.stock.adjust(a);` */
export type AdjustmentResult = Output<typeof core.AdjustmentResult>;
/** A ledger row. @example `for await (const m of client.stock.movements({ sku: 'A' })) total += m.delta;` */
export type Movement = Output<typeof core.Movement>;
/** Filters of the ledger. @example `const q: MovementListQuery = { sku: 'A', location: 'lisbon' };` */
export type MovementListQuery = Output<typeof core.MovementListQuery>;
/** A click-and-collect reservation. @example `const { id, expiresAt, manageToken }: Reservation = await client.reservations.create(input);` */
export type Reservation = Output<typeof core.Reservation>;
/** Reserving units. @example `const input: ReservationInput = { sku: 'A', locationId: 'lisbon', quantity: 1, customer };` */
export type ReservationInput = Input<typeof core.ReservationInput>;
/** Filters of the reservation list. @example `const q: ReservationListQuery = { status: 'active' };` */
export type ReservationListQuery = Output<typeof core.ReservationListQuery>;
/** Stock settings. @example `const { reservationMinutes }: StockSettings = await client.stock.settings();` */
export type StockSettings = Output<typeof core.StockSettings>;
/** Changing stock settings: any of them. @example `const patch: StockSettingsUpdate = { maxUnitsPerReservation: 2 };` */
export type StockSettingsUpdate = Input<typeof core.StockSettingsUpdate>;
/** A product a service uses. @example `const p: ServiceProduct = { sku: 'HELMET-M', locationId: null, quantity: 1 };` */
export type ServiceProduct = Input<typeof core.ServiceProduct>;
/** One message of the live stream. @example `client.stock.subscribe(['A'], (stock, event: StockEvent) => log(event.type));` */
export type StockEvent = Output<typeof core.StockEvent>;

/**
 * The products resource (reads: any key; changes: secret key).
 *
 * @example
 * ```ts
 * for await (const product of client.products.list()) console.log(product.sku, product.name);
 * ```
 */
const products = (t: Transport) => ({
  /**
   * Lists products (a page, iterable over all pages); `skus` filters by a comma-separated list.
   *
   * @example
   * ```ts
   * const { data } = await client.products.list({ skus: 'HELMET-M,LIGHT-1' });
   * ```
   */
  list: (query?: ListQuery & { skus?: string }, options?: RequestOptions) =>
    t.list<Product>('products', query, options),
  /**
   * One product by SKU.
   *
   * @example
   * ```ts
   * const helmet = await client.products.get('HELMET-M');
   * ```
   */
  get: (sku: string, options?: RequestOptions) =>
    t.request<Product>({ method: 'GET', path: `products/${segment(sku)}`, signal: options?.signal }),
  /**
   * Creates a product (secret key).
   *
   * @example
   * ```ts
   * await client.products.create({ sku: 'HELMET-M', name: 'Helmet M', price: { amount: 4500, currency: 'EUR' } });
   * ```
   */
  create: (input: ProductInput, options?: RequestOptions) =>
    t.request<Product>({ method: 'POST', path: 'products', body: input, signal: options?.signal }),
  /**
   * Changes a product (secret key); the SKU never changes.
   *
   * @example
   * ```ts
   * await client.products.update('HELMET-M', { lowStockThreshold: 5 });
   * ```
   */
  update: (sku: string, patch: ProductUpdate, options?: RequestOptions) =>
    t.request<Product>({
      method: 'PATCH',
      path: `products/${segment(sku)}`,
      body: patch,
      signal: options?.signal,
    }),
  /**
   * Hides a product (secret key); refused while customers hold reservations of it.
   *
   * @example
   * ```ts
   * await client.products.delete('HELMET-M');
   * ```
   */
  delete: (sku: string, options?: RequestOptions) =>
    t.request<void>({
      method: 'DELETE',
      path: `products/${segment(sku)}`,
      read: 'none',
      signal: options?.signal,
    }),
});

/**
 * The locations resource (reads: any key; changes: secret key).
 *
 * @example
 * ```ts
 * const { data } = await client.locations.list();
 * ```
 */
const locations = (t: Transport) => ({
  /**
   * Lists locations (publishable keys see active ones).
   *
   * @example
   * ```ts
   * for await (const shop of client.locations.list()) console.log(shop.name);
   * ```
   */
  list: (query?: ListQuery, options?: RequestOptions) => t.list<Location>('locations', query, options),
  /**
   * One location by id.
   *
   * @example
   * ```ts
   * const lisbon = await client.locations.get('lisbon');
   * ```
   */
  get: (id: string, options?: RequestOptions) =>
    t.request<Location>({ method: 'GET', path: `locations/${segment(id)}`, signal: options?.signal }),
  /**
   * Creates a location (secret key); pass `id` to use the POS's own location id.
   *
   * @example
   * ```ts
   * await client.locations.create({ id: 'lisbon', name: 'Lisbon shop' });
   * ```
   */
  create: (input: LocationInput, options?: RequestOptions) =>
    t.request<Location>({ method: 'POST', path: 'locations', body: input, signal: options?.signal }),
  /**
   * Changes a location (secret key).
   *
   * @example
   * ```ts
   * await client.locations.update('lisbon', { address: 'Rua Garrett 12' });
   * ```
   */
  update: (id: string, patch: LocationUpdate, options?: RequestOptions) =>
    t.request<Location>({
      method: 'PATCH',
      path: `locations/${segment(id)}`,
      body: patch,
      signal: options?.signal,
    }),
  /**
   * Deactivates a location (secret key); the ledger keeps naming it.
   *
   * @example
   * ```ts
   * await client.locations.delete('porto');
   * ```
   */
  delete: (id: string, options?: RequestOptions) =>
    t.request<void>({
      method: 'DELETE',
      path: `locations/${segment(id)}`,
      read: 'none',
      signal: options?.signal,
    }),
});

/**
 * The stock resource: levels, POS adjustments, the ledger, settings and the live stream.
 *
 * @example
 * ```ts
 * const { available } = await client.stock.get('HELMET-M');
 * ```
 */
const stock = (t: Transport) => ({
  /**
   * A product's stock at every active location, as customers see it now.
   *
   * @example
   * ```ts
   * const { available, locations } = await client.stock.get('HELMET-M');
   * ```
   */
  get: (sku: string, options?: RequestOptions) =>
    t.request<ProductStock>({
      method: 'GET',
      path: `products/${segment(sku)}/stock`,
      signal: options?.signal,
    }),
  /**
   * Applies POS adjustments (secret key): one, or an array of up to 100 applied whole or not at
   * all. Safe to retry: an event id seen before answers its first result with `replayed: true`.
   *
   * @example
   * ```ts
   * await client.stock.adjust({ eventId: 'pos-81', sku: 'HELMET-M', locationId: 'lisbon', delta: -1 });
   * const results = await client.stock.adjust([{ eventId: 'c-1', sku: 'A', locationId: 'lisbon', set: 12 }]);
   * ```
   */
  adjust: (<T extends StockAdjustment | StockAdjustment[]>(input: T, options?: RequestOptions) =>
    t
      .request<AdjustmentResult | { data: AdjustmentResult[] }>({
        method: 'POST',
        path: 'stock/adjustments',
        body: input,
        signal: options?.signal,
        // Adjustments are idempotent by event id, so a lost answer may be retried.
        idempotencyKey: newIdempotencyKey(),
      })
      .then((answer) => ('data' in answer ? answer.data : answer))) as {
    (input: StockAdjustment, options?: RequestOptions): Promise<AdjustmentResult>;
    (input: StockAdjustment[], options?: RequestOptions): Promise<AdjustmentResult[]>;
  },
  /**
   * The movement ledger (secret key), in write order; iterable over all pages.
   *
   * @example
   * ```ts
   * let onHand = 0;
   * for await (const m of client.stock.movements({ sku: 'A', location: 'lisbon' })) onHand += m.delta;
   * ```
   */
  movements: (query?: MovementListQuery, options?: RequestOptions) =>
    t.list<Movement>('stock/movements', query, options),
  /**
   * The business's stock settings (secret key).
   *
   * @example
   * ```ts
   * const { reservationMinutes } = await client.stock.settings();
   * ```
   */
  settings: (options?: RequestOptions) =>
    t.request<StockSettings>({ method: 'GET', path: 'stock/settings', signal: options?.signal }),
  /**
   * Changes the stock settings (secret key).
   *
   * @example
   * ```ts
   * await client.stock.updateSettings({ reservationMinutes: 120 });
   * ```
   */
  updateSettings: (input: StockSettingsUpdate, options?: RequestOptions) =>
    t.request<StockSettings>({
      method: 'PATCH',
      path: 'stock/settings',
      body: input,
      signal: options?.signal,
    }),
  /**
   * Live stock of up to 50 SKUs: `onChange` gets each SKU's stock on connect and after every
   * change. Reconnects by itself after a drop (resuming where it stopped) until `close()`.
   *
   * @example
   * ```ts
   * const subscription = client.stock.subscribe(['HELMET-M'], (stock) => {
   *   badge.textContent = stock.level === 'out' ? 'Sold out' : `${stock.available} left`;
   * });
   * // later
   * subscription.close();
   * ```
   */
  subscribe: (
    skus: readonly string[],
    onChange: (stock: ProductStock, event: StockEvent) => void,
    options?: SubscribeOptions,
  ): StockSubscription => subscribeStock(t, skus, onChange, options),
  /**
   * Imports a CSV file of products or stock counts (secret key or owner session; staff: stock
   * only), by the rules of `frontdesk import`. Resolves with the report once every row is handled.
   *
   * @example
   * ```ts
   * const report = await client.stock.import(file, { onProgress: (done, total) => show(done / total) });
   * for (const row of report.rejected) console.warn(row.line, row.errors);
   * ```
   */
  import: (file: Blob | Uint8Array | string, options?: ImportOptions): Promise<ImportReport> =>
    importFile(t, file, options),
  /**
   * The products a service uses (secret key).
   *
   * @example
   * ```ts
   * const needs = await client.stock.serviceProducts('svc_1');
   * ```
   */
  serviceProducts: (serviceId: string, options?: RequestOptions) =>
    t
      .request<{ data: ServiceProduct[] }>({
        method: 'GET',
        path: `services/${segment(serviceId)}/products`,
        signal: options?.signal,
      })
      .then((answer) => answer.data),
  /**
   * Sets the products a service uses (secret key): booking it then reserves them, or fails whole.
   *
   * @example
   * ```ts
   * await client.stock.setServiceProducts('svc_1', [{ sku: 'HELMET-M', quantity: 1 }]);
   * ```
   */
  setServiceProducts: (serviceId: string, items: ServiceProduct[], options?: RequestOptions) =>
    t
      .request<{ data: ServiceProduct[] }>({
        method: 'PUT',
        path: `services/${segment(serviceId)}/products`,
        body: items,
        signal: options?.signal,
      })
      .then((answer) => answer.data),
});

const token = (options: ManageOptions | undefined) =>
  options?.token === undefined ? undefined : { token: options.token };

/**
 * The reservations resource: click and collect.
 *
 * @example
 * ```ts
 * const reservation = await client.reservations.create({ sku: 'A', locationId: 'lisbon', quantity: 1, customer });
 * ```
 */
const reservations = (t: Transport) => ({
  /**
   * Holds units for a customer until `expiresAt`. Not enough available throws
   * `InsufficientStockError`. Retried safely with an idempotency key (one is made if you pass none).
   *
   * @example
   * ```ts
   * const { id, manageToken, expiresAt } = await client.reservations.create({
   *   sku: 'HELMET-M', locationId: 'lisbon', quantity: 1,
   *   customer: { name: 'Ana Silva', email: 'ana@example.com' },
   * });
   * ```
   */
  create: (input: ReservationInput, options?: CreateOptions) =>
    t.request<Reservation>({
      method: 'POST',
      path: 'reservations',
      body: input,
      signal: options?.signal,
      idempotencyKey: options?.idempotencyKey ?? newIdempotencyKey(),
    }),
  /**
   * One reservation: with a secret key, or with the customer's manage token.
   *
   * @example
   * ```ts
   * const r = await client.reservations.get(id, { token: manageToken });
   * ```
   */
  get: (id: string, options?: ManageOptions) =>
    t.request<Reservation>({
      method: 'GET',
      path: `reservations/${segment(id)}`,
      query: token(options),
      signal: options?.signal,
    }),
  /**
   * Gives the units back (the customer with their token, or the business).
   *
   * @example
   * ```ts
   * await client.reservations.release(id, { token: manageToken });
   * ```
   */
  release: (id: string, options?: ManageOptions) =>
    t.request<Reservation>({
      method: 'POST',
      path: `reservations/${segment(id)}/release`,
      query: token(options),
      signal: options?.signal,
    }),
  /**
   * The customer picked the units up (secret key): on-hand decreases.
   *
   * @example
   * ```ts
   * await client.reservations.collect(id);
   * ```
   */
  collect: (id: string, options?: RequestOptions) =>
    t.request<Reservation>({
      method: 'POST',
      path: `reservations/${segment(id)}/collect`,
      signal: options?.signal,
    }),
  /**
   * Lists reservations (secret key), oldest first; iterable over all pages.
   *
   * @example
   * ```ts
   * for await (const r of client.reservations.list({ status: 'active' })) console.log(r.id);
   * ```
   */
  list: (query?: ReservationListQuery, options?: RequestOptions) =>
    t.list<Reservation>('reservations', query, options),
});

/**
 * Every stock resource on one transport.
 *
 * @example
 * ```ts
 * const { products, stock } = stockResources(transport);
 * ```
 */
export const stockResources = (t: Transport) => ({
  products: products(t),
  locations: locations(t),
  stock: stock(t),
  reservations: reservations(t),
});

/**
 * Creates a stock client: the same options, errors, retries and idempotency as `createClient`.
 *
 * @example
 * ```ts
 * import { createStockClient } from '@frontdesk/sdk/stock';
 *
 * const shop = createStockClient({ baseUrl: 'https://shop.example.com', key: 'fd_pk_…' });
 * const { available } = await shop.stock.get('HELMET-M');
 * const subscription = shop.stock.subscribe(['HELMET-M'], (stock) => render(stock));
 * const reservation = await shop.reservations.create({
 *   sku: 'HELMET-M', locationId: 'lisbon', quantity: 1,
 *   customer: { name: 'Ana Silva', email: 'ana@example.com' },
 * });
 * ```
 */
export function createStockClient(options: ClientOptions) {
  return stockResources(new Transport(options));
}

/**
 * The client made by {@link createStockClient}.
 *
 * @example
 * ```ts
 * function showStock(shop: StockClient, sku: string) {
 *   return shop.stock.get(sku);
 * }
 * ```
 */
export type StockClient = ReturnType<typeof createStockClient>;

export type { ImportOptions, ImportProgressLine, ImportReport } from '../stock-import.js';
export type { StockSubscription, StockSubscriptionStatus, SubscribeOptions } from '../stream.js';
