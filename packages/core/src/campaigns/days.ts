/** Small calendar helpers over shop-local day numbers (see `analytics/calendar.ts`). */
import { civilFromDay, dayFromCivil } from '../analytics/calendar.ts';

/** Days in a month (`month` 1–12) of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return dayFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - dayFromCivil(year, month, 1);
}

/** Day of week of a day number, 0 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * The day `months` calendar months after `day`, clamped to the end of a shorter month
 * (2026-01-31 + 1 month = 2026-02-28), with whether it was clamped.
 */
export function addMonths(day: number, months: number): { readonly day: number; readonly clamped: boolean } {
  const [y, m, d] = civilFromDay(day);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const length = daysInMonth(year, month);
  return { day: dayFromCivil(year, month, Math.min(d, length)), clamped: d > length };
}
