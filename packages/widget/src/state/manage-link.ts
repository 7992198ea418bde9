/**
 * @module The manage link a confirmation points to. By default it is the page the widget is on,
 * with `frontdesk_booking` and `frontdesk_token` in the URL FRAGMENT: a fragment is never sent to
 * a server, so the token stays out of access logs, proxies and `Referer` headers. Links in the
 * query string (sent before this change) still open. A site may instead give a `manage-url`
 * template with `{booking}` and `{token}`. Reading a link is in `manage-params.ts`, which only
 * the manage view's chunk carries.
 */

export const bookingParam = 'frontdesk_booking';
export const tokenParam = 'frontdesk_token';

/**
 * @example
 * manageLink('bk_1', 'tok', null, 'https://shop.example/book?x=1');
 * // 'https://shop.example/book?x=1#frontdesk_booking=bk_1&frontdesk_token=tok'
 */
export function manageLink(booking: string, token: string, template: string | null, page: string): string {
  if (template) {
    return template
      .replaceAll('{booking}', encodeURIComponent(booking))
      .replaceAll('{token}', encodeURIComponent(token));
  }
  const url = new URL(page);
  url.hash = new URLSearchParams({ [bookingParam]: booking, [tokenParam]: token }) + '';
  return url.href;
}
