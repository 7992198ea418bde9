/**
 * @module The business (tenant): its zone, locale and currency, how long holds last, and what
 * customers and staff are told: where its booking page is, its address, who hears about bookings
 * and when customers are reminded.
 */
import * as z from 'zod/mini';
import {
  Currency,
  EmailAddress,
  Id,
  Instant,
  Locale,
  multilineText,
  requiredText,
  singleLineCharacters,
  TimeZone,
} from './common.js';
import { Reminders } from './reminder.js';

/**
 * Whether `value` can be the business's booking page: an absolute https URL (plain http only on
 * localhost, for development), without credentials or a fragment (the manage link adds its own).
 */
export function isBookingPageUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return false;
  return url.username === '' && url.password === '' && url.hash === '' && !value.includes('#');
}

/** The page on the business's own site that embeds `<frontdesk-booking>`; manage links point there. */
export const BookingPageUrl = z
  .string()
  .check(
    z.maxLength(2000),
    singleLineCharacters,
    z.refine(
      isBookingPageUrl,
      'Expected an https:// URL (http:// only on localhost) without credentials or #fragment',
    ),
  );

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
  /** Manage links in mail point here (plus the widget's fragment); else to the hosted page. */
  bookingPageUrl: z.nullable(z.string()),
  /** Shown in mail and as the LOCATION of calendar events. */
  address: z.nullable(z.string()),
  /** Where notices of new and cancelled bookings go. Only shown to secret keys. */
  notifyEmail: z.optional(z.nullable(z.string())),
  /** Reminders for services that do not set their own. */
  reminders: Reminders,
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
    bookingPageUrl: z.nullable(BookingPageUrl),
    address: z.nullable(multilineText(300)),
    notifyEmail: z.nullable(EmailAddress),
    reminders: Reminders,
  }),
);
export type BusinessUpdate = z.infer<typeof BusinessUpdate>;
