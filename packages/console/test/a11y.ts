/**
 * @module Accessibility checks of the browser tests: axe-core (WCAG 2.0–2.2 A and AA, best
 * practice) on the whole page, and a keyboard-only walk (Tab through every control: each must be
 * visible when focused and show a focus indicator).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshots } from './harness.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe's violations on the page, as `[step] rule: targets`. Evaluated through the debugger: CSP does not apply. */
export async function axeViolations(page: Page, step: string): Promise<string[]> {
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

/**
 * Presses Tab up to `max` times from the top of the page; every element that takes the focus must
 * be on screen (after the browser scrolls to it) and visibly focused (an outline or a shadow).
 * Returns problems, and how many controls were reached.
 */
export async function tabWalk(
  page: Page,
  step: string,
  max = 80,
): Promise<{ problems: string[]; reached: number }> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  await page.locator('body').focus();
  const problems: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      // Into shadow roots (the widget's preview): the element that really has the focus.
      let el = document.activeElement as HTMLElement | null;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement as HTMLElement;
      if (!el || el === document.body) return null;
      const rect = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      const outlined = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
      const shadowed = style.boxShadow !== 'none';
      const id = `${el.tagName}:${el.getAttribute('href') ?? ''}:${el.textContent?.trim().slice(0, 30) ?? ''}:${el.getAttribute('name') ?? ''}:${Math.round(rect.top + window.scrollY)}:${Math.round(rect.left)}`;
      const inputLike = /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName);
      return {
        id,
        visible: rect.width > 0 && rect.height > 0,
        focusShown: outlined || shadowed || inputLike,
        tag: el.tagName,
      };
    });
    if (!info) break;
    if (seen.has(info.id)) break;
    seen.add(info.id);
    if (!info.visible) problems.push(`[${step}] focus on an invisible ${info.tag} ${info.id}`);
    if (!info.focusShown) problems.push(`[${step}] no visible focus on ${info.tag} ${info.id}`);
  }
  return { problems, reached: seen.size };
}

export interface ScreenCheck {
  theme: 'light' | 'dark';
  /** Controls the Tab walk must reach at least (more than). Default 5. */
  minimum?: number;
  /** Wait for the network to go idle first (not on a screen that keeps a stream open). Default true. */
  idle?: boolean;
  /** Start the Tab walk from the screen's title (Chromium's start point survives a blur). */
  fromTitle?: boolean;
}

/**
 * The checks every console screen gets once it shows its data: axe, a Tab walk that reaches its
 * controls with a visible focus, and the 375 and 1280 px screenshots. Answers the problems found.
 */
export async function checkScreen(page: Page, name: string, options: ScreenCheck): Promise<string[]> {
  const step = `${options.theme} ${name}`;
  if (options.idle !== false) await page.waitForLoadState('networkidle');
  const problems = await axeViolations(page, step);
  if (options.fromTitle) await page.locator('main h1').focus();
  const walk = await tabWalk(page, step);
  problems.push(...walk.problems);
  expect(walk.reached, `${name}: Tab reaches its controls`).toBeGreaterThan(options.minimum ?? 5);
  await screenshots(page, `${options.theme}-${name}`);
  return problems;
}

/** Presses Tab until `target` has the focus (never a click); fails after `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 150): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${String(target)}`);
}
