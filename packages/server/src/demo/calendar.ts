/**
 * Calendar arithmetic for the demo shop, in China local time (UTC+8, no DST).
 *
 * Times are "local seconds": seconds since 1970-01-01 00:00:00 *China local time*; a day index is
 * `Math.floor(localSeconds / 86400)`. Formatting never touches `Date`, so it stays fast.
 */

export const SECONDS_PER_DAY = 86_400;

/** Days since 1970-01-01 of a Gregorian date, and back: core's calendar arithmetic under the demo's names. */
import { civilFromDay as civilFromDays, dayFromCivil as daysFromCivil } from '@huitou/core';

export { civilFromDays, daysFromCivil };

/** Parse `YYYY-MM-DD` into a day index; throws on anything else. */
export function parseDay(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new Error(`expected a date as YYYY-MM-DD, got "${text}"`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const day = daysFromCivil(y, m, d);
  const [y2, m2, d2] = civilFromDays(day);
  if (y2 !== y || m2 !== m || d2 !== d) throw new Error(`not a calendar date: "${text}"`);
  return day;
}

const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

/** Two-digit zero-padded 0–99. */
export function pad2(n: number): string {
  return TWO_DIGITS[n] ?? String(n).padStart(2, '0');
}

/** `YYYY-MM-DD` of a day index. */
export function formatDay(day: number): string {
  const [y, m, d] = civilFromDays(day);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** Formats local seconds as `yyyy-MM-dd HH:mm:ss`, caching the date part per day. */
export class DateTimeFormatter {
  readonly #days = new Map<number, string>();

  /** `yyyy-MM-dd HH:mm:ss` of local seconds. */
  format(localSeconds: number): string {
    const day = Math.floor(localSeconds / SECONDS_PER_DAY);
    let prefix = this.#days.get(day);
    if (prefix === undefined) {
      prefix = `${formatDay(day)} `;
      this.#days.set(day, prefix);
    }
    const s = localSeconds - day * SECONDS_PER_DAY;
    const hh = Math.floor(s / 3600);
    const mm = Math.floor((s % 3600) / 60);
    return `${prefix}${TWO_DIGITS[hh]!}:${TWO_DIGITS[mm]!}:${TWO_DIGITS[s % 60]!}`;
  }
}

/** Approximate 春节 (lunar new year's day) per year; years outside the table fall back to 02-05. */
const LUNAR_NEW_YEAR: Readonly<Record<number, string>> = {
  2010: '02-14', 2011: '02-03', 2012: '01-23', 2013: '02-10', 2014: '01-31', 2015: '02-19',
  2016: '02-08', 2017: '01-28', 2018: '02-16', 2019: '02-05', 2020: '01-25', 2021: '02-12',
  2022: '02-01', 2023: '01-22', 2024: '02-10', 2025: '01-29', 2026: '02-17', 2027: '02-06',
  2028: '01-26', 2029: '02-13', 2030: '02-03', 2031: '01-23', 2032: '02-11', 2033: '01-31',
  2034: '02-19', 2035: '02-08',
};

/** Day index of 春节 in `year` (table above; 02-05 outside it). */
export function lunarNewYear(year: number): number {
  const md = LUNAR_NEW_YEAR[year] ?? '02-05';
  return daysFromCivil(year, Number(md.slice(0, 2)), Number(md.slice(3, 5)));
}

/** Sale days with their own discount rule. */
export const Promo = { None: 0, Double11: 1, Double12: 2, Mid618: 3 } as const;
/** One of the {@link Promo} codes. */
export type Promo = (typeof Promo)[keyof typeof Promo];

/**
 * Per-day demand intensity and promotions over a closed range of day indices.
 * Intensity 1 is an ordinary day; 双11 ≈ 7×, 618 ≈ 3.5×, 双12 ≈ 3×, 春节 week ≈ 0.25×.
 */
export class ShopCalendar {
  readonly firstDay: number;
  readonly lastDay: number;
  readonly maxIntensity: number;
  readonly #intensity: Float64Array;
  readonly #promo: Uint8Array;
  readonly #lunarNewYear: Int32Array;

  constructor(firstDay: number, lastDay: number) {
    this.firstDay = firstDay;
    this.lastDay = lastDay;
    const n = lastDay - firstDay + 1;
    this.#intensity = new Float64Array(n).fill(1);
    this.#promo = new Uint8Array(n);
    this.#lunarNewYear = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const [y, m, d] = civilFromDays(firstDay + i);
      const [factor, promo] = dayFactor(m, d);
      const thisYear = lunarNewYear(y);
      const nextYear = lunarNewYear(y + 1);
      const nearest = firstDay + i - thisYear <= nextYear - (firstDay + i) ? thisYear : nextYear;
      this.#lunarNewYear[i] = nearest;
      this.#intensity[i] = factor * festivalFactor(firstDay + i - nearest);
      this.#promo[i] = promo;
    }
    this.maxIntensity = Math.max(...this.#intensity);
  }

  /** Demand multiplier of a day (1 outside the range). */
  intensity(day: number): number {
    return this.#intensity[day - this.firstDay] ?? 1;
  }

  /** Day index of the 春节 nearest to `day` (computed for days outside the range too). */
  nearestLunarNewYear(day: number): number {
    const cached = this.#lunarNewYear[day - this.firstDay];
    if (cached !== undefined) return cached;
    const [y] = civilFromDays(day);
    const [a, b] = [lunarNewYear(y), lunarNewYear(y + 1)];
    return day - a <= b - day ? a : b;
  }

  /** Promotion running on a day. */
  promo(day: number): Promo {
    return toPromo(this.#promo[day - this.firstDay] ?? 0);
  }
}

function toPromo(code: number): Promo {
  return code === 1 ? Promo.Double11 : code === 2 ? Promo.Double12 : code === 3 ? Promo.Mid618 : Promo.None;
}

function dayFactor(m: number, d: number): [number, Promo] {
  if (m === 11 && d === 11) return [7, Promo.Double11];
  if (m === 11 && d === 12) return [1.5, Promo.None];
  if (m === 11 && d === 10) return [1.6, Promo.None];
  if (m === 11 && d < 10) return [0.8, Promo.None]; // buyers wait for 双11
  if (m === 12 && d === 12) return [3, Promo.Double12];
  if (m === 6 && d === 18) return [3.5, Promo.Mid618];
  if (m === 6 && d < 18) return [1.15, Promo.None];
  return [1, Promo.None];
}

/** `offset` = days after 春节 (negative before). Stock-up before, logistics pause around it. */
function festivalFactor(offset: number): number {
  if (offset >= -12 && offset <= -8) return 1.2;
  if (offset >= -7 && offset <= 7) return 0.25;
  if (offset >= 8 && offset <= 12) return 0.7;
  return 1;
}

/** Relative order volume by hour of day (China local), evenings peak; 双11 adds a midnight rush. */
export const HOUR_WEIGHTS: readonly number[] = [
  3, 1.5, 0.8, 0.5, 0.4, 0.5, 1, 2, 3.5, 5, 6, 6, 6, 6, 6, 6, 5.5, 5, 5, 6, 8, 9.5, 9, 6,
];

/** Hour weights for 11-11: most of the day's first hours are the post-midnight rush. */
export const DOUBLE11_HOUR_WEIGHTS: readonly number[] = HOUR_WEIGHTS.map((w, h) => (h === 0 ? 60 : h === 1 ? 15 : w));
