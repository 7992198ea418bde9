/**
 * @module Console sessions against the real app: the cookie and its flags, expiry (idle and
 * absolute, with the test clock), sign-out, sign-out everywhere, password change, rotation, the
 * CSRF defence (CSRF header + same origin), throttling and no user enumeration.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loginFailures } from '../src/db/schema.js';
import { call } from './fixtures.js';
import { createTestApp, type TestApp } from './helpers.js';
import { addUser, asSession, consoleHeaders, ORIGIN, PASSWORD, signIn } from './session-helpers.js';

let t: TestApp;
afterEach(async () => t?.close());

const HOUR = 3_600_000;

async function withOwner(options: Parameters<typeof createTestApp>[0] = {}) {
  t = await createTestApp({ catalog: false, ...options });
  const owner = await addUser(t.db, t.businessId, { email: 'owner@salon.example', name: 'Olga' }, t.clock());
  return owner;
}

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Lax, Path=/ cookie (no Secure over http) and never shows the id', async () => {
    const owner = await withOwner();
    const { status, body, res, cookie } = await signIn(t, 'OWNER@salon.example');
    expect(status).toBe(200);
    expect(body.user).toMatchObject({
      id: owner.id,
      email: 'owner@salon.example',
      role: 'owner',
      active: true,
    });
    expect(body.business).toMatchObject({ id: t.businessId, name: 'Test Salon' });
    const setCookie = res.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/^frontdesk_session=fds_[A-Za-z0-9]{32};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).not.toContain('Secure');
    expect(res.headers.get('cache-control')).toBe('no-store');
    // The id travels in the cookie only: not in the body, nowhere else.
    const id = cookie!.split('=')[1]!;
    expect(JSON.stringify(body)).not.toContain(id);

    const me = await asSession(t, cookie!, 'GET', '/v1/session');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { id: owner.id } });
    expect(me.headers.get('access-control-allow-origin')).toBeNull();
    expect(me.headers.get('cache-control')).toBe('no-store');
  });

  it('marks the cookie Secure over https: the URL, a trusted proxy, or the public URL', async () => {
    await withOwner({ trustProxy: 1 });
    const proxied = await signIn(t, 'owner@salon.example', PASSWORD, {
      'X-Forwarded-Proto': 'https',
      Origin: 'https://localhost',
    });
    expect(proxied.status).toBe(200);
    expect(proxied.res.headers.getSetCookie()[0]).toContain('Secure');
    await t.close();

    // An untrusted X-Forwarded-Proto is ignored: plain http, and https://… is not our origin.
    await withOwner();
    const forged = await signIn(t, 'owner@salon.example', PASSWORD, {
      'X-Forwarded-Proto': 'https',
      Origin: 'https://localhost',
    });
    expect(forged.status).toBe(403);
    await t.close();

    await withOwner({ publicUrl: 'https://book.salon.example' });
    const pub = await signIn(t, 'owner@salon.example', PASSWORD, { Origin: 'https://book.salon.example' });
    expect(pub.status).toBe(200);
    expect(pub.res.headers.getSetCookie()[0]).toContain('Secure');
  });

  it('gives the same answer for an unknown email and a wrong password, in similar time', async () => {
    await withOwner();
    const timed = async (email: string, password: string) => {
      const started = performance.now();
      const answer = await signIn(t, email, password);
      return { ...answer, ms: performance.now() - started };
    };
    const wrong = await timed('owner@salon.example', 'not the password');
    const unknown = await timed('nobody@salon.example', 'not the password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.cookie).toBeUndefined();
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
    expect(strip(unknown.body)).toEqual(strip(wrong.body));
    expect(wrong.body.detail).toBe('The email or the password is not right.');
    // Both run one full scrypt: neither is a fraction of the other.
    const samples = { wrong: [] as number[], unknown: [] as number[] };
    for (let i = 0; i < 3; i++) {
      samples.wrong.push((await timed(`owner@salon.example`, `nope-${i}-nope`)).ms);
      samples.unknown.push((await timed(`ghost${i}@salon.example`, `nope-${i}-nope`)).ms);
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[1]!;
    const ratio = median(samples.unknown) / median(samples.wrong);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('throttles an account after 5 failures (429, even with the right password), the same for unknown emails', async () => {
    await withOwner();
    for (let i = 0; i < 5; i++)
      expect((await signIn(t, 'owner@salon.example', 'wrong password!')).status).toBe(401);
    const locked = await signIn(t, 'owner@salon.example');
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ code: 'rate_limited' });
    expect(locked.body.detail).toMatch(/Too many failed sign-ins\. Try again in 15 minutes/);
    expect(Number(locked.res.headers.get('retry-after'))).toBe(15 * 60);

    // An email no one has behaves exactly the same: the limit does not reveal who exists.
    for (let i = 0; i < 5; i++)
      expect((await signIn(t, 'ghost@salon.example', 'wrong password!')).status).toBe(401);
    const ghost = await signIn(t, 'ghost@salon.example', 'wrong password!');
    expect(ghost.status).toBe(429);
    expect(ghost.body.detail).toBe(locked.body.detail);

    // Once the failures leave the 15-minute window, the right password works again, and the next
    // failure (of anyone) forgets every failure out of the window.
    t.clock.advance(15 * 60_000 + 1);
    expect((await signIn(t, 'owner@salon.example')).status).toBe(200);
    expect((await signIn(t, 'someone-else@salon.example', 'wrong password!')).status).toBe(401);
    const rows = await t.db.db.select().from(loginFailures);
    expect(rows.map((r) => r.subject).sort()).toEqual([
      'account:someone-else@salon.example',
      'address:unknown',
    ]);
  });

  it('throttles one address across accounts', async () => {
    await withOwner({ loginThrottle: { perAddress: 4, perAccount: 100 } });
    for (let i = 0; i < 4; i++)
      expect((await signIn(t, `someone${i}@salon.example`, 'wrong password!')).status).toBe(401);
    expect((await signIn(t, 'owner@salon.example')).status).toBe(429);
  });

  it('gives a new session id at every sign-in and ends the one the browser had', async () => {
    await withOwner();
    const first = await signIn(t, 'owner@salon.example');
    const second = await signIn(t, 'owner@salon.example', PASSWORD, { Cookie: first.cookie! });
    expect(second.cookie).not.toBe(first.cookie);
    expect((await asSession(t, first.cookie!, 'GET', '/v1/session')).status).toBe(401);
    expect((await asSession(t, second.cookie!, 'GET', '/v1/session')).status).toBe(200);
  });
});

describe('session lifetime', () => {
  it('ends after 12 hours unused, and lives on while used, up to 30 days', async () => {
    await withOwner();
    const { cookie } = await signIn(t, 'owner@salon.example');
    const me = () => asSession(t, cookie!, 'GET', '/v1/session');
    const signedInAt = t.clock();
    // Used every 11 hours: alive past the idle limit many times over...
    while (t.clock() + 11 * HOUR < signedInAt + 30 * 24 * HOUR) {
      t.clock.advance(11 * HOUR);
      expect((await me()).status).toBe(200);
    }
    // ...but not past the absolute limit.
    t.clock.set(signedInAt + 30 * 24 * HOUR);
    const ended = await me();
    expect(ended.status).toBe(401);
    expect(ended.body).toMatchObject({
      code: 'unauthorized',
      detail: 'Your session has ended. Please sign in again.',
    });
    expect(ended.headers.get('set-cookie')).toMatch(/frontdesk_session=; Max-Age=0/);
  });

  it('ends after 12 hours idle', async () => {
    await withOwner();
    const { cookie } = await signIn(t, 'owner@salon.example');
    t.clock.advance(12 * HOUR - 60_000);
    expect((await asSession(t, cookie!, 'GET', '/v1/session')).status).toBe(200);
    t.clock.advance(12 * HOUR);
    expect((await asSession(t, cookie!, 'GET', '/v1/session')).status).toBe(401);
  });

  it('sign-out ends this session; sign-out everywhere ends them all', async () => {
    await withOwner();
    const a = (await signIn(t, 'owner@salon.example')).cookie!;
    const b = (await signIn(t, 'owner@salon.example')).cookie!;
    const c = (await signIn(t, 'owner@salon.example')).cookie!;
    const out = await asSession(t, a, 'DELETE', '/v1/session');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/frontdesk_session=;.*Max-Age=0/);
    expect((await asSession(t, a, 'GET', '/v1/business')).status).toBe(401);
    expect((await asSession(t, b, 'GET', '/v1/business')).status).toBe(200);
    expect((await asSession(t, b, 'DELETE', '/v1/sessions')).status).toBe(204);
    expect((await asSession(t, b, 'GET', '/v1/business')).status).toBe(401);
    expect((await asSession(t, c, 'GET', '/v1/business')).status).toBe(401);
  });

  it('changing the password ends the other sessions and keeps this one', async () => {
    await withOwner();
    const mine = (await signIn(t, 'owner@salon.example')).cookie!;
    const other = (await signIn(t, 'owner@salon.example')).cookie!;
    const wrong = await asSession(t, mine, 'POST', '/v1/session/password', {
      currentPassword: 'not it at all',
      newPassword: 'a brand new secret',
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ errors: [{ path: 'currentPassword' }] });
    const common = await asSession(t, mine, 'POST', '/v1/session/password', {
      currentPassword: PASSWORD,
      newPassword: 'password123',
    });
    expect(common.status).toBe(422);
    expect(common.body).toMatchObject({ errors: [{ path: 'newPassword', code: 'too_common' }] });
    const short = await asSession(t, mine, 'POST', '/v1/session/password', {
      currentPassword: PASSWORD,
      newPassword: 'short',
    });
    expect(short.status).toBe(422);
    const changed = await asSession(t, mine, 'POST', '/v1/session/password', {
      currentPassword: PASSWORD,
      newPassword: 'a brand new secret',
    });
    expect(changed.status).toBe(204);
    expect((await asSession(t, mine, 'GET', '/v1/business')).status).toBe(200);
    expect((await asSession(t, other, 'GET', '/v1/business')).status).toBe(401);
    expect((await signIn(t, 'owner@salon.example')).status).toBe(401);
    expect((await signIn(t, 'owner@salon.example', 'a brand new secret')).status).toBe(200);
  });
});

describe('CSRF and CORS', () => {
  it('refuses a session request without the CSRF header, from another origin, or cross-site', async () => {
    await withOwner();
    const { cookie } = await signIn(t, 'owner@salon.example');
    const cancel = (headers: Record<string, string>) =>
      t.app.request('/v1/business', {
        method: 'PATCH',
        headers: { Cookie: cookie!, ...headers },
        body: '{"name":"Pwned"}',
      });

    // What a cross-site HTML form sends: the cookie, a form content type, no custom header.
    const form = await cancel({
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: 'https://evil.example',
    });
    expect(form.status).toBe(403);
    // A cross-origin fetch that somehow carries the header still fails the origin check.
    const otherOrigin = await cancel({ ...consoleHeaders(), Origin: 'http://localhost:5173' });
    expect(otherOrigin.status).toBe(403);
    expect((await cancel({ ...consoleHeaders(), 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
    // Same origin but no custom header (a form on our own pages? there are none): refused too.
    const noHeader = await cancel({ 'Content-Type': 'application/json', Origin: ORIGIN });
    expect(noHeader.status).toBe(403);
    expect(await noHeader.json()).toMatchObject({ code: 'forbidden' });
    expect((await call(t, 'GET', '/v1/business')).body).toMatchObject({ name: 'Test Salon' });

    // The console's own request passes.
    const ok = await cancel(consoleHeaders());
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ name: 'Pwned' });
  });

  it('refuses a sign-in from another origin (login CSRF)', async () => {
    await withOwner();
    expect(
      (await signIn(t, 'owner@salon.example', PASSWORD, { Origin: 'https://evil.example' })).status,
    ).toBe(403);
    const noHeader = await t.app.request('/v1/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
      body: JSON.stringify({ email: 'owner@salon.example', password: PASSWORD }),
    });
    expect(noHeader.status).toBe(403);
  });

  it('never lets another origin send the CSRF header or credentials', async () => {
    await withOwner();
    const pre = await t.app.request('/v1/bookings', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://evil.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type, x-frontdesk-csrf',
      },
    });
    expect(pre.headers.get('access-control-allow-headers')?.toLowerCase()).not.toContain('x-frontdesk-csrf');
    expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('keeps keys working as before, and a key wins over a cookie', async () => {
    await withOwner();
    const { cookie } = await signIn(t, 'owner@salon.example');
    // The widget preview on the console's page sends the publishable key (and, same-origin, the cookie).
    const res = await t.app.request('/v1/bookings', {
      headers: { Authorization: `Bearer ${t.publishableKey}`, Cookie: cookie! },
    });
    expect(res.status).toBe(403);
    expect((await call(t, 'GET', '/v1/bookings')).status).toBe(200);
    // Session-only calls refuse keys.
    expect((await call(t, 'GET', '/v1/session')).status).toBe(403);
  });
});
