/**
 * @module The outbox worker: ONE loop per process that does everything that happens after a
 * transaction. Each round it lets the producers turn new facts into jobs (webhooks: events into
 * deliveries), claims runnable jobs with a lease, runs each with the handler of its kind — many at
 * once, never waiting for a batch — and records the outcome. It wakes when a write of this process
 * commits, when the next job falls due, and at least every `pollMs` (work written by other
 * processes). Runs inside `frontdesk serve` and alone as `frontdesk worker`; time and everything
 * the handlers touch are passed in, so tests drive it with `drain()` and a test clock.
 */
import { hostname } from 'node:os';
import type { Database, Db } from '../db/open.js';
import type { Logger } from '../env.js';
import { randomBase62 } from '../ids.js';
import {
  type AttemptRecord,
  type ClaimedJob,
  claimJobs,
  hasRunnableJob,
  type NextState,
  nextWake,
  recordOutcome,
  releaseLeases,
} from './jobs.js';

/** What came of running a job. */
export interface JobOutcome {
  /** The attempt made; absent when none could be made (e.g. the endpoint is gone). */
  attempt?: AttemptRecord;
  next: NextState;
  /** More changes, written with the outcome in its transaction while the lease is still held. */
  effects?: (tx: Db) => Promise<void>;
}

/** Runs the jobs of one kind. */
export interface OutboxHandler {
  kind: string;
  run(job: ClaimedJob, context: { signal: AbortSignal }): Promise<JobOutcome>;
}

/** Turns new facts into jobs; answers whether it did any work (and so may have more). */
export interface OutboxProducer {
  name: string;
  produce(now: number): Promise<boolean>;
}

export interface OutboxWorkerOptions {
  database: Database;
  clock: () => number;
  logger: Logger;
  handlers: OutboxHandler[];
  producers?: OutboxProducer[];
  /** Longest sleep between looks at the database. Default 15 s. */
  pollMs?: number;
  /** How long a claim holds a job; longer than any attempt may take. Default 30 s. */
  leaseMs?: number;
  /** Jobs run at once by this process. Default 32. */
  concurrency?: number;
  /** Jobs of one target run at once, over all processes. Default 8. */
  perTarget?: number;
  /** Wait after a commit before looking, so a burst of commits makes one round. Default 10 ms. */
  nudgeDelayMs?: number;
}

/**
 * The worker's own writes (claims, outcomes, leases) are safe to redo: lost on a power failure,
 * a job is only attempted again — at least once, as promised — so they need not wait for an fsync.
 */
