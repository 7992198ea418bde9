/**
 * The example page, served by its own server script on one port, embeds the widget from the real
 * API on another, under the page's strict CSP; a visitor books.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  bookedDetail,
  chooseFirstFreeDay,
  chooseFirstTime,
  fillDetails,
  ready,
  widget,
} from '../../../packages/widget/test/flow-steps.js';
import { cspViolations, openPage, startWorld, type World } from '../../../packages/widget/test/harness.js';

let world: World;
let server: ChildProcess;
let url: string;

beforeAll(async () => {
  world = await startWorld();
  server = spawn(process.execPath, [fileURLToPath(new URL('../serve.js', import.meta.url))], {
    env: { ...process.env, PORT: '0', FRONTDESK_API_URL: world.api, FRONTDESK_KEY: world.t.publishableKey },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(server.stdout!, 'data')) as [Buffer];
  url = /http:\/\/127\.0\.0\.1:\d+\//.exec(line.toString())![0];
}, 120_000);

afterAll(async () => {
  server?.kill('SIGTERM');
  await world?.close();
});

it('books through the widget on the example page, with no CSP violation', async () => {
  const page = await openPage(world, url);
  await ready(page);
  const w = widget(page);
  await w.getByRole('button', { name: /^Signature cut/ }).click();
  await chooseFirstFreeDay(page);
  await chooseFirstTime(page);
  await fillDetails(page, { name: 'Static Visitor', email: 'static@example.com' });
  // The site's accent (site.css) reaches into the shadow root through --frontdesk-accent.
  const book = w.getByRole('button', { name: 'Book', exact: true });
  expect(await book.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(124, 45, 18)');
  await book.click();
  const booked = await bookedDetail(page);
  const stored = await world.call<{ customer: { email: string } }>('GET', `/v1/bookings/${booked.id}`);
  expect(stored.body.customer.email).toBe('static@example.com');
  expect(await cspViolations(page)).toEqual([]);
  await page.context().close();
});
