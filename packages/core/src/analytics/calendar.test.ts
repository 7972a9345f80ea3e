import { describe, expect, it } from 'vitest';
import { civilFromDay, dayFromCivil, formatDay, formatMonth, monthOfDay, parseDay } from './calendar.ts';
import { buildPromoMask, DEFAULT_PROMO_CALENDAR, isPromoDay } from './promo-calendar.ts';

describe('calendar', () => {
  it('matches known day numbers (Date.UTC / 86400000)', () => {
    expect(dayFromCivil(1970, 1, 1)).toBe(0);
    expect(dayFromCivil(1969, 12, 31)).toBe(-1);
    expect(dayFromCivil(2024, 11, 11)).toBe(20038);
    expect(dayFromCivil(2000, 2, 29)).toBe(11016);
  });
  it('round-trips every day of 1999–2030', () => {
    for (let d = dayFromCivil(1999, 1, 1); d <= dayFromCivil(2030, 12, 31); d++) {
      const [y, m, dd] = civilFromDay(d);
      expect(dayFromCivil(y, m, dd)).toBe(d);
    }
  });
  it('parses and formats', () => {
    expect(parseDay('2024-02-29')).toBe(dayFromCivil(2024, 2, 29));
    expect(() => parseDay('2023-02-29')).toThrow(RangeError);
    expect(formatDay(20038)).toBe('2024-11-11');
    expect(monthOfDay(20038)).toBe(2024 * 12 + 10);
    expect(formatMonth(2024 * 12 + 10)).toBe('2024-11');
  });
});

describe('promo calendar', () => {
  it('flags 11-11 ±3, 6-18 ±3, 12-12 ±1', () => {
    const mask = buildPromoMask(DEFAULT_PROMO_CALENDAR, parseDay('2024-01-01'), parseDay('2024-12-31'));
    const flagged = (s: string): boolean => isPromoDay(mask, parseDay(s));
    expect(['2024-11-07', '2024-11-08', '2024-11-14', '2024-11-15'].map(flagged)).toEqual([false, true, true, false]);
    expect(['2024-06-14', '2024-06-15', '2024-06-21', '2024-06-22'].map(flagged)).toEqual([false, true, true, false]);
    expect(['2024-12-10', '2024-12-11', '2024-12-13', '2024-12-14'].map(flagged)).toEqual([false, true, true, false]);
  });
  it('flags window edges whose main day is outside the range, and extra days', () => {
    const mask = buildPromoMask({ ...DEFAULT_PROMO_CALENDAR, extraDays: [parseDay('2024-11-20')] }, parseDay('2024-11-13'), parseDay('2024-11-30'));
    expect(isPromoDay(mask, parseDay('2024-11-13'))).toBe(true);
    expect(isPromoDay(mask, parseDay('2024-11-15'))).toBe(false);
    expect(isPromoDay(mask, parseDay('2024-11-20'))).toBe(true);
  });
});
