/**
 * @module Group commit for the local-file writer. Write tasks queue up while a transaction is
 * being committed; the next transaction then runs ALL waiting tasks, one after another, each inside
 * its own SAVEPOINT, and commits them with one fsync. A task that fails is rolled back to its
 * savepoint alone. No task's result is released before the COMMIT that makes it durable, so an
 * answered 201 is still on disk; the semantics are exactly those of running the tasks one by one.
 */
import type { Client } from '@libsql/client';
import { markStage } from '../stage-probe.js';
import type { WriteObserver } from './write-observers.js';
import { isBusyError, retryBusy } from './writer.js';

interface Task<D> {
  fn: (db: D) => Promise<unknown>;
  /** False for work that is safe to redo (see `Database.write`): it need not wait for an fsync. */
  durable: boolean;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** More than this many tasks wait for the next commit; keeps one transaction's duration bounded. */
const MAX_BATCH = 64;

export class GroupCommitWriter<D> {
  readonly #client: Client;
  readonly #db: D;
  readonly #observer: WriteObserver | undefined;
  #pending: Task<D>[] = [];
  /** Tasks of the transaction being run now. */
  #inFlight = 0;
  /** Set and cleared synchronously with the queue checks, so no task can be left waiting. */
  #running = false;
  #current: Promise<void> = Promise.resolve();

  constructor(client: Client, db: D, observer?: WriteObserver) {
    this.#client = client;
    this.#db = db;
    this.#observer = observer;
  }

  /** Write tasks waiting for a transaction or running in one (the write queue's depth). */
  get depth(): number {
    return this.#pending.length + this.#inFlight;
  }

  write<T>(fn: (db: D) => Promise<T>, durable = true): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#pending.push({ fn, durable, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#running) {
        this.#running = true;
        this.#current = this.#drain();
      }
    });
  }

  /** Resolves when every task queued so far has been committed or rejected. */
  async drain(): Promise<void> {
    while (this.#running) await this.#current;
  }

  async #drain(): Promise<void> {
    try {
      for (;;) {
        // libSQL runs statements synchronously, so a transaction never yields to I/O on its own.
        // One turn of the event loop first lets requests already on the sockets reach `write()`
        // and join this batch, instead of each paying for its own fsync.
        await new Promise((resolve) => setImmediate(resolve));
        // The emptiness check and clearing `#running` (in `finally`) happen in one synchronous
        // step: a `write()` either sees the drain running or starts a new one.
        if (this.#pending.length === 0) return;
        const batch = this.#pending.splice(0, MAX_BATCH);
        this.#inFlight = batch.length;
        try {
          await this.#commitBatch(batch);
        } catch (error) {
          for (const task of batch) task.reject(error);
        } finally {
          this.#inFlight = 0;
        }
      }
    } finally {
      this.#running = false;
    }
  }

  async #commitBatch(batch: Task<D>[]): Promise<void> {
    const exec = (sql: string) => this.#client.execute(sql);
    const outcomes: { ok: boolean; value: unknown }[] = [];
    // A batch of nothing but redoable work commits without waiting for the disk (WAL, NORMAL):
    // safe against a process crash, and on power loss the work is simply done again.
    const relaxed = batch.every((task) => !task.durable);
    const onRetry = this.#observer && (() => this.#observer?.busyRetry());
    try {
      if (relaxed) await exec('PRAGMA synchronous=NORMAL');
      await retryBusy(() => exec('BEGIN IMMEDIATE'), undefined, onRetry);
    } catch (error) {
      if (relaxed) await exec('PRAGMA synchronous=FULL').catch(() => undefined);
      for (const task of batch) task.reject(error);
      return;
    }
    const began = performance.now();
    try {
      await this.#runBatch(batch, outcomes, began);
    } finally {
      if (relaxed) await exec('PRAGMA synchronous=FULL').catch(() => undefined);
    }
  }

  /** Runs the tasks of an open transaction and commits (or rolls back and re-queues on busy). */
  async #runBatch(
    batch: Task<D>[],
    outcomes: { ok: boolean; value: unknown }[],
    began: number,
  ): Promise<void> {
    const exec = (sql: string) => this.#client.execute(sql);
    const ended = () => this.#observer?.transaction(batch.length, performance.now() - began);
    try {
      for (const task of batch) {
        await exec('SAVEPOINT task');
        markStage('begin');
        try {
          const value = await task.fn(this.#db);
          await exec('RELEASE task');
          markStage('release');
          outcomes.push({ ok: true, value });
        } catch (error) {
          // If SQLite already rolled the whole transaction back (I/O error, disk full), this throws
          // and the batch fails as a whole below: nothing of it was committed.
          await exec('ROLLBACK TO task');
          await exec('RELEASE task');
          outcomes.push({ ok: false, value: error });
        }
      }
      await exec('COMMIT');
      markStage('commit');
      ended();
    } catch (error) {
      await exec('ROLLBACK').catch(() => undefined);
      ended();
      // Not one task of the batch is durable. Busy errors are retried by running the batch again;
      // anything else fails every task, so no caller believes in a write that did not happen.
      this.#inFlight = 0;
      if (isBusyError(error)) {
        this.#observer?.busyRetry();
        this.#pending.unshift(...batch);
        return;
      }
      for (const task of batch) task.reject(error);
      return;
    }
    // Out of the queue before their callers hear back: the depth a caller then reads is current.
    this.#inFlight = 0;
    batch.forEach((task, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) task.resolve(outcome.value);
      else task.reject(outcome.value);
    });
  }
}
