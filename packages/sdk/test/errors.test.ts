/**
 * @module Error answers of the real API arrive as the right SDK error class, with status, code,
 * request id and problem details, and the guards recognise them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiError,
  AuthenticationError,
  createClient,
  isApiError,
  isAuthenticationError,
  isFrontdeskError,
  isNotFoundError,
  isPermissionError,
  isValidationError,
  NotFoundError,
  PermissionError,
  ValidationError,
} from '../src/index.js';
import { type Bench, baseUrl, startBench, stopBench } from './harness.js';

let bench: Bench;
beforeAll(async () => {
  bench = await startBench();
});
afterAll(() => stopBench(bench));

describe('errors from the real API', () => {
  it('an unknown key is an AuthenticationError with the request id', async () => {
    const stranger = createClient({ baseUrl, key: 'fd_sk_notarealkey' });
    const error = await stranger.business.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(isAuthenticationError(error)).toBe(true);
    expect(error).toMatchObject({ name: 'AuthenticationError', status: 401, code: 'unauthorized' });
    expect((error as AuthenticationError).requestId).toMatch(/\S+/);
    expect((error as AuthenticationError).problem.status).toBe(401);
  });

  it('a publishable key on a secret route is a PermissionError', async () => {
    const error = await bench.public.keys.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionError);
    expect(isPermissionError(error)).toBe(true);
    expect(error).toMatchObject({ status: 403, code: 'forbidden' });
  });

  it('invalid input is a ValidationError with field errors by dotted path', async () => {
    // Both are well-typed (a string, a number): only the API knows the zone and the range.
    const error = await bench.admin.business
      .update({ timezone: 'Mars/Olympus', holdMinutes: 0 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(isValidationError(error)).toBe(true);
    const { fieldErrors, status, code } = error as ValidationError;
    expect({ status, code }).toEqual({ status: 422, code: 'validation_failed' });
    expect(fieldErrors.map((f) => f.path).sort()).toEqual(['holdMinutes', 'timezone']);
    expect(fieldErrors.every((f) => f.message.length > 0)).toBe(true);
  });

  it('an unknown id is a NotFoundError; the business is untouched', async () => {
    const error = await bench.admin.keys.revoke('key_doesnotexist').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(isNotFoundError(error)).toBe(true);
    expect(await bench.admin.business.get()).toMatchObject({ id: bench.businessId });
  });

  it('every SDK error is branded, so guards work without instanceof (other realms)', async () => {
    const error = await bench.public.keys.list().catch((e: unknown) => e);
    // A plain copy has no prototype chain: what a structured clone or another realm would see.
    const foreign = Object.assign(Object.create(null), error, { name: (error as Error).name });
    expect(foreign instanceof ApiError).toBe(false);
    expect(isFrontdeskError(foreign)).toBe(true);
    expect(isApiError(foreign)).toBe(true);
    expect(isPermissionError(foreign)).toBe(true);
    expect(isNotFoundError(foreign)).toBe(false);
    expect(isFrontdeskError(new Error('plain'))).toBe(false);
    expect(isFrontdeskError({ name: 'PermissionError' })).toBe(false);
  });
});
