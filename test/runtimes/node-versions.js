#!/usr/bin/env node
/**
 * @module The core, API and SDK test projects on Node 22 and Node 24 (the binaries are npm
 * packages, devDependencies of this directory's package), beside the main test run on the
 * machine's Node (the 20.19 floor).
 *
 *   node test/runtimes/node-versions.js                      # Node 22, then Node 24
 *   node test/runtimes/node-versions.js 24                   # one version
 *   node test/runtimes/node-versions.js --meanwhile test:main  # and `pnpm run test:main` at once
 *
 * Why at once: on the 2-core CI machine vitest runs two test files at a time, and the API tests
 * spend much of their time waiting on child processes and fsync, so the other versions' runs fill
 * the gaps of the build, lint, typecheck and main run instead of adding their whole length. They
 * need no build (tests read `src/` through the `source` condition) and run one after the other,
 * so at most two test runs share the machine. Their output goes to a log file each; a run that
 * fails prints its log, one that passes its summary. `FRONTDESK_NODE_VERSIONS=22` (or empty, to
 * skip them, e.g. on a platform without the linux-x64 binaries) picks the versions.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));
const projects = ['core', 'api', 'sdk'];
/**
 * What runs on each extra version, so that the three runs fit CI's 20 minutes on two cores (every
 * API file on both versions made the whole `pnpm test` take about 30 minutes): all of core and of
 * the SDK's Node tests, and the API files that lean most on the runtime — real `frontdesk serve`
 * processes on the Node under test (two-process races, kill -9), node:crypto (sessions and scrypt,
 * webhook signing, sealed idempotent answers), streams (SSE), the HTTP body rules, and the fuzz of
 * every documented route. Path filters, as vitest takes them; `FRONTDESK_NODE_FILES=all` runs
 * every file of the three projects instead.
 */
const files =
  process.env.FRONTDESK_NODE_FILES === 'all'
    ? []
    : [
        'packages/core/',
        'packages/sdk/',
        'packages/api/test/processes.test.ts',
        'packages/api/test/sessions.test.ts',
        'packages/api/test/webhook-endpoints.test.ts',
        'packages/api/src/services/idempotency.test.ts',
        'packages/api/test/stock-stream.test.ts',
        'packages/api/test/http-rules.test.ts',
        'packages/api/test/bad-input.test.ts',
        'packages/api/test/bookings.test.ts',
      ];
/** Never on the extra versions: Chromium drives these the same whatever the Node (and npm pack). */
const excluded = [
  '**/node_modules/**',
  '**/*.browser.test.ts',
  '**/packages/sdk/test/browser.test.ts',
  '**/package.test.ts',
];

const args = process.argv.slice(2);
const meanwhileAt = args.indexOf('--meanwhile');
const meanwhile = meanwhileAt >= 0 ? args[meanwhileAt + 1] : undefined;
const listed = args.filter((arg, i) => /^\d+$/.test(arg) && (meanwhileAt < 0 || i !== meanwhileAt + 1));
const fromEnv = process.env.FRONTDESK_NODE_VERSIONS;
const versions = listed.length ? listed : (fromEnv ?? '22,24').split(',').filter(Boolean);

/** Resolves with the exit code of `command` (a signal counts as failure). */
function exitOf(child) {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1))));
}

const started = [];
/** Stops every run this script started (by its own process id) when the script is stopped. */
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of started) if (child.exitCode === null) child.kill('SIGTERM');
    process.exit(1);
  });
}

/** The three projects on one Node version; resolves with its outcome. */
async function runOn(version, logDir) {
  const node = join(here, 'node_modules', `node-${version}`, 'bin', 'node');
  const log = join(logDir, `node-${version}.log`);
  const json = join(logDir, `node-${version}.json`);
  if (!existsSync(node)) {
    writeFileSync(log, `${node} is missing: the node-${version} package installs on linux-x64 only.\n`);
    return { version, code: 1, seconds: 0, log, passed: 0, failed: 0 };
  }
  const begin = Date.now();
  const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
  const child = spawn(
    node,
    [
      vitest,
      'run',
      ...files,
      ...projects.flatMap((p) => ['--project', p]),
      ...excluded.flatMap((glob) => ['--exclude', glob]),
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${json}`,
    ],
    // Type tests (tsc) answer the same on every Node: the main run has them.
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0', FRONTDESK_SKIP_TYPE_TESTS: '1' },
    },
  );
  started.push(child);
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const code = await exitOf(child);
  writeFileSync(log, output);
  let passed = 0;
  let failed = 0;
  if (existsSync(json)) {
    const report = JSON.parse(readFileSync(json, 'utf8'));
    passed = report.numPassedTests;
    failed = report.numFailedTests;
  }
  return {
    version,
    code,
    seconds: Math.round((Date.now() - begin) / 1000),
    log,
    passed,
    failed: failed || (code ? 1 : 0),
  };
}

async function main() {
  const logDir = mkdtempSync(join(tmpdir(), 'frontdesk-node-versions-'));
  const versionRuns = (async () => {
    const results = [];
    for (const version of versions) results.push(await runOn(version, logDir));
    return results;
  })();

  let mainCode = 0;
  if (meanwhile) {
    // The pnpm that runs this script (`pnpm test`) runs the other script too.
    const execPath = process.env.npm_execpath;
    const pnpm = execPath && /pnpm/.test(execPath) ? execPath : undefined;
    const [command, ...prefix] = !pnpm
      ? ['npx', '-y', 'pnpm@10.34.8']
      : /\.[cm]?js$/.test(pnpm)
        ? [process.execPath, pnpm]
        : [pnpm];
    const child = spawn(command, [...prefix, 'run', meanwhile], { cwd: root, stdio: 'inherit' });
    started.push(child);
    mainCode = await exitOf(child);
    if (mainCode !== 0) {
      // No point waiting: the test command has failed.
      for (const run of started) if (run.exitCode === null) run.kill('SIGTERM');
      process.exit(mainCode);
    }
  }

  const results = await versionRuns;
  const allPassed = results.every((r) => r.code === 0);
  if (!versions.length) console.log('Node versions: none chosen (FRONTDESK_NODE_VERSIONS is empty)');
  for (const result of results) {
    const text = existsSync(result.log) ? readFileSync(result.log, 'utf8') : '';
    const lines = text.trimEnd().split('\n');
    console.log(
      `\n── Node ${result.version}: ${projects.join(', ')} (${result.seconds} s, log ${result.log})`,
    );
    console.log((result.code === 0 ? lines.slice(-6) : lines).join('\n'));
  }
  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  if (results.length) {
    console.log(`\nThe ${projects.join(', ')} tests on Node ${versions.join(' and ')}:`);
    console.log(`node-versions: ${passed} passed, ${failed} failed`);
  }
  // Logs are kept for a failed run only.
  if (allPassed) rmSync(logDir, { recursive: true, force: true });
  process.exit(mainCode || (allPassed ? 0 : 1));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
