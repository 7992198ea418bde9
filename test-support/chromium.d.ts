import type { Browser } from 'playwright-core';

export declare const chromiumPath: string;
export declare const chromiumArgs: string[];
/** Launches Debian's headless Chromium with the repository's settings. */
export declare function launchChromium(): Promise<Browser>;
