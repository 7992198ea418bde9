/**
 * @module People of a business: invitations (one-time links that work without mail), accepting
 * them, set-up links, roles, the last owner, and removing someone (their sessions end).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { initBusiness } from '../src/services/init.js';
import { call } from './fixtures.js';
import { createTestApp, type TestApp } from './helpers.js';
import { addUser, asSession, consoleHeaders, signIn } from './session-helpers.js';

let t: TestApp;
afterEach(async () => t?.close());

const post = (path: string, body: unknown, cookie?: string) =>
  t.app.request(path, { method: 'POST', headers: consoleHeaders(cookie), body: JSON.stringify(body) });
const tokenOf = (url: string) => new URL(url).hash.replace('#token=', '');

async function ownerSession() {
  t = await createTestApp();
  await addUser(t.db, t.businessId, { email: 'owner@salon.example', name: 'Olga' }, t.clock());
  return (await signIn(t, 'owner@salon.example')).cookie!;
}

describe('invitations', () => {
  it('invites staff with a one-time link shown to the owner, accepted once', async () => {
    const owner = await ownerSession();
    const ana = t.catalog!.resourceIds.ana;
    const invited = await asSession<{
      id: string;
      active: boolean;
      invitation: { url: string; expiresAt: string };
    }>(t, owner, 'POST', '/v1/users', {
      email: 'Ana@Salon.example',
      name: 'Ana',
      role: 'staff',
      resourceIds: [ana],
    });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({
      email: 'ana@salon.example',
      role: 'staff',
      resourceIds: [ana],
      active: false,
    });
    expect(invited.body.invitation.url).toMatch(
      /^http:\/\/localhost\/console\/invite#token=fd_inv_[A-Za-z0-9]{32}$/,
    );
    expect(invited.body.invitation.expiresAt).toBe('2026-03-09T08:00:00Z');
    const token = tokenOf(invited.body.invitation.url);

    const info = await post('/v1/invitations/lookup', { token });
    expect(await info.json()).toMatchObject({
      email: 'ana@salon.example',
      role: 'staff',
      businessName: 'Test Salon',
      purpose: 'invite',
    });
    // A well-known password is refused, and the link stays usable.
    const weak = await post('/v1/invitations/accept', { token, password: 'qwertyuiop' });
    expect(weak.status).toBe(422);
    const accepted = await post('/v1/invitations/accept', {
      token,
      password: 'ana chooses well',
      name: 'Ana S.',
    });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ user: { name: 'Ana S.', role: 'staff', active: true } });
    expect(accepted.headers.getSetCookie()[0]).toMatch(/^frontdesk_session=fds_/);
    // Used: the same link answers like an unknown one.
    const again = await post('/v1/invitations/accept', { token, password: 'ana chooses well' });
    expect(again.status).toBe(404);
    expect((await post('/v1/invitations/lookup', { token })).status).toBe(404);
    expect((await signIn(t, 'ana@salon.example', 'ana chooses well')).status).toBe(200);
    // The owner's list shows her active now, and the events name who did what.
    const list = await asSession<{ data: { email: string; active: boolean }[] }>(
      t,
      owner,
      'GET',
      '/v1/users',
    );
    expect(list.body.data.map((u) => [u.email, u.active])).toEqual([
      ['owner@salon.example', true],
      ['ana@salon.example', true],
    ]);
    const events = await call<{ data: { type: string; actor: { type: string; name?: string } }[] }>(
      t,
      'GET',
      '/v1/events?type=user.activated',
    );
    expect(events.body.data[0]?.actor).toMatchObject({ type: 'user', name: 'Ana S.' });
  });

  it('refuses a taken email or another business’s resource; links expire and are replaced', async () => {
    const owner = await ownerSession();
    expect((await asSession(t, owner, 'POST', '/v1/users', { email: 'owner@salon.example' })).status).toBe(
      422,
    );
    expect(
      (
        await asSession(t, owner, 'POST', '/v1/users', {
          email: 'x@salon.example',
          resourceIds: ['res_elsewhere'],
        })
      ).status,
    ).toBe(422);
    const first = await asSession<{ id: string; invitation: { url: string } }>(
      t,
      owner,
      'POST',
      '/v1/users',
      {
        email: 'bruno@salon.example',
      },
    );
    const fresh = await asSession<{ invitation: { url: string } }>(
      t,
      owner,
      'POST',
      `/v1/users/${first.body.id}/invitation`,
    );
    expect(fresh.status).toBe(201);
    expect((await post('/v1/invitations/lookup', { token: tokenOf(first.body.invitation.url) })).status).toBe(
      404,
    );
    const token = tokenOf(fresh.body.invitation.url);
    t.clock.advance(7 * 24 * 3_600_000);
    const expired = await post('/v1/invitations/accept', { token, password: 'bruno chooses well' });
    expect(expired.status).toBe(404);
    expect(await expired.json()).toMatchObject({ detail: expect.stringContaining('not valid any more') });
  });

  it('gives a new business’s owner a set-up link valid 24 hours', async () => {
    t = await createTestApp({ catalog: false });
    const made = await initBusiness(
      t.db,
      {
        name: 'Salão Lisboa',
        timezone: 'Europe/Lisbon',
        locale: 'pt-PT',
        currency: 'EUR',
        ownerEmail: 'dona@salao.example',
        ownerName: '',
      },
      { consoleUrl: 'https://book.salao.example/console', now: t.clock() },
    );
    expect(made.slug).toBe('salao-lisboa');
    expect(made.setupUrl).toMatch(/^https:\/\/book\.salao\.example\/console\/setup#token=fd_inv_/);
    const token = tokenOf(made.setupUrl!);
    const info = await post('/v1/invitations/lookup', { token });
    expect(await info.json()).toMatchObject({
      purpose: 'setup',
      role: 'owner',
      businessName: 'Salão Lisboa',
    });
    t.clock.advance(24 * 3_600_000);
    expect((await post('/v1/invitations/lookup', { token })).status).toBe(404);
    // A second business on the same server gets its own slug.
    const second = await initBusiness(
      t.db,
      {
        name: 'Salão  Lisboa!',
        timezone: 'Europe/Lisbon',
        locale: 'pt-PT',
        currency: 'EUR',
        ownerEmail: 'other@salao.example',
        ownerName: '',
      },
      { consoleUrl: 'https://book.salao.example/console', now: t.clock() },
    );
    expect(second.slug).toBe('salao-lisboa-2');
  });
});

describe('roles', () => {
  it('keeps at least one owner, and removing someone ends their sessions', async () => {
    const owner = await ownerSession();
    const me = await asSession<{ user: { id: string } }>(t, owner, 'GET', '/v1/session');
    const ownerId = me.body.user.id;
    expect((await asSession(t, owner, 'PATCH', `/v1/users/${ownerId}`, { role: 'staff' })).status).toBe(409);
    expect((await asSession(t, owner, 'DELETE', `/v1/users/${ownerId}`)).status).toBe(409);

    const staff = await addUser(
      t.db,
      t.businessId,
      { email: 'bruno@salon.example', role: 'staff' },
      t.clock(),
    );
    const staffSession = (await signIn(t, 'bruno@salon.example')).cookie!;
    expect((await asSession(t, staffSession, 'GET', '/v1/users')).status).toBe(403);
    const promoted = await asSession(t, owner, 'PATCH', `/v1/users/${staff.id}`, {
      role: 'staff',
      resourceIds: [t.catalog!.resourceIds.bruno],
    });
    expect(promoted.body).toMatchObject({ resourceIds: [t.catalog!.resourceIds.bruno] });
    expect((await asSession(t, owner, 'DELETE', `/v1/users/${staff.id}`)).status).toBe(204);
    expect((await asSession(t, staffSession, 'GET', '/v1/bookings')).status).toBe(401);
    expect((await signIn(t, 'bruno@salon.example')).status).toBe(401);
    // The email is free again.
    expect((await asSession(t, owner, 'POST', '/v1/users', { email: 'bruno@salon.example' })).status).toBe(
      201,
    );
  });
});
