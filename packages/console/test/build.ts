/**
 * @module Makes sure `dist/` holds a build of the current console sources (and of the workspace
 * sources it bundles: sdk, core) before the size and browser tests, which test the files the API
 * serves. Builds once per run when dist is missing or older than a source; a lock directory keeps
 * parallel test files from building at once.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const distDir = join(packageDir, 'dist');
const sources = [join(packageDir, 'src'), join(packageDir, '../sdk/src'), join(packageDir, '../core/src')];

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function isFresh(): boolean {
  try {
    const built = statSync(join(distDir, 'index.html')).mtimeMs;
    const inputs = Math.max(
      ...sources.map(newest),
      statSync(join(packageDir, 'vite.config.ts')).mtimeMs,
      statSync(join(packageDir, 'index.html')).mtimeMs,
    );
    return built >= inputs;
  } catch {
    return false;
  }
}

/** Builds the console if it is missing or stale. */
export async function ensureBuilt(): Promise<void> {
  const lock = join(packageDir, '.build-lock');
  for (;;) {
    if (isFresh()) return;
    try {
      mkdirSync(lock);
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    if (!isFresh()) {
      execFileSync(join(packageDir, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], {
        cwd: packageDir,
        stdio: 'inherit',
        // vitest sets NODE_ENV=test, which would make Vite bundle development builds.
        env: { ...process.env, NODE_ENV: 'production' },
      });
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
