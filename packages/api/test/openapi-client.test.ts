/**
 * @module What an integrator does with /openapi.json: generate types with openapi-typescript and
 * book with openapi-fetch. The generated types compile with a small booking program (problem
 * codes are a union a `switch` can check), and the same calls book against the real app.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import createClient from 'openapi-fetch';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customer, setupSalon } from './fixtures.js';
import { createTestApp, type TestApp } from './helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** Uses the generated `paths` as an integrator would; compiled, never run. */
const program = `
import createClient from 'openapi-fetch';
import type { components, paths } from './api.js';

const client = createClient<paths>({ baseUrl: 'https://frontdesk.example' });

export async function book(service: string, start: string): Promise<string | undefined> {
  const { data, error } = await client.POST('/v1/bookings', {
    body: { service, start, customer: { name: 'Ana', email: 'ana@example.com' } },
    headers: { Authorization: 'Bearer fd_pk_x', 'Idempotency-Key': crypto.randomUUID() },
  });
  if (error) {
    switch (error.code) {
      case 'slot_unavailable':
      case 'insufficient_stock':
        return undefined;
      // @ts-expect-error not a code POST /v1/bookings can answer
      case 'cutoff_passed':
        return undefined;
      default:
        throw new Error(error.detail ?? error.title);
    }
  }
  const booking: components['schemas']['Booking'] = data;
  return booking.manageToken;
}

export async function slots(service: string) {
  const { data } = await client.GET('/v1/availability', {
    params: { query: { service, from: '2026-03-02', to: '2026-03-08' } },
  });
  return data?.slots.map((slot) => slot.start) ?? [];
}
`;

describe('a client generated from /openapi.json', () => {
  it('compiles: typed bodies, answers and problem codes', async () => {
    const document = await (await t.app.request('/openapi.json')).json();
    const types = astToString(await openapiTS(document));
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-client-'));
    try {
      writeFileSync(join(dir, 'api.ts'), types);
      writeFileSync(join(dir, 'book.ts'), program);
      const fetchTypes = join(
        dirname(createRequire(import.meta.url).resolve('openapi-fetch')),
        'index.d.mts',
      );
      const compiler = ts.createProgram([join(dir, 'book.ts')], {
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
        types: [],
        // The temp directory has no node_modules: point the import at the installed package.
        paths: { 'openapi-fetch': [fetchTypes] },
      });
      const diagnostics = ts
        .getPreEmitDiagnostics(compiler)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      expect(diagnostics).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('books with openapi-fetch against the app', async () => {
    const salon = await setupSalon(t);
    const client = createClient({
      baseUrl: 'http://localhost',
      fetch: async (request) => t.app.fetch(request),
    });
    const headers = { Authorization: `Bearer ${t.publishableKey}` };
    const body = { service: salon.serviceId, start: '2026-03-03T09:00:00Z', customer };
    const first = await client.POST('/v1/bookings' as never, { body, headers } as never);
    expect(first.response.status).toBe(201);
    expect((first.data as unknown as { manageToken: string }).manageToken).toMatch(/^mt_/);
    const again = await client.POST('/v1/bookings' as never, { body, headers } as never);
    expect(again.response.status).toBe(409);
    expect((again.error as unknown as { code: string }).code).toBe('slot_unavailable');
  });
});
