/**
 * @module The Integrations screens for calendar feeds, messages and the embed snippet, in Chromium
 * against a real `frontdesk serve` (no SMTP configured): a feed made by keyboard only, its address
 * copied and read as valid iCalendar (ical.js) with a seeded booking, then revoked and refused; the
 * messages list with a seeded sent message and its preview (the HTML sandboxed: its script never
 * runs), and the no-SMTP notice; the embed builder's snippet following its options and the real
 * widget in the preview; axe in light and dark, screenshots at 375 and 1280 px, no CSP violation;
 * staff are refused all three.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventFields, parseIcs } from '../../api/test/ical-check.js';
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
const sentSubject = 'Your Haircut is confirmed';

/**
 * A message sent an hour ago, when (say) SMTP was configured, as rows from before migration 0018 keep
 * it: its rendered parts in their columns (an HTML part with a script, for the sandbox).
 */
async function seedSentMessage(world: World) {
  const { openDatabase } = await import('../../api/src/db/open.js');
  const { messages } = await import('../../api/src/db/schema.js');
  const { newId } = await import('../../api/src/ids.js');
  const database = await openDatabase(world.dbUrl);
  const at = Date.now() - 3_600_000;
  const id = newId('msg', at);
  await database.db.insert(messages).values({
    id,
    businessId: world.business.businessId,
    kind: 'booking_confirmed',
    dedupeKey: `booking_confirmed:seeded:${id}`,
    bookingId: salon.bookings.toCancel,
    reservationId: null,
    toName: 'Carla Cancel',
    toEmail: 'carla.cancel@example.com',
    locale: 'en',
    subject: sentSubject,
    text: 'Hello Carla,\nyour Haircut with Ana is confirmed.',
    html:
      '<!doctype html><html lang="en"><head><title>Confirmed</title></head><body>' +
      '<h1 style="color:#b00">Booking confirmed</h1><p id="marker">See you soon, Carla.</p>' +
      '<script>parent.document.title = "scripted"; document.body.append("SCRIPT RAN")</script></body></html>',
    calendar: null,
    calendarMethod: null,
    messageId: `<${id}@salon.example>`,
    status: 'sent',
    statusReason: null,
    deliver: true,
    attempts: 1,
    smtpResponse: '250 2.0.0 OK queued',
    dueAt: at,
    plannedFor: null,
    sentAt: at + 2_000,
    createdAt: at,
    updatedAt: at + 2_000,
  });
  await database.close();
}

