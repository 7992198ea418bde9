/**
 * @module The manage link a confirmation points to. By default it is the page the widget is on,
 * with `frontdesk_booking` and `frontdesk_token` added: the same widget there opens the booking.
 * A site may instead give a `manage-url` template with `{booking}` and `{token}`.
 */

export const bookingParam = 'frontdesk_booking';
export const tokenParam = 'frontdesk_token';

/**
 * @example
 * manageLink('bk_1', 'tok', null, 'https://shop.example/book?x=1');
 * // 'https://shop.example/book?x=1&frontdesk_booking=bk_1&frontdesk_token=tok'
 */
export function manageLink(booking: string, token: string, template: string | null, page: string): string {
  if (template) {
    return template
      .replaceAll('{booking}', encodeURIComponent(booking))
      .replaceAll('{token}', encodeURIComponent(token));
  }
  const url = new URL(page);
  url.hash = '';
  url.searchParams.set(bookingParam, booking);
  url.searchParams.set(tokenParam, token);
  return url.href;
}

/** The booking a manage link carries, if the page was opened through one. */
export function manageParams(page: string): { booking: string; token: string } | null {
  const params = new URL(page).searchParams;
  const booking = params.get(bookingParam);
  const token = params.get(tokenParam);
  return booking && token ? { booking, token } : null;
}
