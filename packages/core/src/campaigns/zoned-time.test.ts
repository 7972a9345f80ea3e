import { describe, expect, it } from 'vitest';
import { formatDay } from '../analytics/calendar.ts';
import { addMonths } from './days.ts';
import { parseDay } from '../analytics/calendar.ts';
import { instantOfWallTime, isValidTimeZone, localDateTimeAt, localDayAt, offsetAt, wallTimeAt } from './zoned-time.ts';

const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 16) + 'Z';
const wall = (year: number, month: number, day: number, hour: number, minute: number) => ({ year, month, day, hour, minute });

describe('zoned time', () => {
  it('converts wall time and instants', () => {
    expect(iso(instantOfWallTime(wall(2026, 5, 3, 10, 0), 'Asia/Shanghai'))).toBe('2026-05-03T02:00Z');
    expect(wallTimeAt(Date.parse('2026-05-03T02:00:00Z'), 'Asia/Shanghai')).toEqual(wall(2026, 5, 3, 10, 0));
    expect(offsetAt(Date.parse('2026-07-01T00:00:00Z'), 'America/New_York')).toBe(-4 * 3_600_000);
    expect(offsetAt(Date.parse('2026-01-01T00:00:00Z'), 'Asia/Kolkata')).toBe(5.5 * 3_600_000);
    // 23:30Z on Dec 31 is already Jan 1 in Shanghai.
    expect(formatDay(localDayAt(Date.parse('2025-12-31T23:30:00Z'), 'Asia/Shanghai'))).toBe('2026-01-01');
    expect(formatDay(localDayAt(Date.parse('2026-01-01T03:00:00Z'), 'America/New_York'))).toBe('2025-12-31');
  });
  it('maps gap wall times to the end of the gap, overlap wall times to the first occurrence', () => {
    expect(iso(instantOfWallTime(wall(2026, 3, 8, 2, 30), 'America/New_York'))).toBe('2026-03-08T07:00Z');
    expect(iso(instantOfWallTime(wall(2026, 3, 8, 3, 0), 'America/New_York'))).toBe('2026-03-08T07:00Z');
    expect(iso(instantOfWallTime(wall(2026, 3, 8, 1, 59), 'America/New_York'))).toBe('2026-03-08T06:59Z');
    expect(iso(instantOfWallTime(wall(2026, 11, 1, 1, 30), 'America/New_York'))).toBe('2026-11-01T05:30Z');
    // Lord Howe moves by 30 minutes: 02:00 → 02:30 on 2026-10-04 (UTC+10:30 → +11).
    expect(iso(instantOfWallTime(wall(2026, 10, 4, 2, 15), 'Australia/Lord_Howe'))).toBe('2026-10-03T15:30Z');
  });
  it('gives the local date and time to the second, with astronomical years before year 1', () => {
    expect(localDateTimeAt(Date.UTC(2025, 2, 8, 16, 30, 45), 'Asia/Shanghai')).toEqual({ year: 2025, month: 3, day: 9, hour: 0, minute: 30, second: 45 });
    // New York springs forward at 07:00Z on 2025-03-09: 07:30Z is 03:30 EDT.
    expect(localDateTimeAt(Date.UTC(2025, 2, 9, 7, 30, 5), 'America/New_York')).toEqual({ year: 2025, month: 3, day: 9, hour: 3, minute: 30, second: 5 });
    // Intl says "year 2, BC" for astronomical year -1.
    const bc = new Date(0);
    bc.setUTCFullYear(-1, 0, 1);
    bc.setUTCHours(12, 0, 0, 0);
    expect(localDateTimeAt(bc.getTime(), 'UTC')).toEqual({ year: -1, month: 1, day: 1, hour: 12, minute: 0, second: 0 });
    expect(() => localDateTimeAt(0, 'Mars/Olympus')).toThrow(RangeError);
  });

  it('validates zones', () => {
    expect(isValidTimeZone('Europe/London')).toBe(true);
    expect(isValidTimeZone('Nowhere/Special')).toBe(false);
    expect(() => offsetAt(0, 'Nowhere/Special')).toThrow(RangeError);
  });
  it('adds months with clamping', () => {
    expect(addMonths(parseDay('2026-01-31'), 1)).toEqual({ day: parseDay('2026-02-28'), clamped: true });
    expect(addMonths(parseDay('2026-11-15'), 3)).toEqual({ day: parseDay('2027-02-15'), clamped: false });
    expect(addMonths(parseDay('2026-03-31'), -1)).toEqual({ day: parseDay('2026-02-28'), clamped: true });
  });
});