const redoable = { durable: false };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class OutboxWorker {
  /** This worker's name on the leases it takes: host, process and a random part. */
  readonly owner = `${hostname()}:${process.pid}:${randomBase62(6)}`;
  readonly #options: Required<Omit<OutboxWorkerOptions, 'producers'>> & { producers: OutboxProducer[] };
  readonly #handlers: Map<string, OutboxHandler>;
  readonly #inFlight = new Map<string, { done: Promise<void>; abort: AbortController }>();
  /** Slots promised to claims not yet returned (so two claims never overfill the worker). */
  #reserved = 0;
  #round: Promise<boolean> | undefined;
  #again = false;
  #started = false;
  #stopping = false;
  #wakeTimer: ReturnType<typeof setTimeout> | undefined;
  #nudgeTimer: ReturnType<typeof setTimeout> | undefined;
  #unsubscribe: (() => void) | undefined;
  #lastBeat: number | undefined;

  constructor(options: OutboxWorkerOptions) {
    this.#options = {
      pollMs: 15_000,
      leaseMs: 30_000,
      concurrency: 32,
      perTarget: 8,
      nudgeDelayMs: 10,
      producers: [],
      ...options,
    };
    this.#handlers = new Map(options.handlers.map((h) => [h.kind, h]));
  }

  /**
   * When (by the worker's clock) a round last finished, errors or not: the heartbeat `/readyz`
   * reads. A started worker goes round at least every `pollMs`.
   */
  get lastBeat(): number | undefined {
    return this.#lastBeat;
  }

  /** Jobs running now. */
  get running(): number {
    return this.#inFlight.size;
  }

  /** Starts the loop: a first round now, then on commits, due times and polls. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#unsubscribe = this.#options.database.onCommit(() => this.nudge());
    void this.#runRounds();
  }

  /** Asks for a round soon (coalesced): new work may have been written. */
  nudge(): void {
    if (!this.#started || this.#stopping || this.#nudgeTimer) return;
    this.#nudgeTimer = setTimeout(() => {
      this.#nudgeTimer = undefined;
      void this.#runRounds();
    }, this.#options.nudgeDelayMs);
  }

  /**
   * Runs rounds until nothing is runnable now and nothing is in flight (for tests, which move
   * their clock and drain, and for one-shot runs). Works whether or not the loop was started.
   */
  async drain(maxRounds = 10_000): Promise<void> {
    for (let round = 0; round < maxRounds; round++) {
      const worked = await this.#runRounds();
      if (this.#inFlight.size > 0) {
        // As the loop does: each finished job frees a slot for the next round at once.
        await Promise.race([...this.#inFlight.values()].map((f) => f.done));
        continue;
      }
      if (!worked && !(await hasRunnableJob(this.#options.database.db, this.#options.clock()))) return;
    }
    throw new Error('outbox drain did not settle');
  }

  /**
   * Stops taking work, lets running jobs finish for up to `graceMs`, aborts the rest and gives
   * their leases back (so another process, or this one after a restart, runs them at once).
   */
  async stop(graceMs = 10_000): Promise<void> {
    this.#stopping = true;
    this.#unsubscribe?.();
    clearTimeout(this.#wakeTimer);
    clearTimeout(this.#nudgeTimer);
    await this.#round?.catch(() => undefined);
    const running = [...this.#inFlight.values()];
    if (running.length > 0) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      });
      await Promise.race([Promise.all(running.map((f) => f.done)), grace]);
      clearTimeout(timer);
      for (const f of this.#inFlight.values()) f.abort.abort(new Error('worker stopping'));
      await Promise.all([...this.#inFlight.values()].map((f) => f.done));
    }
    await this.#options.database
      .write((tx) => releaseLeases(tx, this.owner), redoable)
      .catch(() => undefined);
  }

  /** One round at a time; a request for another while one runs makes it go round again. */
  #runRounds(): Promise<boolean> {
    if (this.#round) {
      this.#again = true;
      return this.#round;
    }
    this.#round = (async () => {
      let worked = false;
      try {
        do {
          this.#again = false;
          if (await this.#cycle()) worked = true;
          // Under a stream of commits, at most one round per nudge delay: the loop must never
          // crowd out the requests it serves.
          if (this.#again && this.#started) await sleep(this.#options.nudgeDelayMs);
        } while (this.#again && !this.#stopping);
      } catch (error) {
        this.#options.logger.error('outbox round failed', { error: String(error) });
      } finally {
        this.#round = undefined;
        this.#lastBeat = this.#options.clock();
      }
      if (this.#started && !this.#stopping) await this.#scheduleWake();
      return worked;
    })();
    return this.#round;
  }

  /** Producers, then a claim for the free slots. Answers whether anything was done. */
  async #cycle(): Promise<boolean> {
    const { database, clock, producers, concurrency, perTarget, leaseMs, logger } = this.#options;
    let worked = false;
    for (const producer of producers) {
      try {
        for (let i = 0; i < 100 && (await producer.produce(clock())); i++) worked = true;
      } catch (error) {
        logger.error('outbox producer failed', { producer: producer.name, error: String(error) });
      }
    }
    const free = concurrency - this.#inFlight.size - this.#reserved;
    if (free <= 0 || this.#stopping) return worked;
    if (!(await hasRunnableJob(database.db, clock()))) return worked;
    this.#reserved += free;
    let claimed: ClaimedJob[] = [];
    try {
      claimed = await database.write(
        (tx) => claimJobs(tx, { owner: this.owner, now: clock(), leaseMs, limit: free, perTarget }),
        redoable,
      );
    } finally {
      this.#reserved -= free;
    }
    for (const job of claimed) this.#launch(job);
    if (claimed.length === free) this.#again = true;
    return worked || claimed.length > 0;
  }

  #launch(job: ClaimedJob): void {
    const { database, clock, logger, concurrency, leaseMs, perTarget } = this.#options;
    const abort = new AbortController();
    const done = (async () => {
      let outcome: JobOutcome;
      const handler = this.#handlers.get(job.kind);
      try {
        outcome = handler ? await handler.run(job, { signal: abort.signal }) : { next: { status: 'failed' } };
      } catch (error) {
        // A handler bug must not lose the job: it is tried again in a minute.
        logger.error('outbox job threw', { jobId: job.id, kind: job.kind, error: String(error) });
        outcome = { next: { status: 'pending', dueAt: clock() + 60_000 } };
      }
      // Stopped mid-attempt: the lease is given back instead, and the job runs again elsewhere.
      if (abort.signal.aborted && this.#stopping) return;
      // The slot this job frees is refilled in the same transaction as its outcome: one commit
      // (one fsync) per delivery instead of two.
      const refill = this.#stopping ? 0 : Math.max(0, concurrency - this.#inFlight.size - this.#reserved + 1);
      this.#reserved += refill;
      let next: ClaimedJob[] = [];
      try {
        next = await database.write(async (tx) => {
          const held = await recordOutcome(tx, job, this.owner, outcome.attempt, outcome.next, clock());
          if (held && outcome.effects) await outcome.effects(tx);
          return claimJobs(tx, { owner: this.owner, now: clock(), leaseMs, limit: refill, perTarget });
        }, redoable);
      } finally {
        this.#reserved -= refill;
      }
      // Handed over before this job leaves `#inFlight`, so `drain()` never sees a gap.
      for (const claimed of next) this.#launch(claimed);
    })()
      .catch((error: unknown) => {
        logger.error('outbox outcome not recorded', { jobId: job.id, error: String(error) });
      })
      .finally(() => {
        this.#inFlight.delete(job.id);
        this.nudge();
      });
    this.#inFlight.set(job.id, { done, abort });
  }

  /** Sleeps until the next due job, a second while due jobs are held elsewhere, at most `pollMs`. */
  async #scheduleWake(): Promise<void> {
    const { database, clock, pollMs } = this.#options;
    let delay = pollMs;
    try {
      const now = clock();
      const wake = await nextWake(database.db, now);
      if (wake.nextDueAt !== null) delay = Math.min(delay, Math.max(0, wake.nextDueAt - now));
      if (wake.heldNow) delay = Math.min(delay, 1000);
    } catch {
      // The database is closing or unreachable: look again after a poll interval.
    }
    if (!this.#started || this.#stopping) return;
    clearTimeout(this.#wakeTimer);
    this.#wakeTimer = setTimeout(() => void this.#runRounds(), delay);
  }
}