beforeAll(async () => {
  world = await startWorld();
  salon = await seedSalon(world);
  await seedSentMessage(world);
  // The server's own worker (no SMTP) writes the bookings' mail as `not_sent`.
  for (let i = 0; ; i++) {
    const kept = await world.api<{ data: unknown[] }>('GET', '/v1/messages?status=not_sent&limit=1');
    if (kept.body.data.length > 0) break;
    if (i > 100) throw new Error('the worker wrote no message');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}, 300_000);
afterAll(() => world?.close());

const screens = [
  ['integrations-feeds', '/console/integrations/feeds', (p: Page) => p.getByRole('table').waitFor()],
  [
    'integrations-messages',
    '/console/integrations/messages',
    async (p: Page) => {
      await p.getByRole('button', { name: `Preview: ${sentSubject}, carla.cancel@example.com` }).click();
      await p.getByRole('heading', { name: `Preview: ${sentSubject}` }).waitFor();
      // The keyboard walk starts from the top of the page: a click there, so that the walk does not
      // begin inside the message's frame (whose document has nothing to focus).
      await p.mouse.click(1, 1);
    },
  ],
  [
    'integrations-embed',
    '/console/integrations/embed',
    (p: Page) =>
      p
        .locator('frontdesk-booking')
        .getByRole('button', { name: /^Haircut/ })
        .waitFor(),
  ],
] as const;

describe.each(['light', 'dark'] as const)('integrations screens (%s theme)', (theme) => {
  it('have no axe violations, a visible focus on every control, no CSP violation; screenshots saved', async () => {
    const page = await openConsole(world, '/console/integrations/feeds', { colorScheme: theme });
    await signIn(page);
    // One feed to list.
    expect((await world.api('POST', `/v1/resources/${salon.bruno}/feed`)).status).toBe(201);
    const problems: string[] = [];
    for (const [name, path, ready] of screens) {
      await page.goto(world.url + path);
      await ready(page);
      problems.push(...(await checkScreen(page, name, { theme })));
    }
    expect(problems).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
  }, 300_000);
});

describe('calendar feeds by keyboard only', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openConsole(world, '/console/integrations/feeds');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: world.url });
    await signIn(page);
  }, 60_000);

  const focusOn = (name: string | RegExp, role: 'button' | 'link' | 'combobox' = 'button') =>
    tabTo(page, page.getByRole(role, { name }).first());

  it('makes a feed of Ana, copies its address, reads it as iCalendar, revokes it and is refused', async () => {
    await page.getByRole('heading', { name: 'Calendar feeds', level: 1 }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Integrations' }).getAttribute('aria-current')).toBe('page');
    const sections = page.getByRole('navigation', { name: 'Integrations screens' });
    expect(await sections.getByRole('link').allTextContents()).toEqual([
      'API keys',
      'Webhooks',
      'Calendar feeds',
      'Messages',
      'Embed',
    ]);

    await focusOn('Bookings of', 'combobox');
    // Whole business, Ana, Bruno: one down is Ana.
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('combobox', { name: 'Bookings of' }).inputValue()).toBe(salon.ana);
    await focusOn('Create feed');
    await page.keyboard.press('Enter');
    const address = page.getByRole('textbox', { name: 'Feed address' });
    await page.getByRole('heading', { name: 'The new feed’s address: Ana' }).waitFor();
    const url = await address.inputValue();
    expect(url).toMatch(new RegExp(`^${world.url}/feeds/fd_cal_\\w{32}\\.ics$`));
    await focusOn('Copy address');
    await page.keyboard.press('Enter');
    await page.getByText('Copied to the clipboard.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

    // What a calendar app reads: valid iCalendar with Ana's bookings, none of Bruno's.
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const events = parseIcs(await feed.text()).events.map(eventFields);
    const uids = events.map((e) => e.uid.replace('@frontdesk', ''));
    expect(uids).toContain(salon.bookings.toCancel);
    expect(uids).not.toContain(salon.bookings.bruno);
    expect(events.find((e) => e.uid.startsWith(salon.bookings.toCancel))?.summary).toBe(
      'Carla Cancel — Haircut',
    );

    const row = page.getByRole('row', { name: /^Ana/ }).filter({ hasText: 'Live' });
    await row.waitFor();
    page.once('dialog', (dialog) => {
      expect(dialog.message()).toBe(
        'Revoke the feed of Ana? Calendars subscribed to it stop getting bookings.',
      );
      void dialog.accept();
    });
    await focusOn('Revoke the feed of Ana');
    await page.keyboard.press('Enter');
    await page.getByText('The feed of Ana is revoked: its address no longer works.').waitFor();
    expect((await fetch(url)).status).toBe(404);
    await expect
      .poll(() => page.getByRole('row', { name: /^Ana/ }).filter({ hasText: 'Revoked' }).count())
      .toBe(1);
    // The address was for that one time: gone from the screen with the feed.
    expect(await address.count()).toBe(0);
    expect(await cspViolations(page)).toEqual([]);
  }, 120_000);

  it('selects the address for the person to copy when the browser refuses the clipboard', async () => {
    await page.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
      });
    });
    await page.getByRole('button', { name: 'Create feed' }).click();
    const address = page.getByRole('textbox', { name: 'Feed address' });
    await address.waitFor();
    await page.getByRole('button', { name: 'Copy address' }).click();
    await page
      .getByRole('alert')
      .getByText(/the text is selected, press Ctrl\+C/)
      .waitFor();
    const selected = await page.evaluate(() => {
      const field = document.activeElement as HTMLInputElement;
      return field.value.slice(field.selectionStart ?? 0, field.selectionEnd ?? 0);
    });
    expect(selected).toBe(await address.inputValue());
  }, 60_000);
});

describe('messages', () => {
  it('lists the sent message with its preview (HTML without scripts), and says mail is off without SMTP', async () => {
    const page = await openConsole(world, '/console/integrations/messages');
    await signIn(page);
    const notice = page.getByRole('region', { name: 'Mail is not being sent' });
    await notice.getByText(/no SMTP configured/).waitFor();
    const sent = page.getByRole('row', { name: /Carla Cancel.*Booking confirmed.*Sent/ });
    await sent.waitFor();
    // Kept unsent, for no SMTP: the bookings the server's worker wrote about.
    await page.getByRole('row', { name: /Paula Pending.*Booking received.*Not sent \(no SMTP\)/ }).waitFor();

    await page.getByLabel('Status').selectOption('sent');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/status=sent/);
    await expect.poll(() => page.locator('table.list tbody tr').count()).toBe(1);
    await page.getByRole('button', { name: `Preview: ${sentSubject}, carla.cancel@example.com` }).click();
    const preview = page.getByRole('region', { name: `Preview: ${sentSubject}` });
    await preview.getByText('250 2.0.0 OK queued').waitFor();
    expect(await preview.locator('pre').textContent()).toBe(
      'Hello Carla,\nyour Haircut with Ana is confirmed.',
    );
    const frame = page.frameLocator('iframe[title="The HTML of “Your Haircut is confirmed”"]');
    await frame.getByText('See you soon, Carla.').waitFor();
    expect(await page.locator('iframe.mail-frame').getAttribute('sandbox')).toBe('');
    expect(await frame.getByText('SCRIPT RAN').count()).toBe(0);
    expect(await page.title()).not.toBe('scripted');
    expect(await cspViolations(page)).toEqual([]);
  }, 120_000);
});

