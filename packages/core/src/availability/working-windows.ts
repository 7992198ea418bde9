/**
 * @module When a resource can be busy with a booking, as instants: its hours over a run of days,
 * merged where they touch (09:00–12:00 + 12:00–17:00, or 22:00–24:00 + next day 00:00–06:00),
 * minus its time off. A booking block fits if it lies inside one window.
 */
import { dayClock } from '../time/day-clock.js';
import type { DayHours } from './day-hours.js';

/** Disjoint windows, sorted, flat: `[start, end, start, end, …]` in epoch ms. */
export type Windows = readonly number[];

/** The working windows of days `firstDay..lastDay`, minus `timeOff`. */
export function workingWindows(
  hours: DayHours,
  firstDay: number,
  lastDay: number,
  zone: string,
  timeOff: ReadonlyArray<{ start: number; end: number }>,
): Windows {
  const spans: number[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    const minutes = hours.on(day);
    if (minutes.length === 0) continue;
    const clock = dayClock(day, zone);
    for (let i = 0; i < minutes.length; i += 2) {
      // Edges inside a skipped hour clamp to the change, so 01:00–04:00 on a spring-forward day
      // that skips 01:00–02:00 still covers 02:00–04:00.
      const start = clock.toInstant(minutes[i]!, 'clamp')!;
      const end = clock.toInstant(minutes[i + 1]!, 'clamp')!;
      if (start < end) spans.push(start, end);
    }
  }
  return subtract(merge(spans), timeOff);
}

/** Sorts and merges overlapping or touching spans. */
function merge(spans: number[]): number[] {
  let sorted = true;
  for (let i = 2; i < spans.length && sorted; i += 2) sorted = spans[i]! >= spans[i - 2]!;
  let pairs = spans;
  if (!sorted) {
    const list: Array<[number, number]> = [];
    for (let i = 0; i < spans.length; i += 2) list.push([spans[i]!, spans[i + 1]!]);
    list.sort((a, b) => a[0] - b[0]);
    pairs = list.flat();
  }
  const merged: number[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const start = pairs[i]!;
    const end = pairs[i + 1]!;
    const last = merged.length - 1;
    if (last > 0 && start <= merged[last]!) merged[last] = Math.max(merged[last]!, end);
    else merged.push(start, end);
  }
  return merged;
}

/** `windows` with every `[start, end)` of `cuts` taken out. */
function subtract(windows: number[], cuts: ReadonlyArray<{ start: number; end: number }>): number[] {
  if (cuts.length === 0 || windows.length === 0) return windows;
  const sortedCuts = cuts.filter((c) => c.start < c.end).sort((a, b) => a.start - b.start);
  const out: number[] = [];
  let c = 0;
  for (let i = 0; i < windows.length; i += 2) {
    let start = windows[i]!;
    const end = windows[i + 1]!;
    while (c < sortedCuts.length && sortedCuts[c]!.end <= start) c++;
    // Cuts may overlap each other, so walk from the first one that reaches this window.
    for (let j = c; j < sortedCuts.length && sortedCuts[j]!.start < end; j++) {
      const cut = sortedCuts[j]!;
      if (cut.start > start) out.push(start, cut.start);
      start = Math.max(start, cut.end);
      if (start >= end) break;
    }
    if (start < end) out.push(start, end);
  }
  return out;
}

/**
 * Answers "does `[start, end)` lie inside one window?" for ascending queries in amortised constant
 * time: windows are disjoint and never touch, so only the first window ending after `start` can
 * hold the block.
 */
export class WindowFinder {
  private index = 0;
  private lastStart = Number.NEGATIVE_INFINITY;

  constructor(private readonly windows: Windows) {}

  fits(start: number, end: number): boolean {
    const w = this.windows;
    if (start < this.lastStart) this.index = 0;
    this.lastStart = start;
    while (this.index * 2 < w.length && w[this.index * 2 + 1]! <= start) this.index++;
    const at = this.index * 2;
    return at < w.length && w[at]! <= start && end <= w[at + 1]!;
  }
}
