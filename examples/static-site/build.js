/**
 * @module `pnpm build`: writes the ready page to `dist/` (what you would upload to any static
 * host). Run with FRONTDESK_API_URL and FRONTDESK_KEY set to your API and publishable key.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { renderPage } from './render.js';

const dist = new URL('./dist/', import.meta.url);
mkdirSync(dist, { recursive: true });
writeFileSync(new URL('index.html', dist), renderPage());
copyFileSync(new URL('./site.css', import.meta.url), new URL('site.css', dist));
console.log(`wrote ${new URL('index.html', dist).pathname}`);
