/**
 * The manage view (what a confirmation's link opens), the popup mode, the languages, the visitor's
 * zone, and what the API serves around the widget (cache and CORS headers, the /demo page).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseFirstFreeDay, ready, widget } from './flow-steps.js';
import { cspViolations, events, focused, openPage, startWorld, type World } from './harness.js';

let world: World;
beforeAll(async () => {
  world = await startWorld();
}, 120_000);
afterAll(() => world?.close());

/** Books the first free slot through the API as a customer would; returns id, token, start. */
async function bookThroughApi(dayOffset = 1) {
  const day = new Date(Date.now() + dayOffset * 86_400_000).toISOString().slice(0, 10);
  const availability = await world.call<{ slots: { start: string }[] }>(
    'GET',
    `/v1/availability?service=${world.serviceId}&from=${day}&to=${day}`,
    undefined,
    world.t.publishableKey,
  );
  const start = availability.body.slots[0]!.start;
  const booking = await world.call<{ id: string; manageToken: string }>(
    'POST',
    '/v1/bookings',
    {
      service: world.serviceId,
      start,
      customer: { name: 'Rita Manage', email: 'rita@example.com' },
      answers: { allergies: 'no' },
    },
    world.t.publishableKey,
  );
  expect(booking.status).toBe(201);
  return { ...booking.body, start };
}

describe('manage view', () => {
  it('opens from the manage link and cancels the booking', async () => {
    const booking = await bookThroughApi();
    const page = await openPage(
      world,
      `${world.hostPage({ query: 'ref=mail' })}#frontdesk_booking=${booking.id}&frontdesk_token=${booking.manageToken}`,
    );
    await ready(page);
    const w = widget(page);
    await w.getByRole('heading', { name: 'Your booking' }).waitFor();
    // Read, then taken out of the address bar: not bookmarked, shared or shown over a shoulder.
    expect(page.url()).not.toContain(booking.manageToken);
    expect(new URL(page.url()).search).toBe('?ref=mail');
    await w.getByText('Signature cut').waitFor();
    await w.getByText('Confirmed').waitFor();
    await w.getByRole('button', { name: 'Cancel booking' }).click();
    // The confirmation takes focus: a keyboard user answers it right away.
    await expect.poll(() => focused(page)).toBe('button.primary "Yes, cancel it"');
    await page.keyboard.press('Enter');
    await w.getByRole('status').filter({ hasText: 'Your booking is cancelled.' }).waitFor();
    await w.getByText('Cancelled', { exact: true }).waitFor();
    const stored = await world.call<{ status: string }>('GET', `/v1/bookings/${booking.id}`);
    expect(stored.body.status).toBe('cancelled');
    expect((await events(page)).map((e) => e.type)).toContain('cancelled');
    await page.context().close();
  });

  it('still opens links of the older query form, and cleans them from the address bar', async () => {
    const booking = await bookThroughApi(3);
    const page = await openPage(
      world,
      world.hostPage({ query: `x=1&frontdesk_booking=${booking.id}&frontdesk_token=${booking.manageToken}` }),
    );
    await ready(page);
    const w = widget(page);
    await w.getByRole('heading', { name: 'Your booking' }).waitFor();
    await w.getByText('Confirmed').waitFor();
    expect(new URL(page.url()).search).toBe('?x=1');
    await page.context().close();
  });

  it('moves a booking to another time through the same calendar', async () => {
    const booking = await bookThroughApi(2);
    const page = await openPage(
      world,
      world.hostPage({ attrs: { booking: booking.id, token: booking.manageToken } }),
    );
    await ready(page);
    const w = widget(page);
    await w.getByRole('button', { name: 'Change time' }).click();
    await chooseFirstFreeDay(page);
    // The day's last time: late in the day the first free day may have only one left.
    const time = w.locator('ul.times button').last();
    const start = await time.locator('time').getAttribute('datetime');
    await time.click();
    await w.getByRole('button', { name: /^Move to / }).click();
    await w.getByRole('status').filter({ hasText: 'Your booking was moved.' }).waitFor();
    const stored = await world.call<{ start: string }>('GET', `/v1/bookings/${booking.id}`);
    expect(stored.body.start).toBe(start);
    await page.context().close();
  });

  it('explains the cancellation cut-off instead of failing silently', async () => {
    const service = await world.call<{ id: string; resourceIds: string[] }>(
      'GET',
      `/v1/services/${world.serviceId}`,
    );
    const strict = await world.call<{ id: string }>('POST', '/v1/services', {
      name: 'No late cancels',
      durationMinutes: 30,
      minNoticeMinutes: 0,
      resourceIds: service.body.resourceIds,
      cancellationCutoffMinutes: 365 * 24 * 60,
    });
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const slots = await world.call<{ slots: { start: string }[] }>(
      'GET',
      `/v1/availability?service=${strict.body.id}&from=${day}&to=${day}`,
    );
    const booking = await world.call<{ id: string; manageToken: string }>(
      'POST',
      '/v1/bookings',
      {
        service: strict.body.id,
        start: slots.body.slots[0]!.start,
        customer: { name: 'Late', email: 'late@example.com' },
      },
      world.t.publishableKey,
    );
    const page = await openPage(
      world,
      world.hostPage({ attrs: { booking: booking.body.id, token: booking.body.manageToken } }),
    );
    await ready(page);
    await widget(page).getByRole('button', { name: 'Cancel booking' }).click();
    await widget(page).getByRole('button', { name: 'Yes, cancel it' }).click();
    await widget(page)
      .getByRole('alert')
      .filter({ hasText: 'too late to change this booking online' })
      .waitFor();
    expect((await world.call<{ status: string }>('GET', `/v1/bookings/${booking.body.id}`)).body.status).toBe(
      'confirmed',
    );
    await page.context().close();
  });

  it('says plainly when a link is wrong', async () => {
    const page = await openPage(world, world.hostPage({ attrs: { booking: 'bk_nope', token: 'wrong' } }));
    await widget(page).getByRole('alert').filter({ hasText: 'We could not find this booking' }).waitFor();
    await page.context().close();
  });
});

