/**
 * @module One HTTP call as the torture runs make it (fetch, JSON in and out, a timeout), and the
 * tally every run keeps of the answers: counts by status, each 5xx and each 4xx that is not
 * problem+json kept as a sample, latencies for percentiles. A network error (a killed server) is an
 * answer too: `status: 0`.
 */

/**
 * `method path` on `base` with `key`; resolves with `{ status, body, contentType, ms }` and never
 * rejects (`status: 0` and `error` when no answer came).
 */
export async function call(base, key, method, path, { body, headers = {}, timeoutMs = 60_000 } = {}) {
  const started = performance.now();
  try {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(key ? { Authorization: `Bearer ${key}` } : {}),
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let parsed;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    return {
      status: res.status,
      body: parsed,
      text,
      contentType: res.headers.get('content-type') ?? '',
      ms: performance.now() - started,
    };
  } catch (error) {
    return { status: 0, error: String(error?.cause ?? error), ms: performance.now() - started };
  }
}

/** Counts answers and keeps what breaks the rules (5xx, a 4xx that is not problem+json). */
export class Tally {
  byStatus = new Map();
  serverErrors = [];
  notProblem = [];
  networkErrors = 0;
  /** Why requests got no answer: reason → count. */
  noAnswer = new Map();
  count5xx = 0;
  countNotProblem = 0;
  latencies = [];

  /** Records `answer` to `what` (e.g. `POST /v1/bookings`). */
  add(what, answer) {
    this.byStatus.set(answer.status, (this.byStatus.get(answer.status) ?? 0) + 1);
    if (answer.status === 0) {
      this.networkErrors++;
      const kind = /TimeoutError|aborted due to timeout/.test(answer.error)
        ? 'timed out'
        : answer.error.slice(0, 80);
      this.noAnswer.set(kind, (this.noAnswer.get(kind) ?? 0) + 1);
      return answer;
    }
    this.latencies.push(answer.ms);
    if (answer.status >= 500 && this.serverErrors.length < 20) {
      this.serverErrors.push(`${what} → ${answer.status} ${String(answer.text).slice(0, 300)}`);
    }
    if (answer.status >= 500) this.count5xx++;
    if (
      answer.status >= 400 &&
      answer.status < 500 &&
      !answer.contentType.startsWith('application/problem+json')
    ) {
      this.countNotProblem++;
      if (this.notProblem.length < 20) {
        this.notProblem.push(
          `${what} → ${answer.status} ${answer.contentType} ${String(answer.text).slice(0, 200)}`,
        );
      }
    }
    return answer;
  }

  get requests() {
    let total = 0;
    for (const n of this.byStatus.values()) total += n;
    return total;
  }

  /** `{ "201": n, "409": n, … }` */
  statuses() {
    return Object.fromEntries([...this.byStatus.entries()].sort((a, b) => a[0] - b[0]));
  }
}

/** The `p`-th percentile (0..100) of `values`, in the values' unit; 0 for none. */
export function percentile(values, p) {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs `worker(clientIndex)` for `clients` clients at once; resolves when all have returned. */
export function runClients(clients, worker) {
  return Promise.all(Array.from({ length: clients }, (_, i) => worker(i)));
}
