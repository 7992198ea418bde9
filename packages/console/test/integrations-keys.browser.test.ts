/**
 * @module The API keys and webhooks screens in Chromium against a real `frontdesk serve` (private
 * webhook targets allowed: the receiver is a node:http server on 127.0.0.1). A webhook endpoint made
 * in the console gets a test event whose signature verifies with the reference `standardwebhooks`
 * library and the secret the console showed once; a key made in the console works against the API
 * until it is revoked there. axe finds nothing in either theme, Tab reaches every control, a key is
 * made by keyboard only, the copy button falls back to selected text; staff see none of it.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkScreen, tabTo } from './a11y.js';
import { cspViolations, openConsole, signIn, startWorld, type World } from './harness.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

let world: World;
let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];
/** What the receiver answers (a test switches it to 500 for a while). */
let receiverStatus = 200;

beforeAll(async () => {
  world = await startWorld({ env: { FRONTDESK_WEBHOOK_ALLOW_PRIVATE: '1' } });
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res
        .writeHead(receiverStatus, { 'Content-Type': 'text/plain' })
        .end(receiverStatus === 200 ? 'thanks' : 'down');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
}, 300_000);
afterAll(async () => {
  if (receiver) await new Promise((resolve) => receiver.close(resolve));
  await world?.close();
});

/** Whether `headers` + `body` verify with `secret` (the reference library); the payload's type. */
function verified({ headers, body }: Received, secret: string): string | null {
  try {
    const payload = new Webhook(secret).verify(body, {
      'webhook-id': String(headers['webhook-id']),
      'webhook-timestamp': String(headers['webhook-timestamp']),
      'webhook-signature': String(headers['webhook-signature']),
    }) as { type: string };
    return payload.type;
  } catch {
    return null;
  }
}

const withKey = (key: string) =>
  fetch(`${world.url}/v1/services`, { headers: { Authorization: `Bearer ${key}` } }).then((r) => r.status);

