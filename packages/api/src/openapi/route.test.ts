/**
 * @module `route()` and the document built from it, on a two-route app: what a declaration turns
 * into (parameters, merged problem codes, the cross-cutting answers, security) and its secret check.
 */
import { ListQuery } from '@frontdesk/core';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { AppEnv, AuthContext } from '../env.js';
import { onError } from '../middleware/problem.js';
import { empty, problem } from './answers.js';
import { buildOpenApiDocument } from './document.js';
import { route } from './route.js';

const Thing = z.object({ id: z.string(), name: z.string() });
const ThingInput = z.strictObject({ name: z.string(), note: z._default(z.string(), '') });

function thingApp(kind: AuthContext['kind']) {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('auth', { kind } as AuthContext);
    await next();
  });
  app.post(
    '/v1/things',
    route({
      summary: 'Create a thing',
      tag: 'Stock',
      auth: 'any',
      body: ThingInput,
      responses: { 201: Thing, 409: problem({ invalid_state: 'It exists.' }) },
      idempotent: true,
      rateLimited: true,
    }),
    (c) => c.json({ id: 't1', name: 'x' }, 201),
  );
  app.get(
    '/v1/things/:id',
    route({
      summary: 'Get a thing',
      tag: 'Stock',
      auth: 'secret',
      query: ListQuery,
      responses: { 200: Thing },
    }),
    (c) => c.json({ id: c.req.param('id'), name: 'x' }),
  );
  app.delete(
    '/things/:id',
    route({ summary: 'Delete', tag: 'Stock', auth: 'none', responses: { 204: empty('Gone') } }),
    (c) => c.body(null, 204),
  );
  app.onError(onError);
  return app;
}

type Op = {
  parameters?: { name: string; in: string; required: boolean }[];
  requestBody?: { required: boolean };
  responses: Record<
    string,
    { content?: Record<string, { schema: { allOf?: { properties: { code: { enum: string[] } } }[] } }> }
  >;
  security: unknown[];
  description?: string;
};

describe('route()', () => {
  it('documents a declaration with its cross-cutting answers merged in', async () => {
    const doc = await buildOpenApiDocument(thingApp('secret'));
    const create = doc.paths['/v1/things']!.post as unknown as Op;
    const codes = (op: Op, status: string) =>
      op.responses[status]?.content?.['application/problem+json']?.schema.allOf?.[1]?.properties.code.enum;
    expect(Object.keys(create.responses)).toEqual([
      '201',
      '400',
      '401',
      '403',
      '409',
      '413',
      '415',
      '422',
      '429',
      '503',
    ]);
    expect(codes(create, '409')).toEqual(['idempotency_conflict', 'invalid_state']);
    expect(create.parameters?.map((p) => `${p.in} ${p.name}`)).toEqual(['header Idempotency-Key']);
    expect(create.requestBody?.required).toBe(true);
    // A key, or the console's session (which acts with a secret key's powers).
    expect(create.security).toEqual([{ bearer: [] }, { session: [] }]);

    const get = doc.paths['/v1/things/{id}']!.get as unknown as Op;
    // 400: a key in both the header and the query (`ambiguous_key`), on every keyed operation.
    expect(Object.keys(get.responses)).toEqual(['200', '400', '401', '403', '404', '422']);
    expect(codes(get, '400')).toEqual(['ambiguous_key']);
    expect(get.parameters?.map((p) => `${p.in} ${p.name} ${p.required}`)).toEqual([
      'path id true',
      'query cursor false',
      'query limit false',
    ]);
    expect(get.description).toMatch(/^\*\*Secret key \(or console session\) only\.\*\*/);

    const remove = doc.paths['/things/{id}']!.delete as unknown as Op;
    expect(Object.keys(remove.responses)).toEqual(['204', '404', '413']);
    expect(remove.security).toEqual([]);
    expect(doc.components.schemas.Problem).toBeDefined();
  });

  it("enforces auth: 'secret' itself", async () => {
    expect((await thingApp('publishable').request('/v1/things/t1')).status).toBe(403);
    expect((await thingApp('secret').request('/v1/things/t1')).status).toBe(200);
    // `any` lets both kinds through.
    expect((await thingApp('publishable').request('/v1/things', { method: 'POST' })).status).toBe(201);
  });
});
