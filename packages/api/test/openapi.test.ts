/**
 * @module The generated OpenAPI document covers every route; /docs has no external scripts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers.js';

let t: TestApp;
afterEach(async () => t?.close());

/** Hono's `/v1/bookings/:id` → OpenAPI's `/v1/bookings/{id}`. */
const toOpenApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

describe('OpenAPI', () => {
  it('documents every registered route, with schemas generated from the core contract', async () => {
    t = await createTestApp();
    const res = await t.app.request('/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    const registered = t.app.routes
      .filter((r) => r.method !== 'ALL' && !r.path.includes('*'))
      // The widget's and console's static files and the demo page are not part of the API.
      .filter((r) => !/^\/(widget|demo|console)/.test(r.path))
      .map((r) => `${r.method.toLowerCase()} ${toOpenApiPath(r.path)}`);
    expect(registered.length).toBeGreaterThan(40);
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)),
    );
    const undocumented = [...new Set(registered)].filter((route) => !documented.has(route));
    expect(undocumented).toEqual([]);

    const create = doc.paths['/v1/bookings']!.post as {
      requestBody: {
        content: {
          'application/json': { schema: { properties: Record<string, unknown>; required: string[] } };
        };
      };
    };
    const schema = create.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(expect.arrayContaining(['service', 'start', 'customer']));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['holdId', 'answers', 'notes']));
  });

  it('serves a docs page that links the document without external scripts', async () => {
    t = await createTestApp();
    const res = await t.app.request('/docs');
    const html = await res.text();
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('href="/openapi.json"');
    expect(html).not.toMatch(/<script/i);
  });
});
