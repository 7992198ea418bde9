/**
 * @module The package as npm users get it: built with `tsc`, then `publint --strict` (exports,
 * files, types) and `attw --pack --profile esm-only` (types resolve for ESM consumers) are clean.
 * Everything is built into a temp directory (core's declarations too), so this test never reads or
 * rewrites a `dist/` that another test or engineer is using at the same moment.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = (name: string) => `${root}node_modules/.bin/${name}`;
let work: string;
let sdk: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'frontdesk-sdk-pack-'));
  sdk = join(work, 'sdk');
  for (const entry of ['package.json', 'README.md', 'CHANGELOG.md', 'src']) {
    cpSync(join(root, 'packages/sdk', entry), join(sdk, entry), { recursive: true });
  }
  // The SDK's declarations import @frontdesk/core's: emit those next to ours, and point the
  // compiler at them instead of packages/core/dist.
  const coreTypes = join(work, 'core');
  await run(
    bin('tsc'),
    [
      '-p',
      'packages/core/tsconfig.build.json',
      '--emitDeclarationOnly',
      '--declarationMap',
      'false',
      '--outDir',
      coreTypes,
    ],
    { cwd: root },
  );
  const tsconfig = join(work, 'tsconfig.pack.json');
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: join(root, 'packages/sdk/tsconfig.build.json'),
      compilerOptions: {
        rootDir: join(root, 'packages/sdk/src'),
        outDir: join(sdk, 'dist'),
        paths: { '@frontdesk/core': [join(coreTypes, 'index.d.ts')] },
      },
      include: [join(root, 'packages/sdk/src')],
      exclude: [join(root, 'packages/sdk/src/**/*.test.ts')],
    }),
  );
  await run(bin('tsc'), ['-p', tsconfig], { cwd: root });
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
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
