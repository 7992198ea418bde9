/**
 * @module The first run, as an owner lives it: `frontdesk init --password-stdin --json` on an
 * empty database (the harness), sign in at /console with the keyboard, complete the set-up
 * (business, hours with several intervals a day, first service), and the embed snippet shown at
 * the end books through the widget on ANOTHER origin. axe on every step, light and dark.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './a11y.js';
import { cspViolations, openConsole, screenshots, signIn, startWorld, type World } from './harness.js';

let world: World;
beforeAll(async () => {
  world = await startWorld();
}, 300_000);
afterAll(() => world?.close());

async function next(page: Page, heading: RegExp) {
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { name: heading }).waitFor();
}

describe('first run', () => {
  it('signs in, completes the set-up, and the snippet books on another site', async () => {
    const page = await openConsole(world);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: world.url });
    const found: string[] = [];
    await page.getByRole('heading', { name: 'Sign in' }).waitFor(); // rendered, not still loading
    found.push(...(await axeViolations(page, 'sign in')));
    await screenshots(page, 'sign-in');
    await signIn(page);
    await page.waitForURL('**/console/start');
    await page.getByRole('heading', { name: 'Step 1 of 4: Business' }).waitFor();
    found.push(...(await axeViolations(page, 'set-up: business')));
    await screenshots(page, 'setup-1-business');

    await next(page, /Step 2 of 4/);
    await page.getByLabel('Name', { exact: true }).fill('Ana');
    // Monday with a lunch break: two intervals; Saturday morning.
    const monday = page.getByRole('group', { name: 'Monday' });
    await monday.getByLabel('Until').first().fill('13:00');
    await monday.getByRole('button', { name: 'Add hours on Monday' }).click();
    await monday.getByLabel('From').nth(1).fill('14:00');
    await monday.getByLabel('Until').nth(1).fill('19:00');
    const saturday = page.getByRole('group', { name: 'Saturday' });
    await saturday.getByRole('button', { name: 'Add hours on Saturday' }).click();
    await saturday.getByLabel('From').fill('10:00');
    await saturday.getByLabel('Until').fill('14:00');
    found.push(...(await axeViolations(page, 'set-up: hours')));
    await screenshots(page, 'setup-2-hours');

    await next(page, /Step 3 of 4/);
    await page.getByLabel('Name', { exact: true }).fill('Signature cut');
    await page.getByLabel('Duration (minutes)').fill('30');
    await page.getByLabel('Minimum notice (minutes)').fill('0');
    await page.getByLabel('Price (EUR)').fill('25');
    found.push(...(await axeViolations(page, 'set-up: service')));
    await screenshots(page, 'setup-3-service');

    await next(page, /Step 4 of 4/);
    const snippet = (await page.locator('pre.snippet').textContent()) ?? '';
    expect(snippet).toContain(`<script src="${world.url}/widget.js" async></script>`);
    expect(snippet).toContain(
      `<frontdesk-booking api="${world.url}" key="${world.business.publishableKey}">`,
    );
    await page.getByRole('button', { name: 'Copy snippet' }).click();
    await page.getByText('Copied to the clipboard.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
    // The live preview is the real widget, listing the new service.
    await page
      .locator('frontdesk-booking')
      .getByRole('button', { name: /^Signature cut/ })
      .waitFor();
    found.push(...(await axeViolations(page, 'set-up: snippet')));
    await screenshots(page, 'setup-4-snippet');
    expect(await cspViolations(page)).toEqual([]);

    // The hours were saved with both Monday intervals.
    const resources = await world.api<{ data: { hours: Record<string, unknown> }[] }>('GET', '/v1/resources');
    expect(resources.body.data[0]?.hours).toMatchObject({
      mon: [
        { start: '09:00', end: '13:00' },
        { start: '14:00', end: '19:00' },
      ],
      sat: [{ start: '10:00', end: '14:00' }],
    });

    // The snippet, pasted into a site on another origin, books.
    const site = await world.browser.newContext({ timezoneId: 'Europe/Lisbon', locale: 'en-GB' });
    const visitor = await site.newPage();
    await visitor.goto(world.hostPage(snippet));
    const w = visitor.locator('frontdesk-booking');
    await w.getByRole('button', { name: /^Signature cut/ }).click();
    await w.locator('table[role=grid][aria-busy=false]').waitFor();
    if ((await w.locator('button.day.free').count()) === 0) {
      await w.getByRole('button', { name: 'Next month' }).click();
      await w.locator('table[role=grid][aria-busy=false]').waitFor();
    }
    await w.locator('button.day.free').first().click();
    await w.locator('ul.times button').first().click();
    await w.getByRole('heading', { name: 'Your details' }).waitFor();
    await w.getByLabel('Name').fill('Maria Silva');
    await w.getByLabel('Email').fill('maria@example.com');
    await w.getByRole('button', { name: 'Book', exact: true }).click();
    await w
      .getByRole('heading', { name: /booked|confirmed/i })
      .first()
      .waitFor();
    const bookings = await world.api<{ data: { customer: { email: string }; status: string }[] }>(
      'GET',
      '/v1/bookings',
    );
    expect(bookings.body.data.map((b) => [b.customer.email, b.status])).toEqual([
      ['maria@example.com', 'confirmed'],
    ]);
    await site.close();

    await page.getByRole('link', { name: 'Go to the agenda' }).click();
    await page.getByRole('heading', { name: /^Agenda/ }).waitFor();
    expect(found).toEqual([]);
  }, 240_000);
});
