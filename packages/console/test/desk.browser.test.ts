/**
 * @module Running the day in the browser against a real `frontdesk serve`: the owner confirms a
 * pending booking, cancels one, reschedules one and marks one no-show (a refused change is rolled
 * back on screen), and the API and the event log (with the actor) show each; staff see only their
 * resources in the UI and the API refuses them the rest; the page never holds a secret key or the
 * session id; cross-site forms and cross-origin fetches with credentials are refused.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNER, openConsole, type Salon, seedSalon, signIn, startWorld, type World } from './harness.js';

let world: World;
let salon: Salon;
beforeAll(async () => {
  world = await startWorld();
  salon = await seedSalon(world);
}, 300_000);
afterAll(() => world?.close());

type Event = { type: string; actor: { type: string; name?: string } };
const history = async (id: string) =>
  (await world.api<{ data: Event[] }>('GET', `/v1/events?subject=${id}`)).body.data.map((e) => [
    e.type,
    e.actor.type,
    e.actor.name,
  ]);
const booking = async (id: string) =>
  (
    await world.api<{ status: string; start: string; cancelReason: string | null }>(
      'GET',
      `/v1/bookings/${id}`,
    )
  ).body;

async function openBooking(page: Page, id: string) {
  await page.goto(`${world.url}/console/bookings/${id}`);
  await page.getByRole('heading', { name: 'Booking', exact: true }).waitFor();
  await page.locator('dl.facts').waitFor();
}

describe('the owner at the desk', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openConsole(world);
    await signIn(page);
  }, 60_000);

  it('confirms a pending booking from the queue', async () => {
    await page.getByRole('link', { name: 'Bookings' }).click();
    const queue = page.getByRole('region', { name: 'Waiting for confirmation' });
    await queue.getByText('Paula Pending').waitFor();
    await queue.getByRole('button', { name: 'Confirm' }).click();
    await queue.getByText('Nothing is waiting for confirmation.').waitFor();
    await expect.poll(async () => (await booking(salon.bookings.pending)).status).toBe('confirmed');
    expect(await history(salon.bookings.pending)).toEqual([
      ['booking.created', 'key', undefined],
      ['booking.confirmed', 'user', 'Olga'],
    ]);
  }, 120_000);

  it('opens a booking from the agenda and cancels it with a reason', async () => {
    await page.goto(`${world.url}/console/agenda?date=${salon.tomorrow}`);
    await page.getByRole('link', { name: /Carla Cancel/ }).click();
    await page.getByRole('button', { name: 'Cancel booking' }).click();
    await page.getByLabel('Reason (shown to the customer)').fill('Stylist ill');
    await page.getByRole('button', { name: 'Cancel this booking' }).click();
    await page.getByText('Cancelled: Stylist ill').waitFor();
    // The page shows the change at once (optimistic); the API has it once its answer is back.
    await expect
      .poll(() => booking(salon.bookings.toCancel))
      .toMatchObject({
        status: 'cancelled',
        cancelReason: 'Stylist ill',
      });
    expect((await history(salon.bookings.toCancel)).at(-1)).toEqual(['booking.cancelled', 'user', 'Olga']);
    // Its history on the page names who did it.
    await page.getByRole('region', { name: 'History' }).getByText('Cancelled by Olga').waitFor();
  }, 120_000);

  it('reschedules a booking to a free time of the same day', async () => {
    await openBooking(page, salon.bookings.toReschedule);
    await page.getByRole('button', { name: 'Reschedule' }).click();
    await page.getByLabel('Date', { exact: true }).fill(salon.tomorrow);
    const times = page.getByRole('group', { name: 'Free times' });
    await times.getByRole('radio', { name: '15:00' }).check();
    await page.getByRole('button', { name: 'Reschedule' }).last().click();
    await page.getByText(/15:00 – 15:30/).waitFor();
    const lisbonTime = async () =>
      new Date((await booking(salon.bookings.toReschedule)).start).toLocaleTimeString('en-GB', {
        timeZone: 'Europe/Lisbon',
        hour: '2-digit',
        minute: '2-digit',
      });
    await expect.poll(lisbonTime).toBe('15:00'); // shown at once, stored when the answer is back
    expect((await history(salon.bookings.toReschedule)).at(-1)).toEqual([
      'booking.rescheduled',
      'user',
      'Olga',
    ]);
  }, 120_000);

  it('marks a started booking no-show; a refused change is rolled back with the reason', async () => {
    await openBooking(page, salon.bookings.past);
    // The first attempt is refused by the server: the page shows it, then puts the booking back.
    await page.route('**/no-show', (route) =>
      route.fulfill({
        status: 409,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'about:blank',
          title: 'x',
          status: 409,
          code: 'invalid_state',
          detail: 'Refused for the test',
        }),
      }),
    );
    await page.getByRole('button', { name: 'Mark no-show' }).click();
    await page.getByRole('alert').getByText('Refused for the test').waitFor();
    await expect.poll(() => page.locator('dl.facts .pill').textContent()).toBe('Confirmed');
    await page.unroute('**/no-show');
    await page.getByRole('button', { name: 'Mark no-show' }).click();
    await expect.poll(() => page.locator('dl.facts .pill').textContent()).toBe('No-show');
    await expect.poll(async () => (await booking(salon.bookings.past)).status).toBe('no_show');
    expect((await history(salon.bookings.past)).at(-1)).toEqual(['booking.no_show', 'user', 'Olga']);
  }, 120_000);

  it('keeps internal notes, which the customer never sees', async () => {
    await openBooking(page, salon.bookings.bruno);
    await page.getByLabel('Internal notes').fill('Regular; likes it short');
    await page.getByRole('button', { name: 'Save notes' }).click();
    await page.getByText('Saved.').waitFor();
    const asBusiness = await world.api<{ internalNotes: string }>(
      'GET',
      `/v1/bookings/${salon.bookings.bruno}`,
    );
    expect(asBusiness.body.internalNotes).toBe('Regular; likes it short');
  }, 120_000);
});

