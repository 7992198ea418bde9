/**
 * @module The one serialized writer of a process. Every write transaction is queued here and runs
 * as `BEGIN IMMEDIATE`, one at a time: @libsql/client fails almost every concurrent write
 * transaction on one file without this (measured: 199 of 200). Other processes on the same file
 * are covered by `busy_timeout`, and a `SQLITE_BUSY` that still gets through is retried with backoff.
 */

/** Runs tasks strictly one after another, in arrival order. */
export class WriteQueue {
  #tail: Promise<unknown> = Promise.resolve();
  #pending = 0;

  /** How many tasks are waiting or running (for health and benchmarks). */
  get pending(): number {
    return this.#pending;
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    this.#pending++;
    const result = this.#tail.then(task);
    // The chain must survive a failed task; the caller still sees the failure through `result`.
    this.#tail = result.then(
      () => this.#done(),
      () => this.#done(),
    );
    return result;
  }

  /** Resolves once every task queued so far has finished. */
  async drain(): Promise<void> {
    await this.#tail;
  }

  #done(): void {
    this.#pending--;
  }
}

/** Whether an error from libSQL means "the database is locked by someone else, try again". */
export function isBusyError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  const rawCode = (error as { rawCode?: unknown }).rawCode;
  if (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))) {
    return true;
  }
  if (rawCode === 5 || rawCode === 6) return true;
  return /database is locked|SQLITE_BUSY/i.test(error.message);
}

/**
 * Retries `attempt` while it fails with a busy error, with jittered exponential backoff; `onRetry`
 * is told of each retry (metrics).
 */
export async function retryBusy<T>(
  attempt: () => Promise<T>,
  maxAttempts = 6,
  onRetry?: () => void,
): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (i >= maxAttempts || !isBusyError(error)) throw error;
      onRetry?.();
      const delay = Math.min(1000, 20 * 2 ** i) * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
