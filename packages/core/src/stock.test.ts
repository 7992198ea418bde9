import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  availableUnits,
  becameLow,
  deltaFollowsCount,
  onHandOf,
  parseSkuList,
  planStockFact,
  reservedUnits,
  type StockFact,
  type StockLevelState,
  stockLevel,
} from './stock.js';

/** Folds facts the way the API does: skip a seen eventId, plan, record the ledger row. */
function ingest(facts: readonly StockFact[]) {
  let state: StockLevelState = { onHand: 0, lastCount: null };
  const seen = new Set<string>();
  const recorded: StockFact[] = [];
  const ledger: number[] = [];
  for (const fact of facts) {
    if (seen.has(fact.key.eventId)) continue;
    seen.add(fact.key.eventId);
    const plan = planStockFact(state, fact, (key) =>
      recorded
        .filter((f) => f.kind === 'delta' && deltaFollowsCount(f.key, key))
        .reduce((sum, f) => sum + (f.kind === 'delta' ? f.delta : 0), 0),
    );
    recorded.push(fact);
    ledger.push(plan.delta);
    state = plan.next;
  }
  return { state, ledger };
}

/** Facts with distinct event ids, times drawn from a small range so that ties happen. */
const factsArb = fc
  .uniqueArray(
    fc.record({
      eventId: fc.string({ minLength: 1, maxLength: 4 }),
      at: fc.integer({ min: 0, max: 20 }),
      isCount: fc.boolean(),
      amount: fc.integer({ min: -50, max: 50 }),
    }),
    { selector: (r) => r.eventId, maxLength: 30 },
  )
  .map((rows) =>
    rows.map((r): StockFact => {
      const key = { at: r.at, eventId: r.eventId };
      return r.isCount
        ? { key, kind: 'set', set: Math.abs(r.amount) }
        : { key, kind: 'delta', delta: r.amount };
    }),
  );

describe('stock ingestion', () => {
  it('gives the same on-hand for any arrival order, with every event delivered twice', () => {
    fc.assert(
      fc.property(
        factsArb.chain((facts) =>
          fc.tuple(
            fc.constant(facts),
            fc.shuffledSubarray([...facts, ...facts], { minLength: facts.length * 2 }),
          ),
        ),
        ([facts, delivered]) => {
          const expected = onHandOf(facts);
          expect(ingest(facts).state.onHand).toBe(expected);
          expect(ingest(delivered).state.onHand).toBe(expected);
        },
      ),
    );
  });

  it('keeps a ledger whose sum is on-hand', () => {
    fc.assert(
      fc.property(factsArb.chain(fc.shuffledSubarray), (facts) => {
        const { state, ledger } = ingest(facts);
        expect(ledger.reduce((a, b) => a + b, 0)).toBe(state.onHand);
      }),
    );
  });

  it('lets a late count override only the deltas that happened before it', () => {
    const sale = (eventId: string, at: number, delta: number): StockFact => ({
      key: { at, eventId },
      kind: 'delta',
      delta,
    });
    const count: StockFact = { key: { at: 10, eventId: 'count' }, kind: 'set', set: 7 };
    // Sales at t=5 (before the count) and t=15 (after it) arrive before the count does.
    const { state, ledger } = ingest([sale('a', 5, -2), sale('b', 15, -1), count, sale('c', 3, -4)]);
    expect(state.onHand).toBe(6); // 7 counted, minus the sale after the count
    expect(ledger).toEqual([-2, -1, 9, 0]); // the older sale 'c' is superseded: recorded, no change
  });

  it('ignores an older count once a newer one is in force', () => {
    const newer: StockFact = { key: { at: 20, eventId: 'n' }, kind: 'set', set: 4 };
    const older: StockFact = { key: { at: 10, eventId: 'o' }, kind: 'set', set: 40 };
    expect(ingest([newer, older]).state.onHand).toBe(4);
    expect(ingest([older, newer]).state.onHand).toBe(4);
  });

  it('puts a delta at the same instant as a count after the count, whatever arrives first', () => {
    const count: StockFact = { key: { at: 10, eventId: 'z-count' }, kind: 'set', set: 5 };
    const sale: StockFact = { key: { at: 10, eventId: 'a-sale' }, kind: 'delta', delta: -1 };
    expect(ingest([count, sale]).state.onHand).toBe(4);
    expect(ingest([sale, count]).state.onHand).toBe(4);
  });
});

describe('available and level', () => {
  it('is never negative and never more than on-hand', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.array(
          fc.record({
            quantity: fc.integer({ min: 1, max: 50 }),
            status: fc.constantFrom('active', 'collected', 'released', 'expired'),
            expiresAt: fc.integer({ min: 0, max: 100 }),
          }),
        ),
        fc.integer({ min: 0, max: 100 }),
        (onHand, reservations, now) => {
          const available = availableUnits(onHand, reservedUnits(reservations, now));
          expect(available).toBeGreaterThanOrEqual(0);
          expect(available).toBeLessThanOrEqual(Math.max(0, onHand));
        },
      ),
    );
  });

  it('frees a reservation at its expiry instant, and only live active ones hold units', () => {
    const r = { quantity: 2, status: 'active', expiresAt: 1000 } as const;
    expect(reservedUnits([r], 999)).toBe(2);
    expect(reservedUnits([r], 1000)).toBe(0);
    expect(reservedUnits([{ ...r, status: 'collected' }], 0)).toBe(0);
  });

  it('shows out at zero, low at or below the threshold, and never low with threshold 0', () => {
    expect(stockLevel(0, 3)).toBe('out');
    expect(stockLevel(3, 3)).toBe('low');
    expect(stockLevel(4, 3)).toBe('in_stock');
    expect(stockLevel(1, 0)).toBe('in_stock');
    expect(becameLow(5, 3, 3)).toBe(true);
    expect(becameLow(3, 2, 3)).toBe(false);
    expect(becameLow(2, 0, 3)).toBe(true);
  });

  it('parses a SKU list without blanks or duplicates', () => {
    expect(parseSkuList(' a, b,,a ,c ')).toEqual(['a', 'b', 'c']);
  });
});
