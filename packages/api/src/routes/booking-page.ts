/**
 * @module `GET /book/{slug}`: the hosted booking page, for a business without a website of its own
 * (or as the place manage links in mail open). The business's name and address, and the booking
 * widget — which shows the manage view by itself when the URL carries a manage link's fragment.
 * Served like `/demo`: strict CSP, no inline script or style, laid out for a 375 px phone.
 */
import { Slug } from '@frontdesk/core';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { notFound } from '../errors.js';
import { content, problem } from '../openapi/answers.js';
import { route } from '../openapi/route.js';
import { hostedPageKey } from '../services/booking-page.js';
import { findBusinessBySlug } from '../services/business.js';
import { strictPageHeaders } from './page-headers.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function bookingPageRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get(
    '/book/:slug',
    route({
      summary: 'The hosted booking page of the business with this slug',
      description:
        "The business's name and address and the booking widget (its manage view when the URL's " +
        'fragment is a manage link), under the same strict Content-Security-Policy as `/demo`.',
      tag: 'Widget',
      auth: 'none',
      responses: {
        200: content('text/html', 'The page'),
        404: problem({ not_found: 'No business has this slug.' }),
      },
    }),
    async (c) => {
      const slug = c.req.param('slug');
      const { database, clock } = c.var.deps;
      const business = Slug.safeParse(slug).success ? await findBusinessBySlug(database.db, slug) : undefined;
      if (!business) throw notFound('Booking page');
      const key = await hostedPageKey(database, business.id, clock());
      return c.html(bookingPage(business, key), 200, strictPageHeaders);
    },
  );
  app.get(
    '/widget/page.css',
    route({
      summary: "The hosted booking page's style sheet",
      tag: 'Widget',
      auth: 'none',
      responses: { 200: content('text/css', 'The style sheet') },
    }),
    (c) =>
      c.body(pageCss, 200, {
        'Content-Type': 'text/css; charset=utf-8',
        'Cache-Control': 'public, max-age=300',
      }),
  );
  return app;
}

/**
 * Light and dark from the visitor's setting (the widget follows the same setting). Comfortable on a
 * 375 px phone: small margins, nothing wider than the screen.
 */
const pageCss = `:root{color-scheme:light dark}
body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1f2937;background:#fff}
main{box-sizing:border-box;max-width:44rem;margin:0 auto;padding:1.25rem 1rem 2rem}
h1{font-size:1.5rem;line-height:1.25;margin:0 0 .25rem;overflow-wrap:anywhere}
address{font-style:normal;color:#4b5563;white-space:pre-line;margin:0 0 1.25rem}
frontdesk-booking{display:block;max-width:100%}
@media (prefers-color-scheme:dark){body{color:#f3f4f6;background:#111827}address{color:#d1d5db}}`;

function bookingPage(
  business: { name: string; locale: string; address: string | null },
  key: string,
): string {
  const name = escapeHtml(business.name);
  const address = business.address ? `<address>${escapeHtml(business.address)}</address>` : '';
  return `<!doctype html>
<html lang="${escapeHtml(business.locale)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${name}</title><link rel="stylesheet" href="/widget/page.css">
<script src="/widget.js" async></script></head>
<body><main><h1>${name}</h1>${address}
<frontdesk-booking key="${escapeHtml(key)}" theme="auto"></frontdesk-booking>
</main></body></html>`;
}
