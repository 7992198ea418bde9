/**
 * @module Helpers for console-session tests: people with passwords made directly in the database,
 * signing in through the API, and JSON calls with the session cookie as the console makes them
 * (same origin, `X-Frontdesk-CSRF: 1`). `app.request()` URLs are `http://localhost/…`, so that is
 * the server's own origin here.
 */
import type { Role } from '@frontdesk/core';
import type { Database } from '../src/db/open.js';
import { hashPassword } from '../src/services/passwords.js';
import { createUser } from '../src/services/users.js';
import type { JsonAnswer } from './fixtures.js';
import type { TestApp } from './helpers.js';

export const ORIGIN = 'http://localhost';
export const PASSWORD = 'correct horse battery';

/** A password hash made once: scrypt is slow on purpose, and tests make many people. */
let hashed: Promise<string> | undefined;
const passwordHash = () => {
  hashed ??= hashPassword(PASSWORD);
  return hashed;
};

/** Adds a person with password `PASSWORD` to a business. */
export async function addUser(
  database: Database,
  businessId: string,
  options: { email: string; role?: Role; resourceIds?: string[]; name?: string },
  now: number,
) {
  const hash = await passwordHash();
  return database.write((tx) =>
    createUser(
      tx,
      businessId,
      {
        email: options.email,
        name: options.name ?? '',
        role: options.role ?? 'owner',
        resourceIds: options.resourceIds ?? [],
        passwordHash: hash,
      },
      now,
    ),
  );
}

/** The console's headers: same origin, the CSRF header, JSON. */
export const consoleHeaders = (cookie?: string): Record<string, string> => ({
  Origin: ORIGIN,
  'Sec-Fetch-Site': 'same-origin',
  'X-Frontdesk-CSRF': '1',
  'Content-Type': 'application/json',
  ...(cookie ? { Cookie: cookie } : {}),
});

/** `name=value` of the session cookie in a `Set-Cookie` answer, or undefined. */
export function sessionCookie(res: { headers: Headers }): string | undefined {
  const header = res.headers.getSetCookie().find((c) => c.startsWith('frontdesk_session='));
  return header?.split(';')[0];
}

/** Signs in through the API; returns the answer and the cookie to send back. */
export async function signIn(
  t: Pick<TestApp, 'app'>,
  email: string,
  password = PASSWORD,
  headers: Record<string, string> = {},
) {
  const res = await t.app.request('/v1/session', {
    method: 'POST',
    headers: { ...consoleHeaders(), ...headers },
    body: JSON.stringify({ email, password }),
  });
  const text = await res.text();
  return { res, status: res.status, body: text ? JSON.parse(text) : null, cookie: sessionCookie(res) };
}

/** A JSON call with a session cookie, as the console makes it. */
export async function asSession<T = Record<string, unknown>>(
  t: Pick<TestApp, 'app'>,
  cookie: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<JsonAnswer<T>> {
  const res = await t.app.request(path, {
    method,
    headers: { ...consoleHeaders(cookie), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let parsed: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
  return { status: res.status, headers: res.headers, body: parsed as T };
}