describe('webhooks', () => {
  let page: Page;
  let endpointPath = '';
  let firstSecret = '';
  beforeAll(async () => {
    page = await openConsole(world, '/console/integrations/webhooks');
    await signIn(page);
  }, 60_000);

  it('makes an endpoint (its secret shown once), sends a test event that arrives signed and shows as delivered', async () => {
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    await page.getByText('No endpoints yet.').waitFor();
    await page.getByLabel('URL').fill(receiverUrl);
    await page.getByLabel('Description').fill('Our CRM');
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const secretField = page.getByRole('textbox', { name: 'Signing secret' });
    await secretField.waitFor();
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^whsec_/);
    firstSecret = secret;
    await page.getByText('you will not see it again').waitFor();
    const list = page.getByRole('table', { name: 'Webhook endpoints' });
    await list.getByRole('link', { name: receiverUrl }).waitFor();
    // The form is empty again for the next one.
    expect(await page.getByLabel('URL').inputValue()).toBe('');

    await page.getByRole('link', { name: 'Open the endpoint' }).click();
    await page.getByRole('heading', { name: 'Webhook endpoint' }).waitFor();
    endpointPath = new URL(page.url()).pathname;
    // The menu marks Integrations on every integrations screen.
    const menu = page.getByRole('navigation', { name: 'Main' });
    expect(await menu.getByRole('link', { name: 'Integrations' }).getAttribute('aria-current')).toBe('page');
    expect(await page.content()).not.toContain(secret);

    await page.getByRole('button', { name: 'Send test event' }).click();
    const deliveries = page.getByRole('table', { name: 'Deliveries' });
    const row = deliveries.getByRole('row').filter({ hasText: 'webhook.test' });
    // The log reads itself again while the delivery is due: no reload needed.
    await row.getByText('Succeeded').waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toMatch(/HTTP 200, \d+ ms/);
    await row.getByText('1 attempt').click();
    await row.getByText('thanks').waitFor();

    expect(received).toHaveLength(1);
    expect(verified(received[0]!, secret)).toBe('webhook.test');
    const wrong = `whsec_${Buffer.from('x'.repeat(32)).toString('base64')}`;
    expect(verified(received[0]!, wrong)).toBeNull();
    expect(await cspViolations(page)).toEqual([]);
  }, 120_000);

  it('rotates the secret (the new one shown once, the old one signing for 24 h) and replays since a time', async () => {
    const before = await world.api<{ data: { secret?: string }[] }>('GET', '/v1/webhook-endpoints');
    expect(before.body.data[0]).not.toHaveProperty('secret');
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    const secretField = page.getByRole('textbox', { name: 'Signing secret' });
    await secretField.waitFor();
    const rotated = await secretField.inputValue();
    expect(rotated).toMatch(/^whsec_/);
    await page.getByText(/The previous secret keeps signing too .* 24 hours from now/).waitFor();
    await page.getByRole('button', { name: 'I have copied it' }).click();
    expect(await secretField.count()).toBe(0);

    // Replay: every subscribed event since 2020 (the keys and the business `frontdesk init` made…)
    // is queued again with its original webhook-id, signed with the new secret.
    const beforeReplay = received.length;
    await page.getByLabel('Since').fill('2020-01-01T00:00');
    await page.getByRole('button', { name: 'Replay', exact: true }).click();
    const queuedNote = page.getByText(/^\d+ events? queued\.$/);
    await queuedNote.waitFor();
    const queued = Number((await queuedNote.textContent())!.split(' ')[0]);
    expect(queued).toBeGreaterThan(0);
    await expect.poll(() => received.length, { timeout: 30_000 }).toBe(beforeReplay + queued);
    const replayed = received.slice(beforeReplay);
    expect(replayed.every((r) => verified(r, rotated) !== null)).toBe(true);
    expect(replayed.map((r) => verified(r, rotated))).not.toContain('webhook.test');

    const beforeTest = received.length;
    await page.getByRole('button', { name: 'Send test event' }).click();
    await expect.poll(() => received.length, { timeout: 30_000 }).toBe(beforeTest + 1);
    // Signed with the new secret, and for 24 hours with the previous one too.
    expect(verified(received.at(-1)!, rotated)).toBe('webhook.test');
    expect(verified(received.at(-1)!, firstSecret)).toBe('webhook.test');
  }, 120_000);

  it('retries a failed delivery, refuses a test while switched off, and deletes the endpoint after a confirmation', async () => {
    const endpoints = await world.api<{ data: { id: string }[] }>('GET', '/v1/webhook-endpoints');
    const id = endpoints.body.data[0]!.id;
    expect(endpointPath).toBe(`/console/integrations/webhooks/${id}`);
    // The receiver is down: the test event's first attempt gets a 500 and waits for its next try.
    receiverStatus = 500;
    await page.getByRole('button', { name: 'Send test event' }).click();
    const deliveries = page.getByRole('table', { name: 'Deliveries' });
    const failing = deliveries.getByRole('row').filter({ hasText: /HTTP 500, \d+ ms/ });
    await failing.waitFor({ timeout: 30_000 });
    // Switching the endpoint off fails its pending deliveries.
    await page.getByRole('button', { name: 'Switch off' }).click();
    await page.getByText('Switched off: nothing is sent until you switch it on.').waitFor();
    await page.getByRole('button', { name: 'Refresh' }).click();
    await failing.getByText('Failed').waitFor();
    // Switched off, a test is refused, and the API's words show.
    await page.getByRole('button', { name: 'Send test event' }).click();
    await page.getByRole('alert').filter({ hasText: 'The endpoint is disabled' }).waitFor();
    await page.getByRole('button', { name: 'Switch on' }).click();
    await page.getByText(/^Switched on/).waitFor();

    receiverStatus = 200;
    const before = received.length;
    await failing.getByRole('button', { name: /^Retry webhook\.test evt_/ }).click();
    await page.getByText('webhook.test: one more attempt queued.').waitFor();
    await failing.getByText('Succeeded').waitFor({ timeout: 30_000 });
    expect(await failing.textContent()).toMatch(/HTTP 200, \d+ ms/);
    expect(received.length).toBeGreaterThan(before);
    expect(received.at(-1)!.headers['webhook-id']).toBe(received.at(-2)!.headers['webhook-id']);

    await page.getByRole('button', { name: 'Delete endpoint' }).click();
    const confirm = page.getByRole('button', { name: 'Yes, delete it' });
    await confirm.waitFor();
    expect(await confirm.evaluate((el) => el === document.activeElement)).toBe(true);
    await confirm.click();
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    await page.getByText('No endpoints yet.').waitFor();
    expect((await world.api('GET', `/v1/webhook-endpoints/${id}`)).status).toBe(404);
  }, 120_000);
});

