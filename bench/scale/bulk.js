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
  async flush() {
    const statements = [];
    for (const [table, entry] of this.tables) {
      const perStatement = Math.floor(30_000 / entry.columns.length);
      for (let i = 0; i < entry.rows.length; i += perStatement) {
        const chunk = entry.rows.slice(i, i + perStatement);
        const one = `(${entry.columns.map(() => '?').join(',')})`;
        statements.push({
          sql: `INSERT INTO "${table}" (${entry.columns.map((c) => `"${c}"`).join(',')}) VALUES ${chunk.map(() => one).join(',')}`,
          args: chunk.flat(),
        });
      }
      this.written.set(table, (this.written.get(table) ?? 0) + entry.rows.length);
      entry.rows = [];
    }
    if (statements.length) await this.client.batch(statements, 'write');
    this.pending = 0;
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
