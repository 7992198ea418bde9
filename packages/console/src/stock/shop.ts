/**
 * @module What the stock screens share: the shop (products, locations and each product's stock at
 * every location, read in one go), and the event ids that make a console adjustment count once.
 */
import type { Location, Product, ProductStock } from '@frontdesk/sdk/console';
import { desk } from '../api.js';

export interface Shop {
  products: Product[];
  locations: Location[];
  /** Stock by SKU (active products and locations only, as the API answers it). */
  stock: Map<string, ProductStock>;
  productName: (sku: string) => string;
  locationName: (id: string) => string;
}

/** Products and locations (first 100 of each) with the stock of every active product. */
export async function loadShop(): Promise<Shop> {
  const [products, locations] = await Promise.all([
    desk.products.list({ limit: 100 }),
    desk.locations.list({ limit: 100 }),
  ]);
  const active = products.data.filter((p) => p.active);
  const levels = await Promise.all(active.map((p) => desk.stock.get(p.sku)));
  const names = new Map(products.data.map((p) => [p.sku, p.name]));
  const places = new Map(locations.data.map((l) => [l.id, l.name]));
  return {
    products: products.data,
    locations: locations.data,
    stock: new Map(levels.map((s) => [s.sku, s])),
    productName: (sku) => names.get(sku) ?? sku,
    locationName: (id) => places.get(id) ?? id,
  };
}

/**
 * A new event id for one adjustment made in the console. `crypto.getRandomValues` works on plain
 * http too (a shop's LAN address), where `crypto.randomUUID` does not exist.
 */
export function newEventId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `console-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
