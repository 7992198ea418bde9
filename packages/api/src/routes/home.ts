/**
 * @module `GET /`: where a person who opens the server's address should land — the owner console
 * when it is built, else the demo page when the demo business exists, else the API reference.
 * A newcomer who opens `http://localhost:8787` sees a page, not a JSON 404.
 */
import { Hono } from 'hono';
import type { Database } from '../db/open.js';
import type { AppEnv } from '../env.js';
import { empty } from '../openapi/answers.js';
import { route } from '../openapi/route.js';
import { demoPublishableKey } from '../services/demo.js';

export function homeRoutes(options: { hasConsole: () => boolean; database: Database }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get(
    '/',
    route({
      summary: 'The start page: redirects to the console, the demo or the API reference',
      description:
        '`302` to `/console` when the console is built on this server, else to `/demo` when the demo ' +
        'business exists (`frontdesk seed --demo`), else to `/docs`.',
      tag: 'Operations',
      auth: 'none',
      responses: { 302: empty('Redirect (`Location`: `/console`, `/demo` or `/docs`)') },
    }),
    async (c) => {
      if (options.hasConsole()) return c.redirect('/console', 302);
      if (await demoPublishableKey(options.database)) return c.redirect('/demo', 302);
      return c.redirect('/docs', 302);
    },
  );
  return app;
}
