/**
 * @module A built `frontdesk` CLI (the workspace's `packages/api/dist/cli.js`, or one installed
 * from a tarball) as real processes, for the packaging and runtime tests: seed the demo business,
 * then serve it on 127.0.0.1 and a free port.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface DemoKeys {
  businessId: string;
  publishableKey: string;
  secretKey: string;
}

export interface FrontdeskServer {
  url: string;
  child: ChildProcess;
  /** SIGTERM, then waits for the exit code. */
  stop(): Promise<number | null>;
}

/** `frontdesk seed --demo --json` on `dbUrl`. */
export async function seedDemo(cli: string, dbUrl: string): Promise<DemoKeys> {
  const { stdout } = await run(process.execPath, [cli, 'seed', '--demo', '--json'], {
    env: { ...process.env, FRONTDESK_DB_URL: dbUrl },
  });
  return JSON.parse(stdout) as DemoKeys;
}

/** `frontdesk serve` on `dbUrl`; resolves once it listens. Rate limits off: tests fire freely. */
export function serveFrontdesk(cli: string, dbUrl: string): Promise<FrontdeskServer> {
  const child = spawn(process.execPath, [cli, 'serve'], {
    env: { ...process.env, FRONTDESK_DB_URL: dbUrl, PORT: '0', HOST: '127.0.0.1', FRONTDESK_RATE_LIMIT: '0' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`frontdesk serve did not start in 60 s:\n${log}`));
    }, 60_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const match = /"url":"([^"]+)"[^\n]*"msg":"listening"/.exec(log);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        url: match[1]!,
        child,
        stop: () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`frontdesk serve exited with ${code}:\n${log}`));
    });
  });
}
