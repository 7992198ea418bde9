/**
 * The booking flow in real Chromium against the real API, from a host page on another origin:
 * with the mouse, under a strict CSP, by keyboard alone, when someone else takes the time first,
 * and when the network drops.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bookedDetail,
  chooseDayWithTimes,
  chooseFirstFreeDay,
  chooseFirstTime,
  fillDetails,
  ready,
  widget,
} from './flow-steps.js';
import { cspViolations, events, focused, openPage, startWorld, type World } from './harness.js';

let world: World;
beforeAll(async () => {
  world = await startWorld();
}, 120_000);
afterAll(() => world?.close());

describe('booking widget in a browser', () => {
  it('books a slot end to end from another origin', async () => {
    const page = await openPage(world, world.hostPage());
    await ready(page);
    const w = widget(page);
    await w.getByRole('button', { name: /^Signature cut/ }).click();
    await w.getByRole('heading', { name: 'Signature cut' }).waitFor();
    await chooseFirstFreeDay(page);
    const start = await chooseFirstTime(page);
    await expect(w.getByText(/keeping this time for you/).textContent()).resolves.toMatch(/\d+:\d\d/);
    await fillDetails(page);
    await w.getByRole('button', { name: 'Book', exact: true }).click();
    await w.getByRole('heading', { name: 'You are booked!' }).waitFor();
    const booked = await bookedDetail(page);
    expect(booked.start).toBe(start);

    const stored = await world.call<{ status: string; customer: { email: string }; answers: object }>(
      'GET',
      `/v1/bookings/${booked.id}`,
    );
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ status: 'confirmed', customer: { email: 'maria@example.com' } });
    expect(stored.body.answers).toEqual({ allergies: 'None' });
    const seen = (await events(page)).map((e) => e.type);
    expect(seen).toEqual(['ready', 'slot-selected', 'booked']);
    const manage = await w.getByRole('link', { name: 'Change or cancel this booking' }).getAttribute('href');
    // The token travels in the fragment (never sent to a server), not in the query string.
    const link = new URL(manage!);
    expect(link.hash).toContain(`frontdesk_booking=${booked.id}`);
    expect(link.hash).toContain('frontdesk_token=mt_');
    expect(link.search).not.toContain('frontdesk_');
    await page.context().close();
  });

  it('reads the API from another origin without a CORS preflight, and still books', async () => {
    const page = await openPage(world, 'about:blank');
    world.requests.length = 0;
    await page.goto(world.hostPage({ attrs: { service: world.serviceId } }));
    await ready(page);
    await chooseFirstFreeDay(page);
    const reads = world.requests.filter((r) => r.url.startsWith('/v1/'));
    // The loader's two reads and the calendar's: each a plain GET with the key in its query and no
    // Authorization header, so Chromium sent no OPTIONS before them (one round trip less each).
    // (A second month may be asked when this one has no free day left: each URL counts once.)
    expect([...new Set(reads.map((r) => `${r.method} ${r.url.split('?')[0]}`))].sort()).toEqual([
      'GET /v1/availability',
      `GET /v1/services/${world.serviceId}`,
    ]);
    const origin = new URL(page.url()).origin;
    for (const read of reads) {
      expect(read.origin).toBe(origin);
      expect(read.authorization).toBeNull();
      expect(new URL(read.url, world.api).searchParams.getAll('key')).toEqual([world.t.publishableKey]);
    }
    expect(world.requests.filter((r) => r.method === 'OPTIONS')).toEqual([]);

    // Writes keep the Authorization header (their JSON bodies are preflighted anyway): booking works.
    await chooseFirstTime(page);
    await fillDetails(page, { name: 'Simple Reader', email: 'simple@example.com' });
    await widget(page).getByRole('button', { name: 'Book', exact: true }).click();
    await widget(page).getByRole('heading', { name: 'You are booked!' }).waitFor();
    const booked = await bookedDetail(page);
    const stored = await world.call<{ status: string; customer: { email: string } }>(
      'GET',
      `/v1/bookings/${booked.id}`,
    );
    expect(stored.body).toMatchObject({ status: 'confirmed', customer: { email: 'simple@example.com' } });
    const writes = world.requests.filter((r) => r.method === 'POST');
    expect(writes.map((r) => r.url)).toEqual(['/v1/holds', '/v1/bookings']);
    for (const write of writes) expect(write.authorization).toBe(`Bearer ${world.t.publishableKey}`);
    expect(world.requests.filter((r) => r.method === 'OPTIONS').map((r) => r.url)).toEqual([
      '/v1/holds',
      '/v1/bookings',
    ]);
    await page.context().close();
  });

  it('works on a page whose CSP allows scripts and calls only to the API origin, and inline nothing', async () => {
    const page = await openPage(world, world.hostPage({ csp: true, attrs: { service: world.serviceId } }));
    await ready(page);
    await chooseFirstFreeDay(page);
    await chooseFirstTime(page);
    await fillDetails(page, { name: 'Csp Tester', email: 'csp@example.com' });
    await widget(page).getByRole('button', { name: 'Book', exact: true }).click();
    await widget(page).getByRole('heading', { name: 'You are booked!' }).waitFor();
    expect(await cspViolations(page)).toEqual([]);
    // Styles really applied (constructable stylesheets are not blocked by style-src 'self').
    const radius = await widget(page)
      .getByRole('button', { name: 'Add to calendar (.ics)' })
      .evaluate((el) => getComputedStyle(el).borderTopLeftRadius);
    expect(radius).toBe('8px');
    // The .ics needs the key, so it is fetched and handed over as a download, CSP or not.
    const download = page.waitForEvent('download');
    await widget(page).getByRole('button', { name: 'Add to calendar (.ics)' }).click();
    const file = await (await download).path();
    expect(readFileSync(file, 'utf8')).toMatch(/BEGIN:VCALENDAR[\s\S]*BEGIN:VEVENT/);
    expect(await cspViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('can be used with the keyboard alone', async () => {
    const page = await openPage(world, world.hostPage());
    await ready(page);
    const w = widget(page);
    await w.getByRole('button', { name: /^Signature cut/ }).waitFor();
    await page.keyboard.press('Tab');
    for (let i = 0; i < 6 && !(await focused(page)).includes('Signature cut'); i++)
      await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/Signature cut/);
    await page.keyboard.press('Enter');
    // Focus follows the step: the service's heading.
    await page.waitForFunction(
      () => document.querySelector('frontdesk-booking')?.shadowRoot?.activeElement?.tagName === 'H2',
    );
    await w.locator('table[role=grid][aria-busy=false]').waitFor();
    // Into the grid: one tab stop, on today.
    for (let i = 0; i < 5 && !(await focused(page)).startsWith('button.day'); i++)
      await page.keyboard.press('Tab');
    await expect.poll(() => focused(page)).toMatch(/^button\.day/);
    // Arrow to a day with times (at most ~two months of days).
    // "…, times available", not "…, no times available": late in the day today has none left
    // (earlier tests took them), and Enter on it would open no times.
    for (let i = 0; i < 60 && !(await focused(page)).endsWith(', times available"'); i++) {
      await page.keyboard.press('ArrowRight');
    }
    expect(await focused(page)).toMatch(/, times available"$/);
    await page.keyboard.press('Enter');
    await w.locator('ul.times').waitFor();
    for (
      let i = 0;
      i < 10 && !(await focused(page)).includes('ul') && !(await focused(page)).match(/^button "\d/);
      i++
    ) {
      await page.keyboard.press('Tab');
    }
    expect(await focused(page)).toMatch(/^button "\d{1,2}:\d\d/);
    await page.keyboard.press('Enter');
    await w.getByRole('heading', { name: 'Your details' }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.type('Kay Board');
    await page.keyboard.press('Tab');
    await page.keyboard.type('kay@example.com');
    await page.keyboard.press('Tab'); // phone (optional)
    await page.keyboard.press('Tab');
    await page.keyboard.type('Pollen');
    await page.keyboard.press('Enter');
    await w.getByRole('heading', { name: 'You are booked!' }).waitFor();
    const booked = await bookedDetail(page);
    const stored = await world.call<{ customer: { name: string } }>('GET', `/v1/bookings/${booked.id}`);
    expect(stored.body.customer.name).toBe('Kay Board');
    await page.context().close();
  });

  it('moves through the calendar grid with Home, End, PageDown, PageUp and arrows', async () => {
    const page = await openPage(world, world.hostPage({ attrs: { service: world.serviceId } }));
    await ready(page);
    const w = widget(page);
    // Settled: on this month, or on the next one with a free day when none is left of this one.
    await w.locator('button.day.free').first().waitFor();
    await w.locator('table[role=grid][aria-busy=false]').waitFor();
    await w.locator('button.day[tabindex="0"]').focus();
    const today = await page.evaluate(() =>
      new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(
        new Date(),
      ),
    );
    const focusedDate = () =>
      page.evaluate(
        () =>
          (document.querySelector('frontdesk-booking')?.shadowRoot?.activeElement as HTMLElement | null)
            ?.dataset.date,
      );
    const weekday = (d: string) => new Date(`${d}T12:00:00Z`).getUTCDay();
    const start = (await focusedDate())!;
    // A month ahead first: Home/End there never run into the days before today.
    await page.keyboard.press('PageDown');
    await expect.poll(focusedDate).not.toBe(start);
    const next = (await focusedDate())!;
    expect(next.slice(0, 7)).not.toBe(start.slice(0, 7)); // another month, shown and focused
    const title = new Date(`${next}T12:00:00Z`).toLocaleDateString('en-GB', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    await w.getByRole('heading', { name: title }).waitFor();
    await page.keyboard.press('End');
    await expect.poll(async () => weekday((await focusedDate())!)).toBe(0); // Sunday ends the week
    await page.keyboard.press('Home');
    await expect.poll(async () => weekday((await focusedDate())!)).toBe(1); // Monday starts it
    const monday = (await focusedDate())!;
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(focusedDate)
      .toBe(new Date(Date.parse(`${monday}T12:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10));
    // Never before today: paging back stops on today.
    for (let i = 0; i < 4; i++) await page.keyboard.press('PageUp');
    await expect.poll(focusedDate).toBe(today);
    await page.context().close();
  });

  it('explains a time taken by someone else and shows the times still free', async () => {
    const page = await openPage(world, world.hostPage({ attrs: { service: world.serviceId } }));
    await ready(page);
    // A day with a second time, so that one is still offered once the chosen one is taken.
    await chooseDayWithTimes(page, 2);
    const holdResponse = page.waitForResponse(
      (r) => r.url().endsWith('/v1/holds') && r.request().method() === 'POST',
    );
    const start = await chooseFirstTime(page);
    const hold = (await (await holdResponse).json()) as { id: string };
    // Between selection and booking, the slot goes to someone else through the API.
    expect(
      (await world.call('DELETE', `/v1/holds/${hold.id}`, undefined, world.t.publishableKey)).status,
    ).toBeLessThan(300);
    const other = await world.call('POST', '/v1/bookings', {
      service: world.serviceId,
      start,
      customer: { name: 'Quick Other', email: 'other@example.com' },
      answers: { allergies: 'no' },
    });
    expect(other.status).toBe(201);
    await fillDetails(page);
    await widget(page).getByRole('button', { name: 'Book', exact: true }).click();
    await expect(
      widget(page).getByRole('alert').filter({ hasText: 'just taken' }).waitFor(),
    ).resolves.toBeUndefined();
    await widget(page).locator('ul.times').waitFor();
    const offered = await widget(page)
      .locator('ul.times time')
      .evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
    expect(offered).not.toContain(start);
    expect(offered.length).toBeGreaterThan(0);
    await page.context().close();
  });

  it('asks for the month once, started by the loader while the UI downloads', async () => {
    const page = await openPage(world, 'about:blank');
    const seen: string[] = [];
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/v1/') && r.method() === 'GET') {
        seen.push(new URL(r.url()).pathname);
        asked.push(r.url());
      }
    });
    page.on('requestfinished', (r) => {
      if (r.url().includes('/chunks/booking-mount.')) seen.push('UI chunk loaded');
    });
    await page.goto(world.hostPage({ attrs: { service: world.serviceId } }));
    await ready(page);
    await chooseFirstFreeDay(page);
    // Both requests left before the UI chunk had arrived, and nothing was asked twice.
    expect(seen.indexOf('/v1/availability')).toBeLessThan(seen.indexOf('UI chunk loaded'));
    expect(seen.indexOf(`/v1/services/${world.serviceId}`)).toBeLessThan(seen.indexOf('UI chunk loaded'));
    // The loader's month is the UI's (the visitor's month, a day either side), printed here with
    // Intl as the UI prints it: a different range would be fetched again under another URL.
    const month = await page.evaluate(() => {
      const now = new Date();
      const day = (offset: number, d: number) =>
        new Date(now.getFullYear(), now.getMonth() + offset, d).toLocaleDateString('en-CA');
      return { from: day(0, 0), to: day(1, 1) };
    });
    const first = new URL(asked.find((u) => u.includes('/v1/availability'))!);
    expect({ from: first.searchParams.get('from'), to: first.searchParams.get('to') }).toEqual(month);
    // Nothing asked twice. A second month may be asked when the current one has no free day left
    // (near a month's end the first free day is in the next month), but never the same one again.
    expect(new Set(asked).size).toBe(asked.length);
    expect([...new Set(seen.filter((s) => s.startsWith('/v1/')))].sort()).toEqual([
      '/v1/availability',
      `/v1/services/${world.serviceId}`,
    ]);
    await page.context().close();
  });

  it('asks for the list of services once, started by the loader while the UI downloads', async () => {
    const page = await openPage(world, 'about:blank');
    const seen: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/v1/') && r.method() === 'GET') seen.push(new URL(r.url()).pathname);
    });
    page.on('requestfinished', (r) => {
      if (r.url().includes('/chunks/booking-mount.')) seen.push('UI chunk loaded');
    });
    await page.goto(world.hostPage());
    await ready(page);
    await widget(page)
      .getByRole('button', { name: /^Signature cut/ })
      .waitFor();
    expect(seen.indexOf('/v1/services')).toBeGreaterThanOrEqual(0);
    expect(seen.indexOf('/v1/services')).toBeLessThan(seen.indexOf('UI chunk loaded'));
    expect(seen.filter((s) => s === '/v1/services')).toHaveLength(1);
    await page.context().close();
  });

  it('retries when the network drops, and says so', async () => {
    const page = await openPage(world, 'about:blank');
    let dropped = 0;
    await page.route('**/v1/availability**', (route) =>
      dropped++ < 2 ? route.abort('connectionreset') : route.continue(),
    );
    await page.goto(world.hostPage({ attrs: { service: world.serviceId } }));
    await ready(page);
    await widget(page).getByRole('status').filter({ hasText: 'Connection problem. Trying again' }).waitFor();
    await chooseFirstFreeDay(page);
    expect(dropped).toBeGreaterThanOrEqual(3);
    await page.context().close();
  });
});
