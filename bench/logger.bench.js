/**
 * @module The request log's writer: 100 000 request-shaped lines through the API's JSON logger
 * (pino, asynchronous writes to stderr) beside the logger it replaced (`console.error` of
 * `JSON.stringify`, with the same fields and an ISO time), in the same run. Each logger runs in a
 * child process whose stderr is first /dev/null, then a pipe the parent drains (what a process
 * manager gives); the child times its loop, and the whole run until every line is written (pino
 * writes asynchronously, so its loop alone would flatter it), with the CPU time spent. Needs the
 * built api package (`npx -y pnpm@10.34.8 --filter @frontdesk/core --filter @frontdesk/api build`).
 */
import { spawn } from 'node:child_process';
import { writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const lines = 100_000;
const self = fileURLToPath(import.meta.url);

/** One request line's fields, as middleware/request-log.ts writes them. */
const fields = (i) => ({
  requestId: `req_4fQk2LmZp9XwBv7T${i}`,
  method: 'POST',
  route: '/v1/bookings',
  status: 201,
  durationMs: 3.21,
  keyId: 'key_0m3x4k2a1000Q7fZtR2c',
});

async function child(kind) {
  let info;
  if (kind === 'console') {
    info = (message, extra) =>
      console.error(
        JSON.stringify({ level: 'info', time: new Date().toISOString(), ...extra, msg: message }),
      );
  } else {
    const { createJsonLogger } = await import('../packages/api/dist/index.js');
    const logger = createJsonLogger();
    info = (message, extra) => logger.info(message, extra);
  }
  for (let i = 0; i < 1000; i++) info('request', fields(i)); // warm up
  const cpu = process.cpuUsage();
  const started = performance.now();
  let loopMs = 0;
  // Registered after pino's own exit hook (made with the logger), so it runs once pino has written
  // every buffered line: the figures cover the whole cost, not only handing lines to a buffer.
  process.once('exit', () => {
    const used = process.cpuUsage(cpu);
    const figures = { loopMs, totalMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
    writeSync(1, JSON.stringify(figures));
  });
  for (let i = 0; i < lines; i++) info('request', fields(i));
  loopMs = performance.now() - started;
}

function run(kind, stderr) {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [self, kind], { stdio: ['ignore', 'pipe', stderr] });
    let out = '';
    proc.stdout.on('data', (chunk) => {
      out += chunk;
    });
    if (stderr === 'pipe') proc.stderr.resume(); // drain, like a process manager
    proc.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`${kind} exited ${code}`)),
    );
  });
}

if (process.argv[2]) {
  await child(process.argv[2]);
} else {
  console.log(`${lines} request lines, the median of 3 runs each (CPU = user + system time of the child)`);
  for (const target of ['ignore', 'pipe']) {
    const results = {};
    for (const kind of ['console', 'pino']) {
      const runs = [];
      for (let i = 0; i < 3; i++) runs.push(await run(kind, target));
      const median = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[1];
      results[kind] = { loopMs: median('loopMs'), totalMs: median('totalMs'), cpuMs: median('cpuMs') };
      console.log(
        `stderr ${target === 'ignore' ? '/dev/null' : 'pipe'}: ${kind === 'console' ? 'console.error(JSON.stringify)' : 'pino (createJsonLogger)'}`.padEnd(
          62,
        ) +
          `loop ${results[kind].loopMs.toFixed(0)} ms, all written ${results[kind].totalMs.toFixed(0)} ms, ` +
          `CPU ${results[kind].cpuMs.toFixed(0)} ms, ${((lines / results[kind].totalMs) * 1000).toFixed(0)} lines/s`,
      );
    }
    console.log(
      `  ratio console / pino: loop ${(results.console.loopMs / results.pino.loopMs).toFixed(2)}×, ` +
        `all written ${(results.console.totalMs / results.pino.totalMs).toFixed(2)}×, CPU ${(results.console.cpuMs / results.pino.cpuMs).toFixed(2)}×`,
    );
  }
}
