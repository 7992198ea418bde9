/**
 * @module The OpenAPI document is generated from the route declarations: it lists exactly the
 * routes the app serves, passes Redocly's lint and @readme/openapi-parser's validation, and names
 * the problem codes of each answer. /docs serves the reference with no inline or external script.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenApiDocument } from '../src/openapi/document.js';
import { createTestApp, type TestApp } from './helpers.js';

let t: TestApp;
let doc: OpenApiDocument;
beforeAll(async () => {
  t = await createTestApp();
  const res = await t.app.request('/openapi.json');
  expect(res.status).toBe(200);
  doc = (await res.json()) as OpenApiDocument;
});
afterAll(async () => t?.close());

/** Hono's `/v1/bookings/:id` → OpenAPI's `/v1/bookings/{id}`. */
const toOpenApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

/** Signing in and one-time links come before any key or session exists. */
const keyless = new Set(['post /v1/session', 'post /v1/invitations/lookup', 'post /v1/invitations/accept']);
/** Calls about the signed-in person take a console session, never a key. */
const sessionOnly = new Set([
  'get /v1/session',
  'delete /v1/session',
  'delete /v1/sessions',
  'post /v1/session/password',
]);
/**
 * A publishable key may come as `?key=` on the reads it may make: the GETs not marked secret-only
 * (route.ts prefixes their description).
 */
function expectedSecurity(method: string, path: string, op: Operation): unknown[] {
  const where = `${method} ${path}`;
  if (!path.startsWith('/v1/') || keyless.has(where)) return [];
  if (sessionOnly.has(where)) return [{ session: [] }];
  if (method === 'get' && !op.description?.startsWith('**Secret key')) {
    return [{ bearer: [] }, { keyQuery: [] }, { session: [] }];
  }
  return [{ bearer: [] }, { session: [] }];
}

type Operation = {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  responses: Record<
    string,
    { content?: Record<string, { schema?: { allOf?: { properties?: { code?: { enum?: string[] } } }[] } }> }
  >;
};
const operations = () =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method, path, op: op as unknown as Operation })),
  );

describe('the OpenAPI document', () => {
  it('lists every route the app serves, and only those', () => {
    const registered = new Set(
      t.app.routes
        // Middleware (`use`) is registered as ALL, or on wildcard paths.
        .filter((r) => r.method !== 'ALL' && !r.path.includes('*'))
        .map((r) => `${r.method.toLowerCase()} ${toOpenApiPath(r.path)}`),
    );
    const documented = new Set(operations().map(({ method, path }) => `${method} ${path}`));
    expect(registered.size).toBeGreaterThan(60);
    expect([...registered].filter((route) => !documented.has(route))).toEqual([]);
    expect([...documented].filter((route) => !registered.has(route))).toEqual([]);
  });

  it('asks for a key exactly on the /v1 routes, and says which problem codes each answer carries', () => {
    for (const { method, path, op } of operations()) {
      const where = `${method} ${path}`;
      expect(op.summary, where).toBeTruthy();
      expect(op.tags, where).toHaveLength(1);
      expect(op.security, where).toEqual(expectedSecurity(method, path, op));
      for (const [status, response] of Object.entries(op.responses)) {
        const problem = response.content?.['application/problem+json'];
        if (!problem) continue;
        const codes = problem.schema?.allOf?.[1]?.properties?.code?.enum;
        expect(codes?.length, `${where} ${status}`).toBeGreaterThan(0);
      }
    }
    // The drifts of the hand-kept tables this replaced (issue 9), now declared.
    const codes = (path: string, method: string, status: string) =>
      (doc.paths[path]![method] as unknown as Operation).responses[status]?.content?.[
        'application/problem+json'
      ]?.schema?.allOf?.[1]?.properties?.code?.enum;
    expect(codes('/v1/reservations', 'post', '409')).toEqual(['idempotency_conflict', 'insufficient_stock']);
    expect(codes('/v1/bookings/{id}/cancel', 'post', '409')).toEqual(['cutoff_passed', 'invalid_state']);
    expect(codes('/v1/bookings', 'post', '409')).toEqual([
      'idempotency_conflict',
      'insufficient_stock',
      'slot_unavailable',
    ]);
    expect(codes('/v1/availability', 'get', '404')).toEqual(['not_found']);
    expect(codes('/v1/availability', 'get', '400')).toEqual(['ambiguous_key']);
    expect(doc.components.securitySchemes).toMatchObject({
      keyQuery: { type: 'apiKey', in: 'query', name: 'key' },
    });
    expect(codes('/v1/services/{id}', 'patch', '415')).toEqual(['unsupported_media_type']);
    expect(
      Object.keys((doc.paths['/v1/locations/{id}']!.delete as unknown as Operation).responses),
    ).toContain('204');
  });

  it('reads bodies with the schemas it documents', () => {
    const create = doc.paths['/v1/bookings']!.post as {
      requestBody: {
        required: boolean;
        content: {
          'application/json': { schema: { properties: Record<string, unknown>; required: string[] } };
        };
      };
    };
    expect(create.requestBody.required).toBe(true);
    const schema = create.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(expect.arrayContaining(['service', 'start', 'customer']));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['holdId', 'answers', 'notes']));
    // An empty body is read as {}: where that is valid, the body is optional.
    const cancel = doc.paths['/v1/bookings/{id}/cancel']!.post as { requestBody: { required: boolean } };
    expect(cancel.requestBody.required).toBe(false);
  });

  it('passes @readme/openapi-parser validation', async () => {
    const result = await validate(structuredClone(doc) as unknown as Parameters<typeof validate>[0]);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it('passes `redocly lint` (recommended rules) with no errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(doc));
      const pkg = createRequire(import.meta.url).resolve('@redocly/cli/package.json');
      const bin = join(dirname(pkg), 'bin', 'cli.js');
      // No telemetry or update check: tests talk to nothing but 127.0.0.1.
      const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
      const { stdout } = await promisify(execFile)(process.execPath, [bin, 'lint', '--format=json', file], {
        env,
        maxBuffer: 16 * 1024 * 1024,
      }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
      const report = JSON.parse(stdout) as {
        totals: { errors: number };
        problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
      };
      const errors = report.problems
        .filter((p) => p.severity === 'error')
        .map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);
      expect(errors).toEqual([]);
      expect(report.totals.errors).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('/docs', () => {
  it('serves the reference page with its scripts from this origin, under a CSP without inline script', async () => {
    const res = await t.app.request('/docs');
    expect(res.headers.get('content-type')).toContain('text/html');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    const html = await res.text();
    expect(html).toContain('href="openapi.json"');
    const scripts = [...html.matchAll(/<script([^>]*)>([^<]*)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(body).toBe('');
      expect(attributes).toMatch(/src="docs\/[\w.-]+\.js"/);
    }
    for (const path of ['/docs/swagger-ui-bundle.js', '/docs/swagger-ui.css', '/docs/docs.js']) {
      const file = await t.app.request(path, { headers: { 'Accept-Encoding': 'gzip' } });
      expect(file.status, path).toBe(200);
      expect(file.headers.get('content-encoding'), path).toBe('gzip');
    }
    expect((await t.app.request('/docs/../package.json')).status).toBe(404);
    expect((await t.app.request('/docs/index.html')).status).toBe(404);
  });
});
