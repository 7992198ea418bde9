/**
 * @module The business (tenant): its zone, locale and currency, and how long holds last.
 */
import * as z from 'zod/mini';
import { Currency, Id, Instant, Locale, requiredText, TimeZone } from './common.js';

/** Lower-case letters, digits and single dashes, such as `salao-lisboa`. */
export const Slug = z
  .string()
  .check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lower-case letters, digits and dashes'), z.maxLength(60));

export const Business = z.object({
  id: Id,
  name: z.string(),
  /** The business's short name in URLs (the hosted booking page `/book/{slug}`); null if none. */
  slug: z.nullable(z.string()),
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
    slug: Slug,
    timezone: TimeZone,
    locale: Locale,
    currency: Currency,
    holdMinutes: z.int().check(z.gte(1), z.lte(60)),
  }),
);
export type BusinessUpdate = z.infer<typeof BusinessUpdate>;
