/**
 * @module The Customers screens in Chromium against a real `frontdesk serve`: axe finds nothing in
 * the light and the dark theme, Tab reaches every control with a visible focus, no CSP violation,
 * screenshots at 375 and 1280 px; and by keyboard only: a search, a customer's notes saved, their
 * data downloaded, and their erasure (after typing the email), which the API then confirms.
 */
import { readFileSync } from 'node:fs';
import type { CustomerExport } from '@frontdesk/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkScreen, tabTo } from './a11y.js';
import {
  cspViolations,
  openConsole,
  type Salon,
  seedSalon,
  signIn,
  startWorld,
  type World,
} from './harness.js';

let world: World;
let salon: Salon;
beforeAll(async () => {
  world = await startWorld();
  salon = await seedSalon(world);
}, 300_000);
afterAll(() => world?.close());

const carla = 'carla.cancel@example.com';
const rui = 'rui.reschedule@example.com';

describe.each(['light', 'dark'] as const)('customers screens (%s theme)', (theme) => {
  it('have no axe violations, a visible focus on every control, no CSP violation; screenshots saved', async () => {
    const page = await openConsole(world, '/console/customers', { colorScheme: theme });
    await signIn(page);
    const problems: string[] = [];
    for (const [name, path, ready] of [
      ['customers', '/console/customers', (p: Page) => p.locator('table.list').waitFor()],
      [
        'customer',
        `/console/customers/${encodeURIComponent(carla)}`,
        (p: Page) => p.getByRole('region', { name: 'History' }).locator('table').first().waitFor(),
      ],
    ] as const) {
      await page.goto(world.url + path);
      await ready(page);
      problems.push(...(await checkScreen(page, name, { theme })));
    }
    expect(problems).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
  }, 300_000);
});

describe('customers by keyboard only', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openConsole(world);
    await signIn(page);
  }, 60_000);

  const focusOn = async (
    name: string | RegExp,
    role: 'button' | 'link' | 'textbox' | 'searchbox' = 'button',
  ) => tabTo(page, page.getByRole(role, { name }).first());

  it('searches, opens a customer, saves notes and downloads their data', async () => {
    await page.goto(`${world.url}/console/customers`);
    await page.locator('table.list').waitFor();
    await focusOn('Name, email or phone', 'searchbox');
    await page.keyboard.type('carla');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=carla/);
    await expect.poll(() => page.locator('table.list tbody tr').count()).toBe(1);
    await focusOn('Carla Cancel', 'link');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Carla Cancel' }).waitFor();
    await focusOn('Notes about this customer', 'textbox');
    await page.keyboard.type('Prefers Ana');
    await focusOn('Save notes');
    await page.keyboard.press('Enter');
    await page.getByText('Saved.').waitFor();
    const stored = await world.api<{ notes: { notes: string } }>(
      'GET',
      `/v1/customers/${encodeURIComponent(carla)}`,
    );
    expect(stored.body.notes.notes).toBe('Prefers Ana');

    await focusOn('Download their data');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe(`customer-${carla}.json`);
    const data = JSON.parse(readFileSync((await download.path())!, 'utf8')) as CustomerExport;
    expect(data.email).toBe(carla);
    expect(data.bookings.map((b) => b.id)).toEqual([salon.bookings.toCancel]);
    expect(data.notes.notes).toBe('Prefers Ana');
  }, 120_000);

  it('erases a customer only once their email is typed, and says what stays', async () => {
    await page.goto(`${world.url}/console/customers/${encodeURIComponent(rui)}`);
    await page.getByRole('heading', { name: 'Rui Reschedule' }).waitFor();
    const erase = page.getByRole('button', { name: 'Erase this customer' });
    expect(await erase.isDisabled()).toBe(true);
    await focusOn(`Type ${rui} to confirm`, 'textbox');
    await page.keyboard.type(rui.toUpperCase());
    expect(await erase.isEnabled()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Erased. 1 booking(s) and 0 reservation(s) stay, without a name.').waitFor();
    expect((await world.api('GET', `/v1/customers/${encodeURIComponent(rui)}`)).status).toBe(404);
    const booking = await world.api<{ customer: { name: string } }>(
      'GET',
      `/v1/bookings/${salon.bookings.toReschedule}`,
    );
    expect(booking.body.customer.name).toBe('[erased]');
    expect(await cspViolations(page)).toEqual([]);
  }, 120_000);
});
