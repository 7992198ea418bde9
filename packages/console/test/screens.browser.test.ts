/**
 * @module Every screen of the console, in the light and the dark theme: axe-core finds nothing
 * (WCAG 2.0–2.2 A/AA and best practice), Tab reaches every control with a visible focus, no CSP
 * violation, screenshots at 375 and 1280 px (saved under test/screenshots/), and a keyboard-only
 * run of each screen's main action.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, checkScreen, tabTo } from './a11y.js';
import {
  cspViolations,
  openConsole,
  type Salon,
  screenshots,
  seedSalon,
  signIn,
  startWorld,
  type World,
} from './harness.js';
import { seedShop } from './shop.js';

let world: World;
let salon: Salon;
beforeAll(async () => {
  world = await startWorld();
  salon = await seedSalon(world);
  await seedShop(world);
}, 300_000);
afterAll(() => world?.close());

interface Screen {
  name: string;
  path: () => string;
  /** What shows once the screen has its data. */
  ready: (page: Page) => Promise<unknown>;
  /** It keeps a stream open (the live stock numbers), so the network never goes idle. */
  live?: boolean;
}

const screens: Screen[] = [
  {
    name: 'agenda-day',
    path: () => `/console/agenda?date=${salon.tomorrow}`,
    ready: (p) => p.locator('.day-grid .slot').first().waitFor(),
  },
  {
    name: 'agenda-week',
    path: () => `/console/agenda?view=week&date=${salon.tomorrow}`,
    ready: (p) => p.locator('table.week .slot').first().waitFor(),
  },
  { name: 'bookings', path: () => '/console/bookings', ready: (p) => p.locator('table.list').waitFor() },
  {
    name: 'booking',
    path: () => `/console/bookings/${salon.bookings.pending}`,
    ready: (p) => p.getByRole('region', { name: 'History' }).locator('li').first().waitFor(),
  },
  {
    name: 'new-booking',
    path: () => `/console/bookings/new?date=${salon.tomorrow}`,
    ready: (p) => p.getByRole('radio').first().waitFor(),
  },
  {
    name: 'services',
    path: () => '/console/services',
    ready: (p) => p.getByRole('link', { name: 'Haircut' }).waitFor(),
  },
  {
    name: 'service',
    path: () => `/console/services/${salon.consultation}`,
    ready: (p) => p.getByLabel('Name', { exact: true }).waitFor(),
  },
  {
    name: 'resources',
    path: () => '/console/resources',
    ready: (p) => p.getByRole('link', { name: 'Ana' }).waitFor(),
  },
  {
    name: 'resource',
    path: () => `/console/resources/${salon.ana}`,
    ready: (p) => p.getByRole('region', { name: 'Time off' }).locator('form').waitFor(),
  },
  {
    name: 'closures',
    path: () => '/console/closures',
    ready: (p) => p.getByRole('button', { name: 'Add closure' }).waitFor(),
  },
  {
    name: 'users',
    path: () => '/console/users',
    ready: (p) => p.getByRole('button', { name: 'Invite' }).waitFor(),
  },
  { name: 'settings', path: () => '/console/settings', ready: (p) => p.locator('pre.snippet').waitFor() },
  {
    name: 'reports',
    path: () => `/console/reports?from=${salon.tomorrow}&to=${salon.tomorrow}`,
    ready: (p) => p.getByRole('heading', { name: 'Busiest hours' }).waitFor(),
  },
  {
    name: 'stock',
    path: () => '/console/stock',
    ready: (p) => p.getByText('Live: these numbers change as stock moves').waitFor(),
    live: true,
  },
  {
    name: 'stock-collect',
    path: () => '/console/stock/collect',
    ready: (p) => p.getByRole('table', { name: 'Reservations to collect' }).waitFor(),
  },
  {
    name: 'stock-ledger',
    path: () => '/console/stock/ledger',
    ready: (p) => p.getByRole('table', { name: 'Stock ledger' }).waitFor(),
  },
  {
    name: 'stock-products',
    path: () => '/console/stock/products',
    ready: (p) => p.getByRole('table', { name: 'Products' }).waitFor(),
  },
  {
    name: 'stock-locations',
    path: () => '/console/stock/locations',
    ready: (p) => p.getByRole('table', { name: 'Locations' }).waitFor(),
  },
  {
    name: 'stock-import',
    path: () => '/console/stock/import',
    ready: (p) => p.getByLabel('CSV file').waitFor(),
  },
  {
    name: 'account',
    path: () => '/console/account',
    ready: (p) => p.getByRole('button', { name: 'Change password' }).waitFor(),
  },
];

