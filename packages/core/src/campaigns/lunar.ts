/**
 * Chinese lunisolar dates through Intl (`en-u-ca-chinese`), so no lunar tables live in the code.
 * Needs a Node build with full ICU (the default since Node 13); with small-icu Intl silently falls
 * back to the Gregorian calendar, which `lunarDateOf` detects and reports by throwing.
 */
import { dayFromCivil } from '../analytics/calendar.ts';
import { beijingNewMoonDayNear } from './new-moon.ts';

/** A date in the Chinese calendar; `leap` marks a 闰月 (a repeated month, e.g. 闰六月 2025). */
export interface LunarDate {
  readonly month: number;
  readonly day: number;
  readonly leap: boolean;
}

const DAY_MS = 86_400_000;
let formatter: Intl.DateTimeFormat | null = null;

function chineseFormatter(): Intl.DateTimeFormat {
  if (formatter === null) {
    const f = new Intl.DateTimeFormat('en-u-ca-chinese', { timeZone: 'UTC', month: 'numeric', day: 'numeric' });
    if (f.resolvedOptions().calendar !== 'chinese') {
      throw new Error('Intl has no Chinese calendar (Node built with small-icu?); lunar dates need full ICU');
    }
    formatter = f;
  }
  return formatter;
}

/**
 * Chinese-calendar month and day of a day number as ICU computes it, uncorrected: near a new moon
 * close to midnight it can be a day off (use `lunarMonthStart` for festival dates). ICU writes a leap month with a suffix (`6bis`),
 * so any month text that is not plain digits is a leap month.
 */
export function lunarDateOf(day: number): LunarDate {
  let monthText = '';
  let dayText = '';
  for (const p of chineseFormatter().formatToParts(day * DAY_MS + DAY_MS / 2)) {
    if (p.type === 'month') monthText = p.value;
    else if (p.type === 'day') dayText = p.value;
  }
  const month = Number.parseInt(monthText, 10);
  const dom = Number.parseInt(dayText, 10);
  if (!Number.isFinite(month) || !Number.isFinite(dom)) throw new Error(`unexpected Chinese calendar output: ${monthText}/${dayText}`);
  return { month, day: dom, leap: !/^\d+$/.test(monthText) };
}

/**
 * Day number of the first day of the first regular (non-leap) lunar `month` starting on or after
 * `fromDay` (searching up to `maxDays` days), or null. ICU names the months; the first day is then
 * moved to the Beijing-time day of the astronomical new moon (`new-moon.ts`) when ICU is a day off,
 * which happens a few times a century (1954, 2027, 2030, 2057 … for month starts; see the tests).
 */
export function lunarMonthStart(month: number, fromDay: number, maxDays = 420): number | null {
  let g = fromDay;
  while (g <= fromDay + maxDays) {
    const here = lunarDateOf(g);
    const start = g - (here.day - 1);
    if (!here.leap && here.month === month && start >= fromDay) {
      const astronomical = beijingNewMoonDayNear(start);
      return Math.abs(astronomical - start) <= 1 ? astronomical : start;
    }
    // Lunar months have 29 or 30 days: this lands on day 30 or on the next month's first day.
    g += Math.max(1, 30 - here.day);
  }
  return null;
}

/**
 * Day number of lunar `month`/`day` (regular month, day 1–29) of the Chinese year that begins in
 * Gregorian `year` (its 春节 falls Jan 21–Feb 20). The festivals (1/1, 1/15, 7/7, 8/15) are in that
 * Gregorian year too; 11th/12th-month dates may fall in the next January. Throws Error when Intl
 * lacks the Chinese calendar.
 */
export function lunarDayInYear(year: number, month: number, day: number): number {
  if (!Number.isInteger(day) || day < 1 || day > 29) throw new RangeError(`lunar day must be 1–29, got ${day}`);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`lunar month must be 1–12, got ${month}`);
  const newYear = lunarMonthStart(1, dayFromCivil(year, 1, 1));
  const start = newYear === null || month === 1 ? newYear : lunarMonthStart(month, newYear + 1);
  if (start === null) throw new Error(`lunar ${month}/${day} not found for ${year}`);
  return start + day - 1;
}
