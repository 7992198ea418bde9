/**
 * @module The OpenAPI 3.1 document, generated from the app itself: hono-openapi walks the app's
 * routes and collects each `route({...})` declaration (route.ts); this module then finishes every
 * operation with what follows from its declared facts — query parameters, the `Idempotency-Key`
 * header, the cross-cutting problems (answers.ts) merged with the route's own, security.
 */
import { Problem } from '@frontdesk/core';
import type { Hono } from 'hono';
import { generateSpecs } from 'hono-openapi';
import type { AppEnv } from '../env.js';
import { crossCuttingProblems } from './answers.js';
import { answerSchema, requestSchema } from './components.js';
import { type ContractExtension, contractKey } from './route.js';
import { tags } from './tags.js';

type Json = Record<string, unknown>;
export interface OpenApiDocument extends Json {
  openapi: string;
  paths: Record<string, Record<string, Json>>;
  components: Json & { schemas: Record<string, Json> };
}

const problemRef = { $ref: '#/components/schemas/Problem' };

function problemResponse(codes: Record<string, string>, status: number): Json {
  const names = Object.keys(codes).sort();
  const response: Json = {
    description: names.map((code) => `\`${code}\`: ${codes[code]}`).join('\n\n'),
    content: {
      'application/problem+json': {
        schema: {
          allOf: [
            problemRef,
            { type: 'object', required: ['code'], properties: { code: { type: 'string', enum: names } } },
          ],
        },
      },
    },
  };
  if (status === 429 || status === 503) {
    response.headers = {
      'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer' } },
    };
  }
  return response;
}

async function queryParameters(query: ContractExtension['query']): Promise<Json[]> {
  if (!query) return [];
  const { schema } = await requestSchema(query).toOpenAPISchema();
  const properties = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set(schema.required ?? []);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: 'query',
      required: required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

const idempotencyKeyHeader = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Retry safely: the same key and body replay the first answer (with `Idempotent-Replayed: true`) ' +
    'for at least 24 hours; the same key with another body is `409 idempotency_conflict`.',
  schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$' },
};

/** Turns the declared facts of one operation into parameters, problem answers and security. */
async function finishOperation(path: string, method: string, op: Json): Promise<void> {
  const facts = op[contractKey] as ContractExtension | undefined;
  delete op[contractKey];
  if (!facts) throw new Error(`${method} ${path} is described without route()`);
  const parameters = [
    ...((op.parameters as Json[] | undefined) ?? []),
    ...(await queryParameters(facts.query)),
  ];
  if (facts.idempotent) parameters.push(idempotencyKeyHeader);
  if (parameters.length > 0) op.parameters = parameters;

  const responses = op.responses as Record<string, Json>;
  const problems = crossCuttingProblems({
    method,
    path,
    auth: facts.auth,
    body: facts.body !== undefined,
    query: facts.query !== undefined,
    idempotent: facts.idempotent,
    rateLimited: facts.rateLimited,
  });
  for (const [status, codes] of Object.entries(facts.problems)) {
    problems.set(Number(status), { ...problems.get(Number(status)), ...codes });
  }
  for (const [status, codes] of problems) {
    if (responses[status]) throw new Error(`${method} ${path}: ${status} is declared twice`);
    responses[status] = problemResponse(codes as Record<string, string>, status);
  }
  op.responses = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => Number(a) - Number(b)));
  if (facts.idempotent) {
    for (const [status, response] of Object.entries(responses)) {
      if (status.startsWith('2')) {
        response.headers = {
          'Idempotent-Replayed': {
            description: '`true` when this is the replay of an earlier answer to the same key.',
            schema: { type: 'string', enum: ['true'] },
          },
        };
      }
    }
  }
  if (facts.body && op.requestBody) {
    // `readJson` reads an empty body as `{}`: the body is optional exactly when `{}` is valid.
    (op.requestBody as Json).required = !facts.body.safeParse({}).success;
  }
  // A publishable key may also come as `?key=` on the reads it can make (middleware/auth.ts `keyOf`).
  op.security =
    facts.auth === 'none'
      ? []
      : facts.auth === 'session'
        ? [{ session: [] }]
        : facts.auth === 'any' && method === 'get'
          ? [{ bearer: [] }, { keyQuery: [] }, { session: [] }]
          : [{ bearer: [] }, { session: [] }];
  const only = { secret: '**Secret key (or console session) only.**', session: '**Console session only.**' };
  if (facts.auth === 'secret' || facts.auth === 'session') {
    op.description = `${only[facts.auth]}${op.description ? ` ${String(op.description)}` : ''}`;
  }
}

/** Generates the document of `app` (every route declared with `route()`). */
export async function buildOpenApiDocument(app: Hono<AppEnv>): Promise<OpenApiDocument> {
  const problem = await answerSchema(Problem).toOpenAPISchema();
  const spec = (await generateSpecs(app, {
    // Paths such as /openapi.json and /widget.js are routes of the API like the others.
    excludeStaticFile: false,
    documentation: {
      info: {
        title: 'Frontdesk API',
        version: '1',
        description:
          'Bookings and stock for a local business. Authenticate with `Authorization: Bearer fd_pk_…` ' +
          '(publishable: safe in a page, limited to its allowed origins; on a read it may come as ' +
          '`?key=fd_pk_…` instead, see `keyQuery`) or `Bearer fd_sk_…` (secret: everything for one ' +
          'business; server side only, never in a URL). The owner console on this server uses a ' +
          'session cookie instead (see `session`). Errors are RFC 9457 problems ' +
          '(`application/problem+json`) with a stable `code`; each answer below lists the codes it can carry.',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      servers: [{ url: '/', description: 'This server' }],
      tags: tags.map((tag) => ({ ...tag })),
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'A publishable (`fd_pk_…`) or secret (`fd_sk_…`) key.',
          },
          keyQuery: {
            type: 'apiKey',
            in: 'query',
            name: 'key',
            description:
              'A publishable key (`fd_pk_…`) as `?key=`, on GET and HEAD only: a browser page then ' +
              'makes its reads without a CORS preflight. A secret key there is refused (`403`, before ' +
              'any lookup); a key both here and in `Authorization`, or `key` twice, is `400 ambiguous_key`.',
          },
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'frontdesk_session',
            description:
              "The owner console's session (set by `POST /v1/session`; HttpOnly). Accepted only from " +
              'pages of this server with the header `X-Frontdesk-CSRF: 1`; an owner acts as a secret ' +
              'key would, staff only on the agenda and bookings of their resources.',
          },
        },
      },
    },
  })) as unknown as OpenApiDocument;
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) await finishOperation(path, method, op);
  }
  spec.components.schemas = {
    ...spec.components.schemas,
    ...(problem.components?.schemas as Record<string, Json>),
  };
  return spec;
}

const documents = new WeakMap<object, Promise<OpenApiDocument>>();

/** The document of `app`, generated on first use (the routes are fixed once the app is built). */
export function openApiDocument(app: Hono<AppEnv>): Promise<OpenApiDocument> {
  let document = documents.get(app);
  if (!document) {
    document = buildOpenApiDocument(app);
    documents.set(app, document);
  }
  return document;
}