describe('API keys', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openConsole(world, '/console/integrations/keys');
    await signIn(page);
  }, 60_000);

  it('keeps the form after a refused key, makes a secret key that works, and revokes it after a confirmation', async () => {
    await page.getByRole('heading', { name: 'API keys', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'API keys' });
    await table.waitFor();
    // `frontdesk init` made one of each.
    expect(await table.locator('tbody tr').count()).toBe(2);

    await page.getByLabel('Label').fill('Shop site');
    await page.getByLabel('Allowed origins').fill('shop.example');
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.getByText('Expected an origin like https://example.com').waitFor();
    expect(await page.getByLabel('Label').inputValue()).toBe('Shop site');
    expect(await page.getByLabel('Allowed origins').inputValue()).toBe('shop.example');

    await page.getByLabel('Kind').selectOption('secret');
    await page.getByLabel('Label').fill('POS sync');
    await page.getByRole('button', { name: 'Create key' }).click();
    const shown = page.getByRole('textbox', { name: 'Your new key' });
    await shown.waitFor();
    const key = await shown.inputValue();
    expect(key).toMatch(/^fd_sk_/);
    await page.getByText('you will not see it again').waitFor();
    expect(await withKey(key)).toBe(200);
    const row = table.getByRole('row').filter({ hasText: 'POS sync' });
    await row.getByText('Active').waitFor();
    await page.getByRole('button', { name: 'I have copied it' }).click();
    expect(await page.content()).not.toContain(key);

    await page.getByRole('button', { name: 'Revoke key POS sync' }).click();
    await row.getByText('Revoke POS sync? Every request with it fails from now on').waitFor();
    await row.getByRole('button', { name: 'Keep it' }).click();
    expect(await withKey(key)).toBe(200);
    await page.getByRole('button', { name: 'Revoke key POS sync' }).click();
    await row.getByRole('button', { name: 'Yes, revoke it' }).click();
    await page.getByText('POS sync revoked.').waitFor();
    await row.getByText(/^Revoked /).waitFor();
    expect(await withKey(key)).toBe(401);
    expect(await cspViolations(page)).toEqual([]);
  }, 120_000);

  it('makes a publishable key by keyboard only and copies it', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: world.url });
    await page.goto(`${world.url}/console/integrations/keys`);
    await page.getByRole('table', { name: 'API keys' }).waitFor();
    const focusOn = (target: ReturnType<Page['getByRole']>) => tabTo(page, target, 80);
    await focusOn(page.getByRole('textbox', { name: 'Label' }));
    await page.keyboard.type('Booking widget');
    await page.keyboard.press('Tab');
    await page.keyboard.type('https://shop.example');
    await focusOn(page.getByRole('button', { name: 'Create key' }));
    await page.keyboard.press('Enter');
    const shown = page.getByRole('textbox', { name: 'Your new key' });
    await shown.waitFor();
    // The new key has the focus, selected: Ctrl+C works at once.
    expect(await shown.evaluate((el) => el === document.activeElement)).toBe(true);
    const key = await shown.inputValue();
    expect(key).toMatch(/^fd_pk_/);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Copied to the clipboard.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    const listed = await world.api<{ data: { label: string; allowedOrigins: string[] }[] }>(
      'GET',
      '/v1/keys',
    );
    expect(listed.body.data.find((k) => k.label === 'Booking widget')?.allowedOrigins).toEqual([
      'https://shop.example',
    ]);
    expect(await withKey(key)).toBe(200);
  }, 120_000);

  it('selects the key for Ctrl+C when the page may not copy', async () => {
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('No', 'NotAllowedError'));
    });
    await page.getByLabel('Kind').selectOption('secret');
    await page.getByLabel('Label').fill('Backup job');
    await page.getByRole('button', { name: 'Create key' }).click();
    const shown = page.getByRole('textbox', { name: 'Your new key' });
    await shown.waitFor();
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'the text is selected, press Ctrl+C' }).waitFor();
    const selection = await shown.evaluate((el) => {
      const input = el as HTMLInputElement;
      return {
        focused: input === document.activeElement,
        start: input.selectionStart,
        end: input.selectionEnd,
      };
    });
    const key = await shown.inputValue();
    expect(selection).toEqual({ focused: true, start: 0, end: key.length });
  }, 60_000);
});

