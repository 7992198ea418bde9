/**
 * @module The JSON text of an availability answer, written straight from the engine's slots: the
 * same characters as `JSON.stringify` of the wire object (`availability-json.test.ts` holds the two
 * equal), without building ~90 wire objects first. An uncached week spent ~15 µs building them.
 */
import type { Availability, ComputedSlot } from '@frontdesk/core';
import { toInstant } from '../time.js';

/** A slot as it goes on the wire. */
export const slotToWire = (slot: ComputedSlot): Availability['slots'][number] => ({
  start: toInstant(slot.start),
  end: toInstant(slot.end),
  remaining: slot.remaining,
  resourceIds: slot.resourceIds,
});

/**
 * Resource ids as JSON strings, remembered: the same few ids are written on every slot. Ids are
 * opaque, so each goes through `JSON.stringify` once rather than being assumed clean.
 */
const quotedIds = new Map<string, string>();
function quotedId(id: string): string {
  let quoted = quotedIds.get(id);
  if (quoted === undefined) {
    quoted = JSON.stringify(id);
    if (quotedIds.size >= 10_000) quotedIds.clear();
    quotedIds.set(id, quoted);
  }
  return quoted;
}

/** `JSON.stringify({ timezone, slots: slots.map(slotToWire) })`, written directly. */
export function availabilityJson(timezone: string, slots: readonly ComputedSlot[]): string {
  let text = `{"timezone":${JSON.stringify(timezone)},"slots":[`;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!;
    const ids = slot.resourceIds;
    let idsText = ids.length > 0 ? quotedId(ids[0]!) : '';
    for (let r = 1; r < ids.length; r++) idsText += `,${quotedId(ids[r]!)}`;
    // toInstant writes only digits, '-', ':', 'T', '.', '+' and 'Z': nothing JSON escapes. A finite
    // number is written by a template as by JSON (-0 as 0 in both); JSON writes the others as null.
    const remaining = Number.isFinite(slot.remaining) ? slot.remaining : 'null';
    text +=
      `${i === 0 ? '' : ','}{"start":"${toInstant(slot.start)}","end":"${toInstant(slot.end)}",` +
      `"remaining":${remaining},"resourceIds":[${idsText}]}`;
  }
  return `${text}]}`;
}
