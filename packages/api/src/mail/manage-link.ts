/**
 * @module The link in mail that opens a booking's manage view: the business's own booking page
 * (`bookingPageUrl`) or else its hosted page (`/book/{slug}`), with the widget's fragment
 * `#frontdesk_booking=…&frontdesk_token=…`. A fragment never reaches a server, so the token stays
 * out of access logs and Referer headers.
 */

export interface ManageLinkTarget {
  bookingPageUrl: string | null;
  slug: string | null;
}

/**
 * The manage URL, or null when the business has neither a booking page nor a slug (or the server
 * does not know its public URL for the hosted page).
 *
 * @example
 * manageUrl({ bookingPageUrl: null, slug: 'salao' }, 'https://book.example', 'bkg_1', 'mt_x');
 * // 'https://book.example/book/salao#frontdesk_booking=bkg_1&frontdesk_token=mt_x'
 */
export function manageUrl(
  business: ManageLinkTarget,
  publicUrl: string | undefined,
  bookingId: string,
  token: string,
): string | null {
  const page =
    business.bookingPageUrl ?? (business.slug && publicUrl ? `${publicUrl}/book/${business.slug}` : null);
  if (!page) return null;
  // The query string's characters are all fragment-safe, so this is what setting `url.hash` gives.
  return `${pageWithoutFragment(page)}#${new URLSearchParams({ frontdesk_booking: bookingId, frontdesk_token: token })}`;
}

/** Pages parsed once: a process mails links to the same few pages, and parsing a URL is not free. */
const pages = new Map<string, string>();

function pageWithoutFragment(page: string): string {
  let base = pages.get(page);
  if (base === undefined) {
    const url = new URL(page);
    url.hash = '';
    base = url.href;
    if (pages.size >= 1000) pages.clear();
    pages.set(page, base);
  }
  return base;
}
