/**
 * @module Reading a manage link from the page's address (fragment first, then the older query
 * form) and taking it out of the address bar. Part of the manage view's chunk, not the booking
 * flow's: the booking flow only checks whether the URL mentions a token.
 */
import { bookingParam, tokenParam } from './manage-link.js';

type ManageParams = { booking: string; token: string };

/**
 * The booking a manage link carries (fragment first, then the older query form), and the page's
 * URL without it.
 *
 * @example
 * manageParams('https://shop.example/#frontdesk_booking=bk_1&frontdesk_token=tok');
 * // [{ booking: 'bk_1', token: 'tok' }, 'https://shop.example/']
 */
export function manageParams(page: string): [ManageParams | null, string] {
  const url = new URL(page);
  const hash = new URLSearchParams(url.hash.slice(1));
  // A page's own `#section` is left alone; only a fragment of ours is rewritten.
  const ours = hash.has(bookingParam);
  let found: ManageParams | null = null;
  for (const params of [url.searchParams, hash]) {
    const booking = params.get(bookingParam);
    const token = params.get(tokenParam);
    if (booking && token) found = { booking, token };
    params.delete(bookingParam);
    params.delete(tokenParam);
  }
  if (ours) url.hash = hash + '';
  return [found, url.href];
}

let taken: ManageParams | null | undefined;

/**
 * Reads the manage link's booking from the address bar once per page, then takes it out of the
 * address bar (`history.replaceState`), so it is not bookmarked, shared or shown over a shoulder.
 *
 * @example
 * const manage = takeManageParams(); // { booking, token } or null
 */
export function takeManageParams(): ManageParams | null {
  if (taken === undefined) {
    const [found, clean] = manageParams(location.href);
    if (found) history.replaceState(history.state, '', clean);
    taken = found;
  }
  return taken;
}