describe('prefill', () => {
  it('fills name and email from attributes and from properties set before the element loads', async () => {
    const page = await openPage(world, 'about:blank');
    await page.addInitScript(() => {
      // A framework setting properties on the element before widget.js has defined it.
      document.addEventListener('DOMContentLoaded', () => {
        const el = document.querySelector('frontdesk-booking') as HTMLElement & { email?: string };
        el.email = 'prop@example.com';
      });
    });
    await page.goto(world.hostPage({ attrs: { service: world.serviceId, name: 'Attr Name' } }));
    await ready(page);
    await chooseFirstFreeDay(page);
    await widget(page).locator('ul.times button').first().click();
    await widget(page).getByRole('heading', { name: 'Your details' }).waitFor();
    expect(await widget(page).getByLabel('Name').inputValue()).toBe('Attr Name');
    expect(await widget(page).getByLabel('Email').inputValue()).toBe('prop@example.com');
    await page.context().close();
  });
});

describe('popup mode', () => {
  it('opens a modal dialog, keeps focus inside, and gives it back on Escape', async () => {
    const page = await openPage(
      world,
      world.hostPage({ attrs: { mode: 'popup', service: world.serviceId } }),
    );
    await ready(page);
    const w = widget(page);
    const opener = w.getByRole('button', { name: 'Book an appointment' });
    await opener.click();
    const dialog = w.getByRole('dialog', { name: 'Book an appointment' });
    await dialog.waitFor();
    await dialog.locator('table[role=grid]').waitFor();
    // Tabbing many times never leaves the dialog (the page behind is inert).
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const inside = await page.evaluate(() => {
        const root = document.querySelector('frontdesk-booking')?.shadowRoot;
        return Boolean(root?.activeElement && root.querySelector('dialog')?.contains(root.activeElement));
      });
      expect(inside).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => focused(page)).toBe('button.primary "Book an appointment"');
    await page.context().close();
  });
});