describe('staff', () => {
  let staff: Page;
  let cookie: string;

  it('are invited by the owner, accept the link, and see only their resources', async () => {
    const owner = await openConsole(world, '/console/users');
    await signIn(owner);
    await owner.getByRole('heading', { name: 'People' }).waitFor();
    const form = owner.locator('form', { has: owner.getByRole('heading', { name: 'Invite someone' }) });
    await form.getByLabel('Email').fill('bruno@salon.example');
    await form.getByLabel('Name').fill('Bruno');
    await form.getByRole('checkbox', { name: 'Bruno' }).check();
    await form.getByRole('button', { name: 'Invite' }).click();
    const url = (await form.locator('code').textContent()) ?? '';
    expect(url).toMatch(new RegExp(`^${world.url}/console/invite#token=fd_inv_`));

    staff = await openConsole(world, url.slice(world.url.length));
    await staff.getByRole('heading', { name: 'Join your team on Frontdesk' }).waitFor();
    await staff.getByLabel('New password').fill('bruno has a good one');
    await staff.getByRole('button', { name: 'Save password and sign in' }).click();
    await staff.getByRole('heading', { name: /^Agenda/ }).waitFor();
    // The token left the address bar.
    expect(staff.url()).not.toContain('token');
    const nav = staff.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Agenda',
      'Bookings',
      'Stock',
      'My account',
    ]);

    await staff.goto(`${world.url}/console/agenda?date=${salon.tomorrow}`);
    await staff.getByRole('link', { name: /Beatriz Bruno/ }).waitFor();
    expect(await staff.locator('.column').count()).toBe(1);
    expect(await staff.getByText('Rui Reschedule').count()).toBe(0);
    await staff.goto(`${world.url}/console/bookings`);
    await staff.getByRole('table').waitFor();
    const names = await staff.locator('table.list tbody td:nth-child(4)').allTextContents();
    expect(names).toEqual(['Beatriz Bruno']);
    // Owner screens are not theirs.
    await staff.goto(`${world.url}/console/settings`);
    await staff.getByRole('alert').getByText('You are not allowed to do this.').waitFor();

    const jar = await staff.context().cookies(world.url);
    cookie = `frontdesk_session=${jar.find((c) => c.name === 'frontdesk_session')!.value}`;
  }, 120_000);

  it('are refused by the API everything else, with their own session', async () => {
    const call = (method: string, path: string, body?: unknown) =>
      fetch(world.url + path, {
        method,
        headers: {
          Cookie: cookie,
          Origin: world.url,
          'X-Frontdesk-CSRF': '1',
          'Content-Type': 'application/json',
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    const list = (await (await call('GET', '/v1/bookings')).json()) as { data: { id: string }[] };
    expect(list.data.map((b) => b.id)).toEqual([salon.bookings.bruno]);
    expect((await call('GET', `/v1/bookings/${salon.bookings.toReschedule}`)).status).toBe(404);
    for (const [method, path, body] of [
      ['GET', '/v1/users'],
      ['GET', '/v1/keys'],
      ['GET', '/v1/events'],
      ['PATCH', '/v1/business', { name: 'x' }],
      ['POST', '/v1/services', { name: 'x', durationMinutes: 30, resourceIds: [salon.bruno] }],
      ['POST', `/v1/bookings/${salon.bookings.bruno}/cancel`, {}],
      ['POST', '/v1/bookings', {}],
    ] as const) {
      expect((await call(method, path, body)).status, `${method} ${path}`).toBe(403);
    }
  }, 120_000);
});

describe('secrets and sessions in the browser', () => {
  it('never puts the secret key or the session id in the page, its scripts, storage or script-readable cookies', async () => {
    const page = await openConsole(world);
    await signIn(page);
    const visited = [
      '/console/agenda',
      '/console/bookings',
      '/console/settings',
      '/console/users',
      '/console/services',
    ];
    const texts: string[] = [];
    const scripts = new Set<string>();
    page.on('response', (res) => {
      if (res.url().endsWith('.js')) scripts.add(res.url());
    });
    for (const path of visited) {
      await page.goto(world.url + path);
      await page.locator('main h1').waitFor();
      await page.waitForLoadState('networkidle');
      texts.push(await page.content());
      texts.push(
        await page.evaluate(
          () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie,
        ),
      );
    }
    for (const url of scripts) texts.push(await (await fetch(url)).text());
    const session = (await page.context().cookies(world.url)).find((c) => c.name === 'frontdesk_session')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: false });
    const all = texts.join('\n');
    expect(all).not.toContain(world.business.secretKey);
    expect(all).not.toContain(session.value);
    expect(scripts.size).toBeGreaterThan(3);
  }, 120_000);

  it('refuses a cross-site form POST and a cross-origin fetch with credentials', async () => {
    const page = await openConsole(world);
    await signIn(page);
    const before = (await world.api<{ data: unknown[] }>('GET', '/v1/users')).body.data.length;
    // A page on another origin posts a form (the browser sends the cookie: same site, other port).
    const attacker = await page.context().newPage();
    await attacker.goto(
      world.hostPage(`<form id="f" method="post" action="${world.url}/v1/users" enctype="text/plain">
<input name='{"email":"evil@attacker.example","role":"owner","x":"' value='"}'></form>`),
    );
    const [answer] = await Promise.all([
      attacker.waitForResponse((r) => r.url().endsWith('/v1/users')),
      attacker.evaluate(() => (document.getElementById('f') as HTMLFormElement).submit()),
    ]);
    expect(answer.status()).toBe(403);
    // A script on that origin cannot read or change anything with the cookie either.
    const script = await page.context().newPage();
    await script.goto(world.hostPage('<p>Nothing to see</p>'));
    const outcome = await script.evaluate(async (api) => {
      const results: string[] = [];
      for (const init of [
        { credentials: 'include', headers: { 'X-Frontdesk-CSRF': '1' } },
        { credentials: 'include' },
        {
          credentials: 'include',
          method: 'POST',
          body: '{"email":"evil2@attacker.example"}',
          headers: { 'Content-Type': 'text/plain' },
        },
      ] as RequestInit[]) {
        try {
          const res = await fetch(`${api}/v1/${init.method === 'POST' ? 'users' : 'business'}`, init);
          results.push(`read ${res.status}`);
        } catch {
          results.push('blocked');
        }
      }
      return results;
    }, world.url);
    expect(outcome).toEqual(['blocked', 'blocked', 'blocked']);
    expect((await world.api<{ data: unknown[] }>('GET', '/v1/users')).body.data.length).toBe(before);
  }, 120_000);

  it('signs out: the old cookie value stops working', async () => {
    const page = await openConsole(world);
    await signIn(page);
    const value = (await page.context().cookies(world.url)).find(
      (c) => c.name === 'frontdesk_session',
    )!.value;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(
      (await page.context().cookies(world.url)).find((c) => c.name === 'frontdesk_session'),
    ).toBeUndefined();
    const res = await fetch(`${world.url}/v1/session`, {
      headers: { Cookie: `frontdesk_session=${value}`, Origin: world.url, 'X-Frontdesk-CSRF': '1' },
    });
    expect(res.status).toBe(401);
    expect(OWNER.email).toBeTruthy();
  }, 120_000);
});
