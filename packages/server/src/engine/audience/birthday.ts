/**
 * "Birthday within N days" as month-day ranges: the days from the as-of date are mapped to `month*100 +
 * day` intervals (two when the window crosses New Year). A 29 February birthday falls on 1 March in
 * common years.
 */
import { civilFromDay } from '@huitou/core';

/** Month-day code `month * 100 + day`, e.g. 1231. */
export type MonthDay = number;

/** Inclusive month-day intervals; `'all'` when the window covers a whole year, `'none'` when empty. */
export type BirthdayWindow = readonly (readonly [MonthDay, MonthDay])[] | 'all' | 'none';

/** Longest possible wait for a birthday, in days (a year and a day, for 29 February). */
export const MAX_BIRTHDAY_DAYS = 366;

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * Birthdays whose next occurrence is `fromDays`..`toDays` days after `asOfDay` (0 = today), both
 * inclusive.
 * @example birthdayWindow(parseDay('2026-12-30'), 0, 7) // [[1230, 1231], [101, 106]]
 */
export function birthdayWindow(asOfDay: number, fromDays: number, toDays: number): BirthdayWindow {
  const lo = Math.max(0, fromDays);
  const hi = Math.min(MAX_BIRTHDAY_DAYS, toDays);
  if (lo > hi) return 'none';
  if (hi - lo >= 365) return 'all';
  const [y1, m1, d1] = civilFromDay(asOfDay + lo);
  const [y2, m2, d2] = civilFromDay(asOfDay + hi);
  const start = m1 * 100 + d1;
  const end = m2 * 100 + d2;
  const segments: [MonthDay, MonthDay][] = y1 === y2 ? [[start, end]] : [[start, 1231], [101, end]];
  const years = y1 === y2 ? [y1] : [y1, y2];
  return segments.map(([s, e], i) => [s === 301 && !isLeap(years[i]!) ? 229 : s, e] as const);
}
