import { describe, expect, it } from 'vitest';
import { parseTime } from './parse-time.ts';

describe('parseTime', () => {
  it('reads naive times in Asia/Shanghai by default', () => {
    expect(parseTime('2024-01-02 03:04:05')).toBe(Date.UTC(2024, 0, 1, 19, 4, 5));
    expect(parseTime('2024/1/2 3:04')).toBe(Date.UTC(2024, 0, 1, 19, 4));
    expect(parseTime('2024-01-02')).toBe(Date.UTC(2024, 0, 1, 16));
  });
  it('reads US, day-first and compact dates', () => {
    expect(parseTime('5/31/2016 0:37', 'UTC')).toBe(Date.UTC(2016, 4, 31, 0, 37));
    expect(parseTime('12/1/2010 8:26', 'UTC')).toBe(Date.UTC(2010, 11, 1, 8, 26));
    expect(parseTime('01-12-2010 08:26', 'UTC')).toBe(Date.UTC(2010, 11, 1, 8, 26));
    expect(parseTime('19970101', 'UTC')).toBe(Date.UTC(1997, 0, 1));
  });
  it('honours explicit offsets', () => {
    expect(parseTime('2026-06-24 22:58:34 +0530')).toBe(Date.UTC(2026, 5, 24, 17, 28, 34));
    expect(parseTime('2024-01-02T03:04:05Z')).toBe(Date.UTC(2024, 0, 2, 3, 4, 5));
    expect(parseTime('2024-01-02T03:04:05.123-05:00')).toBe(Date.UTC(2024, 0, 2, 8, 4, 5, 123));
  });
  it('rejects bad dates', () => {
    expect(parseTime('2024-13-45')).toBeNull();
    expect(parseTime('2023-02-29 00:00:00')).toBeNull();
    expect(parseTime('not a date')).toBeNull();
    expect(parseTime('2024-01-02 25:00')).toBeNull();
  });
  it('handles DST in America/New_York: normal, gap (shift forward) and overlap (earlier)', () => {
    const ny = 'America/New_York';
    expect(parseTime('2024-01-15 12:00', ny)).toBe(Date.UTC(2024, 0, 15, 17));
    expect(parseTime('2024-07-15 12:00', ny)).toBe(Date.UTC(2024, 6, 15, 16));
    // 2024-03-10 02:30 does not exist: read with EST -> 07:30Z (= 03:30 EDT)
    expect(parseTime('2024-03-10 02:30', ny)).toBe(Date.UTC(2024, 2, 10, 7, 30));
    expect(parseTime('2024-03-10 03:30', ny)).toBe(Date.UTC(2024, 2, 10, 7, 30));
    // 2024-11-03 01:30 happens twice: the first (EDT) -> 05:30Z
    expect(parseTime('2024-11-03 01:30', ny)).toBe(Date.UTC(2024, 10, 3, 5, 30));
    expect(parseTime('2024-11-03 02:30', ny)).toBe(Date.UTC(2024, 10, 3, 7, 30));
  });
});
