/**
 * axe-core, inside the widget's shadow root, at every step of booking and managing, in the light
 * and the dark theme: zero violations of WCAG 2.0–2.2 A and AA rules.
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
import { openPage, startWorld, type World } from './harness.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let world: World;
beforeAll(async () => {
  world = await startWorld();
}, 120_000);
afterAll(() => world?.close());

/** Runs axe on the page (evaluated through the debugger, so the page's CSP does not matter). */
async function violations(page: Page, step: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const found = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{
            violations: { id: string; nodes: { target: unknown; failureSummary?: string }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    });
    return result.violations.map(
      (v) =>
        `${v.id}: ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join(' | ')}`,
    );
  });
  return found.map((v) => `[${step}] ${v}`);
}

describe.each(['light', 'dark'] as const)('accessibility (%s theme)', (theme) => {
  it('has no axe violations at any step of booking', async () => {
    const page = await openPage(world, world.hostPage({ attrs: { theme } }), { colorScheme: theme });
    await ready(page);
    const w = widget(page);
    await w.getByRole('button', { name: /^Signature cut/ }).waitFor();
    // The theme really applies (else the contrast checks below would test only one palette).
    const surface = await w.locator('.fd').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(surface).toBe(theme === 'dark' ? 'rgb(17, 24, 39)' : 'rgb(255, 255, 255)');
    const found = await violations(page, 'services');
    await w.getByRole('button', { name: /^Signature cut/ }).click();
    await w.locator('table[role=grid][aria-busy=false]').waitFor();
    found.push(...(await violations(page, 'calendar')));
    await chooseFirstFreeDay(page);
    found.push(...(await violations(page, 'times')));
    await chooseFirstTime(page);
    found.push(...(await violations(page, 'details')));
    await w.getByRole('button', { name: 'Book', exact: true }).click();
    await w.getByRole('alert').filter({ hasText: 'Please check the highlighted fields.' }).waitFor();
    found.push(...(await violations(page, 'details with errors')));
    await fillDetails(page);
    await w.getByRole('button', { name: 'Book', exact: true }).click();
    const booked = await bookedDetail(page);
    found.push(...(await violations(page, 'confirmation')));
    await page.context().close();

    const manage = await openPage(
      world,
      world.hostPage({ attrs: { theme, booking: booked.id, token: booked.manageToken } }),
      { colorScheme: theme },
    );
    await ready(manage);
    await widget(manage).getByRole('button', { name: 'Cancel booking' }).click();
    found.push(...(await violations(manage, 'manage')));
    await manage.context().close();
    expect(found).toEqual([]);
    // Seven axe runs over a whole booking and its manage page: past 20 s on a loaded 2-core machine.
  }, 60_000);

  it('has no axe violations in popup mode, closed and open', async () => {
    const page = await openPage(
      world,
      world.hostPage({ attrs: { theme, mode: 'popup', service: world.serviceId } }),
      {
        colorScheme: theme,
      },
    );
    await ready(page);
    const found = await violations(page, 'popup closed');
    await widget(page).getByRole('button', { name: 'Book an appointment' }).click();
    await widget(page).locator('table[role=grid][aria-busy=false]').waitFor();
    found.push(...(await violations(page, 'popup open')));
    expect(found).toEqual([]);
    await page.context().close();
  });
});

it('follows the visitor colour scheme with theme="auto"', async () => {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await openPage(world, world.hostPage({ attrs: { theme: 'auto' } }), { colorScheme: scheme });
    await ready(page);
    const surface = await widget(page)
      .locator('.fd')
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(surface).toBe(scheme === 'dark' ? 'rgb(17, 24, 39)' : 'rgb(255, 255, 255)');
    await page.context().close();
  }
});

it('sees into the shadow root (a planted violation is reported)', async () => {
  const page = await openPage(world, world.hostPage());
  await ready(page);
  await widget(page).evaluate((host) => {
    const unlabelled = document.createElement('input');
    host.shadowRoot?.querySelector('.fd')?.append(unlabelled);
  });
  const found = await violations(page, 'planted');
  expect(found.some((v) => v.includes('label'))).toBe(true);
  await page.context().close();
});

it('keeps every target at least 24×24 px (WCAG 2.5.8)', async () => {
  const page = await openPage(world, world.hostPage({ attrs: { service: world.serviceId } }));
  await ready(page);
  await chooseFirstFreeDay(page);
  const small = await widget(page).evaluate((host) =>
    [...(host.shadowRoot?.querySelectorAll('button, a, input, select, textarea') ?? [])]
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.width < 24 || r.height < 24))
      .map(({ el, r }) => `${el.outerHTML.slice(0, 60)} ${r.width}×${r.height}`),
  );
  expect(small).toEqual([]);
  await page.context().close();
});
