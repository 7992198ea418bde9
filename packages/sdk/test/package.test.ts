/**
 * @module The package as npm users get it: built with `tsc`, then `publint --strict` (exports,
 * files, types) and `attw --pack --profile esm-only` (types resolve for ESM consumers) are clean.
 * It is built into a temp copy of the package, so the tests never rewrite `dist/` while another
 * test (the examples) runs code from it.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = (name: string) => `${root}node_modules/.bin/${name}`;
let sdk: string;

beforeAll(async () => {
  sdk = mkdtempSync(join(tmpdir(), 'frontdesk-sdk-pack-'));
  for (const entry of ['package.json', 'README.md', 'CHANGELOG.md', 'src']) {
    cpSync(join(root, 'packages/sdk', entry), join(sdk, entry), { recursive: true });
  }
  // The SDK's declarations import @frontdesk/core's: build core once if `pnpm build` has not.
  if (!existsSync(join(root, 'packages/core/dist/index.d.ts'))) {
    await run(bin('tsc'), ['-p', 'packages/core/tsconfig.build.json'], { cwd: root });
  }
  await run(bin('tsc'), ['-p', 'packages/sdk/tsconfig.build.json', '--outDir', join(sdk, 'dist')], {
    cwd: root,
  });
}, 120_000);

afterAll(() => {
  if (sdk) rmSync(sdk, { recursive: true, force: true });
});

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
