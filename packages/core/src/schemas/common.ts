/**
 * @module Building blocks shared by every schema of the wire contract: ids, instants, local dates
 * and times, IANA zones, money, lists. Built on `zod/mini` so that browser bundles stay small.
 */
import * as z from 'zod/mini';

/** An opaque id such as `svc_8f3k2…`. Clients must not parse it. */
export const Id = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/));

/** An instant as ISO-8601 in UTC with `Z`, e.g. `2026-03-29T09:00:00Z`. */
export const Instant = z.iso.datetime({ offset: false });

/** A calendar date in the business's zone, `YYYY-MM-DD` (a real date: no 30 February). */
export const LocalDate = z.iso.date();

/** A wall-clock time `HH:MM`, 00:00 to 24:00 (24:00 only as the end of a day). */
export const LocalTime = z.string().check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Expected HH:MM'));

/** Whether `Intl` knows this IANA zone name. Cached: the set of zones is fixed for a process. */
const knownZones = new Map<string, boolean>();
export function isTimeZone(name: string): boolean {
  let known = knownZones.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
      known = name.length > 0 && name.length < 64;
    } catch {
      known = false;
    }
    knownZones.set(name, known);
  }
  return known;
}

/** An IANA time-zone name such as `Europe/Lisbon`. */
export const TimeZone = z.string().check(z.refine(isTimeZone, 'Unknown IANA time zone'));

/** An ISO 4217 currency code, upper case. */
export const Currency = z.string().check(z.regex(/^[A-Z]{3}$/, 'Expected an ISO 4217 code such as EUR'));

/** Money as integer minor units (cents) and a currency. */
export const Money = z.object({
  amount: z.int().check(z.gte(0)),
  currency: Currency,
});
export type Money = z.infer<typeof Money>;

/** A BCP 47 language tag such as `en-GB`. */
export const Locale = z
  .string()
  .check(z.maxLength(35), z.regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'Expected a BCP 47 tag'));

/** Free text with a length cap; stored and returned as given, never interpreted as HTML. */
export const text = (max: number) => z.string().check(z.maxLength(max));
export const requiredText = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/**
 * A name on one line: required text without line breaks or other control characters. Names end up
 * in mail headers (`From`, `To`, `Subject`) and calendar lines, where a CR or LF would start a new
 * header or property.
 */
export const singleLineText = (max: number) =>
  z.string().check(
    z.trim(),
    z.minLength(1),
    z.maxLength(max),
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
    z.regex(/^[^\x00-\x1f\x7f\u2028\u2029]*$/, 'Line breaks and control characters are not allowed'),
  );

/** An email address (at most 254 characters, the SMTP limit). */
export const Email = z.email().check(z.maxLength(254));

/** Every list answers `{ data, nextCursor }`; pass `nextCursor` back as `cursor` for the next page. */
export const listOf = <T extends z.ZodMiniType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.nullable(z.string()) });

/** Query parameters every list accepts. */
export const ListQuery = z.object({
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(100))),
});
export type ListQuery = z.infer<typeof ListQuery>;

export type Id = z.infer<typeof Id>;
export type Instant = z.infer<typeof Instant>;
export type LocalDate = z.infer<typeof LocalDate>;
export type LocalTime = z.infer<typeof LocalTime>;
