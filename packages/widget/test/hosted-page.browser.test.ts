/**
 * The hosted booking page `/book/{slug}` in Chromium on a 375 px phone: the business's name, the
 * widget working under the page's strict CSP, no horizontal scrolling, zero axe violations
 * (light and dark), booking through it, and a manage link (the fragment form mail uses) opening
 * the manage view and cancelling.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bookedDetail,
  chooseFirstFreeDay,
  chooseFirstTime,
  fillDetails,
  ready,
  widget,
} from './flow-steps.js';
import { cspViolations, openPage, startWorld, type World } from './harness.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const phone = { width: 375, height: 740 };

let world: World;
let pageUrl: string;
beforeAll(async () => {
  world = await startWorld();
  const res = await world.call('PATCH', '/v1/business', {
    slug: 'test-salon',
    address: 'Rua Augusta 1, 1100-048 Lisboa',
  });
  expect(res.status).toBe(200);
  pageUrl = `${world.api}/book/test-salon`;
}, 120_000);
afterAll(() => world?.close());

/** axe on the whole page, widget shadow root included (WCAG 2.0–2.2 A/AA and best practices). */
async function violations(page: Page, step: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const found = await page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: {
        run: (
          ctx: unknown,
          opts: unknown,
        ) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
      };
    };
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    });
    return result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' | ')}`,
    );
  });
  return found.map((v) => `[${step}] ${v}`);
}

/** Whether the page scrolls sideways (content wider than the phone). */
const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe.each(['light', 'dark'] as const)('the hosted booking page on a 375 px phone (%s)', (scheme) => {
  it('books under the strict CSP with no sideways scrolling and no axe violations', async () => {
    const page = await openPage(world, pageUrl, { colorScheme: scheme, viewport: phone });
    await ready(page);
    await page.getByRole('heading', { level: 1, name: 'Test Salon' }).waitFor();
    await page.getByText('Rua Augusta 1, 1100-048 Lisboa').waitFor();
    const found = await violations(page, 'services');
    expect(await scrollsSideways(page)).toBe(false);
    await widget(page)
      .getByRole('button', { name: /^Signature cut/ })
      .click();
    await chooseFirstFreeDay(page);
    expect(await scrollsSideways(page)).toBe(false);
    found.push(...(await violations(page, 'times')));
    await chooseFirstTime(page);
    await fillDetails(page);
    found.push(...(await violations(page, 'details')));
    expect(await scrollsSideways(page)).toBe(false);
    await widget(page).getByRole('button', { name: 'Book', exact: true }).click();
    const booked = await bookedDetail(page);
    // The widget said which language it ran in and the visitor's zone: mail uses both.
    const stored = await world.call<{ locale: string; customer: { timeZone: string } }>(
      'GET',
      `/v1/bookings/${booked.id}`,
    );
    expect(stored.body).toMatchObject({ locale: 'en', customer: { timeZone: 'Europe/Lisbon' } });
    found.push(...(await violations(page, 'confirmation')));
    expect(await scrollsSideways(page)).toBe(false);
    expect(found).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    await page.context().close();
  });
});

it('opens the manage view from a manage link and cancels', async () => {
  const day = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const availability = await world.call<{ slots: { start: string }[] }>(
    'GET',
    `/v1/availability?service=${world.serviceId}&from=${day}&to=${day}`,
  );
  const made = await world.call<{ id: string; manageToken: string }>('POST', '/v1/bookings', {
    service: world.serviceId,
    start: availability.body.slots.at(-1)!.start,
    customer: { name: 'Rita Hosted', email: 'rita@example.com' },
    answers: { allergies: 'no' },
  });
  expect(made.status).toBe(201);
  const page = await openPage(
    world,
    `${pageUrl}#frontdesk_booking=${made.body.id}&frontdesk_token=${made.body.manageToken}`,
    { viewport: phone },
  );
  await ready(page);
  const w = widget(page);
  await w.getByRole('heading', { name: 'Your booking' }).waitFor();
  expect(page.url()).not.toContain(made.body.manageToken);
  expect(await violations(page, 'manage')).toEqual([]);
  await w.getByRole('button', { name: 'Cancel booking' }).click();
  await w.getByRole('button', { name: 'Yes, cancel it' }).click();
  await w.getByRole('status').filter({ hasText: 'Your booking is cancelled.' }).waitFor();
  const after = await world.call<{ status: string }>('GET', `/v1/bookings/${made.body.id}`);
  expect(after.body.status).toBe('cancelled');
  expect(await scrollsSideways(page)).toBe(false);
  expect(await cspViolations(page)).toEqual([]);
  await page.context().close();
});

it('speaks the business language: Portuguese for a pt-PT business, from its own chunk', async () => {
  await world.call('PATCH', '/v1/business', { locale: 'pt-PT' });
  try {
    const page = await openPage(world, pageUrl, { viewport: phone });
    await ready(page);
    await widget(page).getByRole('heading', { name: 'Escolha um serviço' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('pt-PT');
    await page.context().close();
  } finally {
    await world.call('PATCH', '/v1/business', { locale: 'en' });
  }
});
