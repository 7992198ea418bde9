/**
 * @module The people of the business (owner session or secret key): list, invite (the answer
 * carries the one-time link, so it works without mail), change role and resources, remove, and
 * issue a fresh link.
 */
import { InvitedUser, ListQuery, listOf, User, UserInput, UserUpdate } from '@frontdesk/core';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { consoleUrl } from '../middleware/site.js';
import { readJson, readQuery } from '../middleware/validate.js';
import { empty, problem } from '../openapi/answers.js';
import { route } from '../openapi/route.js';
import { inviteUser, listUsers, reinviteUser, removeUser, updateUser } from '../services/users.js';
import { param, scope } from './kit.js';

const lastOwner = { invalid_state: "This is the business's last owner: make someone else owner first." };

export function userRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get(
    '/users',
    route({
      summary: 'The people who sign in to the console',
      tag: 'Users',
      auth: 'secret',
      query: ListQuery,
      responses: { 200: listOf(User) },
    }),
    async (c) => {
      const query = readQuery(c, ListQuery);
      const { db, businessId } = scope(c);
      return c.json(await listUsers(db, businessId, query));
    },
  );
  app.post(
    '/users',
    route({
      summary: 'Invite someone',
      description:
        'The answer carries `invitation.url`, a one-time link (7 days) to hand over; opening it, the ' +
        'person chooses a password. An email that already signs in is `422` (`taken`).',
      tag: 'Users',
      auth: 'secret',
      body: UserInput,
      responses: { 201: InvitedUser },
    }),
    async (c) => {
      const input = await readJson(c, UserInput);
      const { database, businessId, now } = scope(c);
      const url = consoleUrl(c, c.var.deps.site);
      return c.json(await database.write((tx) => inviteUser(tx, businessId, input, url, now)), 201);
    },
  );
  app.patch(
    '/users/:id',
    route({
      summary: "Change someone's name, role or resources",
      tag: 'Users',
      auth: 'secret',
      body: UserUpdate,
      responses: { 200: User, 409: problem(lastOwner) },
    }),
    async (c) => {
      const patch = await readJson(c, UserUpdate);
      const { database, businessId, now } = scope(c);
      return c.json(await database.write((tx) => updateUser(tx, businessId, param(c, 'id'), patch, now)));
    },
  );
  app.delete(
    '/users/:id',
    route({
      summary: 'Remove someone',
      description: 'They cannot sign in any more, and every session of theirs ends at once.',
      tag: 'Users',
      auth: 'secret',
      responses: { 204: empty('Removed'), 409: problem(lastOwner) },
    }),
    async (c) => {
      const { database, businessId, now } = scope(c);
      await database.write((tx) => removeUser(tx, businessId, param(c, 'id'), now));
      return c.body(null, 204);
    },
  );
  app.post(
    '/users/:id/invitation',
    route({
      summary: 'A fresh one-time link',
      description: 'For someone who has not chosen a password yet; the earlier link stops working.',
      tag: 'Users',
      auth: 'secret',
      responses: {
        201: InvitedUser,
        409: problem({ invalid_state: 'This person has already chosen a password.' }),
      },
    }),
    async (c) => {
      const { database, businessId, now } = scope(c);
      const url = consoleUrl(c, c.var.deps.site);
      return c.json(
        await database.write((tx) => reinviteUser(tx, businessId, param(c, 'id'), url, now)),
        201,
      );
    },
  );
  return app;
}