describe.each(['light', 'dark'] as const)('every screen (%s theme)', (theme) => {
  it('has no axe violations, a visible focus on every control, no CSP violation; screenshots saved', async () => {
    const page = await openConsole(world, '/console/', { colorScheme: theme });
    await page.getByRole('heading', { name: 'Sign in' }).waitFor(); // rendered, not still loading
    const problems: string[] = [];
    problems.push(...(await axeViolations(page, `${theme} sign-in`)));
    await screenshots(page, `${theme}-sign-in`);
    await signIn(page);
    for (const screen of screens) {
      await page.goto(world.url + screen.path());
      await screen.ready(page);
      problems.push(...(await checkScreen(page, screen.name, { theme, idle: !screen.live })));
    }
    // The menu of narrow screens, opened.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByRole('button', { name: 'Menu' }).click();
    problems.push(...(await axeViolations(page, `${theme} menu at 375 px`)));
    await page.screenshot({ path: `${(await import('./harness.js')).screenshotDir}/${theme}-menu-375.png` });
    expect(problems).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
  }, 300_000);
});

describe('keyboard only', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openConsole(world);
    await signIn(page);
  }, 60_000);

  const focusOn = async (
    name: string | RegExp,
    role: 'button' | 'link' | 'textbox' | 'combobox' | 'radio' | 'checkbox' | 'spinbutton' = 'button',
  ) => tabTo(page, page.getByRole(role, { name }).first());

  it('agenda: arrow keys change the day, D/W the view, ↓ and Enter open a booking', async () => {
    await page.goto(`${world.url}/console/agenda?date=${salon.tomorrow}`);
    await page.locator('.day-grid .slot').first().waitFor();
    const query = (name: string) => new URL(page.url()).searchParams.get(name);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => query('date')).not.toBe(salon.tomorrow);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => query('date')).toBe(salon.tomorrow);
    await page.keyboard.press('w');
    await expect.poll(() => query('view')).toBe('week');
    await page.locator('table.week').waitFor();
    await page.keyboard.press('d');
    await expect.poll(() => query('view')).toBe('day');
    await page.locator('.day-grid .slot').first().waitFor();
    await page.keyboard.press('ArrowDown');
    const name = await page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(name).toMatch(/\d\d:\d\d/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Booking', exact: true }).waitFor();
    // After a navigation the new screen's heading has the focus.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  }, 120_000);

  it('new booking: service, time and customer by keyboard', async () => {
    await page.goto(`${world.url}/console/bookings/new?date=${salon.tomorrow}`);
    await page.getByRole('radio').first().waitFor();
    // The times are a radio group: one Tab stop, arrows move between them.
    await focusOn(/^\d\d:\d\d$/, 'radio');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Kim Keyboard');
    await page.keyboard.press('Tab');
    await page.keyboard.type('kim@example.com');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Booking', exact: true }).waitFor();
    await page.getByText('Kim Keyboard').waitFor();
  }, 120_000);

  it('booking: notes saved and the customer marked arrived, by keyboard', async () => {
    // The booking that has started (arrivals are marked on the day).
    await page.goto(`${world.url}/console/bookings/${salon.bookings.past}`);
    await page.locator('dl.facts').waitFor();
    await focusOn('Internal notes', 'textbox');
    await page.keyboard.type('Called to confirm');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Saved.').waitFor();
    await focusOn('Mark arrived');
    await page.keyboard.press('Enter');
    await page.getByText(/Arrived at \d\d:\d\d/).waitFor();
  }, 120_000);

  it('bookings: a filter applied by keyboard', async () => {
    await page.goto(`${world.url}/console/bookings`);
    await page.locator('table.list').waitFor();
    await focusOn('Status', 'combobox');
    await page.keyboard.press('ArrowDown'); // pending
    await page.keyboard.press('ArrowDown'); // confirmed
    await focusOn('Apply filters');
    await page.keyboard.press('Enter');
    await page.waitForURL(/status=confirmed/);
  }, 120_000);

  it('catalogue and settings: edits saved by keyboard', async () => {
    await page.goto(`${world.url}/console/resources/${salon.bruno}`);
    await page.getByRole('group', { name: 'Sunday' }).waitFor();
    await focusOn('Remove interval 1 on Sunday');
    await page.keyboard.press('Enter');
    await focusOn('Save');
    await page.keyboard.press('Enter');
    await expect
      .poll(
        async () =>
          (
            (await world.api<{ hours: Record<string, unknown[]> }>('GET', `/v1/resources/${salon.bruno}`))
              .body.hours.sun ?? []
          ).length,
      )
      .toBe(0);

    await page.goto(`${world.url}/console/closures`);
    await focusOn('Reason', 'textbox');
    await page.keyboard.type('Staff training');
    await page.keyboard.press('Enter');
    await page.getByText('Staff training').first().waitFor();

    await page.goto(`${world.url}/console/services/${salon.haircut}`);
    await focusOn('Description', 'textbox');
    await page.keyboard.type('Wash, cut and style');
    await focusOn('Save');
    await page.keyboard.press('Enter');
    await expect
      .poll(
        async () =>
          (await world.api<{ description: string }>('GET', `/v1/services/${salon.haircut}`)).body.description,
      )
      .toBe('Wash, cut and style');

    await page.goto(`${world.url}/console/settings`);
    await focusOn('Minutes a slot is held while a customer books', 'spinbutton');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('12');
    await page.keyboard.press('Enter');
    await page.getByText('Saved.').first().waitFor();
    expect((await world.api<{ holdMinutes: number }>('GET', '/v1/business')).body.holdMinutes).toBe(12);
  }, 180_000);

  it('stock: a count saved and a reservation handed over, by keyboard', async () => {
    await page.goto(`${world.url}/console/stock`);
    await page.getByRole('table', { name: 'Stock per product and location' }).waitFor();
    await focusOn('Units', 'spinbutton');
    await page.keyboard.type('3');
    await page.keyboard.press('Tab');
    await page.keyboard.type('shelf count');
    await page.keyboard.press('Enter');
    await page.getByText('Argan shampoo at Salon counter: 3 on hand now.').waitFor();

    await page.goto(`${world.url}/console/stock/collect`);
    await page.getByRole('table', { name: 'Reservations to collect' }).waitFor();
    await focusOn(/^Collected\W+Sara Soon/);
    await page.keyboard.press('Enter');
    await page.getByText('Sara Soon: handed over.').waitFor();
  }, 120_000);

  it('locations: a new shop added by keyboard', async () => {
    await page.goto(`${world.url}/console/stock/locations`);
    await page.getByRole('table', { name: 'Locations' }).waitFor();
    await focusOn('Id', 'textbox');
    await page.keyboard.type('porto');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Porto shop');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Rua das Flores 1');
    await focusOn('Add location');
    await page.keyboard.press('Enter');
    await page.getByText('Porto shop saved.').waitFor();
    await page.getByRole('row', { name: /Porto shop/ }).waitFor();
  }, 120_000);

  it('people: an invitation by keyboard shows its link', async () => {
    await page.goto(`${world.url}/console/users`);
    await page.getByRole('button', { name: 'Invite' }).waitFor();
    await focusOn('Email', 'textbox');
    await page.keyboard.type('keys@salon.example');
    await page.keyboard.press('Enter');
    await page.getByText(/Give this one-time link to keys@salon\.example/).waitFor();
  }, 120_000);
});
