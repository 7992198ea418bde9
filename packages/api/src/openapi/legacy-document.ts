import * as z from 'zod/mini';
import { bookingRouteDocs } from './booking-routes.js';
import type { RouteDoc } from './route-doc.js';
import { stockRouteDocs } from './stock-routes.js';

/** Every documented route. */
export const routeDocs: RouteDoc[] = [...bookingRouteDocs, ...stockRouteDocs];

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

export function legacyOperation(route: RouteDoc): JsonSchema {
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
    security: route.auth === 'none' ? [] : [{ bearer: [] }],
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
