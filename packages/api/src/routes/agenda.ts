/**
 * @module `GET /agenda?from=&to=[&resource=]` (business): the calendar views' data in one answer.
 */
import { Agenda, AgendaQuery } from '@frontdesk/core';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { resourceScope } from '../middleware/staff-scope.js';
import { readQuery } from '../middleware/validate.js';
import { problem } from '../openapi/answers.js';
import { route } from '../openapi/route.js';
import { getAgenda } from '../services/agenda.js';
import { scope } from './kit.js';

export function agendaRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get(
    '/agenda',
    route({
      summary: 'Everything on the calendar between two dates',
      description:
        'Dates in the business zone, at most 31 days: the resources (columns, with weekly hours), ' +
        'bookings starting in the range that are not cancelled, live holds, time off, date overrides ' +
        "and closures. A staff member's session sees their resources only.",
      tag: 'Agenda',
      auth: 'secret',
      query: AgendaQuery,
      responses: {
        200: Agenda,
        404: problem({ not_found: "No such resource (or not one of the staff member's)." }),
      },
    }),
    async (c) => {
      const query = readQuery(c, AgendaQuery);
      const { db, businessId, now, auth } = scope(c);
      return c.json(await getAgenda(db, businessId, query, now, resourceScope(auth)));
    },
  );
  return app;
}
