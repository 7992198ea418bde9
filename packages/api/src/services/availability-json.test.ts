/**
 * @module The directly written availability JSON is the very text `JSON.stringify` gives for the
 * wire object: the bytes (and so the ETag) of an answer did not change with the fast path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availabilityJson, slotToWire } from './availability-json.js';

const reference = (timezone: string, slots: Parameters<typeof availabilityJson>[1]) =>
  JSON.stringify({ timezone, slots: slots.map(slotToWire) });

// Any instant Date can write (fractions of a second and years past 9999 included), any count
// (NaN, infinities and -0 too), any ids (quotes, backslashes, control characters, lone surrogates).
const instant = fc.integer({ min: -8_640_000_000_000_000, max: 8_640_000_000_000_000 });
const slot = fc.record({
  start: fc.oneof(
    instant,
    instant.map((ms) => ms - (ms % 60_000)),
  ),
  end: instant,
  remaining: fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.double()),
  resourceIds: fc.array(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('res_1', 'res_2')), {
    maxLength: 4,
  }),
});

describe('availabilityJson', () => {
  it('writes the same text as JSON.stringify of the wire answer', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.array(slot, { maxLength: 40 }), (timezone, slots) => {
        expect(availabilityJson(timezone, slots)).toBe(reference(timezone, slots));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes an empty answer and a typical week', () => {
    expect(availabilityJson('Europe/Lisbon', [])).toBe('{"timezone":"Europe/Lisbon","slots":[]}');
    const start = Date.parse('2026-03-03T09:00:00Z');
    const slots = [
      { start, end: start + 45 * 60_000, remaining: 1, resourceIds: ['res_a', 'res_b'] },
      { start: start + 1_800_000, end: start + 75 * 60_000, remaining: 2, resourceIds: ['res_b'] },
    ];
    expect(availabilityJson('Europe/Lisbon', slots)).toBe(reference('Europe/Lisbon', slots));
    expect(JSON.parse(availabilityJson('Europe/Lisbon', slots)).slots[1]).toEqual({
      start: '2026-03-03T09:30:00Z',
      end: '2026-03-03T10:15:00Z',
      remaining: 2,
      resourceIds: ['res_b'],
    });
  });
});
