/**
 * @module What the writer reports about itself, for metrics: each write transaction (how many
 * queued writes it carried, how long it held the lock) and each `SQLITE_BUSY` retry. Observers are
 * kept per database handle, so two apps on two files in one process never count each other's writes.
 */

export interface WriteObserver {
  /** A write transaction ended (committed or rolled back): `tasks` writes in it, `ms` from BEGIN to its end. */
  transaction(tasks: number, ms: number): void;
  /** Another process held the lock through `busy_timeout`; the writer waits and tries again. */
  busyRetry(): void;
}

/** The observers of one database handle, told of every write transaction and busy retry. */
export class WriteObservers implements WriteObserver {
  readonly #observers = new Set<WriteObserver>();

  /** Adds `observer`; the function returned removes it. */
  add(observer: WriteObserver): () => void {
    this.#observers.add(observer);
    return () => this.#observers.delete(observer);
  }

  transaction(tasks: number, ms: number): void {
    for (const observer of this.#observers) observer.transaction(tasks, ms);
  }

  busyRetry(): void {
    for (const observer of this.#observers) observer.busyRetry();
  }
}
