/**
 * @module `GET /agenda?from=&to=[&resource=]` (business): the calendar views' data in one answer.
 */
import { AgendaQuery } from '@frontdesk/core';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { requireSecret } from '../middleware/auth.js';
import { resourceScope } from '../middleware/staff-scope.js';
import { readQuery } from '../middleware/validate.js';
import { getAgenda } from '../services/agenda.js';
import { scope } from './kit.js';

export function agendaRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/agenda', requireSecret(), async (c) => {
    const query = readQuery(c, AgendaQuery);
    const { db, businessId, now, auth } = scope(c);
    return c.json(await getAgenda(db, businessId, query, now, resourceScope(auth)));
  });
  return app;
}
