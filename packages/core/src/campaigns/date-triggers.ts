/**
 * Date triggers over columnar customer data: birthdays, membership anniversaries, member days, and
 * retail/shop dates minus N days. Everything is evaluated for one shop-local `day` (the send day);
 * `daysBefore` looks ahead to the occurrence (a birthday on day + daysBefore). Exact-day matching:
 * after downtime, call once per missed day; occurrence keys make repeats harmless.
 *
 * Feb 29 (birthdays, join dates, shop dates): in non-leap years it is celebrated on Feb 28.
 */
import { NO_DAY } from '../analytics/columns.ts';
import { civilFromDay } from '../analytics/calendar.ts';
import { daysInMonth } from './days.ts';
import { dateKey, MatchBuilder, retailKey, shopDateKey, type TriggerMatches } from './occurrence-keys.ts';
import { calendarDates, retailDate, shopDates, type RetailDateCode, type ShopDate } from './retail-calendar.ts';

/** Per-customer dates (customers are dense ids 0 … customerCount−1). */
export interface CustomerDateColumns {
  readonly customerCount: number;
  /** Birthday month 1–12, 0 = unknown. */
  readonly birthMonth: Uint8Array;
  /** Birthday day of month 1–31, 0 = unknown. */
  readonly birthDay: Uint8Array;
  /** Day the membership started, `NO_DAY` = not a member. */
  readonly memberSinceDay: Int32Array;
}

/** Whether month/day `m`/`d` is celebrated on the date (y, month, dom): equal, or Feb 29 → Feb 28 in non-leap years. */
function celebratedOn(m: number, d: number, y: number, month: number, dom: number): boolean {
  if (m === month && d === dom) return true;
  return m === 2 && d === 29 && month === 2 && dom === 28 && daysInMonth(y, 2) === 28;
}

/** Customers whose birthday is `daysBefore` days after `day`; key `birthday:<that date>`. */
export function birthdayMatches(cols: CustomerDateColumns, day: number, daysBefore = 0): TriggerMatches {
  const target = day + daysBefore;
  const [y, month, dom] = civilFromDay(target);
  const key = dateKey('birthday', target);
  const out = new MatchBuilder();
  for (let c = 0; c < cols.customerCount; c++) {
    const m = cols.birthMonth[c] ?? 0;
    if (m !== 0 && celebratedOn(m, cols.birthDay[c] ?? 0, y, month, dom)) out.add(c, key, target);
  }
  return out.build();
}

/**
 * Members whose membership anniversary (at least `minYears` whole years) is `daysBefore` days after
 * `day`; key `anniversary:<that date>`.
 */
export function anniversaryMatches(cols: CustomerDateColumns, day: number, daysBefore = 0, minYears = 1): TriggerMatches {
  const target = day + daysBefore;
  const [y, month, dom] = civilFromDay(target);
  const key = dateKey('anniversary', target);
  const out = new MatchBuilder();
  for (let c = 0; c < cols.customerCount; c++) {
    const since = cols.memberSinceDay[c] ?? NO_DAY;
    if (since === NO_DAY || since >= target) continue;
    const [sy, sm, sd] = civilFromDay(since);
    if (y - sy >= minYears && celebratedOn(sm, sd, y, month, dom)) out.add(c, key, target);
  }
  return out.build();
}

/**
 * Whether `day` is a member day for configured days of the month: its day of month is listed, or it
 * is the last day of a month too short for a listed day (30 → Feb 28/29; 31 → Apr 30).
 */
export function isMemberDay(day: number, daysOfMonth: readonly number[]): boolean {
  const [y, m, d] = civilFromDay(day);
  const length = daysInMonth(y, m);
  return daysOfMonth.some((x) => x === d || (d === length && x > length));
}

/** Options for `memberDayMatches`. */
export interface MemberDayOptions {
  /** Days of the month, 1–31 (e.g. `[30]`, or `[8, 18, 28]`). */
  readonly daysOfMonth: readonly number[];
  /** Send this many days ahead of the member day (default 0). */
  readonly daysBefore?: number;
  /** Only customers who are members on the send day (default true); false = every customer. */
  readonly membersOnly?: boolean;
}

/** Customers to remind of the member day `daysBefore` days after `day`; key `member_day:<that date>`. */
export function memberDayMatches(cols: CustomerDateColumns, day: number, options: MemberDayOptions): TriggerMatches {
  const target = day + (options.daysBefore ?? 0);
  const out = new MatchBuilder();
  if (!isMemberDay(target, options.daysOfMonth)) return out.build();
  const key = dateKey('member_day', target);
  const membersOnly = options.membersOnly ?? true;
  for (let c = 0; c < cols.customerCount; c++) {
    const since = cols.memberSinceDay[c] ?? NO_DAY;
    if (!membersOnly || (since !== NO_DAY && since <= day)) out.add(c, key, target);
  }
  return out.build();
}

/** A shop-wide occurrence (the same for every customer in the audience). */
export interface DateOccurrence {
  readonly code: string;
  readonly key: string;
  /** The date itself (e.g. 11-11), not the send day. */
  readonly occurrenceDay: number;
}

/**
 * The retail date `code` if it falls `daysBefore` days after `day` (双11 preheat: daysBefore 10 on
 * 11-01), else null; key `retail:<code>:<year>`.
 */
export function retailDateOccurrence(day: number, code: RetailDateCode, daysBefore = 0): DateOccurrence | null {
  const target = day + daysBefore;
  const year = civilFromDay(target)[0];
  if (retailDate(code, year) !== target) return null;
  return { code, key: retailKey(code, year), occurrenceDay: target };
}

/** The shop's own dates falling `daysBefore` days after `day`; key `shop:<code>:<date>`. */
export function shopDateOccurrences(day: number, dates: readonly ShopDate[], daysBefore = 0): DateOccurrence[] {
  const target = day + daysBefore;
  return shopDates(dates, civilFromDay(target)[0])
    .filter((d) => d.day === target)
    .map((d) => ({ code: d.code, key: shopDateKey(d.code, d.day), occurrenceDay: d.day }));
}

/** Every retail and shop date `daysBefore` days after `day` (for a "what is coming" view). */
export function calendarOccurrences(day: number, daysBefore = 0, own: readonly ShopDate[] = []): DateOccurrence[] {
  const target = day + daysBefore;
  const year = civilFromDay(target)[0];
  return calendarDates(year, own)
    .filter((d) => d.day === target)
    .map((d) => ({ code: d.code, key: d.source === 'retail' ? retailKey(d.code, year) : shopDateKey(d.code, d.day), occurrenceDay: d.day }));
}
