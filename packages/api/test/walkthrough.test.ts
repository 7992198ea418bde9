/**
 * The curl walkthrough of docs/api.md (`packages/api/scripts/walkthrough.sh`), run as a reader would:
 * bash, curl and jq against a real `frontdesk serve` on a fresh database. CI installs curl and jq
 * (`.ci/run`); a reader's machine without them gets a clear failure naming what is missing.
 */
import { execFile, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  removeSeededFiles,
  type SeededFile,
  type ServerProcess,
  seedFile,
  startServer,
} from './process-helpers.js';

const script = fileURLToPath(new URL('../scripts/walkthrough.sh', import.meta.url));
let seeded: SeededFile;
let server: ServerProcess;

beforeAll(async () => {
  seeded = await seedFile(1);
  server = await startServer(seeded.dbUrl);
}, 60_000);

afterAll(async () => {
  server?.child.kill('SIGTERM');
  await server?.exited;
  removeSeededFiles();
});

describe('the curl walkthrough', () => {
  it('runs from the first step to the last against a real server', async () => {
    for (const tool of ['curl', 'jq']) {
      expect(spawnSync('sh', ['-c', `command -v ${tool}`]).status, `${tool} is needed`).toBe(0);
    }
    const { stdout } = await promisify(execFile)('bash', [script], {
      env: { ...process.env, API: server.url, SK: seeded.secretKey, PK: seeded.publishableKey },
      timeout: 60_000,
    });
    expect(stdout).toContain('"status":"cancelled"');
    expect(stdout).toMatch(/STATUS:CONFIRMED|DTSTART/);
    expect(stdout.trim().split('\n').at(-1)).toBe('Walkthrough complete.');
  }, 90_000);
});
