/**
 * @module Part of the loader: for a `<frontdesk-booking service=…>`, asks the API for the service
 * and this month's availability while the UI chunk is still downloading, so on a slow network the
 * calendar does not wait for the chunk and then for the API, one after the other. The UI's client
 * takes these answers (once) for the exact same paths; any other path, it fetches itself.
 */

/** Responses started by the loader, by API path (`/availability?…`). */
export type Prefetched = Map<string, Promise<Response>>;

/**
 * Starts the requests; stores them on the element as `fdPrefetch`.
 *
 * @example
 * prefetchBooking(document.querySelector('frontdesk-booking')!);
 */
export function prefetchBooking(el: HTMLElement & { fdPrefetch?: Prefetched }): void {
  const attr = (name: string) => el.getAttribute(name);
  const api = attr('api');
  const key = attr('key');
  const service = attr('service');
  if (!api || !key || !service || attr('booking') || location.href.includes('frontdesk_booking')) return;
  // The same days the calendar asks for: the visitor's month, a day either side (see slot-picker).
  const now = new Date();
  const day = (offset: number, d: number) =>
    new Date(now.getFullYear(), now.getMonth() + offset, d).toLocaleDateString('en-CA');
  const id = encodeURIComponent(service);
  el.fdPrefetch = new Map(
    [`/services/${id}`, `/availability?service=${id}&from=${day(0, 0)}&to=${day(1, 1)}`].map((path) => {
      const response = fetch(`${api.replace(/\/+$/, '')}/v1${path}`, {
        headers: { Authorization: `Bearer ${key}` },
      });
      response.catch(() => {}); // unused or failed: the UI's client asks again and reports
      return [path, response];
    }),
  );
}
