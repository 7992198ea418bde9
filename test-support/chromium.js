/**
 * @module The one way this repository starts a browser: Debian's Chromium (never a downloaded
 * build), headless, as root, with the background services off — this machine's network refuses
 * their connections, and they would only add noise to tests and benchmarks.
 */
import { chromium } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** Launches headless Chromium with the settings above. */
export function launchChromium() {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}
