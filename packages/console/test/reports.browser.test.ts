/**
 * @module The Reports screen in Chromium: the owner picks a period, reads the figures and their
 * comparison with the period before, opens a chart's table and downloads its CSV; the period stays
 * in the URL; staff cannot open it.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeViolations } from './a11y.js';
import { openConsole, type Salon, seedSalon, signIn, startWorld, type World } from './harness.js';

let world: World;
let salon: Salon;
beforeAll(async () => {
  world = await startWorld();
  salon = await seedSalon(world);
}, 300_000);
afterAll(() => world?.close());

it('shows a period against the one before, with a table and a CSV behind each chart', async () => {
  const page = await openConsole(world, '/console/reports');
  await signIn(page);
  await page.getByRole('heading', { name: 'Reports' }).waitFor();
  // Choose the period of tomorrow's bookings with the form.
  await page.getByLabel('From', { exact: true }).fill(salon.tomorrow);
  await page.getByLabel('To', { exact: true }).fill(salon.tomorrow);
  await page.getByLabel('Bookings by').selectOption('resource');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('groupBy')).toBe('resource');
  expect(new URL(page.url()).searchParams.get('from')).toBe(salon.tomorrow);

  // Tomorrow: Paula (pending), Carla, Rui (Ana) and Beatriz (Bruno). The day before is today, which
  // has Nuno's booking of 40 minutes ago on Ana, unless the test runs in the first minutes of the day.
  const past = await world.api<{ start: string }>('GET', `/v1/bookings/${salon.bookings.past}`);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Lisbon' }).format(Date.now());
  const before =
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Lisbon' }).format(Date.parse(past.body.start)) ===
    today
      ? 1
      : 0;
  const figures = page.getByRole('region', { name: 'Key figures' });
  await expect.poll(() => figures.locator('dd').first().textContent()).toBe(`4 (previous period: ${before})`);

  const chart = page.getByRole('figure', { name: 'Bookings per resource' });
  await chart.getByRole('img', { name: 'Bookings per resource' }).waitFor();
  await chart.getByText('Table: Bookings per resource').click();
  const rows = chart.getByRole('table').locator('tbody tr');
  expect(await rows.count()).toBe(2);
  expect(await rows.first().locator('th').textContent()).toBe('Ana');
  const download = page.waitForEvent('download');
  await chart.getByRole('button', { name: /Download CSV/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`bookings-${salon.tomorrow}-${salon.tomorrow}.csv`);
  const csv = readFileSync((await file.path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('Group,Bookings,Completed,Cancelled,No-show,Previous period');
  expect(csv).toContain(`Ana,3,0,0,0,${before}\r\n`);
  expect(csv).toContain('Bruno,1,0,0,0,0\r\n');
  expect(await axeViolations(page, 'reports with an open table')).toEqual([]);

  // A reload keeps the period.
  await page.reload();
  await page.getByRole('figure', { name: 'Bookings per resource' }).waitFor();
  expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe(salon.tomorrow);
}, 120_000);

it("is in the owner's menu; staff do not get it, and get a refusal at its address", async () => {
  const owner = await openConsole(world, '/console/agenda');
  await signIn(owner);
  await owner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).waitFor();

  const invited = await world.api<{ invitation: { url: string } }>('POST', '/v1/users', {
    email: 'rita@salon.example',
    role: 'staff',
    resourceIds: [salon.bruno],
  });
  expect(invited.status).toBe(201);
  const staff = await openConsole(world, invited.body.invitation.url.slice(world.url.length));
  await staff.getByLabel('New password').fill('rita has a good one');
  await staff.getByRole('button', { name: 'Save password and sign in' }).click();
  const nav = staff.getByRole('navigation', { name: 'Main' });
  await nav.waitFor();
  expect(await nav.getByRole('link').allTextContents()).not.toContain('Reports');
  await staff.goto(`${world.url}/console/reports`);
  await staff.getByRole('alert').getByText('You are not allowed to do this.').waitFor();
}, 120_000);
