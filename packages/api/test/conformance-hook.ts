/**
 * @module The conformance hook of `createTestApp`: wraps the app's `fetch` (which `app.request`
 * goes through too) so that every answer a test receives is checked against the OpenAPI document
 * (conformance.ts). A drift fails the test that received it — from an `afterEach` registered here,
 * so that answers consumed inside msw handlers or SDK retries are judged too, and the answer the
 * test sees is left untouched.
 */
import { afterAll, afterEach } from 'vitest';
import type { App } from '../src/app.js';
import { openApiDocument } from '../src/openapi/document.js';
import { AnswerChecker } from './conformance.js';

/** The routes are the same for every app the helpers build: one checker per test file. */
let checker: Promise<AnswerChecker> | undefined;
export function answerChecker(app: App): Promise<AnswerChecker> {
  checker ??= openApiDocument(app).then((document) => new AnswerChecker(document));
  return checker;
}

const drifts: string[] = [];

function failOnDrift() {
  if (drifts.length === 0) return;
  const found = drifts.splice(0);
  throw new Error(`The API answered differently from its OpenAPI document:\n- ${found.join('\n- ')}`);
}
// Only under vitest: scripts may import the helpers too (hooks need a running suite).
if (process.env.VITEST) {
  afterEach(failOnDrift);
  afterAll(failOnDrift);
}

/** Checks every answer of `app` from now on. */
export function checkEveryAnswer(app: App): void {
  const fetch = app.fetch;
  app.fetch = async (request, env, executionCtx) => {
    const response = await fetch(request, env, executionCtx);
    // A 500 is a bug, never a documented answer; it is already caught where it belongs: the error
    // line it logs fails the test (helpers.ts), unless the test provoked it with `expectErrors`.
    if (response.status === 500) return response;
    const found = await (await answerChecker(app)).check(request.method, request.url, response);
    drifts.push(...found);
    return response;
  };
}
