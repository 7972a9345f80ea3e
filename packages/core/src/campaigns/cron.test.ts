import { describe, expect, it } from 'vitest';
import { parseDay } from '../analytics/calendar.ts';
import { cronMatchesDay, nextOccurrences } from './cron.ts';
import { daysInMonth, weekdayOf } from './days.ts';
import { parseCron, parseCronOrThrow } from './cron-parse.ts';

const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 16) + 'Z';
const at = (s: string): number => Date.parse(s);
const runs = (cron: string, from: string, tz: string, n: number): string[] => nextOccurrences(cron, at(from), tz, n).map(iso);

describe('parseCron', () => {
  it('reads lists, ranges, steps and names', () => {
    const c = parseCronOrThrow('*/15 8-18/5 1,15 JAN-mar mon-FRI');
    expect(c.minutes).toEqual([0, 15, 30, 45]);
    expect(c.hours).toEqual([8, 13, 18]);
    expect(c.daysOfMonth).toEqual([1, 15]);
    expect(c.months).toEqual([1, 2, 3]);
    expect(c.daysOfWeek).toEqual([1, 2, 3, 4, 5]);
    expect(c.dayOfMonthRestricted && c.dayOfWeekRestricted).toBe(true);
  });
  it('folds weekday 7 to Sunday, reads a/n to the field end, L and macros', () => {
    expect(parseCronOrThrow('0 0 * * 5-7').daysOfWeek).toEqual([0, 5, 6]);
    expect(parseCronOrThrow('5/20 0 * * 1/2').minutes).toEqual([5, 25, 45]);
    expect(parseCronOrThrow('0 0 * * 1/2').daysOfWeek).toEqual([1, 3, 5]);
    const l = parseCronOrThrow('0 9 15,L * ?');
    expect(l.lastDayOfMonth).toBe(true);
    expect(l.dayOfWeekRestricted).toBe(false);
    expect(parseCronOrThrow('@weekly').daysOfWeek).toEqual([0]);
    expect(parseCronOrThrow('@DAILY').hours).toEqual([0]);
  });
  it('reports typed errors with positions', () => {
    const err = (s: string) => {
      const r = parseCron(s);
      if (r.ok) throw new Error(`expected an error for ${s}`);
      return r.error;
    };
    expect(err('')).toMatchObject({ code: 'empty', position: 0 });
    expect(err('0 0 * *')).toMatchObject({ code: 'field_count', position: 7 });
    expect(err('0 0 * * * *')).toMatchObject({ code: 'field_count', position: 10 });
    expect(err('0 24 * * *')).toMatchObject({ code: 'out_of_range', position: 2, field: 'hour' });
    expect(err('0 0 * FOO *')).toMatchObject({ code: 'unknown_name', position: 6, field: 'month' });
    expect(err('0 0 * * L')).toMatchObject({ code: 'unknown_name', field: 'dayOfWeek' });
    expect(err('0 0 10-5 * *')).toMatchObject({ code: 'bad_range', position: 4 });
    expect(err('*/0 0 * * *')).toMatchObject({ code: 'bad_step', position: 2 });
    expect(err('0 0 1,,2 * *')).toMatchObject({ code: 'bad_token', position: 6 });
    expect(err('1.5 0 * * *')).toMatchObject({ code: 'bad_token', position: 0 });
    expect(err('? 0 * * *')).toMatchObject({ code: 'bad_token', field: 'minute' });
    expect(err('0 0 30,31 2 *')).toMatchObject({ code: 'never_matches', position: 4 });
    expect(err('@sometimes')).toMatchObject({ code: 'unknown_name' });
    expect(err('0 61 * * *').messageZh).toContain('小时');
    // 0 0 31 4 * never happens either, but with a weekday restriction the OR rule makes it fine.
    expect(parseCron('0 0 31 4 *').ok).toBe(false);
    expect(parseCron('0 0 31 4 MON').ok).toBe(true);
    expect(parseCron('0 0 29 2 *').ok).toBe(true);
  });
});

describe('day matching', () => {
  it('uses OR when both day fields are restricted, AND otherwise', () => {
    const c = parseCronOrThrow('0 9 1 * MON');
    expect(cronMatchesDay(c, parseDay('2026-06-01'))).toBe(true); // a Monday and the 1st
    expect(cronMatchesDay(c, parseDay('2026-06-08'))).toBe(true); // Monday
    expect(cronMatchesDay(c, parseDay('2026-07-01'))).toBe(true); // Wednesday the 1st
    expect(cronMatchesDay(c, parseDay('2026-07-02'))).toBe(false);
    // */2 starts with * so it is "unrestricted": AND → odd days that are Mondays.
    const s = parseCronOrThrow('0 9 */2 * MON');
    expect(cronMatchesDay(s, parseDay('2026-06-01'))).toBe(true);
    expect(cronMatchesDay(s, parseDay('2026-06-08'))).toBe(false);
    expect(cronMatchesDay(s, parseDay('2026-06-03'))).toBe(false);
  });
  it('knows weekdays and month lengths', () => {
    expect(weekdayOf(0)).toBe(4); // 1970-01-01 Thursday
    expect(weekdayOf(parseDay('2026-05-03'))).toBe(0); // Sunday
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2025, 12)).toBe(31);
  });
});

