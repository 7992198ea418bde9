/**
 * @module The package as npm users get it: built with `tsc`, then `publint --strict` (exports,
 * files, types) and `attw --pack --profile esm-only` (types resolve for ESM consumers) are clean.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const sdk = fileURLToPath(new URL('../', import.meta.url));
const bin = (name: string) => `${root}node_modules/.bin/${name}`;

beforeAll(async () => {
  // The SDK's declarations import @frontdesk/core's, so core is built first (as `pnpm build` does).
  await run(bin('tsc'), ['-p', 'packages/core/tsconfig.build.json'], { cwd: root });
  await run(bin('tsc'), ['-p', 'packages/sdk/tsconfig.build.json'], { cwd: root });
}, 120_000);

describe('the published package', () => {
  it('passes publint --strict', async () => {
    // `npm pack`: publint would pick pnpm from the lockfile, which is not on PATH here.
    const { stdout } = await run(bin('publint'), ['--strict', '--pack', 'npm'], { cwd: sdk });
    expect(stdout).toContain('All good!');
  }, 60_000);

  it('passes attw --pack with the esm-only profile', async () => {
    // attw exits non-zero on any problem, which rejects here with its report.
    const { stdout } = await run(bin('attw'), ['--pack', '.', '--profile', 'esm-only', '--format', 'ascii'], {
      cwd: sdk,
    });
    expect(stdout).toContain('@frontdesk/sdk');
    expect(stdout).not.toMatch(/❌|🔴|Error/);
  }, 60_000);
});
