import { describe, expect, it } from 'vitest';
import { toMinorUnits } from './rows.js';

describe('toMinorUnits', () => {
  it("reads a price in each currency's own minor units, the same on every row", () => {
    for (let row = 0; row < 3; row++) {
      expect(toMinorUnits('14.5', 'EUR')).toBe(1450);
      expect(toMinorUnits('1200', 'JPY')).toBe(1200);
      expect(toMinorUnits('12.5', 'JPY')).toBeUndefined(); // yen have no minor unit
      expect(toMinorUnits('1.234', 'BHD')).toBe(1234); // three digits
      expect(toMinorUnits('1.005', 'EUR')).toBeUndefined();
    }
  });

  it('refuses a currency code Intl does not accept, every time it is asked', () => {
    expect(toMinorUnits('10', 'EURO')).toBeUndefined();
    expect(toMinorUnits('10', 'EURO')).toBeUndefined();
    expect(toMinorUnits('10', 'eur')).toBeUndefined(); // the caller upper-cases the cell
    expect(toMinorUnits('10', 'X'.repeat(100_000))).toBeUndefined();
    expect(toMinorUnits('10', 'EUR')).toBe(1000);
  });
});