describe('languages and zones', () => {
  it('speaks the page language and formats dates with Intl', async () => {
    const page = await openPage(
      world,
      world.hostPage({ htmlLang: 'es', attrs: { service: world.serviceId } }),
    );
    await ready(page);
    const w = widget(page);
    await w.getByRole('button', { name: 'Mes siguiente' }).waitFor();
    const day = w.locator('button.day').first();
    expect(await day.getAttribute('aria-label')).toMatch(
      /^(lunes|martes|miércoles|jueves|viernes|sábado|domingo), \d+ de /,
    );
    await page.context().close();
  });

  it('shows times in the visitor zone and switches to the business zone', async () => {
    const page = await openPage(
      world,
      world.hostPage({ attrs: { service: world.serviceId, lang: 'en-GB' } }),
      {
        timezoneId: 'America/New_York',
      },
    );
    await ready(page);
    await chooseFirstFreeDay(page);
    const w = widget(page);
    await w.getByText('Times are shown in New York.').waitFor();
    const first = w.locator('ul.times time').first();
    const iso = (await first.getAttribute('datetime'))!;
    const shown = await first.textContent();
    const inNewYork = new Intl.DateTimeFormat('en-GB', {
      timeStyle: 'short',
      timeZone: 'America/New_York',
    }).format(Date.parse(iso));
    expect(shown).toBe(inNewYork);
    await w.getByRole('button', { name: 'Show in Lisbon' }).click();
    await w.getByText('Times are shown in Lisbon.').waitFor();
    const firstLisbon = w.locator('ul.times time').first();
    const isoL = (await firstLisbon.getAttribute('datetime'))!;
    expect(await firstLisbon.textContent()).toBe(
      new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: 'Europe/Lisbon' }).format(
        Date.parse(isoL),
      ),
    );
    await page.context().close();
  });
});

describe('what the API serves', () => {
  it('serves the loader briefly cached and the chunks immutable, to any origin', async () => {
    const loader = await fetch(`${world.api}/widget.js`);
    expect(loader.status).toBe(200);
    expect(loader.headers.get('cache-control')).toBe('public, max-age=300');
    expect(loader.headers.get('access-control-allow-origin')).toBe('*');
    expect(loader.headers.get('content-type')).toMatch(/^text\/javascript/);
    const etag = loader.headers.get('etag')!;
    const again = await fetch(`${world.api}/widget.js`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304); // a revalidating browser downloads nothing
    const chunk = /\.\/(widget\/chunks\/[^"]+)"/.exec(await loader.text())![1];
    const res = await fetch(`${world.api}/${chunk}`, { headers: { 'Accept-Encoding': 'br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(await res.text()).toMatch(/^[\s\S]*export\s*\{/); // decompressed by fetch: real JS
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    for (const bad of ['..%2Fwidget.js', '%2E%2E%2F%2E%2E%2Fpackage.json', 'nope.js']) {
      expect((await fetch(`${world.api}/widget/chunks/${bad}`)).status).toBe(404);
    }
  });

  it('serves /demo under a strict CSP, and the widget books there', async () => {
    await world.call('POST', '/v1/locations', { id: 'demo-shop', name: 'Demo shop' });
    await world.call('POST', '/v1/products', { sku: 'DEMO-1', name: 'Demo product' });
    await world.call('POST', '/v1/stock/adjustments', {
      eventId: 'demo-1',
      sku: 'DEMO-1',
      locationId: 'demo-shop',
      set: 4,
    });
    const res = await fetch(`${world.api}/demo`);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).not.toMatch(/<script>|style=/);
    const page = await openPage(world, `${world.api}/demo`);
    const inline = page.locator('frontdesk-booking').first();
    await inline.getByRole('button', { name: /^Signature cut/ }).click();
    await inline.locator('button.day.free').first().waitFor();
    await page
      .locator('frontdesk-booking[mode=popup]')
      .getByRole('button', { name: 'Book an appointment' })
      .waitFor();
    // The shop's first product shows its live stock on the same page.
    const stockText = () =>
      page.locator('frontdesk-stock').evaluate((el) => el.shadowRoot?.textContent ?? '');
    await expect.poll(stockText).toContain('Demo shop');
    expect(await cspViolations(page)).toEqual([]);
    await page.context().close();
  });
});
