/**
 * @module Times in mail: in a named zone (the business's, and the customer's when it differs), in
 * the reader's language, spelled by `Intl`. Formatters are cached: building one costs far more
 * than using it, and a process writes many messages in the same few languages and zones.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string, part: 'date' | 'time' | 'short'): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${part}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      part === 'date'
        ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone }
        : part === 'time'
          ? { hour: 'numeric', minute: '2-digit', timeZone }
          : { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', timeZone };
    try {
      f = new Intl.DateTimeFormat(locale, options);
    } catch {
      // A well-formed tag Intl still refuses: English rather than no message.
      f = new Intl.DateTimeFormat('en', options);
    }
    formatters.set(key, f);
  }
  return f;
}

/**
 * A span such as `Tuesday, 3 March 2026, 09:00–09:30 (Europe/Lisbon)`; when it ends on another
 * local day, both dates are written.
 */
export function formatSpan(start: number, end: number, timeZone: string, locale: string): string {
  const date = formatter(locale, timeZone, 'date');
  const time = formatter(locale, timeZone, 'time');
  const startDate = date.format(start);
  const endDate = date.format(end);
  const span =
    startDate === endDate
      ? `${startDate}, ${time.format(start)}–${time.format(end)}`
      : `${startDate}, ${time.format(start)} – ${endDate}, ${time.format(end)}`;
  return `${span} (${timeZone})`;
}

/** One instant such as `Tuesday, 3 March 2026, 09:00 (Europe/Lisbon)`. */
export function formatInstant(at: number, timeZone: string, locale: string): string {
  return `${formatter(locale, timeZone, 'date').format(at)}, ${formatter(locale, timeZone, 'time').format(at)} (${timeZone})`;
}

/** A short form for subjects, `3 Mar, 09:00` (the zone is named in the body). */
export function formatShort(at: number, timeZone: string, locale: string): string {
  return formatter(locale, timeZone, 'short').format(at);
}

/**
 * The span in the customer's zone, or null when it reads the same as in the business's (same
 * wall-clock times), where a second line would only repeat the first.
 */
export function customerSpan(
  start: number,
  end: number,
  businessZone: string,
  customerZone: string | null,
  locale: string,
): string | null {
  if (!customerZone || customerZone === businessZone) return null;
  const theirs = formatSpan(start, end, customerZone, locale);
  const ours = formatSpan(start, end, businessZone, locale);
  return theirs.slice(0, theirs.lastIndexOf(' (')) === ours.slice(0, ours.lastIndexOf(' (')) ? null : theirs;
}
