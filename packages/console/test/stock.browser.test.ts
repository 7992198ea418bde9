/**
 * @module The stock screens in Chromium: a double-clicked adjustment counts once (and a retry after
 * a lost answer reuses its event id), collecting a reservation lowers on-hand, the ledger filters
 * by product, an owner adds and edits a product, an adjustment shows in a `<frontdesk-stock>` element on another site within a
 * second, a change made at the till shows on the console's stock screen within a second, and staff use the same screens (but not the product catalogue's API).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsole, type Salon, seedSalon, signIn, startWorld, type World } from './harness.js';
import { type ShopSeed, seedShop } from './shop.js';

let world: World;
let salon: Salon;
let shop: ShopSeed;
beforeAll(async () => {
  world = await startWorld();
  salon = await seedSalon(world);
  shop = await seedShop(world);
}, 300_000);
afterAll(() => world?.close());

interface Movement {
  delta: number;
  note: string;
  eventId: string;
  reason: string;
}
const movements = async (sku: string) =>
  (await world.api<{ data: Movement[] }>('GET', `/v1/stock/movements?sku=${sku}&limit=100`)).body.data;
const onHand = async (sku: string) =>
  (await world.api<{ locations: { onHand: number }[] }>('GET', `/v1/products/${sku}/stock`)).body
    .locations[0]!.onHand;

async function fillAdjustment(page: Page, sku: string, kind: 'set' | 'delta', units: string, reason: string) {
  await page.getByRole('heading', { name: 'Adjust stock' }).waitFor();
  await page.getByLabel('Product', { exact: true }).selectOption(sku);
  await page.getByLabel('Kind').selectOption(kind);
  await page.getByLabel(kind === 'set' ? 'Units' : 'Units to add (negative to remove)').fill(units);
  await page.getByLabel('Reason').fill(reason);
}

describe('an owner at the counter', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openConsole(world, '/console/stock');
    await signIn(page);
  }, 60_000);

  it('shows stock per product and location with the low product marked', async () => {
    const levels = page.getByRole('table', { name: 'Stock per product and location' });
    const comb = levels.getByRole('row', { name: /Wide comb/ });
    await expect
      .poll(() => comb.locator('td').allTextContents())
      .toEqual(['Salon counter', '2', '0', '2', 'Low']);
    const shampoo = levels.getByRole('row', { name: /Argan shampoo/ });
    expect(await shampoo.locator('td').allTextContents()).toEqual([
      'Salon counter',
      '10',
      '2',
      '8',
      'In stock',
    ]);
    await page
      .getByRole('region', { name: 'Low on stock' })
      .getByText(/Wide comb: 2 available/)
      .waitFor();
  }, 60_000);

  it('counts a double-clicked adjustment once', async () => {
    let requests = 0;
    // A slow answer, so the second click lands while the first call is still in flight.
    await page.route('**/v1/stock/adjustments', async (route) => {
      requests++;
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    await fillAdjustment(page, 'SHAMPOO', 'delta', '5', 'delivery');
    await page.getByRole('button', { name: 'Save adjustment' }).dblclick();
    await page.getByText('Argan shampoo at Salon counter: 15 on hand now.').waitFor();
    await page.unroute('**/v1/stock/adjustments');
    expect(requests).toBe(1);
    const deliveries = (await movements('SHAMPOO')).filter((m) => m.note === 'delivery');
    expect(deliveries.map((m) => m.delta)).toEqual([5]);
    expect(deliveries[0]!.eventId).toMatch(/^console-[0-9a-f]{24}$/);
    expect(await onHand('SHAMPOO')).toBe(15);
    // The table shows the new figure.
    const shampoo = page.getByRole('row', { name: /Argan shampoo/ });
    await expect.poll(() => shampoo.locator('td').nth(1).textContent()).toBe('15');
  }, 60_000);

  it('sends the same event id again when the answer was lost, so a retry counts once', async () => {
    const ids: string[] = [];
    let lose = true;
    await page.route('**/v1/stock/adjustments', async (route) => {
      ids.push((route.request().postDataJSON() as { eventId: string }).eventId);
      if (!lose) return route.continue();
      // The server applies it, the answer never reaches the page.
      await route.fetch();
      await route.abort('connectionreset');
    });
    await fillAdjustment(page, 'SHAMPOO', 'delta', '-1', 'damaged');
    await page.getByRole('button', { name: 'Save adjustment' }).click();
    await page.getByRole('alert').waitFor();
    lose = false;
    await page.getByRole('button', { name: 'Save adjustment' }).click();
    await page.getByText('Argan shampoo at Salon counter: 14 on hand now.').waitFor();
    await page.unroute('**/v1/stock/adjustments');
    expect(new Set(ids).size).toBe(1);
    expect((await movements('SHAMPOO')).filter((m) => m.note === 'damaged').map((m) => m.delta)).toEqual([
      -1,
    ]);
    expect(await onHand('SHAMPOO')).toBe(14);
  }, 60_000);

  it('lists reservations expiring soonest first; collecting lowers on-hand, releasing frees the units', async () => {
    await page
      .getByRole('navigation', { name: 'Stock screens' })
      .getByRole('link', { name: 'To collect' })
      .click();
    const table = page.getByRole('table', { name: 'Reservations to collect' });
    await table.waitFor();
    expect(await table.locator('tbody th').allTextContents()).toEqual([
      'Sara Soonsara.soon@example.com',
      'Luis Laterluis.later@example.com',
    ]);
    const before = await onHand('SHAMPOO');
    await page.getByRole('button', { name: /^Collected\W+Sara Soon, SHAMPOO$/ }).click();
    await page.getByText('Sara Soon: handed over.').waitFor();
    expect(await onHand('SHAMPOO')).toBe(before - 1);
    const collected = await world.api<{ status: string }>('GET', `/v1/reservations/${shop.reservations[0]}`);
    expect(collected.body.status).toBe('collected');

    await page.getByRole('button', { name: /^Release\W+Luis Later, SHAMPOO$/ }).click();
    await page.getByText('No reservation is waiting to be collected.').waitFor();
    const stock = await world.api<{ locations: { reserved: number; onHand: number }[] }>(
      'GET',
      '/v1/products/SHAMPOO/stock',
    );
    expect(stock.body.locations[0]).toMatchObject({ reserved: 0, onHand: before - 1 });
  }, 60_000);

  it('filters the ledger by product, in the URL', async () => {
    await page
      .getByRole('navigation', { name: 'Stock screens' })
      .getByRole('link', { name: 'Ledger' })
      .click();
    const table = page.getByRole('table', { name: 'Stock ledger' });
    await table.waitFor();
    await page.getByLabel('Product').selectOption('COMB');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/sku=COMB/);
    await expect.poll(() => table.locator('tbody td:nth-child(2)').allTextContents()).toEqual(['Wide comb']);
    expect(await table.locator('tbody td:nth-child(6)').allTextContents()).toEqual(['opening count']);
    await page.reload();
    await page.getByRole('table', { name: 'Stock ledger' }).waitFor();
    expect(await page.getByLabel('Product').inputValue()).toBe('COMB');
  }, 60_000);

  it('adds a product and edits its threshold and whether it is on sale', async () => {
    await page.goto(`${world.url}/console/stock/products`);
    await page.getByRole('table', { name: 'Products' }).waitFor();
    const form = page.getByRole('form', { name: 'New product' });
    await form.getByLabel('SKU').fill('BRUSH');
    await form.getByLabel('Name').fill('Round brush');
    await form.getByLabel('Low-stock threshold').fill('4');
    await form.getByRole('button', { name: 'Add product' }).click();
    await page.getByText('Round brush saved.').waitFor();
    const made = await world.api<{ name: string; lowStockThreshold: number; active: boolean }>(
      'GET',
      '/v1/products/BRUSH',
    );
    expect(made.body).toMatchObject({ name: 'Round brush', lowStockThreshold: 4, active: true });

    await page.getByRole('button', { name: 'Edit Round brush' }).click();
    const editor = page.getByRole('form', { name: 'Edit: Round brush' });
    expect(await editor.getByLabel('SKU').isDisabled()).toBe(true);
    await editor.getByLabel('Low-stock threshold').fill('1');
    await editor.getByLabel('On sale (shown to customers)').uncheck();
    await editor.getByRole('button', { name: 'Save' }).click();
    await page
      .getByRole('row', { name: /Round brush/ })
      .getByText('Not on sale')
      .waitFor();
    const edited = await world.api<{ lowStockThreshold: number; active: boolean }>(
      'GET',
      '/v1/products/BRUSH',
    );
    expect(edited.body).toMatchObject({ lowStockThreshold: 1, active: false });
  }, 60_000);

  it('an adjustment shows in a <frontdesk-stock> element on another site within a second', async () => {
    const visitor = await (await world.browser.newContext({ locale: 'en-GB' })).newPage();
    await visitor.goto(
      world.hostPage(
        `<script src="${world.url}/widget.js" async></script><frontdesk-stock api="${world.url}" key="${world.business.publishableKey}" sku="COMB"></frontdesk-stock>`,
      ),
    );
    const shows = (text: string) =>
      (
        document.querySelector('frontdesk-stock')?.shadowRoot?.querySelector('[role="status"]')
          ?.textContent ?? ''
      ).includes(text);
    await visitor.waitForFunction(shows, 'Only 2 left', { timeout: 30_000 });

    await page.goto(`${world.url}/console/stock`);
    await fillAdjustment(page, 'COMB', 'set', '9', 'stock count');
    const answer = page.waitForResponse('**/v1/stock/adjustments');
    await page.getByRole('button', { name: 'Save adjustment' }).click();
    expect((await answer).status()).toBe(200);
    const answered = Date.now();
    await visitor.waitForFunction(shows, 'In stock', { timeout: 1000 });
    console.info(
      `<frontdesk-stock> on another site updated ${Date.now() - answered} ms after the console's answer`,
    );
    await visitor.context().close();
  }, 60_000);

  it('the stock screen shows a change made at the till within a second, without a reload', async () => {
    await page.goto(`${world.url}/console/stock`);
    await page.getByText('Live: these numbers change as stock moves').waitFor({ timeout: 15_000 });
    const before = await onHand('COMB');
    const onHandCell = page
      .getByRole('row', { name: /Wide comb/ })
      .locator('td')
      .nth(1);
    expect(await onHandCell.textContent()).toBe(String(before));
    const sold = await world.api('POST', '/v1/stock/adjustments', {
      eventId: 'till-sale-1',
      sku: 'COMB',
      locationId: shop.location,
      delta: -2,
    });
    expect(sold.status).toBe(200);
    const answered = Date.now();
    await expect
      .poll(() => onHandCell.textContent(), { timeout: 1000, interval: 20 })
      .toBe(String(before - 2));
    console.info(`console stock screen updated ${Date.now() - answered} ms after the till's adjustment`);
  }, 60_000);

  it('imports a products file from the browser: progress per batch, then each left-out row with its line', async () => {
    const rows = Array.from({ length: 240 }, (_, i) => `CSV-${i},Imported product ${i},${i}.25,EUR,3,true`);
    rows[6] = 'NOT A SKU,Broken row,1.00,EUR,,';
    rows[199] = 'CSV-PRICE,Too precise,1.999,EUR,,';
    const csv = ['sku,name,price,currency,low_stock_threshold,active', ...rows].join('\n');
    await page.goto(`${world.url}/console/stock/import`);
    const seen: string[] = [];
    await page.exposeFunction('sawProgress', (text: string) => seen.push(text));
    // Every value the progress bar takes, as the browser shows it.
    await page.evaluate(() => {
      new MutationObserver(() => {
        const bar = document.querySelector('progress');
        if (bar)
          (window as unknown as { sawProgress(t: string): void }).sawProgress(`${bar.value}/${bar.max}`);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'products.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByText('Imported 238 of 240 product rows.').waitFor();
    expect(await page.getByText('240 of 240 rows handled').count()).toBe(1);
    expect(seen).toContain('100/240');
    const left = page.getByRole('region', { name: '2 rows were left out' });
    expect(await left.getByRole('row').allTextContents()).toEqual([
      'LineColumnWhy',
      expect.stringMatching(/^8sku/),
      expect.stringMatching(/^201price/),
    ]);
    const imported = await world.api<{ name: string; price: { amount: number } }>(
      'GET',
      '/v1/products/CSV-239',
    );
    expect(imported.body).toMatchObject({ name: 'Imported product 239', price: { amount: 23925 } });
  }, 60_000);

  it('refuses a Latin-1 file whole, naming the line; imports it when told its encoding', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('sku,name\nCAFE-1,Caf'),
      Buffer.from([0xe9]),
      Buffer.from('\n'),
    ]);
    await page.goto(`${world.url}/console/stock/import`);
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'pos.csv', mimeType: 'text/csv', buffer: latin1 });
    await page.getByRole('button', { name: 'Import' }).click();
    await page
      .getByRole('alert')
      .getByText(/line 2: the file is not UTF-8 text.*nothing was imported/)
      .waitFor();
    expect((await world.api('GET', '/v1/products/CAFE-1')).status).toBe(404);
    await page.getByLabel('Text encoding').selectOption('windows-1252');
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByText('Imported 1 of 1 product rows.').waitFor();
    expect((await world.api<{ name: string }>('GET', '/v1/products/CAFE-1')).body.name).toBe('Café');
  }, 60_000);

  it('adds a location with the till id, then renames and closes it', async () => {
    await page.goto(`${world.url}/console/stock/locations`);
    await page.getByRole('table', { name: 'Locations' }).waitFor();
    await page.getByLabel('Id', { exact: true }).fill('back-room');
    await page.getByLabel('Name', { exact: true }).fill('Back room');
    await page.getByLabel('Address').fill('Rua Augusta 10\nLisboa');
    await page.getByRole('button', { name: 'Add location' }).click();
    await page.getByText('Back room saved.').waitFor();
    await page.getByRole('button', { name: 'Edit Back room' }).click();
    expect(await page.getByLabel('Id', { exact: true }).isDisabled()).toBe(true);
    await page.getByLabel('Name', { exact: true }).fill('Store room');
    await page.getByLabel('Open (stock is kept and shown here)').uncheck();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Store room saved.').waitFor();
    // The note shows when the save answers; the list reads itself again just after.
    await expect
      .poll(() =>
        page
          .getByRole('row', { name: /Store room/ })
          .locator('td')
          .allTextContents(),
      )
      .toEqual(['back-room', 'Rua Augusta 10\nLisboa', 'Closed', 'Edit']);
    const saved = await world.api('GET', '/v1/locations/back-room');
    expect(saved.body).toMatchObject({
      name: 'Store room',
      address: 'Rua Augusta 10\nLisboa',
      active: false,
    });
  }, 60_000);
});

