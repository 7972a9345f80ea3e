/**
 * The Chinese retail calendar for a Gregorian year, computed (lunar festivals through Intl's
 * Chinese calendar, see `lunar.ts`), plus a shop's own dates. Day numbers are shop-local.
 */
import { dayFromCivil } from '../analytics/calendar.ts';
import { daysInMonth, weekdayOf } from './days.ts';
import { lunarDayInYear } from './lunar.ts';

/** Codes of the built-in retail dates. */
export type RetailDateCode =
  | 'spring_festival'
  | 'lantern_festival'
  | 'valentines_day'
  | 'womens_day'
  | 'mothers_day'
  | '618'
  | 'fathers_day'
  | 'qixi'
  | 'mid_autumn'
  | 'double11'
  | 'double12';

/** How a date is defined: lunar month/day, fixed Gregorian month/day, or nth weekday of a month. */
export type RetailDateRule =
  | { readonly kind: 'lunar'; readonly month: number; readonly day: number }
  | { readonly kind: 'fixed'; readonly month: number; readonly day: number }
  | { readonly kind: 'nth_weekday'; readonly month: number; readonly weekday: number; readonly nth: number };

/** A built-in retail date definition. */
export interface RetailDateDefinition {
  readonly code: RetailDateCode;
  readonly zh: string;
  readonly en: string;
  readonly rule: RetailDateRule;
}

/** One dated entry of a year's calendar. */
export interface CalendarDate {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  /** Shop-local day number. */
  readonly day: number;
  readonly source: 'retail' | 'shop';
}

/** Built-in dates, in calendar order of a typical year. */
export const RETAIL_DATES: readonly RetailDateDefinition[] = [
  { code: 'spring_festival', zh: '春节', en: 'Chinese New Year', rule: { kind: 'lunar', month: 1, day: 1 } },
  { code: 'lantern_festival', zh: '元宵节', en: 'Lantern Festival', rule: { kind: 'lunar', month: 1, day: 15 } },
  { code: 'valentines_day', zh: '情人节', en: "Valentine's Day", rule: { kind: 'fixed', month: 2, day: 14 } },
  { code: 'womens_day', zh: '三八妇女节', en: "Women's Day", rule: { kind: 'fixed', month: 3, day: 8 } },
  { code: 'mothers_day', zh: '母亲节', en: "Mother's Day", rule: { kind: 'nth_weekday', month: 5, weekday: 0, nth: 2 } },
  { code: '618', zh: '618', en: '618 mid-year sale', rule: { kind: 'fixed', month: 6, day: 18 } },
  { code: 'fathers_day', zh: '父亲节', en: "Father's Day", rule: { kind: 'nth_weekday', month: 6, weekday: 0, nth: 3 } },
  { code: 'qixi', zh: '七夕', en: 'Qixi (Chinese Valentine’s Day)', rule: { kind: 'lunar', month: 7, day: 7 } },
  { code: 'mid_autumn', zh: '中秋节', en: 'Mid-Autumn Festival', rule: { kind: 'lunar', month: 8, day: 15 } },
  { code: 'double11', zh: '双11', en: 'Singles Day (11.11)', rule: { kind: 'fixed', month: 11, day: 11 } },
  { code: 'double12', zh: '双12', en: 'Double 12 (12.12)', rule: { kind: 'fixed', month: 12, day: 12 } },
];

/** Day number of the `nth` (1-based) `weekday` (0 = Sunday) of a month. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, nth: number): number {
  const first = dayFromCivil(year, month, 1);
  return first + ((weekday - weekdayOf(first) + 7) % 7) + (nth - 1) * 7;
}

/**
 * Day number of a yearly month/day in `year`; Feb 29 falls on Feb 28 in non-leap years (the same
 * rule as birthdays).
 */
export function yearlyDay(year: number, month: number, day: number): number {
  return dayFromCivil(year, month, Math.min(day, daysInMonth(year, month)));
}

const cache = new Map<number, readonly CalendarDate[]>();

/** Day number of a rule in a year. Throws Error when Intl lacks the Chinese calendar. */
export function dayOfRule(rule: RetailDateRule, year: number): number {
  switch (rule.kind) {
    case 'fixed':
      return yearlyDay(year, rule.month, rule.day);
    case 'nth_weekday':
      return nthWeekdayOfMonth(year, rule.month, rule.weekday, rule.nth);
    case 'lunar':
      return lunarDayInYear(year, rule.month, rule.day);
  }
}

/** The built-in retail dates of a Gregorian year, sorted by day (cached per year). */
export function retailDates(year: number): readonly CalendarDate[] {
  let dates = cache.get(year);
  if (dates === undefined) {
    dates = RETAIL_DATES.map((d): CalendarDate => ({ code: d.code, zh: d.zh, en: d.en, day: dayOfRule(d.rule, year), source: 'retail' })).sort((a, b) => a.day - b.day);
    cache.set(year, dates);
  }
  return dates;
}

/** Day number of one retail date in a year. */
export function retailDate(code: RetailDateCode, year: number): number {
  const d = retailDates(year).find((x) => x.code === code);
  if (d === undefined) throw new RangeError(`unknown retail date ${code}`);
  return d.day;
}

/**
 * A shop's own date: yearly by month/day (shop anniversary, 店庆) or once on a day number. `code`
 * should be a short slug (`[a-z0-9_-]`), since it goes into occurrence keys.
 */
export type ShopDate =
  | { readonly code: string; readonly zh: string; readonly en: string; readonly month: number; readonly dayOfMonth: number }
  | { readonly code: string; readonly zh: string; readonly en: string; readonly day: number };

/** The shop's own dates falling in `year` (yearly dates: Feb 29 → Feb 28 in non-leap years). */
export function shopDates(dates: readonly ShopDate[], year: number): CalendarDate[] {
  const out: CalendarDate[] = [];
  const first = dayFromCivil(year, 1, 1);
  const last = dayFromCivil(year + 1, 1, 1) - 1;
  for (const d of dates) {
    const day = 'day' in d ? d.day : yearlyDay(year, d.month, d.dayOfMonth);
    if (day >= first && day <= last) out.push({ code: d.code, zh: d.zh, en: d.en, day, source: 'shop' });
  }
  return out;
}

/** Retail dates and the shop's dates of a year, sorted by day. */
export function calendarDates(year: number, own: readonly ShopDate[] = []): CalendarDate[] {
  return [...retailDates(year), ...shopDates(own, year)].sort((a, b) => a.day - b.day);
}
