/**
 * Size budgets, on the built files the API serves: the loader every page with the script tag
 * pays for, everything the booking flow fetches before a visitor can book, and everything a
 * `<frontdesk-stock>` element loads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { distDir, ensureBuilt } from './build.js';

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const chunksDir = join(distDir, 'widget/chunks');

/** Chunks a file imports statically (what loads with it), transitively. */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:import|from)\s*"\.\/([^"]+)"/g)) {
    const path = join(chunksDir, spec!);
    if (!seen.has(path)) {
      seen.add(path);
      staticClosure(path, seen);
    }
  }
  return seen;
}

describe('size budgets (gzip -9)', () => {
  beforeAll(ensureBuilt, 120_000);

  it('keeps the script-tag loader within 1.5 KB', () => {
    expect(gz(join(distDir, 'widget.js'))).toBeLessThanOrEqual(1536);
  });

  it('keeps all JS of the booking flow within 20 KB, in English and in the largest other language', () => {
    const loader = readFileSync(join(distDir, 'widget.js'), 'utf8');
    const entry = /"\.\/widget\/chunks\/(booking-mount\.[^"]+)"/.exec(loader)?.[1];
    expect(entry, 'the loader imports the booking chunk lazily').toBeTruthy();
    const main = join(chunksDir, entry!);
    const flow = [join(distDir, 'widget.js'), main, ...staticClosure(main)];
    const english = flow.reduce((sum, f) => sum + gz(f), 0);
    const languages = readdirSync(chunksDir).filter((f) => /^(de|es|fr|pt)\./.test(f));
    expect(languages).toHaveLength(4);
    const largestLanguage = Math.max(...languages.map((f) => gz(join(chunksDir, f))));
    console.info(
      `booking flow: ${english} B gzip in English, +${largestLanguage} B for the largest language`,
    );
    expect(english).toBeLessThanOrEqual(20 * 1024);
    expect(english + largestLanguage).toBeLessThanOrEqual(20 * 1024);
  });

  it('keeps all JS the stock element loads within 12 KB', () => {
    const loader = readFileSync(join(distDir, 'widget.js'), 'utf8');
    const entry = /"\.\/widget\/chunks\/(stock-mount\.[^"]+)"/.exec(loader)?.[1];
    expect(entry, 'the loader imports the stock chunk lazily').toBeTruthy();
    const main = join(chunksDir, entry!);
    const files = [join(distDir, 'widget.js'), main, ...staticClosure(main)];
    const total = files.reduce((sum, f) => sum + gz(f), 0);
    console.info(`stock element: ${total} B gzip over ${files.length} files`);
    expect(total).toBeLessThanOrEqual(12 * 1024);
  });
});
