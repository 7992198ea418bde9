/**
 * @module The bad-input generator, in one place for the two that use it: the API's fuzz test
 * (packages/api/test/bad-input.test.ts, in-process) and the torture harness's R3 (bench/torture,
 * against `frontdesk serve` over HTTP). A fast-check arbitrary of requests to every documented
 * route: random JSON (and not-JSON) bodies mixed with valid ones, random and real ids (of this
 * business and of another), random query strings with edge dates, optional Idempotency-Keys, and
 * either key kind.
 */
import fc from 'fast-check';

export const nasty = [
  "' OR 1=1; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'x'.repeat(300),
  '%00',
  '😀',
  '2026-02-30',
  'Mars/Olympus',
  '-1',
  '1e309',
];

/** Years at and past the ends of 1970..2100, and where `Date` and the calendar math give up. */
const edgeYears = [
  '0000',
  '0001',
  '1969',
  '1970',
  '2026',
  '2100',
  '2101',
  '9999',
  '275760',
  '+275760',
  '-000001',
];
export const edgeDate = fc
  .tuple(fc.constantFrom(...edgeYears), fc.constantFrom('01-01', '02-28', '02-29', '12-31', '02-30', '13-01'))
  .map(([year, monthDay]) => `${year}-${monthDay}`);
export const edgeInstant = fc.oneof(
  fc
    .tuple(
      edgeDate,
      fc.constantFrom(
        'T00:00:00Z',
        'T09:00:00Z',
        'T23:59:59.999Z',
        'T09:00:00.123456789Z',
        'T24:00:00Z',
        'T09:00:00',
      ),
    )
    .map(([date, time]) => date + time),
  // Anywhere in the range of `Date`, including ±YYYYYY years.
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);

/** Every operation of an OpenAPI document under /v1 (the stream never ends: left out). */
export function apiRoutes(document) {
  return Object.entries(document.paths)
    .filter(([path]) => path.startsWith('/v1') && path !== '/v1/stock/stream')
    .flatMap(([path, operations]) => Object.keys(operations).map((method) => ({ method, path })));
}

export function fillPath(path, value) {
  return path.replace(/\{\w+\}/g, encodeURIComponent(value));
}

/** How the body travels: as JSON, as JSON labelled as something else, or not as JSON at all. */
const bodyForms = ['json', 'json', 'json', 'text/plain', 'broken'];

const queryNames = [
  'service',
  'from',
  'to',
  'resource',
  'limit',
  'cursor',
  'token',
  'status',
  'email',
  'type',
  'sku',
  'skus',
  'since',
  'kind',
  'booking',
];

/**
 * Bad (and some good) requests to `routes`: `{ method, path, headers, body, secret }`, where
 * `path` includes the query, `headers` everything but `Authorization` (the caller adds the
 * secret key when `secret`, else the publishable one), and `body` the text to send, if any.
 */
export function badRequests({ routes, ownIds, otherIds, samples }) {
  return fc
    .tuple(
      fc.constantFrom(...routes),
      fc.oneof(fc.jsonValue(), fc.constantFrom(...nasty, ...samples), fc.object()),
      fc.constantFrom(...bodyForms),
      fc.oneof(
        fc.constantFrom(...nasty),
        fc.constantFrom(...otherIds),
        fc.constantFrom(...ownIds),
        fc.string({ maxLength: 80 }),
      ),
      fc.dictionary(
        fc.constantFrom(...queryNames),
        fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(...nasty), edgeDate, edgeInstant),
      ),
      fc.option(fc.oneof(fc.uuid(), fc.constantFrom('fuzz-key', ' ', 'x'.repeat(300))), { nil: undefined }),
      fc.boolean(),
    )
    .map(([route, body, form, id, query, idempotencyKey, secret]) => {
      const qs = new URLSearchParams(query).toString();
      const withBody = route.method !== 'get' && route.method !== 'delete';
      const headers = {};
      if (withBody) headers['Content-Type'] = 'application/json';
      if (idempotencyKey !== undefined) headers['Idempotency-Key'] = idempotencyKey;
      if (form === 'text/plain') headers['Content-Type'] = 'text/plain';
      const sent = form === 'broken' ? `${JSON.stringify(body)}}` : body;
      return {
        method: route.method.toUpperCase(),
        path: `${fillPath(route.path, id)}${qs ? `?${qs}` : ''}`,
        headers,
        body: withBody ? (typeof sent === 'string' ? sent : JSON.stringify(sent)) : undefined,
        secret,
      };
    });
}