describe.each(['light', 'dark'] as const)('integrations screens (%s theme)', (theme) => {
  it('have no axe violations, a visible focus on every control, no CSP violation; screenshots saved', async () => {
    const made = await world.api<{ id: string }>('POST', '/v1/webhook-endpoints', {
      url: receiverUrl,
      description: `Screenshots (${theme})`,
      events: ['booking.*', 'stock.low'],
    });
    expect(made.status).toBe(201);
    expect((await world.api('POST', `/v1/webhook-endpoints/${made.body.id}/test`, {})).status).toBe(202);
    const page = await openConsole(world, '/console/integrations/keys', { colorScheme: theme });
    await signIn(page);
    const problems: string[] = [];
    // The walk starts where the focus was (Chromium's starting point survives a blur): from the title.
    const check = async (name: string, minimum: number) =>
      problems.push(...(await checkScreen(page, name, { theme, minimum, fromTitle: true })));

    await page.getByRole('table', { name: 'API keys' }).waitFor();
    await check('integrations-keys', 8);
    // With a new key shown once, and a revocation asked.
    await page.getByLabel('Label').fill(`Screenshot key (${theme})`);
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.getByRole('textbox', { name: 'Your new key' }).waitFor();
    await page.getByRole('button', { name: `Revoke key Screenshot key (${theme})` }).click();
    await page.getByRole('button', { name: 'Yes, revoke it' }).waitFor();
    await check('integrations-key-created', 8);

    await page.goto(`${world.url}/console/integrations/webhooks`);
    await page.getByRole('table', { name: 'Webhook endpoints' }).waitFor();
    await page.getByLabel('Every event type').uncheck();
    await check('integrations-webhooks', 10);

    await page.goto(`${world.url}/console/integrations/webhooks/${made.body.id}`);
    const deliveries = page.getByRole('table', { name: 'Deliveries' });
    await deliveries.getByText('Succeeded').waitFor({ timeout: 30_000 });
    await deliveries.getByText('1 attempt').click();
    await check('integrations-webhook', 8);

    expect(problems).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
  }, 300_000);
});

it('staff see no Integrations, get the owner-only refusal there, and the API refuses them keys and webhooks', async () => {
  const resource = await world.api<{ id: string }>('POST', '/v1/resources', { name: 'Ana' });
  expect(resource.status).toBe(201);
  const invited = await world.api<{ invitation: { url: string } }>('POST', '/v1/users', {
    email: 'tiago@salon.example',
    role: 'staff',
    resourceIds: [resource.body.id],
  });
  expect(invited.status).toBe(201);
  const staff = await openConsole(world, invited.body.invitation.url.slice(world.url.length));
  await staff.getByLabel('New password').fill('tiago has a good one');
  await staff.getByRole('button', { name: 'Save password and sign in' }).click();
  const nav = staff.getByRole('navigation', { name: 'Main' });
  await nav.waitFor();
  expect(await nav.getByRole('link').allTextContents()).not.toContain('Integrations');

  await staff.goto(`${world.url}/console/integrations/keys`);
  await staff.getByText('You are not allowed to do this.').waitFor();
  expect(await staff.getByRole('heading', { name: 'API keys' }).count()).toBe(0);

  const jar = await staff.context().cookies(world.url);
  const cookie = `frontdesk_session=${jar.find((c) => c.name === 'frontdesk_session')!.value}`;
  const asStaff = (method: string, path: string, body?: unknown) =>
    fetch(world.url + path, {
      method,
      headers: {
        Cookie: cookie,
        Origin: world.url,
        'X-Frontdesk-CSRF': '1',
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    }).then((r) => r.status);
  expect(await asStaff('GET', '/v1/business')).toBe(200);
  expect(await asStaff('GET', '/v1/keys')).toBe(403);
  expect(await asStaff('POST', '/v1/keys', { kind: 'secret' })).toBe(403);
  expect(await asStaff('GET', '/v1/webhook-endpoints')).toBe(403);
  expect(await asStaff('POST', '/v1/webhook-endpoints', { url: receiverUrl })).toBe(403);
}, 120_000);