it('staff count stock, hand reservations over and read the ledger; the product catalogue stays closed', async () => {
  const invited = await world.api<{ invitation: { url: string } }>('POST', '/v1/users', {
    email: 'tiago@salon.example',
    role: 'staff',
    resourceIds: [salon.ana],
  });
  expect(invited.status).toBe(201);
  const reserved = await world.api<{ id: string }>('POST', '/v1/reservations', {
    sku: 'COMB',
    locationId: shop.location,
    quantity: 1,
    customer: { name: 'Vera Visitor', email: 'vera@example.com' },
  });
  expect(reserved.status).toBe(201);

  const staff = await openConsole(world, invited.body.invitation.url.slice(world.url.length));
  await staff.getByLabel('New password').fill('tiago has a good one');
  await staff.getByRole('button', { name: 'Save password and sign in' }).click();
  const nav = staff.getByRole('navigation', { name: 'Main' });
  await nav.waitFor();
  expect(await nav.getByRole('link').allTextContents()).toEqual([
    'Agenda',
    'Bookings',
    'Stock',
    'My account',
  ]);
  await nav.getByRole('link', { name: 'Stock' }).click();
  const sections = staff.getByRole('navigation', { name: 'Stock screens' });
  await sections.waitFor();
  expect(await sections.getByRole('link').allTextContents()).toEqual([
    'Stock',
    'To collect',
    'Ledger',
    'Import',
  ]);

  const before = await onHand('COMB');
  await fillAdjustment(staff, 'COMB', 'delta', '-1', 'sold at the desk');
  await staff.getByRole('button', { name: 'Save adjustment' }).click();
  await staff.getByText(`Wide comb at Salon counter: ${before - 1} on hand now.`).waitFor();

  await staff.getByRole('link', { name: 'To collect' }).click();
  await staff.getByRole('button', { name: /^Collected\W+Vera Visitor, COMB$/ }).click();
  await staff.getByText('Vera Visitor: handed over.').waitFor();
  expect(await onHand('COMB')).toBe(before - 2);

  await staff.getByRole('link', { name: 'Ledger' }).click();
  await staff.getByRole('table', { name: 'Stock ledger' }).getByText('sold at the desk').waitFor();

  // Staff import stock counts (no choice of kind: products are for owners).
  await staff.getByRole('link', { name: 'Import' }).click();
  await staff.getByLabel('CSV file').waitFor();
  expect(await staff.getByLabel('What the file holds').count()).toBe(0);
  await staff.getByLabel('CSV file').setInputFiles({
    name: 'count.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`sku,location,quantity\nSHAMPOO,${shop.location},12\n`),
  });
  await staff.getByRole('button', { name: 'Import' }).click();
  await staff.getByText('Imported 1 of 1 stock rows.').waitFor();
  const shampoo = await world.api<{ locations: { onHand: number }[] }>('GET', '/v1/products/SHAMPOO/stock');
  expect(shampoo.body.locations[0]!.onHand).toBe(12);

  // The API behind the screens lets staff do exactly this, and not change products.
  const jar = await staff.context().cookies(world.url);
  const cookie = `frontdesk_session=${jar.find((c) => c.name === 'frontdesk_session')!.value}`;
  const refused = await fetch(`${world.url}/v1/products/COMB`, {
    method: 'PATCH',
    headers: {
      Cookie: cookie,
      Origin: world.url,
      'X-Frontdesk-CSRF': '1',
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ name: 'Renamed' }),
  });
  expect(refused.status).toBe(403);
}, 120_000);

// Last in the file: its 102 movements would push the others' rows off the ledger's first page.
it('pages the ledger: the first 100 movements, then the rest on Show more', async () => {
  // 102 more movements of the comb (+1, −1, …: its on-hand ends where it was).
  const before = (await movements('COMB')).length;
  for (let i = 0; i < 102; i++) {
    const made = await world.api('POST', '/v1/stock/adjustments', {
      eventId: `paging-${i}`,
      sku: 'COMB',
      locationId: shop.location,
      delta: i % 2 === 0 ? 1 : -1,
    });
    expect(made.status).toBe(200);
  }
  const page = await openConsole(world, '/console/stock/ledger?sku=COMB');
  await signIn(page);
  const table = page.getByRole('table', { name: 'Stock ledger' });
  await table.waitFor();
  await expect.poll(() => table.locator('tbody tr').count()).toBe(100);
  await page.getByRole('button', { name: 'Show more' }).click();
  await expect.poll(() => table.locator('tbody tr').count()).toBe(before + 102);
  expect(await page.getByRole('button', { name: 'Show more' }).count()).toBe(0);
}, 120_000);
