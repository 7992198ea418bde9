/**
 * @module The torture harness's short runs, as CI's guard that the promises of bench/torture.js
 * keep holding: races over two `frontdesk serve` processes on one file (r1), five `kill -9` points
 * under mixed writes (r2) and 2,000 generated bad requests (r3), each against the BUILT CLI and
 * ending with its checks (capacity, histories, acknowledged writes, ledgers, integrity, 0 5xx).
 * Each run takes a fresh random seed, printed on failure: `node bench/torture.js r1 --short --seed N`
 * replays it. Needs the built tree (`pnpm build`; the README's test command builds first).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'packages/api/dist/cli.js');

interface TortureResult {
  name: string;
  seed: number;
  figures: Record<string, number | string>;
  violations: string[];
}

/** `node bench/torture.js <which> --short --json`: its results, whatever its exit code. */
async function torture(which: string): Promise<TortureResult> {
  const seed = Math.floor(Math.random() * 2 ** 31);
  const args = [join(root, 'bench/torture.js'), which, '--short', '--json', '--seed', String(seed)];
  const { stdout, stderr, code } = await run(process.execPath, args, { cwd: root, timeout: 90_000 }).then(
    (done) => ({ ...done, code: 0 }),
    (failed: { stdout?: string; stderr?: string; code?: number }) => ({
      stdout: failed.stdout ?? '',
      stderr: failed.stderr ?? '',
      code: failed.code ?? -1,
    }),
  );
  const last = stdout.trim().split('\n').at(-1) ?? '';
  if (!last.startsWith('['))
    throw new Error(`torture ${which} (seed ${seed}) exited ${code}:\n${stdout}\n${stderr}`);
  const [result] = JSON.parse(last) as TortureResult[];
  expect(result!.violations, `torture ${which} --seed ${seed}:\n${stdout}`).toEqual([]);
  expect(code).toBe(0);
  return result!;
}

beforeAll(() => {
  if (!existsSync(cli))
    throw new Error(`${cli} is missing: run \`pnpm build\` first (the README's test command does)`);
});

describe('torture, short', () => {
  it('r1: raced bookings, holds, cancels and reschedules stay within capacity, one state each, 0 5xx', async () => {
    const result = await torture('r1');
    expect(result.figures.requests).toBeGreaterThanOrEqual(1000);
    expect(result.figures.bookings).toBeGreaterThan(0);
    expect(result.figures['5xx']).toBe(0);
    expect(result.figures['over capacity']).toBe(0);
  }, 120_000);

  it('r2: kill -9 five times under mixed writes: nothing acknowledged lost or duplicated', async () => {
    const result = await torture('r2');
    expect(result.figures['kill -9 points']).toBe(5);
    expect(result.figures['acknowledged bookings']).toBeGreaterThan(0);
    expect(result.figures['acknowledged writes lost']).toBe(0);
    expect(result.figures.integrity_check).toBe('ok');
  }, 120_000);

  it('r3: 2,000 generated bad requests over HTTP: 0 5xx, every 4xx a problem+json', async () => {
    const result = await torture('r3');
    expect(result.figures.requests).toBe(2000);
    expect(result.figures['5xx']).toBe(0);
    expect(result.figures['4xx not problem+json']).toBe(0);
  }, 120_000);
});
