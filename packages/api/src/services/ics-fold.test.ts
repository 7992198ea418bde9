/**
 * @module Folding: no line over 75 octets, no UTF-8 character split, and unfolding (RFC 5545:
 * remove every CRLF followed by one space) gives back the original line.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldContentLines } from './ics-fold.js';

const unfold = (text: string) => text.replace(/\r\n /g, '');

describe('foldContentLines', () => {
  it('keeps short ASCII lines as they are and ends every line with CRLF', () => {
    expect(foldContentLines('BEGIN:VCALENDAR\r\nEND:VCALENDAR')).toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
  });

  it('folds multi-byte names at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'Conceição Gonçalves — 王小明 😀🎉 '.repeat(6)}`;
    const folded = foldContentLines(line);
    for (const part of folded.split('\r\n').slice(0, -1)) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      // A split character would not survive a UTF-8 round trip.
      expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
      expect(part).not.toContain('\uFFFD');
    }
    expect(unfold(folded)).toBe(`${line}\r\n`);
  });

  it('folds any text so that every line fits and unfolding restores it', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ unit: 'grapheme', maxLength: 300 }).map((s) => s.replace(/[\r\n]/g, '')),
          {
            maxLength: 5,
          },
        ),
        (lines) => {
          const input = lines.filter((l) => l !== '').map((l) => `X:${l}`);
          const folded = foldContentLines(input.join('\r\n'));
          const physical = folded.split('\r\n').slice(0, -1);
          for (const part of physical) {
            expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
            expect(part).not.toMatch(
              /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
            );
          }
          expect(unfold(folded)).toBe(input.map((l) => `${l}\r\n`).join(''));
        },
      ),
      { numRuns: 300 },
    );
  });
});
