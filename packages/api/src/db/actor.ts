/**
 * @module Who is writing. Every event records its actor (a user id or a key id), and events are
 * appended deep inside services. Rather than threading the actor through every service call, the
 * request's `Database` is wrapped (`actingAs`) so that each of its write transactions carries the
 * actor on its handle, where `appendEvent` reads it (`actorOf`).
 *
 * This is exact, not ambient: a process runs its write transactions strictly one after another on
 * one handle (group commit runs the tasks of a batch in turn; remote databases get a handle per
 * transaction), so the mark set at the start of a task is the one its events see.
 */
import type { Database, Db } from './open.js';

const actors = new WeakMap<Db, string>();

/** `database`, with every write transaction marked as done by `actor` (`usr_…` or `key_…`). */
export function actingAs(database: Database, actor: string): Database {
  return {
    ...database,
    write: (fn) =>
      database.write(async (tx) => {
        actors.set(tx, actor);
        try {
          return await fn(tx);
        } finally {
          actors.delete(tx);
        }
      }),
  };
}

/** The actor of the write transaction running on `tx`, or null (the CLI, the server itself). */
export function actorOf(tx: Db): string | null {
  return actors.get(tx) ?? null;
}
