/**
 * @module Building blocks shared by every schema of the wire contract: ids, instants and local dates
 * (in one documented range of years), times, IANA zones, money, text (no control characters),
 * lists. Built on `zod/mini` so that browser bundles stay small.
 */
import * as z from 'zod/mini';

/** An opaque id such as `svc_8f3k2…`. Clients must not parse it. */
export const Id = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/));

/**
 * Every date and instant of the API lies in the years 1970 to 2100, both included. Outside them
 * there is nothing to book, and dates such as year 0000 or 275760 break calendar and `Date`
 * arithmetic: outside this range is a 422, never a 5xx. A pattern, so JSON Schema shows it.
 */
const inYearRange = z.regex(/^(?:19[7-9]\d|20\d\d|2100)-/, 'Expected a year from 1970 to 2100');

/**
 * An instant as ISO-8601 in UTC with `Z`, e.g. `2026-03-29T09:00:00Z`, from
 * 1970-01-01T00:00:00Z to 2100-12-31T23:59:59.999Z.
 */
export const Instant = z.iso
  .datetime({ offset: false })
  .check(
    inYearRange,
    z.describe(
      'An ISO-8601 instant in UTC ending in Z, from 1970-01-01T00:00:00Z to 2100-12-31T23:59:59.999Z',
    ),
  );

/**
 * A calendar date in the business's zone, `YYYY-MM-DD` (a real date: no 30 February), from
 * 1970-01-01 to 2100-12-31.
 */
export const LocalDate = z.iso
  .date()
  .check(inYearRange, z.describe('A calendar date YYYY-MM-DD, from 1970-01-01 to 2100-12-31'));

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

/**
 * Characters no text field accepts. C0 controls: a NUL cut stored text short on read-back, and the
 * others have no business in names or notes (tab excepted, pasted from spreadsheets). Unpaired
 * UTF-16 surrogates: they cannot be stored as UTF-8, so they would read back as U+FFFD. Both are
 * patterns, so JSON Schema (and the OpenAPI document) shows them.
 */
export const singleLineCharacters = z.regex(
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /^[^\x00-\x08\x0A-\x1F]*$/,
  'Control characters are not allowed here (tab is; line breaks are not)',
);
const multiLineCharacters = z.regex(
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /^[^\x00-\x08\x0B\x0C\x0E-\x1F]*$/,
  'Control characters are not allowed (tab, line feed and carriage return are)',
);
export const wellFormedText = z.regex(
  /^(?:[^\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/,
  'Expected well-formed Unicode text (an unpaired surrogate cannot be stored)',
);

/**
 * Free text of one line (names, labels, reasons) with a length cap; tab is its only control
 * character. Stored and returned as given, never interpreted as HTML.
 */
export const text = (max: number) => z.string().check(z.maxLength(max), singleLineCharacters, wellFormedText);
/** One line of text, trimmed, not empty. */
export const requiredText = (max: number) =>
  z.string().check(z.trim(), z.minLength(1), z.maxLength(max), singleLineCharacters, wellFormedText);
/**
 * Free text that may span lines (notes, descriptions, answers, addresses): tab, LF and CR (so the
 * CRLF a Windows textarea or clipboard sends) are its only control characters.
 */
export const multilineText = (max: number) =>
  z.string().check(z.maxLength(max), multiLineCharacters, wellFormedText);

/** An email address as given (at most 254 characters, the SMTP limit); `Email` also lower-cases. */
export const EmailAddress = z.email().check(z.maxLength(254));

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
