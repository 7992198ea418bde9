/**
 * @module Headers of the HTML pages the API serves (`/demo`, `/book/{slug}`): the strictest
 * Content-Security-Policy a site might have — nothing inline, scripts, styles and calls only to
 * this server — which also proves that sites with such a policy can embed the widget.
 */
export const strictPageHeaders = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; " +
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'",
  'Cache-Control': 'no-store',
  // Manage links carry their token in the fragment, which is never sent; no Referer either.
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
} as const;
