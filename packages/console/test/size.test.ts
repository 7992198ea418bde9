/**
 * @module The console's size budget: everything the browser downloads before the first screen can
 * draw (the entry script and the modules it imports statically, from index.html) stays within
 * 60 KB of JS (gzip -9); screens are separate chunks, loaded when opened.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, expect, it } from 'vitest';
import { distDir, ensureBuilt } from './build.js';

const assets = join(distDir, 'assets');
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** The chunks a file imports statically (what loads with it), transitively. */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:import|from)\s*"\.\/([^"]+\.js)"/g)) {
    const path = join(assets, spec!);
    if (!seen.has(path)) {
      seen.add(path);
      staticClosure(path, seen);
    }
  }
  return seen;
}

beforeAll(ensureBuilt, 180_000);

it('loads at most 60 KB of JS (gzip) before the first screen; every screen is its own chunk', () => {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/(?:src|href)="\/console\/assets\/([^"]+\.js)"/g)].map((m) =>
    join(assets, m[1]!),
  );
  expect(entries).toHaveLength(1);
  const initial = new Set([...entries, ...entries.flatMap((e) => [...staticClosure(e)])]);
  const bytes = [...initial].reduce((sum, file) => sum + gz(file), 0);
  const chunks = readdirSync(assets).filter((f) => f.endsWith('.js'));
  console.info(
    `console: ${bytes} B gzip of JS before the first screen (${initial.size} files of ${chunks.length})`,
  );
  expect(bytes).toBeLessThanOrEqual(60 * 1024);
  for (const screen of [
    'SignIn',
    'Agenda',
    'Bookings',
    'BookingDetail',
    'ServiceEditor',
    'ResourceEditor',
    'Settings',
    'Users',
    'Feeds',
    'Messages',
    'EmbedBuilder',
  ]) {
    expect(
      chunks.some((f) => f.startsWith(`${screen}.`)),
      `${screen} is a lazy chunk`,
    ).toBe(true);
  }
  // No inline script or style in the page, and no zod (the wire schemas stay on the server side).
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  expect(html).not.toMatch(/<style|style="/);
  for (const file of initial) expect(readFileSync(file, 'utf8')).not.toContain('zod');
});
