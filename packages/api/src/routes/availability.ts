/**
 * @module `GET /availability?service=&from=&to=[&resource=]`: offered start times.
 */
import { Availability, AvailabilityQuery } from '@frontdesk/core';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { forbidden } from '../errors.js';
import { sha256 } from '../ids.js';
import { isSecret } from '../middleware/auth.js';
import { readFrequentQuery } from '../middleware/validate.js';
import { empty, problem } from '../openapi/answers.js';
import { route } from '../openapi/route.js';
import { getEncodedAvailability, gzippedBody } from '../services/availability.js';
import { ifNoneMatchHits } from './if-none-match.js';
import { scope } from './kit.js';

export const onlyTheBusiness = () =>
  forbidden('Only the business (secret key or console) may ignore the booking window');

export function availabilityRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get(
    '/availability',
    route({
      summary: 'Offered start times between two dates',
      description:
        '`from` and `to` are dates in the business zone (inclusive). Each slot is a UTC instant with ' +
        'the seats left and the resources that can take it. Publishable keys see active services only. ' +
        '`ignoreBookingWindow=true` (secret key or console session only) also offers starts inside the ' +
        "service's minimum notice and past its horizon, for a booking made by the business. " +
        'Answers carry an `ETag` (per key and question); `If-None-Match` with it gives a 304 while the ' +
        'answer is unchanged.',
      tag: 'Booking',
      auth: 'any',
      query: AvailabilityQuery,
      responses: {
        200: Availability,
        304: empty('Not modified (`If-None-Match` matched the `ETag`)'),
        403: problem({ forbidden: '`ignoreBookingWindow` with a publishable key.' }),
        404: problem({ not_found: 'No such service (or an inactive one, for a publishable key).' }),
      },
    }),
    async (c) => {
      const query = readFrequentQuery(c, AvailabilityQuery);
      const { db, businessId, now, auth, logger } = scope(c);
      if (query.ignoreBookingWindow && !isSecret(auth)) throw onlyTheBusiness();
      const answer = await getEncodedAvailability(
        db,
        {
          businessId,
          serviceId: query.service,
          resourceId: query.resource,
          from: query.from,
          to: query.to,
          now,
          includeInactive: isSecret(auth),
          ignoreBookingWindow: query.ignoreBookingWindow === true,
          logger,
        },
        auth.business,
      );
      const etag = `"${answer.tag}.${keyTag(auth.keyId)}"`;
      // Sent gzipped when the client takes it (every browser does): the slots repeat one shape, so
      // a month's 60 KB answer is ~3 KB on the wire. The gzipped bytes get the weak form of the tag
      // (another encoding of the same answer); either form revalidates.
      const gzip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
      c.header('Vary', 'Accept-Encoding', { append: true });
      const headers = {
        ETag: gzip ? `W/${etag}` : etag,
        // A browser keeps the answer and asks again with If-None-Match each time (the widget's plain
        // fetch does so by itself); intermediaries must not keep a copy.
        'Cache-Control': 'private, no-cache',
      };
      if (ifNoneMatchHits(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);
      if (gzip) {
        return c.body(gzippedBody(answer), 200, {
          ...headers,
          'Content-Type': 'application/json',
          'Content-Encoding': 'gzip',
        });
      }
      return c.body(answer.body, 200, {
        ...headers,
        'Content-Type': 'application/json',
      });
    },
  );
  return app;
}

/**
 * The key's (or console user's) part of the ETag: a browser revalidating with another key than the
 * one that fetched its copy gets the answer again, never a 304 for bytes that key did not receive.
 * A hash, so the tag does not show the key's id; remembered, since the same few keys ask all day.
 */
const keyTags = new Map<string, string>();
function keyTag(keyId: string): string {
  let tag = keyTags.get(keyId);
  if (tag === undefined) {
    tag = sha256(keyId).slice(0, 10);
    if (keyTags.size >= 10_000) keyTags.clear();
    keyTags.set(keyId, tag);
  }
  return tag;
}
