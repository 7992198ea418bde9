/**
 * @module `@frontdesk/sdk/console` against the real app, through a fetch that behaves like a
 * browser on the API's own origin (a cookie jar, `Origin` on every call): sign in, the console's
 * calls, invitations, sign out. The client never holds a key, sends the CSRF header and asks for
 * same-origin credentials.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../api/test/helpers.js';
import { addUser } from '../../api/test/session-helpers.js';
import { type ConsoleClient, createConsoleClient } from '../src/console.js';
import {
  isAuthenticationError,
  isInvalidStateError,
  isNotFoundError,
  isValidationError,
} from '../src/index.js';
import { createConsoleWebhookClient } from '../src/webhooks.js';

const origin = 'http://api.test';
let api: TestApp;

/** A browser's view of one origin: cookies kept and sent back, `Origin` on every request. */
function browser() {
  const jar = new Map<string, string>();
  const sent: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    sent.push(request.clone());
    const headers = new Headers(request.headers);
    if (jar.size) headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
    headers.set('origin', origin);
    const response = await api.app.fetch(new Request(request, { headers }));
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (/Max-Age=0/i.test(cookie)) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
  return { fetch: fetch as typeof globalThis.fetch, jar, sent };
}

let tab: ReturnType<typeof browser>;
let desk: ConsoleClient;

beforeAll(async () => {
  // Private webhook targets allowed: the webhook test below points at a port nobody listens on.
  api = await createTestApp({ webhooks: { allowPrivate: true } });
  await addUser(api.db, api.businessId, { email: 'owner@salon.example', name: 'Olga' }, api.clock());
  tab = browser();
  desk = createConsoleClient({ baseUrl: origin, fetch: tab.fetch, retry: false });
}, 60_000);
afterAll(() => api?.close());

