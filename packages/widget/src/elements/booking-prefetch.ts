/**
 * @module Part of the loader: for a `<frontdesk-booking service=…>`, asks the API for the service
 * and this month's availability (without `service`: for the list of services) while the UI chunk is
 * still downloading, so on a slow network the
 * calendar does not wait for the chunk and then for the API, one after the other. The UI's client
 * takes these answers (once) for the exact same paths; any other path, it fetches itself. Like the
 * client's GETs, they carry the key as `?key=` and no header, so a cross-origin page sends them
 * without a CORS preflight (which would cost a round trip before each).
 */

/** Responses started by the loader, by API path without the key (`/availability?…`). */
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
  if (!api || !key || attr('booking') || location.href.includes('frontdesk_booking')) return;
  // The same paths the UI asks for: the list (api-client `services()`), or the service and the
  // days the calendar shows — the visitor's month, a day either side (see slot-picker).
  // YYYY-MM-DD by hand, not `toLocaleDateString('en-CA')`: the first Intl call of a page loads
  // ICU's data, 170-340 ms on a slow phone, and here that would hold back the requests below.
  // The visitor's year and month, counted in UTC only to print them as YYYY-MM-DD. The range is
  // day 0 of this month (the last of the previous one) to day 1 of the next: `day(0)`, `day(1)`.
  const now = new Date();
  const day = (n: number) =>
    new Date(Date.UTC(now.getFullYear(), now.getMonth() + n, n)).toISOString().slice(0, 10);
  const id = service && encodeURIComponent(service);
  const paths = id
    ? [`/services/${id}`, `/availability?service=${id}&from=${day(0)}&to=${day(1)}`]
    : ['/services?limit=100'];
  el.fdPrefetch = new Map(
    paths.map((path) => {
      const response = fetch(
        `${api.replace(/\/+$/, '')}/v1${path}${path.includes('?') ? '&' : '?'}key=${encodeURIComponent(key)}`,
      );
      response.catch(() => {}); // unused or failed: the UI's client asks again and reports
      return [path, response];
    }),
  );
  // The UI formats dates with Intl as soon as it runs: pay ICU's start-up now, in the next task
  // (the UI chunk's request is out by then), while the network is the wait, not after the chunk.
  setTimeout(() => now.toLocaleString());
}