describe('nextOccurrences', () => {
  it('runs in Asia/Shanghai (UTC+8, no DST)', () => {
    // 09:30 Shanghai = 01:30Z.
    expect(runs('30 9 * * *', '2026-01-01T00:00:00Z', 'Asia/Shanghai', 2)).toEqual(['2026-01-01T01:30Z', '2026-01-02T01:30Z']);
    // Strictly after: from exactly 01:30Z the first run is the next day.
    expect(runs('30 9 * * *', '2026-01-01T01:30:00Z', 'Asia/Shanghai', 1)).toEqual(['2026-01-02T01:30Z']);
    // 20:00 UTC on Dec 31 is already Jan 1 04:00 in Shanghai.
    expect(runs('0 10 1 1 *', '2025-12-31T20:00:00Z', 'Asia/Shanghai', 1)).toEqual(['2026-01-01T02:00Z']);
  });
  it('handles the New York spring-forward gap: 02:30 runs once at 03:00 EDT', () => {
    // 2026-03-08: 02:00 EST → 03:00 EDT (07:00Z). Day before: 02:30 EST = 07:30Z; day after 02:30 EDT = 06:30Z.
    expect(runs('30 2 * * *', '2026-03-07T00:00:00Z', 'America/New_York', 3)).toEqual(['2026-03-07T07:30Z', '2026-03-08T07:00Z', '2026-03-09T06:30Z']);
    // 02:30 and 03:00 both land on 07:00Z: one run.
    expect(runs('0,30 2,3 8 3 *', '2026-03-08T00:00:00Z', 'America/New_York', 3)).toEqual(['2026-03-08T07:00Z', '2026-03-08T07:30Z', '2027-03-08T07:00Z']);
  });
  it('handles the New York fall-back overlap: 01:30 runs once, at the first (EDT) occurrence', () => {
    // 2026-11-01: 02:00 EDT → 01:00 EST. 01:30 EDT = 05:30Z (01:30 EST = 06:30Z is skipped).
    expect(runs('30 1 * * *', '2026-10-31T12:00:00Z', 'America/New_York', 2)).toEqual(['2026-11-01T05:30Z', '2026-11-02T06:30Z']);
    // Starting inside the second 01:xx hour, the repeated 01:30 is not run again.
    expect(runs('30 1 * * *', '2026-11-01T06:10:00Z', 'America/New_York', 1)).toEqual(['2026-11-02T06:30Z']);
    // Hourly across the overlap: 00:00 EDT, 01:00 EDT, 02:00 EST (the 01:00 EST hour is skipped).
    expect(runs('0 * * * *', '2026-11-01T03:30:00Z', 'America/New_York', 3)).toEqual(['2026-11-01T04:00Z', '2026-11-01T05:00Z', '2026-11-01T07:00Z']);
  });
  it('handles Europe/London (BST from 2026-03-29 01:00 GMT)', () => {
    // 01:30 does not exist on 03-29 → 02:00 BST = 01:00Z. Day before 01:30 GMT; day after 01:30 BST = 00:30Z.
    expect(runs('30 1 * * *', '2026-03-28T00:00:00Z', 'Europe/London', 3)).toEqual(['2026-03-28T01:30Z', '2026-03-29T01:00Z', '2026-03-30T00:30Z']);
    // Back to GMT 2026-10-25 02:00 BST → 01:00 GMT: 01:30 first occurrence is BST = 00:30Z.
    expect(runs('30 1 25 10 *', '2026-10-01T00:00:00Z', 'Europe/London', 1)).toEqual(['2026-10-25T00:30Z']);
  });
  it('handles month ends, L and Feb 29', () => {
    expect(runs('0 12 L * *', '2026-01-15T00:00:00Z', 'UTC', 4)).toEqual(['2026-01-31T12:00Z', '2026-02-28T12:00Z', '2026-03-31T12:00Z', '2026-04-30T12:00Z']);
    expect(runs('0 12 L 2 *', '2027-06-01T00:00:00Z', 'UTC', 2)).toEqual(['2028-02-29T12:00Z', '2029-02-28T12:00Z']);
    // The 31st skips short months.
    expect(runs('0 0 31 * *', '2026-01-31T01:00:00Z', 'UTC', 2)).toEqual(['2026-03-31T00:00Z', '2026-05-31T00:00Z']);
    // Feb 29 only: 2028, 2032; across 2100 (not a leap year) 2096 → 2104.
    expect(runs('0 8 29 2 *', '2026-01-01T00:00:00Z', 'Asia/Shanghai', 2)).toEqual(['2028-02-29T00:00Z', '2032-02-29T00:00Z']);
    expect(runs('0 0 29 2 *', '2096-03-01T00:00:00Z', 'UTC', 1)).toEqual(['2104-02-29T00:00Z']);
  });
  it('uses the OR rule over real dates', () => {
    // The 13th or any Friday, June 2026: Fri 5, Fri 12, Sat 13, Fri 19.
    expect(runs('0 0 13 6 FRI', '2026-06-01T00:00:00Z', 'UTC', 4)).toEqual(['2026-06-05T00:00Z', '2026-06-12T00:00Z', '2026-06-13T00:00Z', '2026-06-19T00:00Z']);
  });
  it('steps every minute within the first day and validates input', () => {
    expect(runs('* * * * *', '2026-01-01T00:00:30Z', 'UTC', 2)).toEqual(['2026-01-01T00:01Z', '2026-01-01T00:02Z']);
    expect(nextOccurrences('* * * * *', 0, 'UTC', 0)).toEqual([]);
    expect(() => nextOccurrences('* * * * *', 0, 'Mars/Olympus', 1)).toThrow(RangeError);
    expect(() => nextOccurrences('* * *', 0, 'UTC', 1)).toThrow(RangeError);
    expect(() => nextOccurrences('* * * * *', 0, 'UTC', -1)).toThrow(RangeError);
    expect(nextOccurrences('* * * * *', at('2026-03-08T06:58:00Z'), 'America/New_York', 500)).toHaveLength(500);
  });
});
