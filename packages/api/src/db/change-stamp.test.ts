/**
 * @module `oncePerTurn`: the change stamp is read once per turn of the event loop, again in the next
 * turn, again at once after a local write, and never trusted for more than a millisecond.
 */
import { describe, expect, it } from 'vitest';
import { type ChangeStamp, oncePerTurn } from './change-stamp.js';

function countingStamp() {
  let version = 1;
  let reads = 0;
  const stamp: ChangeStamp = {
    read: () => {
      reads++;
      return version;
    },
    close: () => undefined,
  };
  return { stamp, reads: () => reads, commitElsewhere: () => void version++ };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('oncePerTurn', () => {
  it('reads once for the requests of one turn and afresh in the next', async () => {
    const source = countingStamp();
    const read = oncePerTurn(source.stamp, () => undefined);
    expect([read(), read(), read()]).toEqual([1, 1, 1]);
    expect(source.reads()).toBe(1);
    source.commitElsewhere();
    await nextTurn();
    expect(read()).toBe(2);
    expect(source.reads()).toBe(2);
  });

  it('reads again at once after a write transaction of this process', () => {
    const source = countingStamp();
    let reset: () => void = () => undefined;
    const read = oncePerTurn(source.stamp, (r) => {
      reset = r;
    });
    expect(read()).toBe(1);
    source.commitElsewhere();
    reset();
    expect(read()).toBe(2);
  });

  it('does not trust a read older than a millisecond, even within one turn', () => {
    const source = countingStamp();
    const read = oncePerTurn(source.stamp, () => undefined);
    expect(read()).toBe(1);
    source.commitElsewhere();
    const until = performance.now() + 1.5;
    while (performance.now() < until) {
      // a long synchronous turn
    }
    expect(read()).toBe(2);
  });
});
