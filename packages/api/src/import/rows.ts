/**
 * @module Turning CSV rows into the API's own inputs, validated by the same core schemas as the
 * HTTP routes. `products.csv`: sku, name, price (decimal, e.g. 14.50), currency, image_url,
 * low_stock_threshold, active. `stock.csv`: sku, location, and quantity (a count) or delta, with
 * optional occurred_at, reason, event_id.
 */
import { type FieldError, type ImportKind, ProductInput, StockAdjustment } from '@frontdesk/core';
import type * as z from 'zod/mini';
import { toFieldErrors } from '../middleware/validate.js';

export type { ImportKind };
export type RowValues = Record<string, string>;
export type RowResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Columns each kind needs (normalised header names); `stock` needs one of quantity/delta too. */
export const requiredColumns: Record<ImportKind, string[]> = {
  products: ['sku', 'name'],
  stock: ['sku', 'location'],
};

/** Which kind of file this is, from its header: a `name` column means products. */
export function detectKind(columns: readonly string[]): ImportKind | undefined {
  if (columns.includes('name')) return 'products';
  if (columns.includes('location') && (columns.includes('quantity') || columns.includes('delta')))
    return 'stock';
  return undefined;
}

const fail = (path: string, message: string): RowResult<never> => ({
  ok: false,
  errors: [{ path, message, code: 'invalid' }],
});

function validate<S extends z.ZodMiniType>(schema: S, value: unknown): RowResult<z.output<S>> {
  const parsed = schema.safeParse(value);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: toFieldErrors(parsed.error.issues) };
}

const integer = (raw: string) => (/^-?\d+$/.test(raw) ? Number(raw) : Number.NaN);

/**
 * The currency's minor-unit digits (2 for EUR, 0 for JPY), or undefined for a code `Intl` refuses.
 * Remembered per code: building the `Intl.NumberFormat` cost ~140 µs, on every priced row of an import.
 */
const minorDigits = new Map<string, number | undefined>();
function minorDigitsOf(currency: string): number | undefined {
  // An ISO 4217 code or nothing: a cell can be long text, and refusals are remembered too.
  if (!/^[A-Z]{3}$/.test(currency)) return undefined;
  if (minorDigits.has(currency)) return minorDigits.get(currency);
  let digits: number | undefined;
  try {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2;
  } catch {
    digits = undefined;
  }
  if (minorDigits.size >= 1000) minorDigits.clear();
  minorDigits.set(currency, digits);
  return digits;
}

/** Decimal text in major units (`14.5`) to minor units for `currency` (1450 cents for EUR). */
export function toMinorUnits(raw: string, currency: string): number | undefined {
  const digits = minorDigitsOf(currency);
  if (digits === undefined) return undefined;
  const match = /^(\d+)(?:\.(\d+))?$/.exec(raw);
  if (!match || (match[2] ?? '').length > digits) return undefined;
  return Number(match[1]) * 10 ** digits + Number((match[2] ?? '').padEnd(digits, '0') || '0');
}

function parseBoolean(raw: string): boolean | undefined {
  const value = raw.toLowerCase();
  if (['', 'true', 'yes', '1', 'y'].includes(value)) return true;
  if (['false', 'no', '0', 'n'].includes(value)) return false;
  return undefined;
}

export function productFromRow(
  values: RowValues,
  defaultCurrency: string,
): RowResult<z.output<typeof ProductInput>> {
  const currency = (values.currency || defaultCurrency).toUpperCase();
  let price: { amount: number; currency: string } | null = null;
  if (values.price) {
    const amount = toMinorUnits(values.price, currency);
    if (amount === undefined) return fail('price', `Expected a price such as 14.50 in ${currency}`);
    price = { amount, currency };
  }
  const active = parseBoolean(values.active ?? '');
  if (active === undefined) return fail('active', 'Expected true or false');
  const threshold = values.lowstockthreshold;
  return validate(ProductInput, {
    sku: values.sku,
    name: values.name,
    price,
    imageUrl: values.imageurl || null,
    ...(threshold ? { lowStockThreshold: integer(threshold) } : {}),
    active,
  });
}

/** A stock row; without `event_id` the event id is derived from the file and line (re-runs replay). */
export function adjustmentFromRow(values: RowValues, fallbackEventId: string): RowResult<StockAdjustment> {
  const base = {
    eventId: values.eventid || fallbackEventId,
    sku: values.sku,
    locationId: values.location,
    ...(values.reason ? { reason: values.reason } : {}),
    ...(values.occurredat ? { occurredAt: values.occurredat } : {}),
  };
  if (values.quantity) return validate(StockAdjustment, { ...base, set: integer(values.quantity) });
  if (values.delta) return validate(StockAdjustment, { ...base, delta: integer(values.delta) });
  return fail('quantity', 'Give a quantity (a count) or a delta');
}
