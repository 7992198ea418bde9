/**
 * @module The business (tenant): its zone, locale and currency, and how long holds last.
 */
import * as z from 'zod/mini';
import { Currency, Id, Instant, Locale, requiredText, TimeZone } from './common.js';

export const Business = z.object({
  id: Id,
  name: z.string(),
  timezone: TimeZone,
  locale: Locale,
  currency: Currency,
  /** Minutes a hold keeps a slot while the customer fills in the form. */
  holdMinutes: z.int(),
  createdAt: Instant,
});
export type Business = z.infer<typeof Business>;

export const BusinessUpdate = z.partial(
  z.strictObject({
    name: requiredText(200),
    timezone: TimeZone,
    locale: Locale,
    currency: Currency,
    holdMinutes: z.int().check(z.gte(1), z.lte(60)),
  }),
);
export type BusinessUpdate = z.infer<typeof BusinessUpdate>;
