/**
 * @module Steps a visitor takes in the widget, shared by the browser tests: by mouse, through
 * the accessible names a screen-reader user would hear (Playwright's role locators pierce the
 * open shadow root).
 */
import type { Locator, Page } from 'playwright-core';

export const widget = (page: Page): Locator => page.locator('frontdesk-booking');

/** Waits for the element's `frontdesk:ready`. */
export async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    (window as unknown as { fdEvents: { type: string }[] }).fdEvents.some((e) => e.type === 'ready'),
  );
}

/** Clicks the first day with times (the widget opens on the next month when this one has none left). */
export async function chooseFirstFreeDay(page: Page): Promise<string> {
  const w = widget(page);
  const day = w.locator('table[role=grid][aria-busy=false] button.day.free').first();
  await day.waitFor();
  const label = (await day.getAttribute('aria-label')) ?? '';
  await day.click();
  return label;
}

/**
 * Clicks the latest free day of the month shown that offers at least `times` times (today may have
 * only its last time or two left late in the day, and earlier tests take times too); answers its
 * label. For a test that needs a time left on the same day after taking one.
 */
export async function chooseDayWithTimes(page: Page, times: number): Promise<string> {
  const w = widget(page);
  const days = w.locator('table[role=grid][aria-busy=false] button.day.free');
  await days.first().waitFor();
  const count = await days.count();
  for (let i = count - 1; i >= 0; i--) {
    const day = days.nth(i);
    const label = (await day.getAttribute('aria-label')) ?? '';
    await day.click();
    await w.locator('ul.times button').first().waitFor();
    if ((await w.locator('ul.times button').count()) >= times) return label;
  }
  throw new Error(`no day of the month shown offers ${times} times`);
}

/** Clicks the first offered time; returns its ISO start. */
export async function chooseFirstTime(page: Page): Promise<string> {
  const time = widget(page).locator('ul.times button').first();
  const start = (await time.locator('time').getAttribute('datetime')) ?? '';
  await time.click();
  await widget(page).getByRole('heading', { name: 'Your details' }).waitFor();
  return start;
}

export async function fillDetails(page: Page, details = { name: 'Maria Silva', email: 'maria@example.com' }) {
  const w = widget(page);
  await w.getByLabel('Name').fill(details.name);
  await w.getByLabel('Email').fill(details.email);
  await w.getByLabel('Any allergies?').fill('None');
}

/** The `frontdesk:booked` booking, once it has fired. */
export async function bookedDetail(page: Page): Promise<{ id: string; manageToken: string; start: string }> {
  const handle = await page.waitForFunction(
    () =>
      (window as unknown as { fdEvents: { type: string; detail: unknown }[] }).fdEvents.find(
        (e) => e.type === 'booked',
      )?.detail,
  );
  return (await handle.jsonValue()) as { id: string; manageToken: string; start: string };
}
