/**
 * @module The product catalogue: listing (public) and admin create/update/delete by SKU.
 * Deleting keeps the row (the ledger names it) and hides it; re-creating the SKU brings it back.
 */
import type { Product, ProductInput, ProductUpdate } from '@frontdesk/core';
import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type * as z from 'zod/mini';
import type { Db } from '../db/open.js';
import { placeholderRow, prepared } from '../db/prepared.js';
import { products } from '../db/stock-schema.js';
import { invalidState, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { toInstant } from '../time.js';
import { appendEvent } from './events.js';
import { decodeCursor, pageOf } from './pagination.js';
import { findProduct } from './stock.js';

type ProductRow = typeof products.$inferSelect;

export function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    price:
      row.priceAmount !== null && row.priceCurrency !== null
        ? { amount: row.priceAmount, currency: row.priceCurrency }
        : null,
    imageUrl: row.imageUrl,
    lowStockThreshold: row.lowStockThreshold,
    active: row.active,
    createdAt: toInstant(row.createdAt),
  };
}

export interface ProductListOptions {
  cursor?: string | undefined;
  limit?: number | undefined;
  skus?: string[] | undefined;
  /** Secret keys also see inactive products. */
  includeInactive: boolean;
}

/** A page of products, oldest first; the cursor is the last id of the page. */
export async function listProducts(
  db: Db,
  businessId: string,
  options: ProductListOptions,
): Promise<{ data: Product[]; nextCursor: string | null }> {
  const limit = options.limit ?? 50;
  const after = decodeCursor(options.cursor);
  const rows = await db
    .select()
    .from(products)
    .where(
      and(
        eq(products.businessId, businessId),
        isNull(products.deletedAt),
        options.includeInactive ? undefined : eq(products.active, true),
        after ? gt(products.id, after) : undefined,
        options.skus ? inArray(products.sku, options.skus) : undefined,
      ),
    )
    .orderBy(asc(products.id))
    .limit(limit + 1);
  return pageOf(rows, limit, toProduct);
}

/** The product, or 404 (also for an inactive one when `includeInactive` is false). */
export async function getProduct(db: Db, businessId: string, sku: string, includeInactive: boolean) {
  const row = await findProduct(db, businessId, sku);
  if (!row || (!row.active && !includeInactive)) throw notFound('Product');
  return row;
}

// A product row's reads and writes, prepared once per handle: a catalogue import makes them once
// per CSV row, and built per call drizzle's query building was most of a row's cost
// (`bench/import.bench.js`: 1.1-1.4 ms a row before, 0.4 ms after).
/** Every product with this SKU, deleted ones too (re-creating a SKU brings its row back). */
const anyProductBySku = (tx: Db) =>
  prepared(tx, 'product:any-by-sku', (d) =>
    d
      .select()
      .from(products)
      .where(
        and(eq(products.businessId, sql.placeholder('businessId')), eq(products.sku, sql.placeholder('sku'))),
      )
      .prepare(),
  );
/** The whole row written over the stored one with its id (`run(row)`). */
const writeProductRow = (tx: Db) =>
  prepared(tx, 'product:write', (d) =>
    d
      .update(products)
      .set(placeholderRow(products))
      .where(eq(products.id, sql.placeholder('id')))
      .prepare(),
  );
const insertProductRow = (tx: Db) =>
  prepared(tx, 'product:insert', (d) => d.insert(products).values(placeholderRow(products)).prepare());

async function recordProductEvent(tx: Db, row: ProductRow, type: string, now: number) {
  await appendEvent(tx, {
    businessId: row.businessId,
    type,
    subjectId: row.sku,
    payload: toProduct(row),
    now,
  });
}

/** Creates a product; a deleted one with the same SKU comes back with the new fields. */
export async function createProduct(
  tx: Db,
  businessId: string,
  input: z.output<typeof ProductInput>,
  now: number,
): Promise<Product> {
  const fields = {
    name: input.name,
    priceAmount: input.price?.amount ?? null,
    priceCurrency: input.price?.currency ?? null,
    imageUrl: input.imageUrl,
    lowStockThreshold: input.lowStockThreshold,
    active: input.active,
  };
  const [existing] = await anyProductBySku(tx).all({ businessId, sku: input.sku });
  let row: ProductRow;
  if (existing && existing.deletedAt === null) {
    throw invalidState(
      `A product with SKU ${input.sku} exists; change it with PATCH /v1/products/${input.sku}`,
    );
  } else if (existing) {
    row = { ...existing, ...fields, deletedAt: null };
    await writeProductRow(tx).run(row);
  } else {
    row = { id: newId('prd', now), businessId, sku: input.sku, ...fields, deletedAt: null, createdAt: now };
    await insertProductRow(tx).run(row);
  }
  await recordProductEvent(tx, row, 'product.created', now);
  return toProduct(row);
}

export async function updateProduct(
  tx: Db,
  businessId: string,
  sku: string,
  patch: ProductUpdate,
  now: number,
): Promise<Product> {
  return changeProduct(tx, await getProduct(tx, businessId, sku, true), patch, now);
}

/** `updateProduct` of a row already read in this transaction (a catalogue import has just found it). */
export async function changeProduct(
  tx: Db,
  existing: ProductRow,
  patch: ProductUpdate,
  now: number,
): Promise<Product> {
  const row: ProductRow = {
    ...existing,
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.price !== undefined
      ? { priceAmount: patch.price?.amount ?? null, priceCurrency: patch.price?.currency ?? null }
      : {}),
    ...(patch.imageUrl !== undefined ? { imageUrl: patch.imageUrl } : {}),
    ...(patch.lowStockThreshold !== undefined ? { lowStockThreshold: patch.lowStockThreshold } : {}),
    ...(patch.active !== undefined ? { active: patch.active } : {}),
  };
  await writeProductRow(tx).run(row);
  await recordProductEvent(tx, row, 'product.updated', now);
  return toProduct(row);
}

/** Hides a product. Refused while units are reserved for customers: collect or release them first. */
export async function deleteProduct(tx: Db, businessId: string, sku: string, now: number): Promise<void> {
  const existing = await getProduct(tx, businessId, sku, true);
  const [held] = await tx.all<{ n: number }>(sql`
    SELECT COUNT(*) AS n FROM reservations
    WHERE business_id = ${businessId} AND sku = ${sku} AND status = 'active' AND expires_at > ${now}`);
  if (Number(held?.n ?? 0) > 0) throw invalidState('Customers hold reservations of this product');
  const row = { ...existing, active: false, deletedAt: now };
  await tx.update(products).set({ active: false, deletedAt: now }).where(eq(products.id, existing.id));
  await recordProductEvent(tx, row, 'product.deleted', now);
}
