/**
 * @module The generator's writing side: rows buffered per table and written as multi-row INSERTs
 * in one transaction, and a heap of events due later, so rows go in in time order
 * (bench/scale/generate.js).
 */
/** A buffer of rows per table, flushed as multi-row INSERTs in one transaction. */
export class BulkWriter {
  constructor(client) {
    this.client = client;
    this.tables = new Map();
    this.pending = 0;
    this.written = new Map();
  }
  add(table, row) {
    let entry = this.tables.get(table);
    if (!entry) {
      entry = { columns: Object.keys(row), rows: [] };
      this.tables.set(table, entry);
    }
    entry.rows.push(entry.columns.map((c) => row[c] ?? null));
    this.pending++;
  }
  /**
   * Writes the buffered rows in one transaction. Statements hold a fixed number of rows, so the
   * writer prepares one per table and reuses it; rows short of a full statement wait for the next
   * flush, unless this is the `last` one.
   */
  async flush(last = false) {
    const statements = [];
    for (const [table, entry] of this.tables) {
      const perStatement = Math.floor(30_000 / entry.columns.length);
      const whole = last ? entry.rows.length : entry.rows.length - (entry.rows.length % perStatement);
      for (let i = 0; i < whole; i += perStatement) {
        const chunk = entry.rows.slice(i, Math.min(whole, i + perStatement));
        const one = `(${entry.columns.map(() => '?').join(',')})`;
        statements.push({
          sql: `INSERT INTO "${table}" (${entry.columns.map((c) => `"${c}"`).join(',')}) VALUES ${chunk.map(() => one).join(',')}`,
          args: chunk.flat(),
        });
      }
      this.written.set(table, (this.written.get(table) ?? 0) + whole);
      entry.rows = entry.rows.slice(whole);
    }
    if (statements.length) await this.client.batch(statements, 'write');
    this.pending = [...this.tables.values()].reduce((sum, entry) => sum + entry.rows.length, 0);
  }
}

/** A min-heap of events due later (a booking's completion, cancellation, reschedule), by time. */
export class Later {
  items = [];
  push(item) {
    const h = this.items;
    h.push(item);
    for (let i = h.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (h[parent].at <= h[i].at) break;
      [h[parent], h[i]] = [h[i], h[parent]];
      i = parent;
    }
  }
  /** The earliest item if it is due at or before `at`, removed. */
  popUntil(at) {
    const h = this.items;
    if (h.length === 0 || h[0].at > at) return undefined;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0) {
      h[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && h[l].at < h[m].at) m = l;
        if (r < h.length && h[r].at < h[m].at) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i], h[m]];
        i = m;
      }
    }
    return top;
  }
}