describe('createConsoleClient', () => {
  it('signs in with a cookie, never a key, and sends the CSRF header same-origin', async () => {
    const me = await desk.session.signIn('owner@salon.example', 'correct horse battery');
    expect(me.user).toMatchObject({ name: 'Olga', role: 'owner' });
    expect(tab.jar.get('frontdesk_session')).toMatch(/^fds_/);
    const business = await desk.business.get();
    expect(business.name).toBe('Test Salon');
    for (const request of tab.sent) {
      expect(request.headers.get('authorization')).toBeNull();
      expect(request.headers.get('x-frontdesk-csrf')).toBe('1');
      expect(request.credentials).toBe('same-origin');
    }
  });

  it('reads the agenda, records outcomes and notes, and shows a booking’s history', async () => {
    const { data: services } = await desk.services.list();
    const haircut = services.find((s) => s.name === 'Haircut')!;
    const booking = await desk.bookings.create({
      service: haircut.id,
      start: '2026-03-02T09:00:00Z',
      resource: haircut.resourceIds[0],
      customer: { name: 'Walk-in', email: 'walkin@example.com', phone: '+351 912 345 678' },
      ignoreBookingWindow: true,
    });
    const agenda = await desk.agenda.get({ from: '2026-03-02', to: '2026-03-02' });
    expect(agenda.bookings.map((b) => b.id)).toEqual([booking.id]);
    const early = await desk.bookings.complete(booking.id).catch((error: unknown) => error);
    expect(isInvalidStateError(early)).toBe(true);
    api.clock.set('2026-03-02T09:01:00Z');
    expect((await desk.bookings.arrive(booking.id)).arrivedAt).toBe('2026-03-02T09:01:00Z');
    expect((await desk.bookings.complete(booking.id)).status).toBe('completed');
    expect((await desk.bookings.setNotes(booking.id, 'Paid cash')).internalNotes).toBe('Paid cash');
    const history = await desk.bookings.history(booking.id);
    expect(history.data.map((e) => [e.type, e.actor.type, e.actor.name])).toEqual([
      ['booking.created', 'user', 'Olga'],
      ['booking.arrived', 'user', 'Olga'],
      ['booking.completed', 'user', 'Olga'],
      ['booking.notes_changed', 'user', 'Olga'],
    ]);
  });

  it('issues, lists and revokes calendar feeds, and lists messages newest first', async () => {
    const { data: resources } = await desk.resources.list();
    const issued = await desk.feeds.issue(resources[0]!.id);
    expect(issued.url).toMatch(/^http:\/\/api\.test\/feeds\/fd_cal_\w{32}\.ics$/);
    const whole = await desk.feeds.issue(null);
    expect(whole.resourceId).toBeNull();
    expect((await api.app.request(new URL(issued.url).pathname)).status).toBe(200);
    await desk.feeds.revoke(resources[0]!.id);
    expect((await api.app.request(new URL(issued.url).pathname)).status).toBe(404);
    const listed = await desk.feeds.list();
    expect(listed.data.map((f) => [f.resourceId, f.revokedAt === null])).toEqual([
      [resources[0]!.id, false],
      [null, true],
    ]);
    expect(JSON.stringify(listed)).not.toContain('fd_cal_');
    // The booking made above is mail to write: a worker without SMTP keeps it unsent.
    const { createWorker, noMail } = await import('../../api/src/worker.js');
    const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const worker = createWorker({ database: api.db, clock: api.clock, logger: quiet, mail: noMail });
    await worker.drain();
    await worker.stop(1000);
    const oldest = await desk.messages.list();
    const newest = await desk.messages.list({ order: 'newest' });
    expect(oldest.data.some((m) => m.status === 'not_sent' && m.statusReason === 'no_smtp')).toBe(true);
    expect(newest.data.map((m) => m.id)).toEqual(oldest.data.map((m) => m.id).reverse());
  });

  it('invites someone, who accepts with the link in another browser', async () => {
    const { invitation } = await desk.users.invite({
      email: 'ana@salon.example',
      name: 'Ana',
      role: 'staff',
    });
    const token = new URL(invitation.url).hash.slice('#token='.length);
    const other = browser();
    const newcomer = createConsoleClient({ baseUrl: origin, fetch: other.fetch, retry: false });
    expect(await newcomer.invitations.lookup(token)).toMatchObject({
      email: 'ana@salon.example',
      purpose: 'invite',
    });
    const weak = await newcomer.invitations
      .accept({ token, password: '1234567890' })
      .catch((e: unknown) => e);
    expect(isValidationError(weak)).toBe(true);
    const me = await newcomer.invitations.accept({ token, password: 'ana picks a good one' });
    expect(me.user).toMatchObject({ email: 'ana@salon.example', role: 'staff', active: true });
    expect(isNotFoundError(await newcomer.invitations.lookup(token).catch((e: unknown) => e))).toBe(true);
    expect((await desk.users.list()).data.map((u) => u.email)).toEqual([
      'owner@salon.example',
      'ana@salon.example',
    ]);
  });

  it('manages webhook endpoints with the same session (createConsoleWebhookClient), never a key', async () => {
    const hooks = createConsoleWebhookClient({ baseUrl: origin, fetch: tab.fetch, retry: false });
    const before = tab.sent.length;
    const created = await hooks.webhookEndpoints.create({
      url: 'http://127.0.0.1:9/hooks',
      events: ['booking.*'],
    });
    expect(created.secret).toMatch(/^whsec_/);
    expect((await hooks.webhookEndpoints.list()).data.map((e) => e.id)).toEqual([created.id]);
    const delivery = await hooks.webhookEndpoints.test(created.id);
    expect(await hooks.webhookDeliveries.retry(delivery.id)).toMatchObject({ status: 'pending' });
    const rotated = await hooks.webhookEndpoints.rotateSecret(created.id);
    expect(rotated.secret).not.toBe(created.secret);
    await hooks.webhookEndpoints.delete(created.id);
    const calls = tab.sent.slice(before);
    expect(calls).toHaveLength(6);
    for (const request of calls) {
      expect(request.headers.get('authorization')).toBeNull();
      expect(request.headers.get('x-frontdesk-csrf')).toBe('1');
      expect(request.credentials).toBe('same-origin');
    }
  });

  it('signs out: the cookie goes, and the next call is an AuthenticationError', async () => {
    await desk.session.signOut();
    expect(tab.jar.has('frontdesk_session')).toBe(false);
    expect(isAuthenticationError(await desk.session.current().catch((e: unknown) => e))).toBe(true);
  });
});