describe('embed builder', () => {
  it('follows the options in the snippet and shows the real widget with them', async () => {
    const page = await openConsole(world, '/console/integrations/embed');
    await signIn(page);
    const snippet = page.locator('pre.snippet');
    const widget = page.locator('frontdesk-booking');
    await widget.getByRole('button', { name: /^Haircut/ }).waitFor();
    const key = world.business.publishableKey;
    expect(await snippet.textContent()).toBe(
      `<script src="${world.url}/widget.js" async></script>\n<frontdesk-booking api="${world.url}" key="${key}"></frontdesk-booking>`,
    );

    await page.getByLabel('Theme').selectOption('dark');
    await expect.poll(() => snippet.textContent()).toContain(`key="${key}" theme="dark">`);
    // The preview takes the options in an effect, after the snippet's render: poll, as for the accent.
    await expect.poll(() => widget.getAttribute('theme')).toBe('dark');

    await page.getByLabel('My own accent colour').check();
    await page.getByLabel('Accent colour', { exact: true }).fill('#7c2d12');
    await expect
      .poll(() => snippet.textContent())
      .toContain('theme="dark" style="--frontdesk-accent:#7c2d12">');
    await expect
      .poll(() => widget.evaluate((el) => (el as HTMLElement).style.getPropertyValue('--frontdesk-accent')))
      .toBe('#7c2d12');

    await page.getByLabel('Service').selectOption({ label: 'Colour consultation' });
    await expect
      .poll(() => snippet.textContent())
      .toContain(`key="${key}" service="${salon.consultation}" theme="dark"`);
    await expect.poll(() => widget.getAttribute('service')).toBe(salon.consultation);
    // The widget opens that service straight away: its name, and no list of services.
    await widget.getByText('Colour consultation').first().waitFor();
    expect(await widget.getByRole('button', { name: /^Haircut/ }).count()).toBe(0);

    await page.getByLabel('Shown as').selectOption('popup');
    await page.getByLabel('Language').selectOption('pt');
    await expect.poll(() => snippet.textContent()).toContain('mode="popup" theme="dark" lang="pt"');

    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: world.url });
    await page.getByRole('button', { name: 'Copy snippet' }).click();
    await page.getByText('Copied to the clipboard.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await snippet.textContent());
    expect(await cspViolations(page)).toEqual([]);
  }, 120_000);
});

it('staff cannot open these screens, nor call their API', async () => {
  const invited = await world.api<{ invitation: { url: string } }>('POST', '/v1/users', {
    email: 'tiago@salon.example',
    role: 'staff',
    resourceIds: [salon.ana],
  });
  expect(invited.status).toBe(201);
  const staff = await openConsole(world, invited.body.invitation.url.slice(world.url.length));
  await staff.getByLabel('New password').fill('tiago has a good one');
  await staff.getByRole('button', { name: 'Save password and sign in' }).click();
  const nav = staff.getByRole('navigation', { name: 'Main' });
  await nav.waitFor();
  expect(await nav.getByRole('link', { name: 'Integrations' }).count()).toBe(0);
  for (const path of ['feeds', 'messages', 'embed']) {
    await staff.goto(`${world.url}/console/integrations/${path}`);
    await staff.getByRole('alert').getByText('You are not allowed to do this.').waitFor();
    expect(await staff.getByRole('navigation', { name: 'Integrations screens' }).count()).toBe(0);
  }
  const jar = await staff.context().cookies(world.url);
  const cookie = `frontdesk_session=${jar.find((c) => c.name === 'frontdesk_session')!.value}`;
  for (const [method, path] of [
    ['GET', '/v1/feeds'],
    ['POST', '/v1/feed'],
    ['GET', '/v1/messages'],
  ] as const) {
    const res = await fetch(world.url + path, {
      method,
      headers: { Cookie: cookie, Origin: world.url, 'X-Frontdesk-CSRF': '1' },
    });
    expect(res.status, `${method} ${path}`).toBe(403);
  }
}, 120_000);
