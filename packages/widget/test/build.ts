/**
 * @module Makes sure `dist/` holds a build of the current sources (the package's `build` script:
 * vite, then tsc) before browser, size and example tests:
 * they test the minified files the API serves. Builds once per run when dist is missing or older
 * than any source file; a lock directory keeps parallel test files from building at once.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const distDir = join(packageDir, 'dist');
const tscPath = createRequire(import.meta.url).resolve('typescript/bin/tsc');

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
    // Both halves: the script-tag files (vite) and the npm entry (tsc), which vite's build wipes.
    const built = Math.min(
      statSync(join(distDir, 'widget.js')).mtimeMs,
      statSync(join(distDir, 'index.js')).mtimeMs,
    );
    const config = statSync(join(packageDir, 'vite.config.ts')).mtimeMs;
    return built >= Math.max(newest(join(packageDir, 'src')), config);
  } catch {
    return false;
  }
}

/** Builds the script-tag distribution if it is missing or stale. */
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
      execFileSync(join(packageDir, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
        cwd: packageDir,
        stdio: 'inherit',
        // vitest sets NODE_ENV=test, which would make Vite bundle development builds.
        env: { ...process.env, NODE_ENV: 'production' },
      });
      execFileSync(process.execPath, [tscPath, '-p', 'tsconfig.build.json'], {
        cwd: packageDir,
        stdio: 'inherit',
      });
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
