/**
 * @module The OpenAPI 3.1 document, generated from the route tables and the core zod schemas
 * (`z.toJSONSchema`): the schemas that validate requests at runtime are the ones documented.
 */
import { Problem } from '@frontdesk/core';
import * as z from 'zod/mini';
import { bookingRouteDocs } from './booking-routes.js';
import { consoleRouteDocs } from './console-routes.js';
import type { RouteDoc } from './route-doc.js';
import { stockRouteDocs } from './stock-routes.js';

/** Every documented route. */
export const routeDocs: RouteDoc[] = [...bookingRouteDocs, ...stockRouteDocs, ...consoleRouteDocs];

const securityOf: Record<RouteDoc['auth'], unknown[]> = {
  none: [],
  any: [{ bearer: [] }, { session: [] }],
  secret: [{ bearer: [] }, { session: [] }],
  session: [{ session: [] }],
};

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema {
  // Custom checks (e.g. "a known IANA zone") have no JSON Schema form; they are described in prose.
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const problemContent = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
const problem = (description: string) => ({ description, content: problemContent });

function queryParameters(schema: z.ZodMiniType): unknown[] {
  const json = jsonSchema(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema: property,
  }));
}

function operation(route: RouteDoc): JsonSchema {
  const parameters: unknown[] = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  if (route.query) parameters.push(...queryParameters(route.query));
  if (route.idempotent) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'Retry safely: the same key and body replay the first answer (kept at least 24 h).',
      schema: { type: 'string', maxLength: 255 },
    });
  }
  const { status, schema, contentType, description } = route.response;
  const success: JsonSchema = { description: description ?? (status === 204 ? 'Done' : 'OK') };
  if (schema) success.content = { 'application/json': { schema: jsonSchema(schema, 'output') } };
  else if (contentType) success.content = { [contentType]: {} };
  const responses: JsonSchema = { [status]: success };
  if (route.body || route.query) responses['422'] = problem('validation_failed, with field errors');
  if (route.auth !== 'none') {
    responses['401'] = problem('unauthorized: missing or unknown key');
    responses['403'] = problem('forbidden: wrong key kind or origin');
  }
  if (route.path.includes('{')) responses['404'] = problem('not_found');
  if (
    route.method === 'post' &&
    (route.path.endsWith('/bookings') || route.path.endsWith('/holds') || route.path.includes('reschedule'))
  ) {
    responses['409'] = problem('slot_unavailable, idempotency_conflict, invalid_state or cutoff_passed');
  }
  if (route.rateLimited) responses['429'] = problem('rate_limited (see Retry-After)');
  const op: JsonSchema = {
    summary: route.summary,
    tags: [route.tag],
    operationId: `${route.method}${route.path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
    responses,
    security: securityOf[route.auth],
  };
  if (parameters.length > 0) op.parameters = parameters;
  if (route.body) {
    op.requestBody = {
      required: true,
      content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
    };
  }
  return op;
}

let cached: JsonSchema | undefined;

/** Builds (once) the OpenAPI document. */
export function openApiDocument(): JsonSchema {
  if (cached) return cached;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routeDocs) {
    paths[route.path] ??= {};
    paths[route.path]![route.method] = operation(route);
  }
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'Frontdesk API',
      version: '1',
      description:
        'Bookings and stock for a local business. Authenticate with `Authorization: Bearer fd_pk_…` ' +
        '(publishable, for pages) or `fd_sk_…` (secret, server only). Errors are RFC 9457 problems.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'fd_pk_… or fd_sk_…' },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'frontdesk_session',
          description:
            'The console session (set by POST /v1/session). Only from pages of this server, with ' +
            'the header X-Frontdesk-CSRF: 1; acts as the owner, or as staff limited to their resources.',
        },
      },
      schemas: { Problem: jsonSchema(Problem, 'output') },
    },
    paths,
  };
  return cached;
}
