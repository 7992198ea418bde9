/**
 * The package as npm users get it: `publint --strict` (exports, files, side effects) and
 * `attw --pack --profile esm-only` (types resolve for ESM consumers) are clean on the built dist.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, packageDir } from './build.js';

const run = promisify(execFile);
const bin = (name: string) => fileURLToPath(new URL(`../../../node_modules/.bin/${name}`, import.meta.url));

describe('the published package', () => {
  beforeAll(ensureBuilt, 120_000);

  it('passes publint --strict', async () => {
    // `npm pack`: publint would pick pnpm from the lockfile, which is not on PATH here.
    const { stdout } = await run(bin('publint'), ['--strict', '--pack', 'npm'], { cwd: packageDir });
    expect(stdout).toContain('All good!');
  }, 60_000);

  it('passes attw --pack with the esm-only profile', async () => {
    // attw exits non-zero on any problem, which rejects here with its report.
    const { stdout } = await run(bin('attw'), ['--pack', '.', '--profile', 'esm-only', '--format', 'ascii'], {
      cwd: packageDir,
    });
    expect(stdout).toContain('@frontdesk/widget');
    expect(stdout).not.toMatch(/❌|🔴|Error/);
  }, 60_000);
});
